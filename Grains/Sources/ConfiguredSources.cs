using Feed.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>
/// Adds the sources listed in <c>Feed:Sources:Urls</c> when a silo starts. Adding is idempotent by URL, so every silo
/// of a cluster may do it; while the cluster is still starting, it tries again.
/// </summary>
public sealed class ConfiguredSources(IGrainFactory grains, IOptions<SourcesOptions> options, TimeProvider clock,
    ILogger<ConfiguredSources> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int Attempts = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var url in options.Value.Urls.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var added = await grains.GetGrain<ISourceRegistryGrain>(0).Add(url, null, null);
                    logger.LogInformation("Source {Id} from configuration: {Url} ({State})", added.Source.Id, url, added.Created ? "added" : "already followed");
                    break;
                }
                catch (SourceRejectedException e)
                {
                    logger.LogError("Feed:Sources:Urls has a source that cannot be followed: {Url}: {Error}", url, e.Message);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    if (attempt == Attempts)
                    {
                        logger.LogError(e, "Adding configured source {Url} failed {Attempts} times; giving up until the next start", url, Attempts);
                        break;
                    }
                    await Task.Delay(RetryDelay, clock, stoppingToken);
                }
            }
        }
    }
}
