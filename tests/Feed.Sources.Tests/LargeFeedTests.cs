using System.Diagnostics;
using System.Text;
using Feed.Sources.Parsing;
using Xunit.Abstractions;

namespace Feed.Sources.Tests;

public class LargeFeedTests(ITestOutputHelper output)
{
    private const int Entries = 1_000;

    private static string Rss(int count)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title><link>https://big.example.org/</link>");
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
            xml.Append($"<item><title>Story {i} &amp; more</title><link>/story/{i}</link><guid isPermaLink=\"false\">story-{i}</guid>")
               .Append($"<pubDate>{start.AddMinutes(i):r}</pubDate><category>Section {i % 7}</category>")
               .Append($"<description><![CDATA[<p>Summary of story {i}.</p>]]></description>")
               .Append($"<content:encoded><![CDATA[<p>Body of story {i}, first paragraph.</p><p>Second&nbsp;paragraph<br>with a break.</p>]]></content:encoded></item>");
        return xml.Append("</channel></rss>").ToString();
    }

    private static string Json(int count)
    {
        var items = Enumerable.Range(0, count).Select(i =>
            $$"""{"id":"{{i}}","url":"https://j.example.org/{{i}}","title":"Item {{i}}","content_html":"<p>Body {{i}}</p>","date_published":"2024-01-01T00:00:00Z","tags":["t{{i % 3}}"]}""");
        return $$"""{"version":"https://jsonfeed.org/version/1.1","title":"Big JSON","items":[{{string.Join(",", items)}}]}""";
    }

    [Fact]
    public void A_generated_rss_feed_of_1000_entries_is_read_completely()
    {
        var bytes = Encoding.UTF8.GetBytes(Rss(Entries));
        FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(Rss(10)), null, TestDocuments.Address); // warm-up: JIT, parser set-up

        var clock = Stopwatch.StartNew();
        var feed = FeedDocumentParser.Parse(bytes, "application/rss+xml", TestDocuments.Address);
        clock.Stop();
        output.WriteLine($"{Entries} RSS entries ({bytes.Length / 1024} KB) in {clock.ElapsedMilliseconds} ms: {Entries / clock.Elapsed.TotalSeconds:F0} entries/s");

        Assert.Equal(Entries, feed.Entries.Count);
        var last = feed.Entries[^1];
        Assert.Equal("story-999", last.Id);
        Assert.Equal("Story 999 & more", last.Title);
        Assert.Equal(new Uri("https://big.example.org/story/999"), last.Link);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(999), last.PublishedAt);
        Assert.Equal("Summary of story 999.", last.Summary);
        Assert.Equal("Body of story 999, first paragraph.\n\nSecond paragraph\nwith a break.", last.Body);
        Assert.Equal(["Section 5"], last.Categories);
    }

    [Fact]
    public void A_generated_json_feed_of_1000_entries_is_read_completely()
    {
        var bytes = Encoding.UTF8.GetBytes(Json(Entries));
        FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(Json(10)), null, TestDocuments.Address);

        var clock = Stopwatch.StartNew();
        var feed = FeedDocumentParser.Parse(bytes, "application/feed+json", TestDocuments.Address);
        clock.Stop();
        output.WriteLine($"{Entries} JSON Feed entries in {clock.ElapsedMilliseconds} ms: {Entries / clock.Elapsed.TotalSeconds:F0} entries/s");

        Assert.Equal(Entries, feed.Entries.Count);
        Assert.Equal("Body 999", feed.Entries[^1].Summary);
    }
}
