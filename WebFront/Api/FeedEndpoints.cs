using Feed.Tagging;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary><c>GET /api/feeds/{feed}</c> (history) and <c>GET /api/feeds/resolve?q=</c> (find feeds by words).</summary>
public static class FeedEndpoints
{
    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feeds/resolve", Resolve);
        app.MapGet("/api/feeds/{feed}", Read);
    }

    private static IResult Resolve(string? q, FeedCatalog catalog, IOptions<ApiOptions> options)
    {
        if (q is null) return BadRequest("q", "Give the words to look for in 'q', e.g. ?q=azerbaijan korea");
        return Results.Ok(new { query = q, feeds = catalog.Suggest(q, options.Value.MaxSuggestions) });
    }

    private static async Task<IResult> Read(string feed, long? after, int? limit, FeedCatalog catalog,
        IGrainFactory grains, IOptions<ApiOptions> options)
    {
        if (!catalog.TryParseKey(feed, out var key, out var error)) return BadRequest("feed", error!);
        if (after < 0) return BadRequest("after", "'after' must be 0 or more.");
        var maxLimit = options.Value.MaxPageSize;
        if (limit < 0 || limit > maxLimit) return BadRequest("limit", $"'limit' must be between 0 and {maxLimit}.");
        var page = await grains.GetGrain<IFeedGrain>(key.ToString()).Read(after, limit ?? options.Value.DefaultPageSize);
        return Results.Ok(new
        {
            feed = page.Feed,
            title = catalog.Title(key),
            head = page.Head,
            complete = page.Complete,
            followers = page.Followers,
            items = page.Items,
        });
    }

    private static IResult BadRequest(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Bad request");
}
