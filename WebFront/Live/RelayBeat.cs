namespace Feed.WebFront.Live;

/// <summary>
/// A relay job run on a steady beat, timed by the host's <see cref="TimeProvider"/>: a round that fails is logged and the
/// next one runs as usual.
/// </summary>
public abstract class RelayBeat(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    // Made with the service, so the beat counts from then however late the host gets round to running it.
    private readonly PeriodicTimer _timer = new(interval, clock);

    /// <summary>What one round does, in words for the log: "Follow refresh round".</summary>
    protected abstract string Round { get; }

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Round} failed", Round);
            }
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }
}
