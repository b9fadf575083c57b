using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;

namespace Feed.WebFront.Demo;

/// <summary>
/// Writes the sample sources' documents: RSS 2.0 (description and content:encoded as escaped HTML, as real feeds do),
/// Atom 1.0 (HTML content) and JSON Feed 1.1, each the way a news site would publish it.
/// </summary>
public static class DemoDocuments
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static (string Body, string ContentType) Write(string document, IReadOnlyList<DemoEntry> entries, Uri self) =>
        Path.GetExtension(document) switch
        {
            ".rss" => (Rss(entries, self), "application/rss+xml; charset=utf-8"),
            ".atom" => (AtomFeed(entries, self), "application/atom+xml; charset=utf-8"),
            _ => (JsonFeed(entries, self), "application/feed+json; charset=utf-8"),
        };

    private static string Rss(IReadOnlyList<DemoEntry> entries, Uri self) => new XDocument(
        new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "content", Content),
            new XElement("channel",
                new XElement("title", "Feed Demo Wire"),
                new XElement("link", self.AbsoluteUri),
                new XElement("description", "Sample news for the Feed demo"),
                entries.Select(e => new XElement("item",
                    new XElement("guid", new XAttribute("isPermaLink", "false"), GuidOf(e)),
                    new XElement("title", e.Article.Headline),
                    new XElement("link", LinkOf(e)),
                    new XElement("pubDate", e.PublishedAt.ToString("r", CultureInfo.InvariantCulture)),
                    new XElement("description", e.Article.Summary),
                    new XElement(Content + "encoded", Html(e.Article.Body))))))).ToString();

    private static string AtomFeed(IReadOnlyList<DemoEntry> entries, Uri self) => new XDocument(
        new XElement(Atom + "feed",
            new XElement(Atom + "title", "Feed Demo Desk"),
            new XElement(Atom + "id", self.AbsoluteUri),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self.AbsoluteUri)),
            new XElement(Atom + "updated", Rfc3339(entries.Count > 0 ? entries[0].PublishedAt : DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "author", new XElement(Atom + "name", "Feed Demo Desk")),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", "urn:feed-demo:" + GuidOf(e)),
                new XElement(Atom + "title", e.Article.Headline),
                new XElement(Atom + "link", new XAttribute("href", LinkOf(e))),
                new XElement(Atom + "published", Rfc3339(e.PublishedAt)),
                new XElement(Atom + "updated", Rfc3339(e.PublishedAt)),
                new XElement(Atom + "summary", e.Article.Summary),
                new XElement(Atom + "content", new XAttribute("type", "html"), Html(e.Article.Body)))))).ToString();

    private static string JsonFeed(IReadOnlyList<DemoEntry> entries, Uri self) => JsonSerializer.Serialize(new DemoJsonFeed(
        "https://jsonfeed.org/version/1.1",
        "Feed Demo Digest",
        self.AbsoluteUri,
        entries.Select(e => new DemoJsonFeedItem(GuidOf(e), LinkOf(e), e.Article.Headline, e.Article.Summary, Html(e.Article.Body),
            Rfc3339(e.PublishedAt))).ToArray()));

    // A news site's JSON Feed carries HTML (content_html), so the demo exercises the same text extraction as real sources.
    private sealed record DemoJsonFeed(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("feed_url")] string FeedUrl,
        [property: JsonPropertyName("items")] IReadOnlyList<DemoJsonFeedItem> Items);

    private sealed record DemoJsonFeedItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("summary")] string? Summary,
        [property: JsonPropertyName("content_html")] string ContentHtml,
        [property: JsonPropertyName("date_published")] string DatePublished);

    private static string GuidOf(DemoEntry e) => $"demo-{e.Number}";
    private static string LinkOf(DemoEntry e) => $"{e.Article.Url ?? "https://example.com/demo"}?edition={e.Number}";
    private static string Html(string? text) => $"<p>{WebUtility.HtmlEncode(text)}</p>";
    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
