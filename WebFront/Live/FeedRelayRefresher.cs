using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>Renews this node's follow leases on a steady beat (see <see cref="LiveOptions.FollowRefreshInterval"/>).</summary>
public sealed class FeedRelayRefresher(FeedRelay relay, IOptions<LiveOptions> options, ILogger<FeedRelayRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FollowRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await relay.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Follow refresh round failed");
            }
        }
    }
}
