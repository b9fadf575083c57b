using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// Gives every connection a <see cref="HubSubscriber"/> (a connection feature) before the hub sees it, so the relay
/// can write to the connection's context directly through <see cref="HubTransport"/>.
/// </summary>
public sealed class FeedHubLifetimeManager<THub>(
    ILogger<DefaultHubLifetimeManager<THub>> logger, HubTransport transport, IOptions<LiveOptions> options)
    : DefaultHubLifetimeManager<THub>(logger) where THub : Hub
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        var live = options.Value;
        connection.Features.Set(new HubSubscriber(connection, transport, live.RecentArticlesPerConnection, live.MaxQueuedMessagesPerConnection));
        return base.OnConnectedAsync(connection);
    }
}
