using Feed.Grains.Hosting;
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
        var orleans = builder.Configuration.GetSection("Orleans");
        var role = orleans["Role"] ?? "Embedded";
        if (role.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo.ConfigureFeedSilo(builder.Configuration));
        }
        else if (role.Equals("Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = orleans["ClusterId"] ?? "feed";
                    o.ServiceId = orleans["ServiceId"] ?? "feed";
                });
                var clustering = orleans["Membership"] ?? "Redis";
                if (clustering.Equals("Redis", StringComparison.OrdinalIgnoreCase))
                    client.UseRedisClustering(FeedSilo.RedisConnectionOf(orleans));
                else
                    client.UseLocalhostClustering(orleans.GetValue("GatewayPort", 30000), orleans["ServiceId"] ?? "feed", orleans["ClusterId"] ?? "feed");
                // Keep trying to reach the cluster rather than giving up while silos restart.
                client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = orleans.GetValue("GatewayListRefreshPeriod", TimeSpan.FromSeconds(5)));
            });
        }
        else
        {
            throw new InvalidOperationException($"Orleans:Role '{role}' is not supported; use Embedded or Client.");
        }
        return builder;
    }
}
