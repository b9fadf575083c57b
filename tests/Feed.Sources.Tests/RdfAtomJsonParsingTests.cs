using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

public class RdfAtomJsonParsingTests
{
    [Fact]
    public void Rss_1_0_rdf_entries_are_read_with_their_dates()
    {
        var feed = TestDocuments.Parse("rss1-rdf.xml");
        Assert.Equal("RDF Weekly", feed.Title);
        Assert.Equal(2, feed.Entries.Count);
        var first = feed.Entries[0];
        Assert.Equal("https://rdf.example.net/one", first.Id);
        Assert.Equal(DateTimeOffset.Parse("2024-02-01T08:15:00Z"), first.PublishedAt);
        Assert.Equal("The first item.", first.Summary);
        Assert.Null(first.Body);
        Assert.Equal(["Science"], first.Categories);
        Assert.Equal(DateTimeOffset.Parse("2024-02-02T10:00:00Z"), feed.Entries[1].PublishedAt);
    }

    [Fact]
    public void Rss_1_0_ids_are_the_rdf_about_and_relative_links_resolve_against_the_channel()
    {
        var second = TestDocuments.Parse("rss1-rdf.xml").Entries[1];
        Assert.Equal("https://rdf.example.net/two", second.Id);
        Assert.Equal(new Uri("https://rdf.example.net/two"), second.Link);
        Assert.Null(second.Summary);
    }

    [Fact]
    public void Atom_entries_take_published_then_updated_as_their_date()
    {
        var feed = TestDocuments.Parse("atom.xml");
        Assert.Equal(DateTimeOffset.Parse("2024-04-01T15:00:00Z"), feed.Entries[0].PublishedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-04-03T08:30:00Z"), feed.Entries[1].PublishedAt);
        Assert.Null(feed.Entries[2].PublishedAt);
    }

    [Fact]
    public void Atom_summary_and_content_become_summary_and_body_as_text()
    {
        var entry = TestDocuments.Parse("atom.xml").Entries[0];
        Assert.Equal("tag:atom.example.com,2024:1", entry.Id);
        Assert.Equal("Published and updated", entry.Title);
        Assert.Equal("Short & sweet", entry.Summary);
        Assert.Equal("Long text.\n\nSecond paragraph.", entry.Body);
        Assert.Equal(["Technology", "science"], entry.Categories);
    }

    [Fact]
    public void Atom_xhtml_content_keeps_its_paragraphs()
    {
        var entry = TestDocuments.Parse("atom.xml").Entries[1];
        Assert.Equal("Only updated", entry.Title);
        Assert.Equal("XHTML body\n\nwith two paragraphs", entry.Summary);
        Assert.Null(entry.Body);
    }

    [Fact]
    public void Atom_xhtml_content_keeps_the_spaces_between_inline_elements()
    {
        var feed = TestDocuments.ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><id>1</id><title>x</title>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>bold</b> <i>italic</i></div></content>
              </entry>
            </feed>
            """);
        Assert.Equal("bold italic", feed.Entries[0].Summary);
    }

    [Fact]
    public void Atom_links_resolve_against_the_innermost_xml_base()
    {
        var feed = TestDocuments.Parse("atom.xml");
        Assert.Equal("Atom & Eve", feed.Title);
        Assert.Equal(new Uri("https://atom.example.com/blog/"), feed.Link);
        Assert.Equal(new Uri("https://atom.example.com/blog/posts/1"), feed.Entries[0].Link);
        Assert.Equal(new Uri("https://other.example.com/archive/2024/two"), feed.Entries[1].Link);
        Assert.Equal(new Uri("https://atom.example.com/root-relative"), feed.Entries[2].Link);
    }

    [Fact]
    public void An_atom_entry_without_title_or_date_keeps_its_id_and_summary()
    {
        var entry = TestDocuments.Parse("atom.xml").Entries[2];
        Assert.Null(entry.Title);
        Assert.Equal("tag:atom.example.com,2024:3", entry.Id);
        Assert.Equal("Plain text summary, no title, no date.", entry.Summary);
    }

    [Fact]
    public void Json_feed_items_are_read_with_summary_body_tags_and_dates()
    {
        var feed = TestDocuments.Parse("jsonfeed.json", "application/feed+json");
        Assert.Equal("JSON Journal", feed.Title);
        Assert.Equal(new Uri("https://json.example.org/"), feed.Link);
        var first = feed.Entries[0];
        Assert.Equal("1", first.Id);
        Assert.Equal("First & foremost", first.Title);
        Assert.Equal("A short summary", first.Summary);
        Assert.Equal("Hello world\n\nSecond", first.Body);
        Assert.Equal(["alpha", "beta"], first.Categories);
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T08:00:00Z"), first.PublishedAt);
    }

    [Fact]
    public void Json_feed_content_text_keeps_its_lines_and_relative_urls_resolve_against_the_home_page()
    {
        var second = TestDocuments.Parse("jsonfeed.json").Entries[1];
        Assert.Equal("2", second.Id);
        Assert.Null(second.Title);
        Assert.Equal("Plain text only.\nSecond line.", second.Summary);
        Assert.Null(second.Body);
        Assert.Equal(new Uri("https://json.example.org/posts/2"), second.Link);
        Assert.Equal(DateTimeOffset.Parse("2024-05-02T11:00:00Z"), second.PublishedAt);
    }

    [Fact]
    public void Json_feed_items_without_url_use_the_external_url_and_may_have_no_date()
    {
        var third = TestDocuments.Parse("jsonfeed.json").Entries[2];
        Assert.Equal(new Uri("https://elsewhere.example.com/x"), third.Link);
        Assert.Null(third.PublishedAt);
        Assert.Equal("Only html", third.Summary);
    }
}
