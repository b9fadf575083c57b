using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feed.Operations;

/// <summary>Ready when Feed's storage answers, asked through a silo (a web front in client mode has no store of its own).</summary>
public sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IStorageProbeGrain>(0).Check().WaitAsync(Limit, cancellationToken);
            return HealthCheckResult.Healthy("Storage answers");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Storage does not answer", e);
        }
    }
}
