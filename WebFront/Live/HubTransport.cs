using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Feed.WebFront.Live;

/// <summary>
/// Writes items to SignalR connections: each item serialized once and written straight to each connection's context
/// (SignalR's send to a list of connections walks every connection of the node per message: 18% of the server's CPU at
/// 1,000 subscribers, measured with the load tool). A failed write only ends that connection.
/// </summary>
public sealed class HubTransport(ILogger<HubTransport> logger, LiveMetrics? metrics = null) : ILiveTransport
{
    /// <summary>The hub's event that says items of a feed were skipped for this connection.</summary>
    public const string GapMethod = "gap";

    public void Send(FeedItem item, IReadOnlyList<LiveSubscriber> to)
    {
        var message = new SerializedHubMessage(new InvocationMessage("article", [item]));
        foreach (var subscriber in to) Write((HubSubscriber)subscriber, message);
        metrics?.Delivered(to.Count, LiveMetrics.Hub);
    }

    // The client learns positions from the items it gets, and drops a repeated article by id.
    public void Passed(FeedItem item, LiveSubscriber subscriber) { }

    /// <summary>The hub's event with a feed's head and followers, pushed at most once per counts interval.</summary>
    public const string CountsMethod = "counts";

    public void Counts(FeedCounts counts, IReadOnlyList<LiveSubscriber> to)
    {
        var message = new SerializedHubMessage(new InvocationMessage(CountsMethod, [counts]));
        foreach (var subscriber in to) Write((HubSubscriber)subscriber, message);
    }

    public void Gap(string feed, long skippedTo, LiveSubscriber subscriber) =>
        Write((HubSubscriber)subscriber, new SerializedHubMessage(new InvocationMessage(GapMethod, [new GapNotice(feed, false)])));

    private void Write(HubSubscriber subscriber, SerializedHubMessage message)
    {
        // Not awaited: one slow connection must not hold up the feed; SignalR keeps each connection's messages in order.
        var write = subscriber.Connection.WriteAsync(message);
        if (!write.IsCompletedSuccessfully) _ = Track(subscriber, write);
    }

    private async Task Track(HubSubscriber subscriber, ValueTask write)
    {
        if (subscriber.Backlog.AddAndCheckOverflow())
        {
            logger.LogWarning("Connection {Id} fell {Count} messages behind; disconnecting it", subscriber.Id, subscriber.Backlog.Queued);
            metrics?.SlowDisconnected(LiveMetrics.Hub);
            subscriber.Connection.Abort();
        }
        try
        {
            await write;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Writing to connection {Id} failed", subscriber.Id);
        }
        finally
        {
            subscriber.Backlog.Done();
        }
    }
}

/// <summary>The <c>gap</c> event of the hub and of the event stream: items of the feed were skipped (contract: <c>{feed, complete:false}</c>).</summary>
public sealed record GapNotice(string Feed, bool Complete);
