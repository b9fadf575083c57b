namespace Feed.WebFront.Live;

/// <summary>
/// The event stream (<c>GET /api/events</c>). Section <c>Feed:Events</c>. Its feed limit and slow-reader limit are the
/// hub's (<see cref="LiveOptions.MaxSubscriptionsPerConnection"/>, <see cref="LiveOptions.MaxQueuedMessagesPerConnection"/>).
/// </summary>
public sealed class EventStreamOptions
{
    public const string Section = "Feed:Events";

    /// <summary>A comment line goes out this often, so proxies do not close a quiet stream (the contract says at least every 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> a browser's EventSource waits before reconnecting after the stream drops.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// On a resume of a stream that follows several feeds, the articles of this many items up to and including the cursor
    /// in each feed count as already sent (fewer when the stream follows so many feeds that they would not all fit in
    /// <see cref="LiveOptions.RecentArticlesPerConnection"/>). An article sent through one feed is followed by an
    /// <c>id:</c> that moves its other feeds past it; a drop between the two would otherwise send it again through those.
    /// </summary>
    public int ResumeLookBack { get; set; } = 32;
}
