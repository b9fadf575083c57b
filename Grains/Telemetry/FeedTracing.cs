using System.Diagnostics;

namespace Feed.Grains.Telemetry;

/// <summary>
/// Feed's spans (source <c>Feed</c>): a publish through intake, its article ledger's fan-out, each feed's append and the
/// relay's hand-out. With no listener (no OTLP endpoint configured) StartActivity returns null and costs next to nothing.
/// </summary>
public static class FeedTracing
{
    public const string SourceName = "Feed";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>True when an OTLP collector is configured (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): then spans are made and sent.</summary>
    public static bool ExportConfigured(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
