namespace Feed.WebFront.Live;

/// <summary>
/// Messages written to one subscriber and not yet gone out. Past the limit
/// (<see cref="LiveOptions.MaxQueuedMessagesPerConnection"/>) the subscriber is cut off once, and its client resumes
/// from its last position as after any drop: one reader that stopped reading must not hold memory without limit.
/// Shared by both transports so they cut off at the same point.
/// </summary>
public sealed class SendBacklog(int max)
{
    private int _queued;
    private int _cutOff;

    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Counts one more waiting message; true exactly once, when the count first passes the limit.</summary>
    public bool AddAndCheckOverflow() => Interlocked.Increment(ref _queued) > max && Interlocked.Exchange(ref _cutOff, 1) == 0;

    public void Done() => Interlocked.Decrement(ref _queued);
}
