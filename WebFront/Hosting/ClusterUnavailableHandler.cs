using Microsoft.AspNetCore.Diagnostics;

namespace Feed.WebFront.Hosting;

/// <summary>
/// Turns "the cluster or its storage cannot answer right now" into 503 problem details, so clients know to
/// retry rather than seeing a bare 500. Anything else stays a 500.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public static bool IsUnavailable(Exception e) =>
        e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException
            || e.GetType().FullName?.StartsWith("StackExchange.Redis.", StringComparison.Ordinal) == true
            || e is Microsoft.Data.Sqlite.SqliteException
            || (e.InnerException is { } inner && IsUnavailable(inner));

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        logger.LogWarning(exception, "The cluster did not answer {Path}", http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = 503, Title = "Feed is unavailable right now", Detail = "The cluster or its storage did not answer; retry shortly." },
        });
    }
}
