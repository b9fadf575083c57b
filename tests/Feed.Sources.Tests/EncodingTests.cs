using System.Text;
using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

public class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Rss(string declaration, string channelTitle, string itemTitle) =>
        $"{declaration}<rss version=\"2.0\"><channel><title>{channelTitle}</title><item><title>{itemTitle}</title>"
        + "<description>\u2014</description></item></channel></rss>";

    private static SourceDocument Parse(byte[] bytes, string? contentType = null) =>
        FeedDocumentParser.Parse(bytes, contentType, TestDocuments.Address);

    [Fact]
    public void A_windows_1251_declaration_is_honoured()
    {
        var windows1251 = Encoding.GetEncoding("windows-1251");
        var bytes = windows1251.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"windows-1251\"?>", "Новости", "Привет, мир"));
        Assert.NotEqual(Encoding.UTF8.GetBytes("Новости").Length, windows1251.GetBytes("Новости").Length); // really single-byte

        var feed = Parse(bytes, "application/rss+xml; charset=utf-8"); // the declaration beats a wrong header
        Assert.Equal("Новости", feed.Title);
        Assert.Equal("Привет, мир", feed.Entries[0].Title);
        Assert.Equal("\u2014", feed.Entries[0].Summary);
    }

    [Fact]
    public void An_iso_8859_1_declaration_is_honoured()
    {
        var bytes = Encoding.Latin1.GetBytes(Rss("<?xml version='1.0' encoding='ISO-8859-1' ?>", "Café", "Crème brûlée à Zürich"));
        var feed = Parse(bytes);
        Assert.Equal("Café", feed.Title);
        Assert.Equal("Crème brûlée à Zürich", feed.Entries[0].Title);
    }

    [Fact]
    public void Without_a_declaration_the_content_type_charset_is_used()
    {
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes(Rss("", "Новости", "Погода"));
        Assert.Equal("Погода", Parse(bytes, "text/xml; charset=windows-1251").Entries[0].Title);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "Café", "Ελληνικά"))).ToArray();
        Assert.Equal("Ελληνικά", Parse(bytes).Entries[0].Title);
    }

    [Fact]
    public void A_byte_order_mark_beats_a_wrong_declaration()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "T", "Zürich"))).ToArray();
        Assert.Equal("Zürich", Parse(bytes).Entries[0].Title);
    }

    [Fact]
    public void Without_any_clue_utf8_is_assumed()
    {
        var bytes = Encoding.UTF8.GetBytes(Rss("", "T", "日本語のニュース"));
        Assert.Equal("日本語のニュース", Parse(bytes, "application/xml").Entries[0].Title);
    }

    [Fact]
    public void An_unknown_declared_encoding_falls_back_to_the_next_clue()
    {
        var bytes = Encoding.UTF8.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"no-such-charset\"?>", "T", "Zürich"));
        Assert.Equal("Zürich", Parse(bytes).Entries[0].Title);
    }

    [Fact]
    public void A_json_feed_with_a_byte_order_mark_is_read()
    {
        var json = """{"version":"https://jsonfeed.org/version/1.1","title":"Jörnal","items":[{"id":"1","content_text":"x"}]}""";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        Assert.Equal("Jörnal", Parse(bytes, "application/feed+json").Title);
    }
}
