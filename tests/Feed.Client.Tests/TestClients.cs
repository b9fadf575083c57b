namespace Feed.Client.Tests;

/// <summary>Client options for a test host: its URL, the publisher key, and reconnect waits short enough for tests.</summary>
public static class TestClients
{
    public static FeedClientOptions Options(FeedHost host, bool messagePack = false, params Uri[] moreServers) => new()
    {
        Servers = [host.BaseAddress, .. moreServers],
        ApiKey = FeedHost.PublisherKey,
        UseMessagePack = messagePack,
        ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)],
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>A URL on a loopback port where nothing listens.</summary>
    public static Uri DeadServer() => new($"http://127.0.0.1:{FreePort.Next()}/");
}
