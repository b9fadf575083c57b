using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feed.Operations;

/// <summary>Ready when the cluster answers: at least one silo is active and reachable from here (for a silo: it has joined).</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)") : HealthCheckResult.Unhealthy("No active silo");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer", e);
        }
    }
}
