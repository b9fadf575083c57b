using System.Net;
using Microsoft.Extensions.Options;

namespace Feed.Grains.Hosting;

public enum OrleansRole
{
    /// <summary>A silo runs inside the web front: one command runs all of Feed.</summary>
    Embedded,

    /// <summary>The web front joins a cluster of standalone silos as an Orleans client.</summary>
    Client,
}

public enum MembershipKind
{
    /// <summary>One silo, in-memory membership.</summary>
    Localhost,

    /// <summary>Membership in Redis (<see cref="OrleansOptions.RedisConnection"/>): clusters.</summary>
    Redis,
}

/// <summary>
/// How a process joins Orleans, for the standalone silo, the embedded silo and a web front in client mode alike.
/// Section <c>Orleans</c>. Bound before the host is built (Orleans is configured then), so <see cref="Bind"/> also
/// validates at once.
/// </summary>
public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    public OrleansRole Role { get; set; } = OrleansRole.Embedded;

    public MembershipKind Membership { get; set; } = MembershipKind.Localhost;

    /// <summary>StackExchange.Redis connection string for Redis membership.</summary>
    public string RedisConnection { get; set; } = "";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (web fronts, the load tool) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "feed";

    public string ServiceId { get; set; } = "feed";

    /// <summary>The address a silo advertises to its peers with Redis membership.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long a silo waits for a peer's answer to one probe; also how often it probes. Together with
    /// <see cref="MissedProbesLimit"/> it decides how long a frozen peer is tolerated (README: "Failure detection").
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes in a row a peer may miss before it is suspected.</summary>
    public int MissedProbesLimit { get; set; } = 4;

    /// <summary>Suspicions needed to declare a silo dead (Orleans caps it at half the active silos, so 2 silos need 1).</summary>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>
    /// How often a silo writes "I am alive" to the membership table. After a whole-cluster outage the table still lists
    /// the old silos as active; one silent for 3 of these periods is stale, and a joining silo stops waiting for it.
    /// </summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Grain locations a silo remembers (Orleans' directory cache). Orleans' default of 1,000,000 reserves ~18 MB up front
    /// in every silo; Feed has a grain per feed (hundreds to tens of thousands) and 256 article ledgers, and a location
    /// not remembered costs only a directory look-up.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 100_000;

    /// <summary>How often a web front in client mode refreshes its list of silos to connect to.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Binds the section and validates it now, naming every wrong setting.</summary>
    public static OrleansOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        OptionsBinding.BindNow(configuration, Section, new OrleansOptionsValidator());
}

public sealed class OrleansOptionsValidator : IValidateOptions<OrleansOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansOptions o)
    {
        var problems = new List<string>();
        if (o.SiloPort is < 1 or > 65535) problems.Add($"Orleans:SiloPort must be a port (1-65535); it is {o.SiloPort}.");
        if (o.GatewayPort is < 1 or > 65535) problems.Add($"Orleans:GatewayPort must be a port (1-65535); it is {o.GatewayPort}.");
        if (o.SiloPort == o.GatewayPort) problems.Add($"Orleans:SiloPort and Orleans:GatewayPort must differ; both are {o.SiloPort}.");
        if (o.Membership == MembershipKind.Redis && string.IsNullOrWhiteSpace(o.RedisConnection))
            problems.Add("Orleans:Membership is Redis but Orleans:RedisConnection is empty.");
        if (string.IsNullOrWhiteSpace(o.ClusterId)) problems.Add("Orleans:ClusterId must not be empty.");
        if (string.IsNullOrWhiteSpace(o.ServiceId)) problems.Add("Orleans:ServiceId must not be empty.");
        if (!IPAddress.TryParse(o.AdvertisedIP, out _)) problems.Add($"Orleans:AdvertisedIP must be an IP address; it is '{o.AdvertisedIP}'.");
        if (o.ProbeTimeout <= TimeSpan.Zero) problems.Add("Orleans:ProbeTimeout must be above 0.");
        if (o.MissedProbesLimit < 1) problems.Add("Orleans:MissedProbesLimit must be at least 1.");
        if (o.VotesForDeath < 1) problems.Add("Orleans:VotesForDeath must be at least 1.");
        if (o.IAmAlivePeriod <= TimeSpan.Zero) problems.Add("Orleans:IAmAlivePeriod must be above 0.");
        if (o.DirectoryCacheSize is < 1_000 or > 10_000_000) problems.Add($"Orleans:DirectoryCacheSize must be 1,000 to 10,000,000; it is {o.DirectoryCacheSize}.");
        if (o.GatewayListRefreshPeriod <= TimeSpan.Zero) problems.Add("Orleans:GatewayListRefreshPeriod must be above 0.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
