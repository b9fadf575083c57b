namespace Feed.WebFront.Live;

/// <summary>
/// The relay will not follow a feed for a subscriber: a limit (final) or a feed that is unavailable right now
/// (<see cref="Transient"/>: try again shortly). Each transport turns it into its own kind of error.
/// </summary>
public sealed class FollowRefusedException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
