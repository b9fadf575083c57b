namespace Feed.Client;

/// <summary>The server refused a followed feed (often on a resubscribe to another server); it is no longer followed.</summary>
public sealed record FollowRefused(string Feed, string ServerMessage) : FeedUpdate;
