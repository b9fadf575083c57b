using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Demo;

/// <summary>
/// Once the web front listens, follows its own sample sources through the source registry, like any operator adding a
/// source: the demo's articles then take the real path (poll, parse, tag, publish, feeds, live).
/// </summary>
public sealed class DemoSources(IGrainFactory grains, IServer server, IHostApplicationLifetime lifetime, IOptions<DemoOptions> options,
    TimeProvider clock, ILogger<DemoSources> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        if (!await StartedAsync(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var pollSeconds = (int)Math.Ceiling(options.Value.PollInterval.TotalSeconds);
        foreach (var document in DemoEntries.Documents)
        {
            var url = $"{address.TrimEnd('/')}{DemoFeedEndpoints.Path}/{document}";
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var added = await grains.GetGrain<ISourceRegistryGrain>(0).Add(url, null, pollSeconds);
                    logger.LogInformation("Demo: following sample source {Url} as {Id}", url, added.Source.Id);
                    break;
                }
                catch (SourceRejectedException e)
                {
                    logger.LogWarning("Demo: the sample source {Url} cannot be followed: {Error}", url, e.Message);
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogDebug(e, "Demo: adding {Url} failed; trying again", url);
                    await Task.Delay(RetryDelay, clock, stoppingToken);
                }
            }
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
