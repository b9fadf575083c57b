using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>Renews this node's follow leases on a steady beat (see <see cref="LiveOptions.FollowRefreshInterval"/>).</summary>
public sealed class FeedRelayRefresher(FeedRelay relay, IOptions<LiveOptions> options, TimeProvider clock, ILogger<FeedRelayRefresher> logger)
    : RelayBeat(options.Value.FollowRefreshInterval, clock, logger)
{
    protected override string Round => "Follow refresh round";

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => relay.RefreshAsync(stoppingToken);
}
