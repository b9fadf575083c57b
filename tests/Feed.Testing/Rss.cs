using System.Globalization;
using System.Xml.Linq;

namespace Feed.Testing;

/// <summary>Small RSS 2.0 documents for source tests, built with an XML writer so text is escaped as a real feed's is.</summary>
public static class Rss
{
    public sealed record Item(string Guid, string Title, string Description, DateTimeOffset? PublishedAt = null, string? Link = null);

    public static string Document(string title, params Item[] items)
    {
        var rss = new XElement("rss", new XAttribute("version", "2.0"),
            new XElement("channel",
                new XElement("title", title),
                new XElement("link", "https://news.example/"),
                new XElement("description", title),
                items.Select(i => new XElement("item",
                    new XElement("guid", new XAttribute("isPermaLink", "false"), i.Guid),
                    new XElement("title", i.Title),
                    i.Link is null ? null : new XElement("link", i.Link),
                    i.PublishedAt is { } at ? new XElement("pubDate", at.ToString("r", CultureInfo.InvariantCulture)) : null,
                    new XElement("description", i.Description)))));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + rss;
    }
}
