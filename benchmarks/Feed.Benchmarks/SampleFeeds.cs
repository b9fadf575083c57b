using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Feed.Benchmarks;

/// <summary>
/// Generated feed documents for the ingestion benchmarks: the same entries as RSS 2.0, Atom 1.0 and JSON Feed 1.1,
/// each with a title, link, id, date, two categories and a ~500-character HTML description (two paragraphs, two
/// links, named and numeric entities) like a news site's. RSS carries it in CDATA, Atom escaped, JSON Feed as a string.
/// </summary>
public static class SampleFeeds
{
    public static readonly Uri Address = new("https://news.example.org/feed");
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sections = ["World", "Economy", "Politics", "Science", "Weather", "Sport", "Culture"];

    private static string XmlTitle(int i) => $"Council approves tram extension &amp; new bus lanes, story {i}";
    private static string PlainTitle(int i) => $"Council approves tram extension & new bus lanes, story {i}";
    private static DateTimeOffset Published(int i) => Start.AddMinutes(-7 * i);

    /// <summary>The description's HTML; ~500 characters.</summary>
    public static string Description(int i) =>
        $"<p>The city council voted on Tuesday to extend the tram network by 12&nbsp;km, a plan the mayor called "
        + $"&ldquo;the largest investment in a generation&rdquo;. Work on the first section starts in "
        + $"<a href=\"https://news.example.org/2026/11/tram-{i}/timeline\">spring 2027</a>.</p>"
        + $"<p>Opponents say the &euro;340&nbsp;million budget leaves too little for buses; a "
        + $"<a href=\"/polls/{i}\">poll</a> published last week found 58&#37; of residents in favour &amp; 31&#37; "
        + $"against. Story {i}.</p>";

    public static byte[] Rss(int count)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
           .Append("<title>Example News</title>\n<link>https://news.example.org/</link>\n<description>Latest stories</description>\n<language>en</language>\n");
        for (var i = 0; i < count; i++)
        {
            xml.Append("<item>\n")
               .Append($"  <title>{XmlTitle(i)}</title>\n")
               .Append($"  <link>https://news.example.org/2026/11/tram-{i}</link>\n")
               .Append($"  <guid isPermaLink=\"false\">news-example-{i}</guid>\n")
               .Append($"  <pubDate>{Published(i).ToString("r", CultureInfo.InvariantCulture)}</pubDate>\n")
               .Append($"  <dc:creator>Ana Novak</dc:creator>\n")
               .Append($"  <category>{Sections[i % Sections.Length]}</category>\n  <category>Local</category>\n")
               .Append($"  <description><![CDATA[{Description(i)}]]></description>\n")
               .Append("</item>\n");
        }
        return Encoding.UTF8.GetBytes(xml.Append("</channel>\n</rss>\n").ToString());
    }

    public static byte[] Atom(int count)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
           .Append("<title>Example News</title>\n<link rel=\"alternate\" href=\"https://news.example.org/\"/>\n")
           .Append("<link rel=\"self\" href=\"https://news.example.org/feed\"/>\n<id>tag:news.example.org,2026:feed</id>\n")
           .Append($"<updated>{Published(0):yyyy-MM-ddTHH:mm:ssZ}</updated>\n");
        for (var i = 0; i < count; i++)
        {
            var date = Published(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            xml.Append("<entry>\n")
               .Append($"  <title>{XmlTitle(i)}</title>\n")
               .Append($"  <link rel=\"alternate\" href=\"https://news.example.org/2026/11/tram-{i}\"/>\n")
               .Append($"  <id>tag:news.example.org,2026:story-{i}</id>\n")
               .Append($"  <published>{date}</published>\n  <updated>{date}</updated>\n")
               .Append("  <author><name>Ana Novak</name></author>\n")
               .Append($"  <category term=\"{Sections[i % Sections.Length]}\"/>\n  <category term=\"Local\"/>\n")
               .Append($"  <summary type=\"html\">{SecurityElement.Escape(Description(i))}</summary>\n")
               .Append("</entry>\n");
        }
        return Encoding.UTF8.GetBytes(xml.Append("</feed>\n").ToString());
    }

    public static byte[] Json(int count)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", "Example News");
            json.WriteString("home_page_url", "https://news.example.org/");
            json.WriteString("feed_url", "https://news.example.org/feed.json");
            json.WriteStartArray("items");
            for (var i = 0; i < count; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"news-example-{i}");
                json.WriteString("url", $"https://news.example.org/2026/11/tram-{i}");
                json.WriteString("title", PlainTitle(i));
                json.WriteString("content_html", Description(i));
                json.WriteString("date_published", Published(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                json.WriteStartArray("authors");
                json.WriteStartObject();
                json.WriteString("name", "Ana Novak");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("tags");
                json.WriteStringValue(Sections[i % Sections.Length]);
                json.WriteStringValue("Local");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
