using System.Globalization;
using System.Threading.RateLimiting;
using Feed.Grains.Telemetry;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary>
/// A token bucket per publisher key (ASP.NET Core rate limiting, partitioned by key) on publishing. Over its rate a key
/// gets 429 problem details with <c>Retry-After</c>. Requests without a valid key are not limited here: they get 401.
/// </summary>
public sealed class PublishRateLimit(IOptions<RateLimitOptions> limits, PublisherKeys keys, FeedMetrics metrics) : IConfigureOptions<RateLimiterOptions>
{
    public const string Policy = "publisher-key";

    public void Configure(RateLimiterOptions options)
    {
        var l = limits.Value;
        // Refilled in small steps (about 20 a second) rather than once a second, so a steady publisher is never stalled.
        var tokensPerStep = Math.Max(1, (int)Math.Ceiling(l.PublishesPerSecond / 20.0));
        var step = TimeSpan.FromSeconds((double)tokensPerStep / l.PublishesPerSecond);
        options.AddPolicy(Policy, http =>
        {
            var key = http.Request.Headers[PublisherKeys.Header].ToString();
            if (!keys.IsValid(key)) return RateLimitPartition.GetNoLimiter("");
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = l.PublishBurst,
                TokensPerPeriod = tokensPerStep,
                ReplenishmentPeriod = step,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            metrics.Rejected(RejectReason.RateLimited);
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : step;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many publishes",
                detail: FormattableString.Invariant($"This publisher key may publish {l.PublishesPerSecond} articles per second (bursts of {l.PublishBurst}); retry after {seconds} s."))
                .ExecuteAsync(http);
        };
    }
}
