using System.CommandLine;
using Feed.Client;

namespace Feed.Cli;

/// <summary><c>feed resolve WORDS...</c>: feeds matching words a person types, with their titles.</summary>
internal sealed class ResolveCommand(GlobalOptions global, CliContext context)
{
    private readonly Argument<string[]> _words = new("words")
    {
        Description = "Country names, codes, capitals, topics... e.g. azerbaijan korea",
        Arity = ArgumentArity.OneOrMore,
    };

    public Command Build()
    {
        var command = new Command("resolve", "Find feeds by words (\"azerbaijan korea\" → relation:AZ-KR, country:AZ, country:KR)") { _words };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        var words = string.Join(' ', parse.GetValue(_words) ?? []);
        using var api = context.Api(options);
        try
        {
            var resolution = await api.ResolveAsync(words, cancellationToken);
            if (resolution.Feeds.Count == 0)
            {
                context.Error.WriteLine($"No feed matches '{words}'.");
                return ExitCodes.Ok;
            }
            var width = resolution.Feeds.Max(f => f.Feed.Length);
            foreach (var feed in resolution.Feeds) context.Out.WriteLine($"{feed.Feed.PadRight(width)}  {feed.Title}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliErrors.Report(e, context.Error);
        }
    }
}
