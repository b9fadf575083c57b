using Microsoft.AspNetCore.SignalR;

namespace Feed.WebFront.Live;

/// <summary>One connection as <see cref="FeedHubLifetimeManager{THub}"/> writes to it: its context and how many of its writes are still pending.</summary>
public sealed class HubRecipient(HubConnectionContext connection)
{
    public HubConnectionContext Connection { get; } = connection;
    public int Queued;
    public int Aborted;
}
