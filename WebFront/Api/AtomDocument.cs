using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Feed.Tagging;

namespace Feed.WebFront.Api;

/// <summary>
/// A feed's newest items as an Atom 1.0 document (RFC 4287), written by System.ServiceModel.Syndication: every text
/// is a text construct, escaped by the XML writer, never markup.
/// </summary>
public static class AtomDocument
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string CountryScheme = "urn:iso:std:iso:3166:-1";
    private const string TopicScheme = "http://cv.iptc.org/newscodes/mediatopic/";

    /// <param name="items">Newest first.</param>
    public static byte[] Write(FeedKey key, IReadOnlyList<FeedItem> items, FeedLinks links, FeedCatalog catalog, int textLength)
    {
        var feed = new SyndicationFeed
        {
            Id = links.Feed,
            Title = Text(catalog.Title(key)),
            Description = Text($"Articles of the feed {key} as Feed tags them, newest first."),
            LastUpdatedTime = items.Count > 0 ? Utc(items[0].Article.PublishedAt) : DateTimeOffset.UnixEpoch,
            Generator = "Feed",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "Feed" });
        feed.Links.Add(new SyndicationLink(new Uri(links.Atom)) { RelationshipType = "self", MediaType = "application/atom+xml" });
        feed.Links.Add(new SyndicationLink(new Uri(links.Page)) { RelationshipType = "alternate", MediaType = "text/html" });
        feed.Items = items.Select(i => Entry(i.Article, links, catalog, textLength)).ToArray();

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings)) new Atom10FeedFormatter(feed).WriteTo(writer);
        return buffer.ToArray();
    }

    private static SyndicationItem Entry(Article article, FeedLinks links, FeedCatalog catalog, int textLength)
    {
        var entry = new SyndicationItem
        {
            // Stable and dereferenceable: the article's own REST address.
            Id = links.Article(article.Id),
            Title = Text(article.Headline),
            Summary = Text(article.Summary ?? Excerpt(article.Body, textLength)),
            PublishDate = Utc(article.PublishedAt),
            LastUpdatedTime = Utc(article.PublishedAt),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(article.Url ?? links.Article(article.Id))));
        if (article.Source is { Length: > 0 } source) entry.Authors.Add(new SyndicationPerson { Name = Clean(source) });
        foreach (var code in article.Countries) entry.Categories.Add(new SyndicationCategory(code, CountryScheme, Clean(catalog.CountryName(code))));
        foreach (var slug in article.Topics) entry.Categories.Add(new SyndicationCategory(slug, TopicScheme, Clean(catalog.Title(FeedKey.Topic(slug)))));
        return entry;
    }

    private static TextSyndicationContent Text(string text) => new(Clean(text), TextSyndicationContentKind.Plaintext);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    /// <summary>The start of a long text, cut at a word, for readers that show a summary.</summary>
    public static string Excerpt(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd() + "…";
    }

    // XML 1.0 cannot carry most control characters even escaped; a publisher's text may hold them.
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
