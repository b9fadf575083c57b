using Feed.Cli;

namespace Feed.Client.Tests;

/// <summary>How sources read on a terminal, at a fixed "now" so relative times are exact.</summary>
public sealed class SourceTextTests
{
    private static readonly DateTimeOffset Now = TestSources.Now;

    [Fact]
    public void The_table_aligns_its_columns_and_shows_times_relative_to_now()
    {
        var lines = SourceText.Table([TestSources.Polled(), TestSources.NeverPolled()], Now);

        Assert.Equal(
            [
                "ID       TITLE           STATUS  ARTICLES  LAST POLL  NEXT POLL",
                "src-1    Example News    200     12        5m ago     in 4m",
                "src-new  Not yet polled  -       0         never      -",
            ],
            lines);
    }

    [Fact]
    public void The_last_error_is_a_last_column_that_only_appears_when_some_source_has_one()
    {
        var lines = SourceText.Table([TestSources.Polled(), TestSources.Polled("src-down", "Down Wire", 503, 0, "The server answered 503 Service Unavailable.")], Now);

        Assert.Equal(
            [
                "ID        TITLE         STATUS  ARTICLES  LAST POLL  NEXT POLL  LAST ERROR",
                "src-1     Example News  200     12        5m ago     in 4m",
                "src-down  Down Wire     503     0         5m ago     in 4m      The server answered 503 Service Unavailable.",
            ],
            lines);
    }

    [Theory]
    [InlineData(-10, "due")]
    [InlineData(0, "due")]
    [InlineData(0.5, "in 1s")]
    [InlineData(59, "in 59s")]
    [InlineData(61, "in 1m")]
    [InlineData(3 * 3600 + 5, "in 3h")]
    [InlineData(3 * 86400, "in 3d")]
    public void The_next_poll_counts_down_and_is_due_once_its_time_has_come(double seconds, string expected) =>
        Assert.Equal(expected, SourceText.NextPoll(TestSources.Polled() with { NextPollAt = Now.AddSeconds(seconds) }, Now));

    [Fact]
    public void Details_give_every_field_with_iso_times_and_the_error_only_when_there_is_one()
    {
        Assert.Equal(
            [
                "id           src-down",
                "url          https://news.example/src-down.rss",
                "title        Down Wire",
                "poll every   300 s",
                "last polled  2026-11-29T07:55:00Z (5m ago)",
                "last status  503",
                "last error   The server answered 503 Service Unavailable.",
                "next poll    2026-11-29T08:04:00Z (in 4m)",
                "articles     0",
            ],
            SourceText.Details(TestSources.Polled("src-down", "Down Wire", 503, 0, "The server answered 503 Service Unavailable."), Now));

        var fresh = SourceText.Details(TestSources.NeverPolled(), Now);
        Assert.Contains("last polled  never", fresh);
        Assert.Contains("next poll    none scheduled", fresh);
        Assert.DoesNotContain(fresh, l => l.StartsWith("last error"));
    }

    [Fact]
    public void A_source_is_named_by_id_title_and_url_and_a_poll_says_what_it_did()
    {
        Assert.Equal("src-1: Example News (https://news.example/src-1.rss)", SourceText.Named(TestSources.Polled()));
        Assert.Equal("src-1 (https://news.example/src-1.rss)", SourceText.Named(TestSources.Polled() with { Title = null }));
        Assert.Equal("Polled source src-1: Example News (https://news.example/src-1.rss): status 200, 12 articles ingested; next poll in 4m",
            SourceText.Polled(TestSources.Polled(), Now));
        Assert.Equal("Polled source src-1: Example News (https://news.example/src-1.rss): no answer, 12 articles ingested",
            SourceText.Polled(TestSources.Polled() with { LastStatus = null, NextPollAt = null }, Now));
    }
}
