namespace Feed.Client;

/// <summary>
/// The server could not take a followed feed just now (its cluster or storage did not answer); the client asks again
/// after <see cref="RetryIn"/>. The feed stays followed and nothing is lost meanwhile.
/// </summary>
public sealed record FollowDelayed(string Feed, string ServerMessage, TimeSpan RetryIn) : FeedUpdate;
