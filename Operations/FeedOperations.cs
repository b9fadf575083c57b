using Feed.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Feed.Operations;

/// <summary>
/// What every Feed process offers operators, the same code on web fronts and standalone silos: <c>/metrics</c>
/// (Prometheus text), <c>/healthz/live</c> (the process answers), <c>/healthz/ready</c> (the silo has joined or the
/// cluster answers, and storage answers) and <c>/healthz</c> (every check, as before).
/// </summary>
public static class FeedOperations
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddFeedOperations(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddFeedTelemetry(serviceName);
        builder.Services.AddValidatedOptions<OperatorDashboardOptions, OperatorDashboardOptionsValidator>(builder.Configuration, OperatorDashboardOptions.Section);
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [Ready])
            .AddCheck<StorageHealthCheck>("storage", tags: [Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedOperations(this IEndpointRouteBuilder app)
    {
        if (FeedTelemetry.MetricsOn(app.ServiceProvider.GetRequiredService<IConfiguration>())) app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/healthz");
        // Liveness runs no check: a process that answers at all is alive; restarting it for a storage outage would not help.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}
