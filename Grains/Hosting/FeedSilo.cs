using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Feed.Grains.Hosting;

/// <summary>
/// Configures a silo for Feed from <see cref="OrleansOptions"/> and the <c>Storage</c> section, the same way for the
/// standalone Silo and for the silo a web front embeds.
/// </summary>
public static class FeedSilo
{
    public static ISiloBuilder ConfigureFeedSilo(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.ConfigureFeedSilo(configuration, OrleansOptions.Bind(configuration));

    public static ISiloBuilder ConfigureFeedSilo(this ISiloBuilder silo, IConfiguration configuration, OrleansOptions orleans)
    {
        silo.Services.AddBoundOptions(orleans);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = orleans.DirectoryCacheSize);
        if (orleans.Membership == MembershipKind.Localhost)
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
        }
        else
        {
            silo.UseRedisClustering(orleans.RedisConnection);
            silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedIP), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // Failure detection: a dead silo is noticed after about ProbeTimeout × MissedProbesLimit, while a silo
                // that freezes for less than that (a long GC pause, a starved VM) is not declared dead. Measured in the
                // README's "Failure detection".
                o.ProbeTimeout = orleans.ProbeTimeout;
                o.NumMissedProbesLimit = orleans.MissedProbesLimit;
                o.NumVotesForDeathDeclaration = orleans.VotesForDeath;
                o.IAmAliveTablePublishTimeout = orleans.IAmAlivePeriod;
                o.NumMissedTableIAmAliveLimit = 3;
            });
        }
        // Orleans carries trace context across grain calls only when asked; only worth it when spans are exported.
        if (Telemetry.FeedTracing.ExportConfigured(configuration)) silo.AddActivityPropagation();
        silo.Services.AddFeedGrainServices(configuration);
        return silo;
    }
}
