using System.Text.Json;
using System.Text.Json.Serialization;
using Feed.Tagging;

namespace Feed.WebFront.Api;

/// <summary>A feed's newest items as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1).</summary>
public sealed record JsonFeedDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: JsonPropertyName("feed_url")] string FeedUrl,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor> Authors,
    [property: JsonPropertyName("items")] IReadOnlyList<JsonFeedEntry> Items)
{
    public const string ContentType = "application/feed+json; charset=utf-8";

    /// <summary>Absent values left out. Field names are spelled on each property, so the OpenAPI schema shows them too.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="items">Newest first.</param>
    public static JsonFeedDocument Of(FeedKey key, IReadOnlyList<FeedItem> items, FeedLinks links, FeedCatalog catalog, int textLength) => new(
        "https://jsonfeed.org/version/1.1",
        catalog.Title(key),
        links.Page,
        links.JsonFeed,
        $"Articles of the feed {key} as Feed tags them, newest first.",
        [new JsonFeedAuthor("Feed")],
        items.Select(i => JsonFeedEntry.Of(i, links, catalog, textLength)).ToArray());
}

public sealed record JsonFeedAuthor([property: JsonPropertyName("name")] string Name);

/// <summary>One item; text only (<c>content_text</c>), never HTML. <c>_feed</c> is this service's extension.</summary>
public sealed record JsonFeedEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("content_text")] string ContentText,
    [property: JsonPropertyName("date_published")] DateTimeOffset DatePublished,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor>? Authors,
    [property: JsonPropertyName("_feed")] JsonFeedExtension Feed)
{
    public static JsonFeedEntry Of(FeedItem item, FeedLinks links, FeedCatalog catalog, int textLength)
    {
        var a = item.Article;
        return new JsonFeedEntry(
            a.Id,
            a.Url ?? links.Article(a.Id),
            a.Headline,
            a.Summary,
            AtomDocument.Excerpt(a.Body, textLength),
            new DateTimeOffset(DateTime.SpecifyKind(a.PublishedAt, DateTimeKind.Utc)),
            [.. a.Countries.Select(catalog.CountryName), .. a.Topics.Select(t => catalog.Title(FeedKey.Topic(t)))],
            a.Source is { Length: > 0 } source ? [new JsonFeedAuthor(source)] : null,
            new JsonFeedExtension(item.Feed, item.Seq, a.Countries, a.Topics));
    }
}

/// <summary>Where the item sits in Feed: its feed and seq, and its tags as codes and slugs.</summary>
public sealed record JsonFeedExtension(string Feed, long Seq, IReadOnlyList<string> Countries, IReadOnlyList<string> Topics);
