using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// Pushes feeds' heads and followers to their subscribers on a steady beat (<see cref="LiveOptions.CountsInterval"/>),
/// so a page shows live counts without asking: changes coalesce into one message per feed per beat.
/// </summary>
public sealed class FeedCountsPusher(FeedRelay relay, IOptions<LiveOptions> options, ILogger<FeedCountsPusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CountsInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                relay.PushCounts();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Pushing feed counts failed");
            }
        }
    }
}
