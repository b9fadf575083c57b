namespace Feed.Client;

/// <summary>The server refused to follow a feed (unknown country or topic, too many feeds on one connection...).</summary>
public sealed class FeedSubscribeException(string feed, string serverMessage) : Exception($"The server refused {feed}: {serverMessage}")
{
    public string Feed { get; } = feed;

    /// <summary>What the server said, without SignalR's wrapping.</summary>
    public string ServerMessage { get; } = serverMessage;
}
