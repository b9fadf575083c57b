namespace Feed.Client;

/// <summary>Where the client's connection stands.</summary>
public enum FeedConnectionState
{
    /// <summary>Not started, or stopped by the app.</summary>
    Disconnected,

    /// <summary>Connected and (re)subscribing the followed feeds.</summary>
    Connected,

    /// <summary>The connection dropped or an attempt failed; another attempt follows.</summary>
    Reconnecting,

    /// <summary>Gave up after <see cref="FeedClientOptions.MaxReconnectAttempts"/>; nothing more will arrive.</summary>
    GaveUp,
}
