using Feed.Grains;
using Feed.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Feed.Operations;

/// <summary>
/// Metrics and traces of a Feed process through OpenTelemetry: Feed's own meter beside ASP.NET Core's, Kestrel's,
/// SignalR's, the runtime's and Orleans' meters, scraped as Prometheus text at <c>/metrics</c>. With
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics and traces (a publish through intake, article ledger, feed grains and
/// push) also go to that collector; without it no span is even created.
/// </summary>
public static class FeedTelemetry
{
    /// <summary>Meters read by every Feed process; names absent in a process (Kestrel in none, SignalR in a silo) cost nothing.</summary>
    public static readonly string[] Meters =
    [
        FeedMetrics.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Runtime",
    ];

    public static readonly string[] TraceSources = [FeedTracing.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static IHostApplicationBuilder AddFeedTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        // Bound and checked here, before the host is built: metrics are set up now.
        var operations = OptionsBinding.BindNow(builder.Configuration, OperationsOptions.Section, new OperationsOptionsValidator());
        if (operations.Metrics)
            otel.WithMetrics(metrics => metrics.AddMeter(Meters).SetMaxMetricPointsPerMetricStream(operations.MetricCardinalityLimit).AddPrometheusExporter());
        if (FeedTracing.ExportConfigured(builder.Configuration))
        {
            otel.WithTracing(tracing => tracing.AddSource(TraceSources).AddAspNetCoreInstrumentation(o =>
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/healthz")))
                .UseOtlpExporter();
        }
        return builder;
    }

    public static bool MetricsOn(IConfiguration configuration) =>
        configuration.GetSection(OperationsOptions.Section).GetValue(nameof(OperationsOptions.Metrics), new OperationsOptions().Metrics);
}
