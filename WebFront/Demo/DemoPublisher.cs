using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Demo;

/// <summary>
/// Publishes the sample articles one by one, round after round, through the same publisher grain as the API.
/// Each round gets fresh ids so the replay is new news, not duplicates.
/// </summary>
public sealed class DemoPublisher(IGrainFactory grains, IOptions<DemoOptions> options, IHostEnvironment environment,
    TimeProvider clock, ILogger<DemoPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        var path = Path.Combine(environment.ContentRootPath, settings.SamplesPath);
        if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, settings.SamplesPath);
        var samples = (await File.ReadAllLinesAsync(path, stoppingToken))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<ArticleSubmission>(l, JsonSerializerOptions.Web)!)
            .ToArray();
        logger.LogInformation("Demo: replaying {Count} sample articles every {Interval}", samples.Length, settings.Interval);
        var round = clock.GetUtcNow().ToUnixTimeSeconds();
        using var timer = new PeriodicTimer(settings.Interval);
        // The first sample goes out at once, so the page moves in the first seconds.
        for (var i = 0; i == 0 || await timer.WaitForNextTickAsync(stoppingToken); i++)
        {
            if (i > 0 && i % samples.Length == 0) round++;
            var sample = samples[i % samples.Length] with { Id = $"demo-{round}-{i % samples.Length}", PublishedAt = clock.GetUtcNow(), Url = null };
            try
            {
                await grains.GetGrain<IPublisherGrain>(0).Publish(sample);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Demo: a sample article was not published");
            }
        }
    }
}
