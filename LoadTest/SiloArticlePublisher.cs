using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Feed.LoadTest;

/// <summary>
/// Publishes straight to the silo: an Orleans cluster client on a static gateway calls
/// <see cref="IPublisherGrain.Publish"/> on grain 0, skipping the web front's HTTP layer.
/// </summary>
public sealed class SiloArticlePublisher : IArticlePublisher
{
    private readonly IHost _host;
    private readonly IPublisherGrain _publisher;

    private SiloArticlePublisher(IHost host)
    {
        _host = host;
        _publisher = host.Services.GetRequiredService<IClusterClient>().GetGrain<IPublisherGrain>(0);
    }

    public static async Task<SiloArticlePublisher> ConnectAsync(string gateway, string clusterId, string serviceId, CancellationToken cancellationToken)
    {
        if (!IPEndPoint.TryParse(gateway, out var endpoint) || endpoint.Port == 0)
            throw new LoadSetupException($"--gateway '{gateway}' is not an address:port such as 127.0.0.1:30000.");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(endpoint)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new LoadSetupException($"Could not connect an Orleans client to the gateway {gateway}: {e.Message}", e);
        }
        return new SiloArticlePublisher(host);
    }

    public async Task PublishAsync(ArticleSubmission article, CancellationToken cancellationToken)
    {
        var result = await _publisher.Publish(article).WaitAsync(cancellationToken);
        if (result.Duplicate) throw new InvalidOperationException($"The silo took {article.Id} for a duplicate.");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
