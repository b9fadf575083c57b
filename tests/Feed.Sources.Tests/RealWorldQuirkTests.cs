namespace Feed.Sources.Tests;

public class RealWorldQuirkTests
{
    private static DateTimeOffset? DateOf(string pubDate) =>
        TestDocuments.ParseText($"<rss version=\"2.0\"><channel><title>T</title><item><title>x</title><pubDate>{pubDate}</pubDate></item></channel></rss>")
            .Entries[0].PublishedAt;

    [Theory]
    [InlineData("Tue, 05 Mar 2024 08:30:00 EDT", "2024-03-05T12:30:00Z")]
    [InlineData("Tue, 05 Mar 2024 08:30:00 CST", "2024-03-05T14:30:00Z")]
    [InlineData("Tue, 05 Mar 2024 08:30:00 MDT", "2024-03-05T14:30:00Z")]
    [InlineData("Tue, 05 Mar 2024 08:30:00 PST", "2024-03-05T16:30:00Z")]
    [InlineData("Tue, 05 Mar 2024 08:30:00 -0000", "2024-03-05T08:30:00Z")]
    [InlineData("Tue, 05 Mar 2024 08:30:00 -0800", "2024-03-05T16:30:00Z")]
    [InlineData("tue, 5 mar 24 08:30:00 gmt", "2024-03-05T08:30:00Z")]
    [InlineData("2024-03-05T08:30:00.250+01:00", "2024-03-05T07:30:00.250Z")]
    public void Rss_dates_in_every_common_spelling_are_read(string pubDate, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), DateOf(pubDate));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("M")]
    [InlineData("N")]
    [InlineData("Y")]
    public void Military_zone_letters_count_as_utc_as_rfc_2822_advises(string zone)
    {
        // RFC 822 got the letters' signs backwards, so RFC 2822 says to read them as -0000.
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T08:30:00Z"), DateOf($"Tue, 05 Mar 2024 08:30:00 {zone}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a date")]
    [InlineData("Mon, 31 Feb 2024 08:30:00 GMT")]
    public void Unreadable_dates_are_null_rather_than_now_or_an_error(string pubDate)
    {
        Assert.Null(DateOf(pubDate));
    }

    [Fact]
    public void A_dublin_core_date_stands_in_for_pub_date()
    {
        var feed = TestDocuments.ParseText("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
              <item><title>x</title><dc:date>2024-06-01T12:00:00+02:00</dc:date></item>
            </channel></rss>
            """);
        Assert.Equal(DateTimeOffset.Parse("2024-06-01T10:00:00Z"), feed.Entries[0].PublishedAt);
    }

    [Fact]
    public void Html_named_entities_that_xml_does_not_know_are_tolerated()
    {
        var feed = TestDocuments.ParseText("""
            <rss version="2.0"><channel><title>Caf&eacute;&nbsp;News</title>
              <item><title>Fa&ccedil;ade &amp; more &hellip;</title><description>Line&mdash;line</description></item>
            </channel></rss>
            """);
        Assert.Equal("Café News", feed.Title);
        Assert.Equal("Façade & more …", feed.Entries[0].Title);
        Assert.Equal("Line\u2014line", feed.Entries[0].Summary);
    }

    [Fact]
    public void A_feed_served_as_text_html_is_still_read()
    {
        var feed = TestDocuments.ParseText("<rss version=\"2.0\"><channel><title>Mislabelled</title><item><title>x</title></item></channel></rss>",
            "text/html; charset=utf-8");
        Assert.Equal("Mislabelled", feed.Title);
    }

    [Fact]
    public void A_broken_feed_served_as_text_html_is_called_broken_not_html()
    {
        var failure = TestDocuments.FailureOf("<rss version=\"2.0\"><channel><title>Cut", "text/html");
        Assert.StartsWith("not a feed: truncated or malformed XML", failure);
    }

    [Fact]
    public void A_feed_link_that_is_not_http_is_dropped()
    {
        var feed = TestDocuments.ParseText("<rss version=\"2.0\"><channel><title>T</title><link>ftp://files.example/</link><item><title>x</title><link>a</link></item></channel></rss>");
        Assert.Null(feed.Link);
        Assert.Equal(new Uri("https://fetched.example.com/feeds/a"), feed.Entries[0].Link);
    }

    [Fact]
    public void Control_characters_in_a_feed_do_not_reject_it()
    {
        var feed = TestDocuments.ParseText("<rss version=\"2.0\"><channel><title>T</title><item><title>bell&#7; and \u000b tab</title></item></channel></rss>");
        Assert.Single(feed.Entries);
    }

    [Fact]
    public void Duplicate_categories_are_kept_once()
    {
        var feed = TestDocuments.ParseText("<rss version=\"2.0\"><channel><title>T</title><item><title>x</title><category>World</category><category>world</category><category>Europe</category></item></channel></rss>");
        Assert.Equal(["World", "Europe"], feed.Entries[0].Categories);
    }

    [Fact]
    public void Identical_description_and_content_give_no_separate_body()
    {
        var feed = TestDocuments.ParseText("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
              <item><title>x</title><description>&lt;p&gt;Same text&lt;/p&gt;</description><content:encoded><![CDATA[<div>Same text</div>]]></content:encoded></item>
              <item><title>y</title><content:encoded><![CDATA[<p>Only content</p>]]></content:encoded></item>
            </channel></rss>
            """);
        Assert.Equal("Same text", feed.Entries[0].Summary);
        Assert.Null(feed.Entries[0].Body);
        Assert.Equal("Only content", feed.Entries[1].Summary);
        Assert.Null(feed.Entries[1].Body);
    }
}
