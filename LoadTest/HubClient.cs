namespace Feed.LoadTest;

/// <summary>Which client the subscribers use to speak to <c>/hubs/feed</c>.</summary>
public enum HubClient
{
    /// <summary>
    /// The SignalR JSON hub protocol read straight off a WebSocket (<see cref="WebSocketHubLink"/>): it parses only
    /// feed, seq and article id of each message, so the tool's own CPU per delivery stays small and the CPU of a
    /// shared machine goes to the server being measured.
    /// </summary>
    WebSocket,

    /// <summary>The official .NET client, Microsoft.AspNetCore.SignalR.Client (<see cref="SignalRClientLink"/>); needed for MessagePack.</summary>
    SignalR,

    /// <summary>
    /// Not the hub: each subscriber reads the Server-Sent Events stream <c>GET /api/events?follow=…</c> of its K feeds
    /// (<see cref="EventStreamLink"/>), to compare the server's cost per delivery of the two transports.
    /// </summary>
    EventStream,
}
