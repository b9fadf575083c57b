using System.CommandLine;
using Feed.Client;

namespace Feed.Cli;

/// <summary>The options every command takes: which servers, and which publisher key.</summary>
internal sealed class GlobalOptions
{
    public const string ServerVariable = "FEED_URL";
    public const string KeyVariable = "FEED_API_KEY";

    public Option<string[]> Servers { get; } = new("--server")
    {
        Description = $"A web front URL; repeat it to give several, tried in turn. Default: ${ServerVariable} (several may be separated by commas), else {FeedClientOptions.DefaultServer}",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "URL",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The publisher key (X-Api-Key) for publish and sources. Default: ${KeyVariable}",
        Recursive = true,
        HelpName = "KEY",
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Servers);
        root.Options.Add(Key);
    }

    /// <summary>Client options from the command line, then the environment, then the defaults; null (with a message) when a URL is malformed.</summary>
    public FeedClientOptions? ClientOptions(ParseResult parse, CliContext context)
    {
        var given = parse.GetValue(Servers) is { Length: > 0 } fromArgs
            ? fromArgs
            : context.Environment(ServerVariable)?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var servers = new List<Uri>();
        foreach (var text in given)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                context.Error.WriteLine($"error: '{text}' is not a server URL: use http://host:port or https://host:port.");
                return null;
            }
            servers.Add(uri);
        }
        if (servers.Count == 0) servers.Add(FeedClientOptions.DefaultServer);
        var key = parse.GetValue(Key);
        if (string.IsNullOrEmpty(key)) key = context.Environment(KeyVariable);
        return new FeedClientOptions { Servers = servers, ApiKey = string.IsNullOrEmpty(key) ? null : key };
    }
}
