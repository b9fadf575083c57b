using Microsoft.AspNetCore.SignalR;

namespace Feed.WebFront.Live;

/// <summary>One SignalR connection as the relay follows for it: its context, written to directly by <see cref="HubTransport"/>.</summary>
public sealed class HubSubscriber(HubConnectionContext connection, HubTransport transport, int recentCapacity, int maxQueued)
    : LiveSubscriber(connection.ConnectionId, recentCapacity)
{
    public HubConnectionContext Connection { get; } = connection;

    public override ILiveTransport Transport => transport;

    public SendBacklog Backlog { get; } = new(maxQueued);
}
