using Feed.Grains.Storage;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>
/// Deletes articles published more than <see cref="FeedOptions.Retention"/> ago that no feed's history holds, in
/// batches, then gives the space back. Every silo's <see cref="RetentionSweeper"/> asks; the one grain makes it one
/// sweep per interval for the whole cluster.
/// </summary>
public sealed class RetentionGrain(IArticleStore store, IOptions<FeedOptions> options, TimeProvider clock, FeedMetrics metrics,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain
{
    private const int Batch = 1000;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public async Task<int> Sweep(bool now = false)
    {
        var started = clock.GetUtcNow();
        if (!now && started - _lastSweep < options.Value.RetentionSweepInterval / 2) return 0;
        _lastSweep = started;
        var cutoff = (started - options.Value.Retention).UtcDateTime;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteExpiredAsync(cutoff, Batch);
            total += deleted;
        } while (deleted == Batch);
        if (total > 0)
        {
            await store.ReclaimSpaceAsync();
            metrics.RetentionDeleted(total);
            logger.LogInformation("Retention: deleted {Count} articles published before {Cutoff:u}", total, cutoff);
        }
        return total;
    }
}
