using Feed.Grains;
using Feed.Grains.Hosting;
using Feed.Operations;
using Orleans.Configuration;

namespace Feed.WebFront.Hosting;

/// <summary>
/// How this web front reaches the grains, by <c>Orleans:Role</c>:
/// <c>Embedded</c> (default) runs a silo in this process, so one command runs all of Feed;
/// <c>Client</c> joins a cluster of standalone silos as an Orleans client (no grains here).
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddFeedOrleans(this WebApplicationBuilder builder)
    {
        var orleans = OrleansOptions.Bind(builder.Configuration);
        if (orleans.Role == OrleansRole.Embedded)
        {
            builder.UseOrleans(silo => silo.ConfigureFeedSilo(builder.Configuration, orleans).AddFeedDashboard(builder.Configuration));
            return builder;
        }
        builder.Services.AddBoundOptions(orleans);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans.ClusterId;
                o.ServiceId = orleans.ServiceId;
            });
            client.AddFeedDashboard(builder.Configuration);
            if (orleans.Membership == MembershipKind.Redis)
                client.UseRedisClustering(orleans.RedisConnection);
            else
                client.UseLocalhostClustering(orleans.GatewayPort, orleans.ServiceId, orleans.ClusterId);
            if (Grains.Telemetry.FeedTracing.ExportConfigured(builder.Configuration)) client.AddActivityPropagation();
            // Keep trying to reach the cluster rather than giving up while silos restart.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = orleans.GatewayListRefreshPeriod);
        });
        return builder;
    }
}
