namespace Feed;

/// <summary>Deletes articles past <c>Feed:Retention</c>; one per cluster (key 0), so silos do not sweep side by side.</summary>
[Alias("Feed.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Deletes what is due (unless a sweep ran less than half an interval ago, or <paramref name="now"/> is asked); answers how many articles went.</summary>
    [Alias("Sweep")]
    Task<int> Sweep(bool now = false);
}
