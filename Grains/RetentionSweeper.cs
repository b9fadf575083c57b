using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>On every silo, asks the cluster's <see cref="IRetentionGrain"/> to sweep every <see cref="FeedOptions.RetentionSweepInterval"/>.</summary>
public sealed class RetentionSweeper(IGrainFactory grains, IOptions<FeedOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<IRetentionGrain>(0).Sweep();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Retention sweep failed; trying again next interval");
            }
        }
    }
}
