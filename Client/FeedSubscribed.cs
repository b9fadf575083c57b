namespace Feed.Client;

/// <summary>
/// A followed feed is subscribed on a (new) connection: <see cref="Missed"/> items after <see cref="After"/>
/// were replayed; live items follow from <see cref="Head"/> + 1.
/// </summary>
public sealed record FeedSubscribed(string Feed, long? After, long Head, int Missed, bool Resumed) : FeedUpdate;
