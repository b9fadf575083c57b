using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// Pushes feeds' heads and followers to their subscribers on a steady beat (<see cref="LiveOptions.CountsInterval"/>),
/// so a page shows live counts without asking: changes coalesce into one message per feed per beat.
/// </summary>
public sealed class FeedCountsPusher(FeedRelay relay, IOptions<LiveOptions> options, TimeProvider clock, ILogger<FeedCountsPusher> logger)
    : RelayBeat(options.Value.CountsInterval, clock, logger)
{
    protected override string Round => "Pushing feed counts";

    protected override Task RunOnceAsync(CancellationToken stoppingToken)
    {
        relay.PushCounts();
        return Task.CompletedTask;
    }
}
