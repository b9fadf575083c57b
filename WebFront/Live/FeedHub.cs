using Feed.Tagging;
using Microsoft.AspNetCore.SignalR;

namespace Feed.WebFront.Live;

/// <summary>
/// The live endpoint <c>/hubs/feed</c>: Subscribe(feed, after) answers with what was missed, then items
/// arrive as <c>article</c> messages. The transport only; following and fan-out live in <see cref="FeedRelay"/>.
/// </summary>
public sealed class FeedHub(FeedRelay relay, FeedCatalog catalog, IHostApplicationLifetime lifetime) : Hub
{
    public override Task OnConnectedAsync()
    {
        // A node shutting down still accepts connections for a moment; turn them away at once so clients
        // go to another node (or retry) instead of waiting for the shutdown to cut them off.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        // Set by FeedHubLifetimeManager, which takes every connection in before the hub does.
        relay.Connect(Context.Features.Get<HubSubscriber>()
            ?? throw new InvalidOperationException($"{nameof(FeedHubLifetimeManager<FeedHub>)} is not the hub lifetime manager."));
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Disconnect(Context.ConnectionId);
        return Task.CompletedTask;
    }

    public Task<SubscribeResult> Subscribe(string feed, long? after)
    {
        if (!catalog.TryParseKey(feed, out var key, out var error)) throw new HubException(error);
        if (after < 0) throw new HubException("'after' is the last seq you saw (0 or more), or null to start from now.");
        return SubscribeAsync(key, after);
    }

    private async Task<SubscribeResult> SubscribeAsync(FeedKey key, long? after)
    {
        try
        {
            return await relay.Subscribe(Context.ConnectionId, key, after) with { Title = catalog.Title(key) };
        }
        catch (FollowRefusedException e)
        {
            throw new HubException(e.Message);
        }
        catch (Exception e) when (e is not HubException && Hosting.ClusterUnavailableHandler.IsUnavailable(e))
        {
            throw new HubException($"{key} is unavailable right now; subscribe again shortly.");
        }
    }

    public void Unsubscribe(string feed)
    {
        if (!catalog.TryParseKey(feed, out var key, out var error)) throw new HubException(error);
        relay.Unsubscribe(Context.ConnectionId, key);
    }
}
