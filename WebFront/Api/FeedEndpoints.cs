using System.ComponentModel;
using Feed.Tagging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary><c>GET /api/feeds/{feed}</c> (history) and <c>GET /api/feeds/resolve?q=</c> (find feeds by words).</summary>
public static class FeedEndpoints
{
    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/feeds").WithTags("Feeds");
        feeds.MapGet("/resolve", Resolve)
            .WithName("ResolveFeeds")
            .WithSummary("Feeds for words a person types")
            .WithDescription("\"azerbaijan korea\" gives relation:AZ-KR, country:AZ and country:KR, best first, each with a title. "
                             + "The last word may be unfinished.");
        feeds.MapGet("/{feed}", Read)
            .WithName("ReadFeed")
            .WithSummary("A feed's history")
            .WithDescription("The items after `after`, oldest first (at most `limit`, default 50); without `after`, the newest "
                             + "`limit` items. `complete` is false when history no longer reaches back to `after`, or when "
                             + "`after` is beyond the feed's head.");
    }

    private static Results<Ok<FeedResolution>, ValidationProblem> Resolve([Description("Words a person typed: \"azerbaijan korea\", \"Seoul\", \"economy\".")] string? q, FeedCatalog catalog, IOptions<ApiOptions> options)
    {
        if (q is null) return BadRequest("q", "Give the words to look for in 'q', e.g. ?q=azerbaijan korea");
        return TypedResults.Ok(new FeedResolution(q, catalog.Suggest(q, options.Value.MaxSuggestions)));
    }

    private static async Task<Results<Ok<FeedHistory>, ValidationProblem>> Read(
        [Description("A feed key: country:XX, topic:slug or relation:XX-YY (any case, either order).")] string feed,
        [Description("The last seq already seen; omit for the newest items.")] long? after,
        [Description("Most items to return (0 to Feed:MaxReadLimit; default 50).")] int? limit, FeedCatalog catalog,
        IGrainFactory grains, IOptions<ApiOptions> options)
    {
        if (!catalog.TryParseKey(feed, out var key, out var error)) return BadRequest("feed", error!);
        if (after < 0) return BadRequest("after", "'after' must be 0 or more.");
        var maxLimit = options.Value.MaxPageSize;
        if (limit < 0 || limit > maxLimit) return BadRequest("limit", $"'limit' must be between 0 and {maxLimit}.");
        var page = await grains.FeedGrain(key.ToString()).Read(after, limit ?? options.Value.DefaultPageSize);
        return TypedResults.Ok(new FeedHistory(page.Feed, catalog.Title(key), page.Head, page.Complete, page.Followers, page.Items));
    }

    private static ValidationProblem BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Bad request");
}

/// <summary>The answer of <c>GET /api/feeds/{feed}</c>: the contract's <c>{feed, head, items}</c> plus title, complete and followers.</summary>
/// <param name="Followers">People following the feed now, over every web front.</param>
public sealed record FeedHistory(string Feed, string Title, long Head, bool Complete, int Followers, IReadOnlyList<FeedItem> Items);

/// <summary>The answer of <c>GET /api/feeds/resolve</c>: the words asked for and the feeds they lead to, best first.</summary>
public sealed record FeedResolution(string Query, IReadOnlyList<FeedSuggestion> Feeds);
