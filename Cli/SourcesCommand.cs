using System.CommandLine;
using System.Text.Json;
using Feed.Client;

namespace Feed.Cli;

/// <summary>
/// <c>feed sources list|show ID|add URL|poll ID|remove ID</c>: the feed documents (RSS, Atom, JSON Feed) the server
/// follows and publishes from. Every subcommand needs the publisher key, as publish does.
/// </summary>
internal sealed class SourcesCommand(GlobalOptions global, CliContext context)
{
    public Command Build()
    {
        var command = new Command("sources", "List, add, poll and remove the feed documents the server follows (needs a publisher key)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Poll());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Argument<string> Id() => new("id") { Description = "The source's id, as feed sources list shows it" };

    private static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as the server's JSON" };

    private Command List()
    {
        var json = Json("the list");
        var command = new Command("list", "Show every followed source: its last poll, next poll, articles and last error") { json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async sources =>
        {
            var list = await sources.ListSourcesAsync(cancellationToken);
            if (parse.GetValue(json)) context.Out.WriteLine(JsonSerializer.Serialize(new { sources = list }, CliJson.Options));
            else if (list.Count == 0) context.Out.WriteLine("(no sources)");
            else foreach (var line in SourceText.Table(list, DateTimeOffset.UtcNow)) context.Out.WriteLine(line);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Show()
    {
        var id = Id();
        var json = Json("the source");
        var command = new Command("show", "Show one source in detail") { id, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async sources =>
        {
            if (await sources.GetSourceAsync(parse.GetValue(id)!, cancellationToken) is not { } source) return NotFound(parse.GetValue(id)!);
            if (parse.GetValue(json)) context.Out.WriteLine(JsonSerializer.Serialize(source, CliJson.Options));
            else foreach (var line in SourceText.Details(source, DateTimeOffset.UtcNow)) context.Out.WriteLine(line);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed document's address: http:// or https://" };
        var title = new Option<string?>("--title") { Description = "The name its articles carry as their source. Default: the server's choice", HelpName = "TITLE" };
        var pollSeconds = new Option<int?>("--poll-seconds") { Description = "Seconds between polls, at least the server's minimum. Default: the server's", HelpName = "N" };
        var json = Json("the source");
        var command = new Command("add", "Follow a feed document; the same URL again is not an error") { url, title, pollSeconds, json };
        command.SetAction((parse, cancellationToken) =>
        {
            // The server checks the URL too; a malformed one is a usage error caught before any call, as feed keys are.
            var text = parse.GetValue(url)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                context.Error.WriteLine($"error: '{text}' is not a feed address: use http://... or https://...");
                return Task.FromResult(ExitCodes.Usage);
            }
            return RunAsync(parse, async sources =>
            {
                var added = await sources.AddSourceAsync(text, parse.GetValue(title), parse.GetValue(pollSeconds), cancellationToken);
                context.Out.WriteLine(parse.GetValue(json)
                    ? JsonSerializer.Serialize(added.Source, CliJson.Options)
                    : $"{(added.Created ? "Added source" : "Already following source")} {SourceText.Named(added.Source)}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private Command Poll()
    {
        var id = Id();
        var json = Json("the source after the poll");
        var command = new Command("poll", "Poll a source now; exits 1 when the poll failed") { id, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async sources =>
        {
            if (await sources.PollSourceAsync(parse.GetValue(id)!, cancellationToken) is not { } source) return NotFound(parse.GetValue(id)!);
            context.Out.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(source, CliJson.Options) : SourceText.Polled(source, DateTimeOffset.UtcNow));
            if (source.LastError is null) return ExitCodes.Ok;
            // The call worked but the fetch did not: a script polling a source wants to know.
            context.Error.WriteLine($"error: polling {source.Id} failed: {source.LastError}");
            return ExitCodes.Failed;
        }));
        return command;
    }

    private Command Remove()
    {
        var id = Id();
        var command = new Command("remove", "Stop following a source; the articles it brought stay") { id };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, async sources =>
        {
            if (!await sources.RemoveSourceAsync(parse.GetValue(id)!, cancellationToken)) return NotFound(parse.GetValue(id)!);
            context.Out.WriteLine($"Removed source {parse.GetValue(id)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Checks the key is there, then makes the call; failures become a message and an exit code.</summary>
    private async Task<int> RunAsync(ParseResult parse, Func<SourcesApi, Task<int>> call)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        if (options.ApiKey is null)
        {
            context.Error.WriteLine($"error: sources need a publisher key: give --key KEY or set {GlobalOptions.KeyVariable}.");
            return ExitCodes.Usage;
        }
        using var api = context.Api(options);
        try
        {
            return await call(api.Sources);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliErrors.Report(e, context.Error);
        }
    }

    private int NotFound(string id)
    {
        context.Error.WriteLine($"error: no source with id '{id}'.");
        return ExitCodes.NotFound;
    }
}
