namespace Feed.Client.Tests;

/// <summary>A feed keeps 5 items here: a client away for longer must be told what it lost, never skip it silently.</summary>
public sealed class HistoryGapTests : IAsyncLifetime
{
    private FeedHost _host = null!;
    private FeedApi _api = null!;

    public async Task InitializeAsync()
    {
        _host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:HistoryLimit"] = "5" });
        _api = new FeedApi(TestClients.Options(_host));
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Resuming_from_saved_positions_after_history_was_trimmed_announces_the_gap_before_the_rest()
    {
        const string feed = "relation:DE-FR";
        IReadOnlyDictionary<string, long> saved;
        var first = new FeedClient(TestClients.Options(_host));
        await using (first)
        {
            var recorder = new UpdateRecorder(first);
            await first.StartAsync();
            await first.FollowAsync(feed);
            await TestArticles.PublishAllAsync(_api, Enumerable.Range(1, 2).Select(i => TestArticles.Tagged($"gap-{i}", $"Seen {i}", "FR", "DE")));
            await recorder.WaitForArticlesAsync("gap-1", "gap-2");
            await first.DisposeAsync();
            await recorder.Reading;
            saved = first.Positions;
        }
        Assert.Equal(new Dictionary<string, long> { [feed] = 2 }, saved);

        // Away while 8 more are published: the feed keeps only #6..#10.
        await TestArticles.PublishAllAsync(_api, Enumerable.Range(3, 8).Select(i => TestArticles.Tagged($"gap-{i}", $"Away {i}", "FR", "DE")));

        await using var second = new FeedClient(TestClients.Options(_host));
        var resumed = new UpdateRecorder(second);
        HistoryGap? raised = null;
        second.GapDetected += gap => raised = gap;
        foreach (var (key, seq) in saved) await second.FollowAsync(key, seq);
        await second.StartAsync();
        await resumed.WaitForArticlesAsync("gap-10");

        var gap = Assert.Single(resumed.Updates.OfType<HistoryGap>());
        Assert.Equal(new HistoryGap(feed, 2, 6, HistoryGapReason.HistoryTrimmed), gap);
        Assert.Equal(3, gap.Lost);
        Assert.Equal(gap, raised);
        var afterGap = resumed.Updates.SkipWhile(u => u is not HistoryGap).Skip(1).OfType<ArticleArrived>().Select(a => a.Item.Seq);
        Assert.Equal([6L, 7, 8, 9, 10], afterGap);
        Assert.Empty(resumed.Updates.TakeWhile(u => u is not HistoryGap).OfType<ArticleArrived>());
    }

    [Fact]
    public async Task A_stopped_and_restarted_client_resumes_its_feeds_and_reports_the_gap()
    {
        const string feed = "country:JP";
        await using var client = new FeedClient(TestClients.Options(_host));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        await client.FollowAsync(feed);
        await TestArticles.PublishAllAsync(_api, [TestArticles.Tagged("jp-1", "Seen", "JP")]);
        await recorder.WaitForArticlesAsync("jp-1");

        await client.StopAsync();
        await TestArticles.PublishAllAsync(_api, Enumerable.Range(2, 7).Select(i => TestArticles.Tagged($"jp-{i}", $"Away {i}", "JP")));
        await client.StartAsync();
        await recorder.WaitForArticlesAsync("jp-8");

        Assert.Equal(new HistoryGap(feed, 1, 4, HistoryGapReason.HistoryTrimmed), Assert.Single(recorder.Updates.OfType<HistoryGap>()));
        Assert.Equal([1L, 4, 5, 6, 7, 8], recorder.Articles.Select(i => i.Seq));
        await Eventually.TrueAsync(() => client.Positions.GetValueOrDefault(feed) == 8, TimeSpan.FromSeconds(10), "the position to reach #8");
    }
}
