using Microsoft.Extensions.Options;

namespace Feed.Operations;

/// <summary>Metrics on or off, and where a standalone silo serves <c>/metrics</c> and <c>/healthz/*</c>. Section <c>Feed:Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Feed:Operations";

    /// <summary>The standalone silo's own HTTP listener (a web front serves these on its <c>Urls</c>).</summary>
    public string SiloUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Off: no meter is listened to and <c>/metrics</c> is not served (to measure what metrics cost).</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Most tag combinations one metric keeps (later ones share an overflow series). OpenTelemetry reserves room for
    /// them up front in every metric: its own default of 2,000 held ~21 MB across Feed's ~145 metrics.
    /// </summary>
    public int MetricCardinalityLimit { get; set; } = 200;
}

public sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions o)
    {
        var problems = new List<string>();
        if (!(Uri.TryCreate(o.SiloUrl, UriKind.Absolute, out var url) && url.Scheme == "http"))
            problems.Add($"Feed:Operations:SiloUrl must be an absolute http:// address such as http://127.0.0.1:9464; it is '{o.SiloUrl}'.");
        if (o.MetricCardinalityLimit is < 10 or > 100_000)
            problems.Add($"Feed:Operations:MetricCardinalityLimit must be 10 to 100,000; it is {o.MetricCardinalityLimit}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>The Orleans dashboard on a web front. Section <c>Feed:Dashboard</c>.</summary>
public sealed class OperatorDashboardOptions
{
    public const string Section = "Feed:Dashboard";

    /// <summary>
    /// Off by default: the dashboard adds a profiling filter to every grain call on every silo (idle after a minute with
    /// nobody looking). Set on silos and web fronts alike.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Where a web front serves it.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>Keys that open it: header <c>X-Operator-Key</c>, or <c>?key=</c> once (kept in a cookie for the dashboard's own calls).</summary>
    public List<string> OperatorKeys { get; set; } = [];

    /// <summary>Requests from this machine (loopback) open it without a key.</summary>
    public bool AllowLoopback { get; set; } = true;
}

public sealed class OperatorDashboardOptionsValidator : IValidateOptions<OperatorDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorDashboardOptions o)
    {
        var problems = new List<string>();
        if (!o.Path.StartsWith('/') || o.Path.Length < 2 || o.Path.EndsWith('/'))
            problems.Add($"Feed:Dashboard:Path must start with / and not end with one, like /dashboard; it is '{o.Path}'.");
        if (o.Enabled && !o.AllowLoopback && !o.OperatorKeys.Any(k => !string.IsNullOrEmpty(k)))
            problems.Add("Feed:Dashboard:Enabled is true but nobody could open it: set Feed:Dashboard:OperatorKeys or Feed:Dashboard:AllowLoopback.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
