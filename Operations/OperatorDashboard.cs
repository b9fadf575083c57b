using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Feed.Operations;

/// <summary>
/// The Orleans dashboard (silos, activations, calls), served by web fronts at <c>Feed:Dashboard:Path</c> when
/// <c>Feed:Dashboard:Enabled</c>, and only to operators: a request from loopback (if allowed) or with an operator key.
/// </summary>
public static class OperatorDashboard
{
    public const string KeyHeader = "X-Operator-Key";
    private const string KeyCookie = "feed-operator-key";

    private static bool Enabled(IConfiguration configuration) =>
        configuration.GetSection(OperatorDashboardOptions.Section).GetValue<bool>(nameof(OperatorDashboardOptions.Enabled));

    /// <summary>The dashboard's grains and call profiler on a silo; every silo of a cluster needs them for the dashboard to work.</summary>
    public static ISiloBuilder AddFeedDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        Enabled(configuration) ? silo.AddDashboard() : silo;

    /// <summary>A web front in client mode reads the dashboard's data from the silos.</summary>
    public static IClientBuilder AddFeedDashboard(this IClientBuilder client, IConfiguration configuration) =>
        Enabled(configuration) ? client.AddDashboard() : client;

    public static WebApplication MapFeedDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperatorDashboardOptions>>().Value;
        if (!options.Enabled) return app;
        // Guarded before any dashboard endpoint runs, whatever the dashboard maps under its path.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(options.Path), guarded => guarded.Use(async (http, next) =>
        {
            if (Allowed(http, options)) await next(http);
            else await Results.Problem(statusCode: 403, title: "Operators only",
                detail: $"Open the dashboard from this machine, or with an operator key: the {KeyHeader} header or ?key= once.").ExecuteAsync(http);
        }));
        app.MapOrleansDashboard(options.Path);
        return app;
    }

    private static bool Allowed(HttpContext http, OperatorDashboardOptions options)
    {
        if (options.AllowLoopback && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)) return true;
        if (IsKey(http.Request.Headers[KeyHeader], options) || IsKey(http.Request.Cookies[KeyCookie], options)) return true;
        if (!IsKey(http.Request.Query["key"], options)) return false;
        // The dashboard's page calls its own API without our header: remember the key for this path.
        http.Response.Cookies.Append(KeyCookie, http.Request.Query["key"]!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = options.Path,
            Secure = http.Request.IsHttps,
        });
        return true;
    }

    private static bool IsKey(string? given, OperatorDashboardOptions options)
    {
        if (string.IsNullOrEmpty(given)) return false;
        var bytes = Encoding.UTF8.GetBytes(given);
        var valid = false;
        foreach (var key in options.OperatorKeys)
        {
            if (!string.IsNullOrEmpty(key)) valid |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        }
        return valid;
    }
}
