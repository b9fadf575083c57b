namespace Feed;

/// <summary>
/// A feed grain's answer to a web front's follow: its head, so the node can catch up, and the people following it
/// over every node as the nodes last reported, so the node can tell its own subscribers without asking again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Feed.FeedFollow")]
public sealed record FeedFollow(
    [property: Id(0)] long Head,
    [property: Id(1)] int Followers);
