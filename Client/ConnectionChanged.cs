namespace Feed.Client;

/// <summary>The connection changed state.</summary>
/// <param name="Server">The server connected to, dropped from, or tried next.</param>
/// <param name="Attempt">Failed reconnect attempts since the connection dropped (0 right after the drop).</param>
/// <param name="Error">Why it dropped or why the attempt failed; null on a clean change.</param>
/// <param name="RetryIn">When <see cref="State"/> is Reconnecting: the wait before the next attempt.</param>
public sealed record ConnectionChanged(FeedConnectionState State, Uri Server, int Attempt, Exception? Error, TimeSpan? RetryIn) : FeedUpdate;
