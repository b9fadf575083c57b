namespace Feed.Client;

/// <summary>The wait before each reconnect attempt: the configured steps, then doubling up to the maximum, with jitter.</summary>
internal sealed class ReconnectBackoff(FeedClientOptions options)
{
    /// <summary>The wait before the attempt that follows <paramref name="failures"/> failed ones (0: right after a drop).</summary>
    public TimeSpan Delay(int failures)
    {
        var steps = options.ReconnectDelays;
        TimeSpan wait;
        if (failures < steps.Count) wait = steps[failures];
        else
        {
            var last = steps.Count > 0 && steps[^1] > TimeSpan.Zero ? steps[^1] : TimeSpan.FromSeconds(1);
            var doublings = Math.Min(failures - steps.Count + 1, 30);
            wait = TimeSpan.FromTicks((long)Math.Min(last.Ticks * Math.Pow(2, doublings), options.MaxReconnectDelay.Ticks));
        }
        if (wait > options.MaxReconnectDelay) wait = options.MaxReconnectDelay;
        if (wait <= TimeSpan.Zero || options.ReconnectJitter == 0) return wait;
        var factor = 1 + options.ReconnectJitter * (Random.Shared.NextDouble() * 2 - 1);
        return TimeSpan.FromTicks((long)(wait.Ticks * factor));
    }
}
