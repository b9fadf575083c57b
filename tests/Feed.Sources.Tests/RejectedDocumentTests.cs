using System.Text;

namespace Feed.Sources.Tests;

public class RejectedDocumentTests
{
    [Fact]
    public void An_empty_body_is_an_empty_document()
    {
        Assert.Equal("empty document", TestDocuments.FailureOf([]));
        Assert.Equal("empty document", TestDocuments.FailureOf(" \r\n\t "));
        Assert.Equal("empty document", TestDocuments.FailureOf(Encoding.UTF8.GetPreamble()));
    }

    [Fact]
    public void An_html_page_served_instead_of_a_feed_is_named_as_such()
    {
        const string page = "<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><p>Hello<br></body></html>";
        Assert.Equal("not a feed: HTML page", TestDocuments.FailureOf(page, "text/html; charset=utf-8"));
        Assert.Equal("not a feed: HTML page", TestDocuments.FailureOf(page, "application/rss+xml"));
    }

    [Fact]
    public void A_well_formed_xhtml_page_is_an_html_page_too()
    {
        var failure = TestDocuments.FailureOf("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body/></html>");
        Assert.Equal("not a feed: HTML page", failure);
    }

    [Fact]
    public void Truncated_xml_names_the_line_where_it_broke()
    {
        var failure = TestDocuments.FailureOf("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>T</title>\n<item><title>cut he");
        Assert.Equal("not a feed: truncated or malformed XML (line 4)", failure);
    }

    [Fact]
    public void Json_that_is_not_a_json_feed_is_named_as_such()
    {
        Assert.Equal("not a feed: JSON that is not a JSON Feed", TestDocuments.FailureOf("""{"hello": [1, 2, 3]}"""));
        Assert.Equal("not a feed: JSON that is not a JSON Feed", TestDocuments.FailureOf("""[{"version": "https://jsonfeed.org/version/1.1"}]"""));
        Assert.Equal("not a feed: JSON that is not a JSON Feed", TestDocuments.FailureOf("""{"version": "2.0", "items": []}"""));
    }

    [Fact]
    public void Truncated_json_is_malformed_json()
    {
        var failure = TestDocuments.FailureOf("{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [");
        Assert.StartsWith("not a feed: truncated or malformed JSON (line ", failure);
    }

    [Fact]
    public void Other_xml_documents_are_named_by_their_root()
    {
        Assert.Equal("not a feed: unknown XML document <urlset>",
            TestDocuments.FailureOf("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://x</loc></url></urlset>"));
    }

    [Fact]
    public void An_rss_document_without_a_channel_is_rejected()
    {
        Assert.Equal("not a feed: RSS document without a <channel>", TestDocuments.FailureOf("<rss version=\"2.0\"></rss>"));
    }

    [Fact]
    public void Plain_text_is_neither_xml_nor_json()
    {
        Assert.Equal("not a feed: neither XML nor JSON (starts with \"Service Unavailable\")",
            TestDocuments.FailureOf("Service Unavailable"));
    }

    [Fact]
    public void Every_failure_message_begins_in_lower_case()
    {
        string[] documents = ["", "<html><body>", "<rss><channel>", "{}", "<foo/>", "oops"];
        foreach (var document in documents)
            Assert.True(char.IsLower(TestDocuments.FailureOf(document)[0]), document);
    }
}
