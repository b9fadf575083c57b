using System.CommandLine;
using System.Text.Json;
using Feed.Client;

namespace Feed.Cli;

/// <summary>
/// <c>feed follow FEED... [--after FEED=SEQ]...</c>: prints live items until Ctrl-C, resuming by itself after drops.
/// Items and gaps go to standard output; connection notices to standard error.
/// </summary>
internal sealed class FollowCommand(GlobalOptions global, CliContext context)
{
    private readonly Argument<string[]> _feeds = new("feed")
    {
        Description = "Feeds to follow: country:XX, topic:slug or relation:XX-YY",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _after = new("--after")
    {
        Description = "Resume a feed after the last seq you saw (FEED=SEQ); repeat it per feed. Without it a feed is followed from now",
        HelpName = "FEED=SEQ",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print each item as one line of JSON" };

    private readonly Option<bool> _messagePack = new("--msgpack") { Description = "Use the MessagePack hub protocol instead of JSON" };

    public Command Build()
    {
        var command = new Command("follow", "Print live items of feeds until Ctrl-C, resuming after drops") { _feeds, _after, _json, _messagePack };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        if (!TryReadFeeds(parse, out var feeds)) return ExitCodes.Usage;
        options.UseMessagePack = parse.GetValue(_messagePack);
        var json = parse.GetValue(_json);

        await using var client = new FeedClient(options);
        // Printing starts first, so what happens while connecting and subscribing (retries, delays) shows at once.
        var printing = Task.Run(async () =>
        {
            await foreach (var update in client.ReadAllAsync(cancellationToken)) Print(update, json);
        }, CancellationToken.None);
        try
        {
            await client.StartAsync(cancellationToken);
            foreach (var (feed, after) in feeds) await client.FollowAsync(feed, after, cancellationToken);
            await printing;
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Printing stops on the same token; the positions are final once it has.
            await printing.ContinueWith(_ => { }, TaskScheduler.Default);
            PrintResumeHint(client.Positions);
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, context.Error);
        }
    }

    /// <summary>The feeds named as arguments or in --after, canonical, each with its resume position; false (with a message) on a bad one.</summary>
    private bool TryReadFeeds(ParseResult parse, out Dictionary<string, long?> feeds)
    {
        feeds = [];
        foreach (var text in parse.GetValue(_feeds) ?? [])
        {
            if (!FeedKeys.TryCanonical(text, out var key, out var error)) return Fail(error);
            feeds.TryAdd(key, null);
        }
        foreach (var text in parse.GetValue(_after) ?? [])
        {
            var equals = text.LastIndexOf('=');
            if (equals < 0 || !long.TryParse(text[(equals + 1)..], out var seq) || seq < 0)
                return Fail($"--after '{text}' is not FEED=SEQ with SEQ a number, 0 or more (e.g. --after relation:AZ-KR=12).");
            if (!FeedKeys.TryCanonical(text[..equals], out var key, out var error)) return Fail(error);
            feeds[key] = seq;
        }
        if (feeds.Count == 0) return Fail("Name at least one feed to follow, e.g. feed follow relation:AZ-KR country:AZ.");
        return true;
    }

    private bool Fail(string message)
    {
        context.Error.WriteLine($"error: {message}");
        return false;
    }

    private void Print(FeedUpdate update, bool json)
    {
        switch (update)
        {
            case ArticleArrived { Item: var item }:
                context.Out.WriteLine(json ? JsonSerializer.Serialize(item, CliJson.Options) : ItemText.Line(item, DateTime.UtcNow));
                break;
            case HistoryGap { Reason: HistoryGapReason.FeedReset } reset:
                context.Out.WriteLine($"!! {reset.Feed} was reset on the server: it is at #{reset.ResumesAt - 1}, you had #{reset.LastSeen}; following it from there.");
                break;
            case HistoryGap gap:
                context.Out.WriteLine($"!! gap in {gap.Feed}: #{gap.LastSeen + 1}..#{gap.ResumesAt - 1} ({gap.Lost} items) are no longer kept; continuing at #{gap.ResumesAt}.");
                break;
            case FeedSubscribed subscribed:
                var from = subscribed.After is { } after ? $"after #{after}" : "from now";
                context.Error.WriteLine($"-- {(subscribed.Resumed ? "resumed" : "following")} {subscribed.Feed} {from} (head #{subscribed.Head}, {subscribed.Missed} missed)");
                break;
            case FollowDelayed delayed:
                context.Error.WriteLine($"-- {delayed.Feed}: {delayed.ServerMessage} Asking again{In(delayed.RetryIn)}.");
                break;
            case FollowRefused refused:
                context.Error.WriteLine($"!! the server refused {refused.Feed}: {refused.ServerMessage}; no longer following it.");
                break;
            case ConnectionChanged { State: FeedConnectionState.Connected } connected:
                context.Error.WriteLine($"-- connected to {connected.Server}");
                break;
            case ConnectionChanged { State: FeedConnectionState.Reconnecting, Attempt: 0 } dropped:
                context.Error.WriteLine($"-- connection to {dropped.Server} lost{Because(dropped.Error)}; reconnecting{In(dropped.RetryIn)}");
                break;
            case ConnectionChanged { State: FeedConnectionState.Reconnecting } retry:
                context.Error.WriteLine($"-- reconnect attempt {retry.Attempt} failed{Because(retry.Error)}; trying {retry.Server}{In(retry.RetryIn)}");
                break;
            case ConnectionChanged { State: FeedConnectionState.GaveUp } gaveUp:
                context.Error.WriteLine($"-- gave up reconnecting after {gaveUp.Attempt} attempts{Because(gaveUp.Error)}");
                break;
        }
    }

    private static string Because(Exception? error)
    {
        if (error is null) return "";
        while (error.InnerException is not null) error = error.InnerException;
        return $" ({error.Message})";
    }

    private static string In(TimeSpan? wait) => wait is { } w && w > TimeSpan.Zero ? $" in {w.TotalSeconds:0.#} s" : " now";

    private void PrintResumeHint(IReadOnlyDictionary<string, long> positions)
    {
        if (positions.Count == 0)
        {
            context.Error.WriteLine("-- stopped.");
            return;
        }
        var after = string.Join(' ', positions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"--after {p.Key}={p.Value}"));
        context.Error.WriteLine($"-- stopped. Resume with: feed follow {after}");
    }
}
