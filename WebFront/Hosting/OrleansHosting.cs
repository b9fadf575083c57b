using Feed.Grains;

namespace Feed.WebFront.Hosting;

/// <summary>
/// How this web front reaches the grains. <c>Orleans:Role</c> = <c>Embedded</c> (default): a silo runs in
/// this process with localhost clustering and the embedded SQLite store, so one command runs all of Feed.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddFeedOrleans(this WebApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        var role = orleans["Role"] ?? "Embedded";
        if (!role.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Orleans:Role '{role}' is not supported; use Embedded.");

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: orleans.GetValue("SiloPort", 11111),
                gatewayPort: orleans.GetValue("GatewayPort", 30000),
                serviceId: orleans["ServiceId"] ?? "feed",
                clusterId: orleans["ClusterId"] ?? "feed");
            silo.Services.AddFeedGrainServices(builder.Configuration);
        });
        return builder;
    }
}
