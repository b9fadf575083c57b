using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

public sealed class EntryIdentityTests
{
    private const string Source = "src-0123456789";
    private static readonly DateTimeOffset Published = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static SourceEntry Entry(string? id = "tag:news.example,2026:1", string? title = "Speakers meet in Seoul",
        string? link = "https://news.example/speakers", DateTimeOffset? publishedAt = null, string? body = "The speakers met.") =>
        new(id, title, link is null ? null : new Uri(link), publishedAt ?? Published, null, body, []);

    [Fact]
    public void The_same_entry_gets_the_same_id_every_time()
    {
        Assert.Equal(EntryIdentity.ArticleIdOf(Source, Entry()), EntryIdentity.ArticleIdOf(Source, Entry()));
    }

    [Fact]
    public void The_guid_decides_when_there_is_one_so_edits_to_the_text_link_or_date_keep_the_id()
    {
        var original = EntryIdentity.ArticleIdOf(Source, Entry());
        var edited = EntryIdentity.ArticleIdOf(Source, Entry(title: "Speakers meet in Seoul (updated)", link: "https://news.example/speakers-v2",
            publishedAt: Published.AddHours(3), body: "The speakers met and agreed."));

        Assert.Equal(original, edited);
        Assert.NotEqual(original, EntryIdentity.ArticleIdOf(Source, Entry(id: "tag:news.example,2026:2")));
    }

    [Fact]
    public void Without_a_guid_the_link_decides()
    {
        var byLink = EntryIdentity.ArticleIdOf(Source, Entry(id: null));

        Assert.Equal(byLink, EntryIdentity.ArticleIdOf(Source, Entry(id: null, title: "Another title", publishedAt: Published.AddDays(1))));
        Assert.Equal(byLink, EntryIdentity.ArticleIdOf(Source, Entry(id: "", title: "Another title")));
        Assert.NotEqual(byLink, EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: "https://news.example/other")));
    }

    [Fact]
    public void A_guid_that_equals_another_entrys_link_does_not_collide_with_it()
    {
        var link = "https://news.example/speakers";
        Assert.NotEqual(EntryIdentity.ArticleIdOf(Source, Entry(id: link, link: null)),
            EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: link)));
    }

    [Fact]
    public void Without_guid_or_link_the_title_and_date_decide()
    {
        var byText = EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null));

        Assert.Equal(byText, EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, body: "Other text")));
        Assert.NotEqual(byText, EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, title: "Another title")));
        Assert.NotEqual(byText, EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, publishedAt: Published.AddMinutes(1))));
    }

    [Fact]
    public void Untitled_entries_without_guid_or_link_are_told_apart_by_their_text()
    {
        var first = EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, title: null, body: "Flooding closed the coastal road."));
        var second = EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, title: null, body: "The harbour reopened at noon."));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_date_counts_as_the_same_instant_whatever_its_offset()
    {
        Assert.Equal(EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, publishedAt: Published)),
            EntryIdentity.ArticleIdOf(Source, Entry(id: null, link: null, publishedAt: Published.ToOffset(TimeSpan.FromHours(9)))));
    }

    [Fact]
    public void The_same_entry_in_two_sources_is_two_articles()
    {
        Assert.NotEqual(EntryIdentity.ArticleIdOf("src-aaaaaaaaaa", Entry()), EntryIdentity.ArticleIdOf("src-bbbbbbbbbb", Entry()));
    }

    [Fact]
    public void The_id_starts_with_the_source_id()
    {
        Assert.StartsWith(Source + "-", EntryIdentity.ArticleIdOf(Source, Entry()));
    }

    [Theory]
    [InlineData("tag:news.example,2026:1 with spaces/slashes?&=#%")]
    [InlineData("урок/ünïcødé/日本語")]
    [InlineData("")]
    [InlineData(null)]
    public void The_id_uses_only_characters_an_article_id_may_hold_and_fits_its_length(string? guid)
    {
        var source = "src-" + new string('f', 10);
        var longEntry = Entry(id: guid, title: new string('x', 5000), link: guid is null ? null : "https://news.example/" + new string('y', 3000));

        var id = EntryIdentity.ArticleIdOf(source, longEntry);

        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~', $"'{c}' in {id}"));
        Assert.InRange(id.Length, 1, 200);
    }
}
