namespace Feed.Sources.Tests;

public sealed class SourceUrlTests
{
    private static string Normalized(string text)
    {
        Assert.True(SourceUrl.TryNormalize(text, out var url, out var error), error);
        Assert.Equal("", error);
        return url.AbsoluteUri;
    }

    private static string Refused(string? text)
    {
        Assert.False(SourceUrl.TryNormalize(text, out _, out var error));
        Assert.NotEqual("", error);
        return error;
    }

    [Fact]
    public void Scheme_and_host_are_lower_cased_but_path_and_query_keep_their_case()
    {
        Assert.Equal("https://news.example.com/Feeds/World.XML?Edition=UK", Normalized("HTTPS://News.Example.COM/Feeds/World.XML?Edition=UK"));
    }

    [Theory]
    [InlineData("http://news.example:80/feed.xml", "http://news.example/feed.xml")]
    [InlineData("https://news.example:443/feed.xml", "https://news.example/feed.xml")]
    [InlineData("http://news.example:8080/feed.xml", "http://news.example:8080/feed.xml")]
    [InlineData("https://news.example:80/feed.xml", "https://news.example:80/feed.xml")]
    public void The_default_port_of_the_scheme_is_dropped_and_any_other_port_kept(string given, string expected)
    {
        Assert.Equal(expected, Normalized(given));
    }

    [Fact]
    public void The_fragment_is_dropped()
    {
        Assert.Equal("https://news.example/feed.xml?page=1", Normalized("https://news.example/feed.xml?page=1#latest"));
    }

    [Fact]
    public void Surrounding_white_space_is_ignored()
    {
        Assert.Equal("https://news.example/feed.xml", Normalized("  https://news.example/feed.xml \n"));
    }

    [Fact]
    public void A_literal_ipv6_host_keeps_its_brackets_and_port()
    {
        Assert.Equal("http://[::1]:8080/feed.xml", Normalized("http://[::1]:8080/feed.xml"));
    }

    [Fact]
    public void Spellings_of_one_address_normalise_to_the_same_url()
    {
        Assert.Equal(Normalized("https://news.example/feed.xml"), Normalized("HTTPS://NEWS.example:443/feed.xml#top"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("news.example/feed.xml")]
    [InlineData("not a url at all")]
    public void Blank_or_relative_text_is_refused_with_an_example_of_an_absolute_address(string? text)
    {
        Assert.Equal("'url' must be an absolute http or https address, e.g. https://example.com/feed.xml.", Refused(text));
    }

    [Fact]
    public void A_rooted_path_is_refused()
    {
        // On Unix "/feed.xml" parses as an absolute file: URI, so the error names the scheme; elsewhere it is relative.
        var error = Refused("/feed.xml");
        Assert.Contains("'url' must", error);
    }

    [Theory]
    [InlineData("ftp://news.example/feed.xml", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("gopher://news.example/feed", "gopher")]
    public void Schemes_other_than_http_and_https_are_refused_naming_the_scheme(string text, string scheme)
    {
        Assert.Equal($"'url' must use http or https, not {scheme}.", Refused(text));
    }

    [Theory]
    [InlineData("https://reader:secret@news.example/feed.xml")]
    [InlineData("https://reader@news.example/feed.xml")]
    public void A_user_name_or_password_in_the_url_is_refused(string text)
    {
        Assert.Equal("'url' must not carry a user name or password.", Refused(text));
    }

    [Fact]
    public void The_id_of_a_url_is_stable_and_short()
    {
        var url = new Uri(Normalized("https://news.example/feed.xml"));
        var id = SourceUrl.IdOf(url);

        Assert.Equal(id, SourceUrl.IdOf(new Uri(Normalized("https://news.example/feed.xml"))));
        Assert.Matches("^src-[0-9a-f]{10}$", id);
    }

    [Fact]
    public void Spellings_of_one_address_get_the_same_id()
    {
        Assert.Equal(SourceUrl.IdOf(new Uri(Normalized("https://news.example/feed.xml"))),
            SourceUrl.IdOf(new Uri(Normalized("HTTPS://News.Example:443/feed.xml#top"))));
    }

    [Fact]
    public void Different_urls_get_different_ids()
    {
        string[] urls =
        [
            "https://news.example/feed.xml", "http://news.example/feed.xml", "https://news.example/Feed.xml",
            "https://news.example/feed.xml?edition=uk", "https://news.example:8443/feed.xml", "https://other.example/feed.xml",
        ];
        var ids = urls.Select(u => SourceUrl.IdOf(new Uri(Normalized(u)))).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }
}
