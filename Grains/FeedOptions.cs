using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>How feed grains keep history and followers, and how long articles are kept. Section <c>Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>Items each feed keeps; older ones are dropped from its history (the articles themselves stay until <see cref="Retention"/>).</summary>
    public int HistoryLimit { get; set; } = 1000;

    /// <summary>
    /// Items past <see cref="HistoryLimit"/> are deleted from storage this many at a time rather than one per append (readers
    /// never see them), so most appends write no page at the old end of a feed. A larger value than
    /// <see cref="HistoryLimit"/> counts as <see cref="HistoryLimit"/>.
    /// </summary>
    public int HistoryTrimBatch { get; set; } = 100;

    /// <summary>Newest items a feed grain keeps in memory to answer reads and catch-ups without storage.</summary>
    public int CachedItems { get; set; } = 200;

    /// <summary>Most items one read returns.</summary>
    public int MaxReadLimit { get; set; } = 1000;

    /// <summary>
    /// Batches a busy feed grain may have on their way to storage at once. Each write checks that the one before it
    /// landed (the stored head is the seq before its first item), so a failed batch fails every later one and seqs stay
    /// gapless; in return a busy feed does not wait for one commit before queueing the next.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>How often an article ledger grain retries a fan-out that failed part-way (or a delivered mark that failed), until every feed holds it.</summary>
    public TimeSpan FanOutRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A web front's follow registration lapses unless refreshed within this time.</summary>
    public TimeSpan FollowerLease { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Articles published longer ago than this are deleted, unless a feed's history still holds them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the cluster looks for articles past <see cref="Retention"/>.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}

public sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions o)
    {
        var problems = new List<string>();
        if (o.HistoryLimit < 1) problems.Add($"Feed:HistoryLimit must be at least 1; it is {o.HistoryLimit}.");
        if (o.HistoryTrimBatch < 1) problems.Add($"Feed:HistoryTrimBatch must be at least 1; it is {o.HistoryTrimBatch}.");
        if (o.MaxReadLimit < 1) problems.Add($"Feed:MaxReadLimit must be at least 1; it is {o.MaxReadLimit}.");
        if (o.CachedItems < 0) problems.Add($"Feed:CachedItems must be 0 or more; it is {o.CachedItems}.");
        if (o.MaxBatchesInFlight < 1) problems.Add($"Feed:MaxBatchesInFlight must be at least 1; it is {o.MaxBatchesInFlight}.");
        if (o.FanOutRetryInterval <= TimeSpan.Zero) problems.Add("Feed:FanOutRetryInterval must be above 0.");
        if (o.FollowerLease <= TimeSpan.Zero) problems.Add("Feed:FollowerLease must be above 0.");
        if (o.Retention < TimeSpan.FromHours(1)) problems.Add($"Feed:Retention must be at least 1 hour; it is {o.Retention}.");
        if (o.RetentionSweepInterval <= TimeSpan.Zero) problems.Add("Feed:RetentionSweepInterval must be above 0.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
