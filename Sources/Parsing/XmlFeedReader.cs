using System.Xml;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Feed.Sources.Parsing;

/// <summary>
/// RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom documents. We load the XML ourselves — safely, see
/// <see cref="Load"/> — and hand the elements to CodeHollow.FeedReader's per-format classes, then fill its gaps:
/// xml:base, Atom's updated date, XHTML content, RSS 1.0's rdf:about identity.
/// </summary>
internal static class XmlFeedReader
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private static readonly XmlReaderSettings Settings = new()
    {
        // No DTD, no external entity: an XXE document fails on its undeclared entity instead of reading a file,
        // and a "billion laughs" never expands. A DOCTYPE alone (old RSS 0.91 feeds) is skipped, not fatal.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        // Real feeds carry references to control characters (&#7;); refusing a whole feed for one is worse than keeping it.
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Whitespace is kept: in Atom XHTML content the space in "<b>a</b> <i>b</i>" is a word break.
    };

    public static SourceDocument Read(string text, string? mediaType, Uri documentUri)
    {
        var root = Load(text, mediaType).Root!;
        var name = root.Name.LocalName;
        BaseFeed feed = name switch
        {
            "rss" => new Rss20Feed("", root.Element("channel")
                ?? throw new SourceDocumentException("not a feed: RSS document without a <channel>")),
            "RDF" when root.Name.Namespace == Rdf => new Rss10Feed("", root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel")
                ?? throw new SourceDocumentException("not a feed: RSS 1.0 document without a <channel>")),
            "feed" => new AtomFeed("", root),
            "html" => throw new SourceDocumentException("not a feed: HTML page"),
            _ => throw new SourceDocumentException($"not a feed: unknown XML document <{name}>"),
        };
        return Map(feed.ToFeed(), root, documentUri);
    }

    private static XDocument Load(string text, string? mediaType)
    {
        try
        {
            return LoadXml(text);
        }
        catch (XmlException e)
        {
            // Only a failed document pays for the repair; one line in, one line out, so line numbers still hold.
            if (XmlRepair.Repair(text) is { } repaired)
            {
                try
                {
                    return LoadXml(repaired);
                }
                catch (XmlException again)
                {
                    e = again;
                }
            }
            if (LooksLikeHtml(text, mediaType)) throw new SourceDocumentException("not a feed: HTML page", e);
            throw new SourceDocumentException($"not a feed: truncated or malformed XML (line {e.LineNumber})", e);
        }
    }

    private static XDocument LoadXml(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(reader);
    }

    // HTML is rarely well-formed XML, so it shows up here as a parse error; tell the operator what it really was.
    // The media type alone is not proof: servers label feeds text/html, and a broken feed must be called broken.
    private static bool LooksLikeHtml(string text, string? mediaType)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024));
        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase))
            return true;
        var feedRoot = head.Contains("<rss", StringComparison.Ordinal) || head.Contains("<feed", StringComparison.Ordinal)
            || head.Contains(":RDF", StringComparison.Ordinal);
        return mediaType is "text/html" or "application/xhtml+xml" && !feedRoot;
    }

    private static SourceDocument Map(CodeHollow.FeedReader.Feed feed, XElement root, Uri documentUri)
    {
        var feedLink = EntryFields.Link(feed.Link, EntryFields.BaseFor(root, null, documentUri));
        var entries = new List<SourceEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            var element = item.SpecificItem?.Element;
            var baseUri = EntryFields.BaseFor(element, feedLink, documentUri);
            entries.Add(item.SpecificItem switch
            {
                AtomFeedItem atom => AtomEntry(item, atom, baseUri),
                Rss10FeedItem rdf => RdfEntry(item, rdf, baseUri),
                _ => RssEntry(item, element, baseUri),
            });
        }
        return new SourceDocument(EntryFields.Html(feed.Title), feedLink, entries);
    }

    private static SourceEntry RssEntry(FeedItem item, XElement? element, Uri baseUri)
    {
        var link = EntryFields.Link(item.Link, baseUri);
        // An item without <link> is still reachable through a permalink guid (isPermaLink defaults to true).
        if (link is null && element?.Element("guid") is { } guid
            && !string.Equals(guid.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            link = EntryFields.Link(guid.Value, baseUri);
        var rss = item.SpecificItem as Rss20FeedItem;
        // The library reads <pubDate> only; feeds made by RSS 1.0-minded tools date items with <dc:date>.
        var date = EntryFields.Date(item.PublishingDate) ?? EntryFields.Date(rss?.DC?.Date);
        return EntryFields.Entry(item.Id, EntryFields.Html(item.Title), link, date,
            EntryFields.Html(item.Description), EntryFields.Html(rss?.Content), item.Categories);
    }

    private static SourceEntry RdfEntry(FeedItem item, Rss10FeedItem rdf, Uri baseUri)
    {
        // The library reuses the link as id and copies the description into content; RSS 1.0's identity is rdf:about.
        var categories = item.Categories.Append(rdf.DC?.Subject);
        return EntryFields.Entry(rdf.About, EntryFields.Html(item.Title), EntryFields.Link(item.Link, baseUri),
            EntryFields.Date(item.PublishingDate), EntryFields.Html(rdf.Description), EntryFields.Html(rdf.Content), categories);
    }

    private static SourceEntry AtomEntry(FeedItem item, AtomFeedItem atom, Uri baseUri)
    {
        // The library reads only <published>; Atom requires <updated>, so it is the date when published is absent.
        var date = EntryFields.Date(atom.PublishedDate) ?? EntryFields.Date(atom.UpdatedDate);
        var summary = XhtmlOf(atom.Element, "summary") ?? atom.Summary;
        var content = XhtmlOf(atom.Element, "content") ?? atom.Content;
        return EntryFields.Entry(atom.Id, EntryFields.Html(item.Title), EntryFields.Link(item.Link, baseUri), date,
            EntryFields.Html(summary), EntryFields.Html(content), item.Categories);
    }

    // The library flattens type="xhtml" to its bare text, gluing paragraphs together; we keep the markup for HtmlText.
    private static string? XhtmlOf(XElement? entry, string name)
    {
        var element = entry?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        if (element is null || element.Attribute("type")?.Value.Trim() != "xhtml") return null;
        return string.Concat(element.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
    }
}
