using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.ComponentModel;
using System.Text.Json;
using Feed.Tagging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Feed.WebFront.Api;

/// <summary>
/// <c>GET /api/feeds/{feed}/atom</c> and <c>/jsonfeed</c>: each feed as a document feed readers follow. The <c>ETag</c>
/// comes from the feed's head and its newest article (items never change once appended), so a reader polling an
/// unchanged feed gets 304 after one look at the grain's newest item, without reading history; the article makes a tag
/// of one installation differ from the same head number of another (a reset, a restored backup).
/// </summary>
public static class SyndicationEndpoints
{
    private const string FeedParameter = "A feed key: country:XX, topic:slug or relation:XX-YY (any case, either order).";
    private const string LimitParameter = "How many of the newest articles (1 to Feed:Api:MaxPageSize; default 50).";

    public static void MapSyndicationEndpoints(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/feeds/{feed}").WithTags("Syndication");
        feeds.MapGet("/atom", Atom)
            .WithName("GetFeedAtom")
            .WithSummary("A feed as Atom 1.0")
            .WithDescription("The feed's newest `limit` articles (default 50), newest first, with headline, summary, link, date and "
                             + "categories (countries, topics). Sends ETag and Last-Modified; a matching If-None-Match or "
                             + "If-Modified-Since answers 304.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified);
        feeds.MapGet("/jsonfeed", JsonFeed)
            .WithName("GetFeedJsonFeed")
            .WithSummary("A feed as JSON Feed 1.1")
            .WithDescription("The same articles as the Atom document, as JSON Feed 1.1. Same validators and 304s.")
            .Produces<JsonFeedDocument>(StatusCodes.Status200OK, "application/feed+json")
            .Produces(StatusCodes.Status304NotModified);
    }

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> Atom(
        [Description(FeedParameter)] string feed, [Description(LimitParameter)] int? limit,
        HttpContext http, FeedCatalog catalog, IGrainFactory grains, IOptions<ApiOptions> options) =>
        Document(feed, limit, http, catalog, grains, options.Value, "atom", AtomDocument.ContentType,
            (key, items, links) => AtomDocument.Write(key, items, links, catalog, options.Value.SyndicationTextLength));

    private static Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> JsonFeed(
        [Description(FeedParameter)] string feed, [Description(LimitParameter)] int? limit,
        HttpContext http, FeedCatalog catalog, IGrainFactory grains, IOptions<ApiOptions> options) =>
        Document(feed, limit, http, catalog, grains, options.Value, "json", JsonFeedDocument.ContentType,
            (key, items, links) => JsonSerializer.SerializeToUtf8Bytes(
                JsonFeedDocument.Of(key, items, links, catalog, options.Value.SyndicationTextLength), JsonFeedDocument.Json));

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> Document(
        string feed, int? limit, HttpContext http, FeedCatalog catalog, IGrainFactory grains, ApiOptions options, string format,
        string contentType, Func<FeedKey, IReadOnlyList<FeedItem>, FeedLinks, byte[]> write)
    {
        if (!catalog.TryParseKey(feed, out var key, out var error)) return Invalid("feed", error!);
        if (limit < 1 || limit > options.MaxPageSize) return Invalid("limit", $"'limit' must be between 1 and {options.MaxPageSize}.");
        var count = limit ?? options.DefaultPageSize;
        var grain = grains.FeedGrain(key.ToString());
        var request = http.Request.GetTypedHeaders();

        if (request.IfNoneMatch.Count > 0)
        {
            var newest = await grain.Read(null, 1);
            var current = Tag(format, newest, count);
            if (request.IfNoneMatch.Any(t => t.Compare(current, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
            {
                http.Response.GetTypedHeaders().ETag = current;
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        var page = await grain.Read(null, count);
        var items = page.Items.Reverse().ToArray();
        var etag = Tag(format, page, count);
        DateTimeOffset? modified = items.Length == 0 ? null : items.Max(i => new DateTimeOffset(DateTime.SpecifyKind(i.Article.PublishedAt, DateTimeKind.Utc)));
        // The file result answers If-None-Match / If-Modified-Since itself (RFC 9110: If-None-Match wins).
        return TypedResults.Bytes(write(key, items, new FeedLinks(http.Request, key.ToString())), contentType, lastModified: modified, entityTag: etag);
    }

    /// <summary>One version of one document: the format, the newest seq it holds, how many items, and its newest article.</summary>
    private static EntityTagHeaderValue Tag(string format, FeedPage latest, int count)
    {
        var newest = latest.Items.Count == 0 ? "0" : XxHash32.HashToUInt32(MemoryMarshal.AsBytes(latest.Items[^1].Article.Id.AsSpan())).ToString("x8");
        return new($"\"{format}-{latest.Head}-{count}-{newest}\"");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Bad request");
}
