using System.Text.Json;
using System.Threading.Channels;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EndToEnd.Tests;

/// <summary>
/// A web front that fell further behind on a feed than its history holds skips ahead; its live hub subscribers are told
/// at once with a <c>gap</c> event, then get the items history still has.
/// </summary>
public sealed class HubGapTests : IAsyncLifetime
{
    private readonly LossyDirectory _directory = new();
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:HistoryLimit"] = "3",
        ["Feed:CachedItems"] = "3",
        ["Feed:Live:FollowRefreshInterval"] = "00:00:01",
    }, builder => builder.Services.AddSingleton<IFeedDirectory>(sp =>
    {
        _directory.Inner = new GrainFeedDirectory(sp.GetRequiredService<IGrainFactory>());
        return _directory;
    }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_live_hub_subscriber_gets_a_gap_event_when_its_web_front_had_to_skip()
    {
        using var http = _host.CreateHttpClient();
        await using var client = await LiveClient.ConnectAsync(_host);
        var gaps = Channel.CreateUnbounded<JsonElement>();
        client.Connection.On<JsonElement>("gap", gap => gaps.Writer.TryWrite(gap));
        await client.SubscribeAsync("country:JP", after: null);
        await Stories.PublishAsync(http, Stories.Tagged("jp-gap-1", "Tokyo one", ["JP"]));
        Assert.Equal(1, (await client.NextAsync("the first live article")).Seq);

        // Pushes to this web front go missing while five more are published: history (3) no longer holds seq 2 and 3.
        _directory.Dropping = true;
        for (var i = 2; i <= 6; i++) await Stories.PublishAsync(http, Stories.Tagged($"jp-gap-{i}", $"Tokyo {i}", ["JP"]));
        _directory.Dropping = false;

        // The next follow refresh learns the head and catches up from history.
        var gap = await Eventually.Within(gaps.Reader.ReadAsync().AsTask(), TimeSpan.FromSeconds(15), "a gap event on the hub");
        Assert.Equal("country:JP", gap.GetProperty("feed").GetString());
        Assert.False(gap.GetProperty("complete").GetBoolean());
        var after = new[] { await client.NextAsync("seq 4"), await client.NextAsync("seq 5"), await client.NextAsync("seq 6") };
        Assert.Equal([4L, 5L, 6L], after.Select(i => i.Seq));
    }

    /// <summary>The real directory, except that pushes to this node can be made to go missing.</summary>
    private sealed class LossyDirectory : IFeedDirectory
    {
        public IFeedDirectory Inner { get; set; } = null!;
        public volatile bool Dropping;

        public IFeedGrain Feed(string feed) => Inner.Feed(feed);

        public IFeedObserver Reference(IFeedObserver observer) => Inner.Reference(new Lossy(observer, this));

        private sealed class Lossy(IFeedObserver inner, LossyDirectory directory) : IFeedObserver
        {
            public Task OnItem(FeedItem item) => directory.Dropping ? Task.CompletedTask : inner.OnItem(item);
        }
    }
}
