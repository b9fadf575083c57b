using Microsoft.Extensions.Options;

namespace Feed.Sources.Scheduling;

/// <summary>
/// When a source is polled next. After a success: its interval, or longer when the server's <c>Cache-Control: max-age</c>
/// asks for it (capped). After a failure: exponential backoff from <see cref="SourcesOptions.ErrorBackoff"/>, capped,
/// and never sooner than the interval nor than a <c>Retry-After</c>. Each wait is moved by a random share of up to
/// <see cref="SourcesOptions.Jitter"/> either way, so many sources added together do not poll in step.
/// </summary>
public sealed class PollSchedule(IOptions<SourcesOptions> options, Random random)
{
    private readonly SourcesOptions _options = options.Value;

    public PollSchedule(IOptions<SourcesOptions> options) : this(options, Random.Shared) { }

    public DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan interval, TimeSpan? maxAge)
    {
        var wait = maxAge is { } age && age > interval ? Min(age, _options.MaxPollInterval) : interval;
        return now + Jittered(wait);
    }

    /// <param name="consecutiveFailures">Failures in a row, this one included (1 after the first).</param>
    public DateTimeOffset AfterFailure(DateTimeOffset now, TimeSpan interval, int consecutiveFailures, TimeSpan? retryAfter)
    {
        // Doubling stops at the cap, so no count of failures can overflow the wait.
        var backoff = _options.ErrorBackoff;
        for (var i = 1; i < consecutiveFailures && backoff < _options.MaxErrorBackoff; i++) backoff *= 2;
        backoff = Min(backoff, _options.MaxErrorBackoff);
        var wait = Jittered(backoff < interval ? interval : backoff);
        // A server that says when to come back is not asked sooner.
        if (retryAfter is { } asked && asked > wait) wait = asked;
        return now + wait;
    }

    /// <summary>A source's interval from what an operator asked for, or null with the reason when it is out of range.</summary>
    public bool TryInterval(int? pollSeconds, out TimeSpan interval, out string error)
    {
        error = "";
        interval = pollSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : _options.DefaultPollInterval;
        if (interval < _options.MinPollInterval)
            error = $"'pollSeconds' must be at least {_options.MinPollInterval.TotalSeconds:0}.";
        else if (interval > _options.MaxPollInterval)
            error = $"'pollSeconds' must be at most {_options.MaxPollInterval.TotalSeconds:0}.";
        return error.Length == 0;
    }

    private TimeSpan Jittered(TimeSpan wait) => wait * (1 + _options.Jitter * (2 * random.NextDouble() - 1));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
