using Microsoft.AspNetCore.SignalR;

namespace Feed.LoadTest.Baseline;

/// <summary>Subscribe/Unsubscribe as Feed's hub names them, done with plain SignalR groups (no history).</summary>
public sealed class BaselineHub(BaselineBroadcaster broadcaster) : Hub
{
    public async Task<BaselineSubscribeResult> Subscribe(string feed, long? after)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, feed);
        return new BaselineSubscribeResult(feed, broadcaster.HeadOf(feed), [], true);
    }

    public Task Unsubscribe(string feed) => Groups.RemoveFromGroupAsync(Context.ConnectionId, feed);
}

public sealed record BaselineSubscribeResult(string Feed, long Head, IReadOnlyList<FeedItem> Missed, bool Complete);
