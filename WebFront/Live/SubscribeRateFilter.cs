using System.Threading.RateLimiting;
using Feed.WebFront.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>
/// Limits <c>Subscribe</c> calls per hub connection (a token bucket per connection id): a client calling it in a tight
/// loop gets a HubException instead of making this node follow and read feeds as fast as it can ask.
/// </summary>
public sealed class SubscribeRateFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly RateLimitOptions _options;

    public SubscribeRateFilter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        var tokensPerStep = Math.Max(1, (int)Math.Ceiling(_options.SubscribesPerSecond / 10.0));
        var step = TimeSpan.FromSeconds((double)tokensPerStep / _options.SubscribesPerSecond);
        // One limiter for all connections: its partitions share one replenishing timer, and full (idle) buckets are dropped.
        _limiter = PartitionedRateLimiter.Create<string, string>(connection => RateLimitPartition.GetTokenBucketLimiter(connection, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = _options.SubscribeBurst,
                TokensPerPeriod = tokensPerStep,
                ReplenishmentPeriod = step,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.HubMethodName == nameof(FeedHub.Subscribe))
        {
            using var lease = _limiter.AttemptAcquire(invocation.Context.ConnectionId);
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                throw new HubException(FormattableString.Invariant($"Too many Subscribe calls on this connection (at most {_options.SubscribesPerSecond} per second, ")
                                       + FormattableString.Invariant($"bursts of {_options.SubscribeBurst}); subscribe again in {Math.Max(1, Math.Ceiling(wait.TotalSeconds))} s."));
            }
        }
        return await next(invocation);
    }

    public void Dispose() => _limiter.Dispose();
}
