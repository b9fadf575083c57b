using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Feed.Grains.Hosting;

/// <summary>
/// Configures a silo for Feed from the <c>Orleans</c> and <c>Storage</c> sections, the same way for the
/// standalone Silo and for the silo a web front embeds. <c>Orleans:Membership</c> = <c>Localhost</c>
/// (default: one silo, in-memory membership) or <c>Redis</c> (<c>Orleans:RedisConnection</c>).
/// </summary>
public static class FeedSilo
{
    public static ISiloBuilder ConfigureFeedSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        var siloPort = orleans.GetValue("SiloPort", 11111);
        var gatewayPort = orleans.GetValue("GatewayPort", 30000);
        var clustering = orleans["Membership"] ?? "Localhost";
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans["ClusterId"] ?? "feed";
            o.ServiceId = orleans["ServiceId"] ?? "feed";
        });
        if (clustering.Equals("Localhost", StringComparison.OrdinalIgnoreCase))
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: orleans["ServiceId"] ?? "feed", clusterId: orleans["ClusterId"] ?? "feed");
        }
        else if (clustering.Equals("Redis", StringComparison.OrdinalIgnoreCase))
        {
            silo.UseRedisClustering(RedisConnectionOf(orleans));
            silo.ConfigureEndpoints(IPAddress.Parse(orleans["AdvertisedIP"] ?? "127.0.0.1"), siloPort, gatewayPort, listenOnAnyHostAddress: false);
            // Notice a dead silo in seconds, not the default half-minute-plus, so its feeds move quickly.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = orleans.GetValue("ProbeTimeout", TimeSpan.FromSeconds(2));
                o.NumMissedProbesLimit = orleans.GetValue("MissedProbesLimit", 2);
                o.NumVotesForDeathDeclaration = 1;
                // After a whole-cluster outage the table still lists the old, dead silos as active. A silo that
                // has not written "I am alive" for IAmAliveTablePublishTimeout × NumMissedTableIAmAliveLimit is
                // stale, and a joining silo stops waiting for it: so keep that span to seconds, not minutes.
                o.IAmAliveTablePublishTimeout = orleans.GetValue("IAmAlivePeriod", TimeSpan.FromSeconds(3));
                o.NumMissedTableIAmAliveLimit = 3;
            });
        }
        else
        {
            throw new InvalidOperationException($"Orleans:Membership '{clustering}' is not supported; use Localhost or Redis.");
        }
        silo.Services.AddFeedGrainServices(configuration);
        return silo;
    }

    public static string RedisConnectionOf(IConfigurationSection orleans) =>
        orleans["RedisConnection"] is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Orleans:Membership is Redis but Orleans:RedisConnection is empty.");
}
