namespace Feed.Client.Tests;

/// <summary>Drops the client by restarting the server (same port, same SQLite file): it must come back by itself and lose or repeat nothing.</summary>
public sealed class ReconnectTests : IAsyncLifetime
{
    private static readonly string[] Feeds = ["country:AZ", "country:KR", "relation:AZ-KR"];

    private FeedHost _host = null!;

    // The web front closes hub connections as it begins to stop but still accepts new ones for a moment; a client that
    // reconnects at once can land on the dying node, which then holds its shutdown for the whole timeout (30 s by
    // default) before letting go. A short timeout keeps these tests quick; the client copes either way.
    public async Task InitializeAsync() =>
        _host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["shutdownTimeoutSeconds"] = "2" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Across_a_server_restart_every_article_arrives_once_and_in_feed_order(bool messagePack)
    {
        await using var client = new FeedClient(TestClients.Options(_host, messagePack));
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();
        foreach (var feed in Feeds) await client.FollowAsync(feed);

        var published = new List<string>();
        async Task PublishRound(string round)
        {
            using var api = new FeedApi(TestClients.Options(_host));
            var articles = new[]
            {
                TestArticles.Tagged($"{round}-both", $"{round}: both", "AZ", "KR"),
                TestArticles.Tagged($"{round}-az", $"{round}: Azerbaijan", "AZ"),
                TestArticles.Tagged($"{round}-kr", $"{round}: Korea", "KR"),
                TestArticles.Tagged($"{round}-both-2", $"{round}: both again", "AZ", "KR"),
            };
            await TestArticles.PublishAllAsync(api, articles);
            published.AddRange(articles.Select(a => a.Id!));
        }

        await PublishRound("before");
        await recorder.WaitForArticlesAsync(published.ToArray());

        await _host.RestartAsync();
        // Published while the client is still finding its way back: it learns of them from its resubscribe.
        await PublishRound("during");
        await recorder.WaitUntilAsync(u => u.OfType<ConnectionChanged>().Count(c => c.State == FeedConnectionState.Connected) >= 2,
            "the client to reconnect by itself");
        await PublishRound("after");
        await recorder.WaitForArticlesAsync(published.ToArray());
        // A last article in every feed: anything still owed to the app comes before it.
        await PublishRound("end");
        await recorder.WaitForArticlesAsync(published.ToArray());

        var articles = recorder.Articles;
        Assert.Equal(published.Order(), articles.Select(i => i.Article.Id).Order());
        foreach (var feed in articles.GroupBy(i => i.Feed))
        {
            var seqs = feed.Select(i => i.Seq).ToArray();
            Assert.True(seqs.SequenceEqual(seqs.Order()) && seqs.Distinct().Count() == seqs.Length, $"{feed.Key} came as {string.Join(",", seqs)}");
        }
        Assert.Contains(recorder.Updates, u => u is ConnectionChanged { State: FeedConnectionState.Reconnecting });
        Assert.Contains(recorder.Updates, u => u is FeedSubscribed { Resumed: true });
        Assert.DoesNotContain(recorder.Updates, u => u is HistoryGap);
        Assert.Equal(FeedConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_skipped_for_the_next_one()
    {
        var dead = TestClients.DeadServer();
        var options = TestClients.Options(_host);
        options.Servers = [dead, _host.BaseAddress];
        await using var client = new FeedClient(options);
        var recorder = new UpdateRecorder(client);

        await client.StartAsync();
        await client.FollowAsync("country:UA");
        Assert.Equal(_host.BaseAddress, client.CurrentServer);

        await _host.RestartAsync();
        using var api = new FeedApi(options);
        await TestArticles.PublishAllAsync(api, [TestArticles.Tagged("failover-1", "After the restart", "UA")]);
        await recorder.WaitForArticlesAsync("failover-1");
        Assert.Equal(_host.BaseAddress, client.CurrentServer);
    }

    [Fact]
    public async Task Starting_with_no_reachable_server_is_a_clear_error()
    {
        var options = TestClients.Options(_host);
        options.Servers = [TestClients.DeadServer(), TestClients.DeadServer()];
        await using var client = new FeedClient(options);

        var error = await Assert.ThrowsAsync<FeedUnreachableException>(() => client.StartAsync());
        Assert.Equal(options.Servers, error.Servers);
        Assert.Contains("Cannot reach the feed server at", error.Message);
        Assert.Equal(FeedConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task A_client_that_may_not_retry_gives_up_and_its_reader_is_told()
    {
        var options = TestClients.Options(_host);
        options.MaxReconnectAttempts = 2;
        await using var client = new FeedClient(options);
        var recorder = new UpdateRecorder(client);
        await client.StartAsync();

        await _host.StopAsync();
        await Assert.ThrowsAsync<FeedUnreachableException>(() => recorder.Reading.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(recorder.Updates, u => u is ConnectionChanged { State: FeedConnectionState.GaveUp, Attempt: 2 });
        Assert.Equal(FeedConnectionState.GaveUp, client.State);
    }
}
