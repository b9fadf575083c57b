using Feed.Sources.Parsing;

namespace Feed.Grains.Tests;

/// <summary>Unit tests: no cluster.</summary>
public sealed class EntrySubmissionTests
{
    private const string Id = "src-0123456789-abcdef";
    private static readonly PublishingOptions Limits = new();
    private static readonly DateTimeOffset Published = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static SourceEntry Entry(string? title = "Speakers of Azerbaijan and South Korea meet", string? summary = null,
        string? body = "The speakers discussed trade.", string? link = "https://news.example/speakers") =>
        new("guid-1", title, link is null ? null : new Uri(link), Published, summary, body, []);

    private static string Words(int count) => string.Join(' ', Enumerable.Range(1, count).Select(i => $"word{i}"));

    [Fact]
    public void An_entry_becomes_a_submission_with_its_text_link_date_and_the_sources_title()
    {
        var submission = EntrySubmission.From(Entry(summary: "Trade talks."), Id, "Caspian Wire", Limits)!;

        Assert.Equal(Id, submission.Id);
        Assert.Equal("Speakers of Azerbaijan and South Korea meet", submission.Headline);
        Assert.Equal("Trade talks.", submission.Summary);
        Assert.Equal("The speakers discussed trade.", submission.Body);
        Assert.Equal("https://news.example/speakers", submission.Url);
        Assert.Equal("Caspian Wire", submission.Source);
        Assert.Equal(Published, submission.PublishedAt);
    }

    [Fact]
    public void Without_a_title_the_headline_is_the_first_words_of_the_text_with_an_ellipsis()
    {
        var submission = EntrySubmission.From(Entry(title: null, body: Words(40)), Id, null, Limits)!;

        Assert.Equal(Words(16) + "…", submission.Headline);
        Assert.Equal(Words(40), submission.Body);
    }

    [Fact]
    public void Without_a_title_a_short_text_is_the_whole_headline_with_its_spacing_tidied()
    {
        var submission = EntrySubmission.From(Entry(title: null, body: "  Baku hosts\na   Seoul delegation  "), Id, null, Limits)!;

        Assert.Equal("Baku hosts a Seoul delegation", submission.Headline);
    }

    [Fact]
    public void Without_a_title_or_body_the_summary_gives_the_headline_and_the_body()
    {
        var submission = EntrySubmission.From(Entry(title: null, summary: "Seoul hosts a Baku delegation.", body: null), Id, null, Limits)!;

        Assert.Equal("Seoul hosts a Baku delegation.", submission.Headline);
        Assert.Equal("Seoul hosts a Baku delegation.", submission.Body);
    }

    [Fact]
    public void Without_any_text_the_title_is_the_body_too()
    {
        var submission = EntrySubmission.From(Entry(body: null), Id, null, Limits)!;

        Assert.Equal(submission.Headline, submission.Body);
        Assert.Null(submission.Summary);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "   ")]
    public void An_entry_with_no_title_and_no_text_gives_nothing(string? title, string? body)
    {
        Assert.Null(EntrySubmission.From(Entry(title: title, body: body), Id, "Caspian Wire", Limits));
    }

    [Fact]
    public void An_over_long_headline_is_shortened_at_a_word_and_marked_with_an_ellipsis()
    {
        var limits = new PublishingOptions { MaxHeadlineLength = 50 };
        var title = "Azerbaijan and South Korea sign a trade deal on cars, tea and student exchanges";

        var headline = EntrySubmission.From(Entry(title: title), Id, null, limits)!.Headline!;

        Assert.Equal("Azerbaijan and South Korea sign a trade deal on…", headline);
        Assert.True(headline.Length <= 50);
    }

    [Fact]
    public void An_over_long_body_is_shortened_at_a_word_within_the_limit()
    {
        var limits = new PublishingOptions { MaxBodyLength = 1000 };
        var body = Words(500);

        var shortened = EntrySubmission.From(Entry(body: body), Id, null, limits)!.Body!;

        Assert.True(shortened.Length <= 1000, $"{shortened.Length} characters");
        Assert.EndsWith("…", shortened);
        Assert.StartsWith(shortened[..^1] + " ", body); // cut between two words
        Assert.True(shortened.Length > 900, "cut near the limit, not far before it");
    }

    [Fact]
    public void Text_without_spaces_is_cut_hard_at_the_limit()
    {
        var shortened = EntrySubmission.Shorten(new string('x', 100), 20);

        Assert.Equal(new string('x', 19) + "…", shortened);
    }

    [Fact]
    public void Text_within_the_limit_is_left_alone()
    {
        Assert.Equal("Exactly twenty chars", EntrySubmission.Shorten("Exactly twenty chars", 20));
    }

    [Fact]
    public void Over_long_summary_and_source_title_are_shortened_too()
    {
        var limits = new PublishingOptions { MaxSummaryLength = 30, MaxSourceLength = 20 };

        var submission = EntrySubmission.From(Entry(summary: Words(20)), Id, "The Caspian and Korean Peninsula Wire", limits)!;

        Assert.True(submission.Summary!.Length <= 30);
        Assert.EndsWith("…", submission.Summary);
        Assert.True(submission.Source!.Length <= 20);
        Assert.EndsWith("…", submission.Source);
    }

    [Fact]
    public void A_summary_equal_to_the_body_is_dropped()
    {
        var submission = EntrySubmission.From(Entry(summary: "The speakers discussed trade.", body: "The speakers discussed trade."), Id, null, Limits)!;

        Assert.Null(submission.Summary);
        Assert.Equal("The speakers discussed trade.", submission.Body);
    }

    [Fact]
    public void A_link_longer_than_an_article_url_may_be_is_dropped_and_the_entry_kept()
    {
        var limits = new PublishingOptions { MaxUrlLength = 60 };
        var longLink = "https://news.example/" + new string('a', 40);

        var submission = EntrySubmission.From(Entry(link: longLink), Id, null, limits)!;

        Assert.Null(submission.Url);
        Assert.NotNull(submission.Headline);
        Assert.Equal("https://news.example/short", EntrySubmission.From(Entry(link: "https://news.example/short"), Id, null, limits)!.Url);
    }

    [Fact]
    public void An_entry_without_a_date_or_source_title_leaves_them_out()
    {
        var entry = Entry() with { PublishedAt = null };

        var submission = EntrySubmission.From(entry, Id, null, Limits)!;

        Assert.Null(submission.PublishedAt);
        Assert.Null(submission.Source);
    }
}
