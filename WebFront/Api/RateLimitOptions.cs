using Feed.WebFront.Live;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary>
/// How fast one publisher key may publish and one hub connection may subscribe: token buckets, refilled steadily,
/// allowing a burst. Section <c>Feed:RateLimits</c>. Generous by default: the load tool's heaviest case stays under them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Feed:RateLimits";

    /// <summary>Publishes per second one publisher key may sustain (fractions allowed: 0.1 is one each 10 s); beyond it, 429 with Retry-After.</summary>
    public double PublishesPerSecond { get; set; } = 2000;

    /// <summary>Publishes one key may send at once after a quiet spell.</summary>
    public int PublishBurst { get; set; } = 2000;

    /// <summary><c>Subscribe</c> calls per second one hub connection may sustain; beyond it, a HubException.</summary>
    public double SubscribesPerSecond { get; set; } = 20;

    /// <summary><c>Subscribe</c> calls one connection may make at once: enough to follow its whole list again after a reconnect.</summary>
    public int SubscribeBurst { get; set; } = 200;
}

public sealed class RateLimitOptionsValidator(IOptions<LiveOptions> live) : IValidateOptions<RateLimitOptions>
{
    /// <summary>One call in 1,000 s at the slowest; a million a second at the fastest.</summary>
    public const double MinRate = 0.001, MaxRate = 1_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitOptions o)
    {
        var problems = new List<string>();
        // Bounded both ways: the token bucket's refill period is computed from the rate and must stay a sane, non-zero time.
        if (!(o.PublishesPerSecond is >= MinRate and <= MaxRate))
            problems.Add($"Feed:RateLimits:PublishesPerSecond must be {MinRate} to {MaxRate}; it is {o.PublishesPerSecond}.");
        if (o.PublishBurst < 1) problems.Add($"Feed:RateLimits:PublishBurst must be at least 1; it is {o.PublishBurst}.");
        if (!(o.SubscribesPerSecond is >= MinRate and <= MaxRate))
            problems.Add($"Feed:RateLimits:SubscribesPerSecond must be {MinRate} to {MaxRate}; it is {o.SubscribesPerSecond}.");
        var most = live.Value.MaxSubscriptionsPerConnection;
        // A client that reconnects subscribes to every feed it follows at once; the burst must let it.
        if (o.SubscribeBurst < most)
            problems.Add($"Feed:RateLimits:SubscribeBurst must be at least Feed:Live:MaxSubscriptionsPerConnection ({most}), so a reconnecting client can follow all its feeds again at once; it is {o.SubscribeBurst}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
