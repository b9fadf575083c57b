using System.CommandLine;
using System.Text.Json;
using Feed.Client;

namespace Feed.Cli;

/// <summary><c>feed history FEED [--after N] [--limit N]</c>: a feed's stored items, oldest first.</summary>
internal sealed class HistoryCommand(GlobalOptions global, CliContext context)
{
    private readonly Argument<string> _feed = new("feed") { Description = "country:XX, topic:slug or relation:XX-YY" };

    private readonly Option<long?> _after = new("--after")
    {
        Description = "Items after this seq (0: from the oldest kept). Default: the latest ones",
        HelpName = "SEQ",
    };

    private readonly Option<int?> _limit = new("--limit") { Description = "Most items to show. Default: the server's page size (50)", HelpName = "N" };

    private readonly Option<bool> _json = new("--json") { Description = "Print the page as the server's JSON" };

    public Command Build()
    {
        var command = new Command("history", "Show a feed's stored items, oldest first") { _feed, _after, _limit, _json };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        if (!FeedKeys.TryCanonical(parse.GetValue(_feed), out var feed, out var error))
        {
            context.Error.WriteLine($"error: {error}");
            return ExitCodes.Usage;
        }
        using var api = context.Api(options);
        try
        {
            var page = await api.ReadFeedAsync(feed, parse.GetValue(_after), parse.GetValue(_limit), cancellationToken);
            if (parse.GetValue(_json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(page, CliJson.Options));
                return ExitCodes.Ok;
            }
            context.Out.WriteLine($"{page.Feed}  {page.Title}  (head #{page.Head}, {page.Followers} following)");
            if (!page.Complete)
                context.Out.WriteLine(page.Items.Count > 0
                    ? $"!! history no longer reaches back that far: it starts at #{page.Items[0].Seq}."
                    : "!! history no longer reaches back that far.");
            var now = DateTime.UtcNow;
            foreach (var item in page.Items)
                context.Out.WriteLine($"#{item.Seq}  {item.Article.PublishedAt:yyyy-MM-dd HH:mm}Z  {ItemText.Age(item.Article.PublishedAt, now)}  "
                                      + $"{item.Article.Headline}  [{string.Join(' ', item.Article.Feeds)}]  id {item.Article.Id}");
            if (page.Items.Count == 0) context.Out.WriteLine("(no items)");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliErrors.Report(e, context.Error);
        }
    }
}
