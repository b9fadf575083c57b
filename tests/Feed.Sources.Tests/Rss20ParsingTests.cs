using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

public class Rss20ParsingTests
{
    private readonly SourceDocument feed = TestDocuments.Parse("rss2-quirks.xml");

    [Fact]
    public void Rss_2_0_channel_and_items_are_read_in_document_order()
    {
        Assert.Equal("Harbour & Town News", feed.Title);
        Assert.Equal(new Uri("https://news.example.org/"), feed.Link);
        Assert.Equal(8, feed.Entries.Count);
        Assert.Equal("Ferry cancelled & rescheduled", feed.Entries[0].Title);
        Assert.Equal("Garbage date", feed.Entries[^1].Title);
    }

    [Fact]
    public void Cdata_description_becomes_the_summary_and_content_encoded_the_body()
    {
        var entry = feed.Entries[0];
        Assert.Equal("The morning ferry was cancelled.\n\nStorm warning\u2026", entry.Summary);
        Assert.Equal("Storm\n\nThe morning ferry\nwas cancelled at 7:00.\n\nOne\n\nTwo", entry.Body);
    }

    [Fact]
    public void Guid_categories_and_relative_links_of_an_item_are_read()
    {
        var entry = feed.Entries[0];
        Assert.Equal("ferry-2024-01", entry.Id);
        Assert.Equal(["Transport", "Weather"], entry.Categories);
        // No xml:base: the channel's own link is the base.
        Assert.Equal(new Uri("https://news.example.org/2024/ferry-cancelled"), entry.Link);
    }

    [Fact]
    public void Double_escaped_html_in_a_description_becomes_plain_text()
    {
        Assert.Equal("Bread & butter", feed.Entry("Double escaped").Summary);
    }

    [Fact]
    public void Escaped_html_in_a_description_becomes_paragraphs_with_entities_decoded()
    {
        var entry = feed.Entry("Single escaped");
        Assert.Equal("First\n\nSecond \u00e9t\u00e9", entry.Summary);
        Assert.Null(entry.Body);
    }

    [Theory]
    [InlineData("Ferry cancelled & rescheduled", "2024-03-05T13:30:00Z")] // EST
    [InlineData("Double escaped", "2024-03-11T00:05:00Z")] // PDT
    [InlineData("Single escaped", "2024-03-11T09:00:00Z")] // GMT
    [InlineData("Universal time", "2024-03-12T10:00:00Z")] // UT, no weekday, no seconds
    [InlineData("Military zone", "2024-03-13T12:00:00Z")] // Z
    [InlineData("Numeric offset", "2024-03-14T06:30:00Z")] // +0530
    public void Rfc_822_dates_with_named_zones_and_offsets_are_read(string title, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), feed.Entry(title).PublishedAt);
    }

    [Fact]
    public void Missing_or_unreadable_dates_are_null()
    {
        Assert.Null(feed.Entries[6].PublishedAt);
        Assert.Null(feed.Entry("Garbage date").PublishedAt);
    }

    [Fact]
    public void Missing_titles_and_ids_are_null_not_empty()
    {
        var untitled = feed.Entries[6];
        Assert.Null(untitled.Title);
        Assert.Null(untitled.Id);
        Assert.Equal("An entry without a title and without a date.", untitled.Summary);
        Assert.Null(untitled.Body);
        Assert.Empty(untitled.Categories);
    }

    [Fact]
    public void Links_that_are_not_http_are_dropped_and_missing_links_are_null()
    {
        Assert.Null(feed.Entry("Garbage date").Link);
        Assert.Null(feed.Entry("Universal time").Link);
    }

    [Fact]
    public void A_permalink_guid_stands_in_for_a_missing_link()
    {
        var document = TestDocuments.ParseText("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>Permalink</title><guid>https://example.org/p/1</guid></item>
              <item><title>Not a permalink</title><guid isPermaLink="false">https://example.org/p/2</guid></item>
            </channel></rss>
            """);
        Assert.Equal(new Uri("https://example.org/p/1"), document.Entry("Permalink").Link);
        Assert.Null(document.Entry("Not a permalink").Link);
    }

    [Fact]
    public void Item_links_resolve_against_xml_base_before_the_channel_link()
    {
        var document = TestDocuments.ParseText("""
            <rss version="2.0" xml:base="https://base.example.net/section/">
              <channel><title>T</title><link>https://channel.example.org/</link>
                <item><title>Relative</title><link>story/7</link></item>
                <item xml:base="/other/"><title>Nested base</title><link>story/8</link></item>
              </channel>
            </rss>
            """);
        Assert.Equal(new Uri("https://base.example.net/section/story/7"), document.Entry("Relative").Link);
        Assert.Equal(new Uri("https://base.example.net/other/story/8"), document.Entry("Nested base").Link);
    }

    [Fact]
    public void Without_any_base_links_resolve_against_the_document_address()
    {
        var document = TestDocuments.ParseText("""
            <rss version="2.0"><channel><title>T</title><item><title>Relative</title><link>../news/1</link></item></channel></rss>
            """);
        Assert.Null(document.Link);
        Assert.Equal(new Uri("https://fetched.example.com/news/1"), document.Entry("Relative").Link);
    }

    [Fact]
    public void Blank_titles_and_descriptions_are_null_and_strings_are_trimmed()
    {
        var document = TestDocuments.ParseText("""
            <rss version="2.0"><channel><title>   </title>
              <item><title>  </title><guid>  id-1  </guid><description><![CDATA[  <p> </p> ]]></description><category>  </category></item>
            </channel></rss>
            """);
        Assert.Null(document.Title);
        var entry = Assert.Single(document.Entries);
        Assert.Equal("id-1", entry.Id);
        Assert.Null(entry.Title);
        Assert.Null(entry.Summary);
        Assert.Empty(entry.Categories);
    }
}
