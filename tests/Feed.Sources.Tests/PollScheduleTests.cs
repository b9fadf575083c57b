using Feed.Sources;
using Feed.Sources.Scheduling;
using Microsoft.Extensions.Options;

namespace Feed.Sources.Tests;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A Random whose NextDouble is always the same, so the jitter is known.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    private static SourcesOptions Options() => new()
    {
        Jitter = 0.1,
        MinPollInterval = TimeSpan.FromSeconds(30),
        DefaultPollInterval = TimeSpan.FromMinutes(5),
        MaxPollInterval = TimeSpan.FromHours(24),
        ErrorBackoff = TimeSpan.FromMinutes(1),
        MaxErrorBackoff = TimeSpan.FromHours(6),
    };

    /// <summary>NextDouble 0.5 is no jitter at all: 1 + jitter × (2 × 0.5 − 1) = 1.</summary>
    private static PollSchedule Schedule(double random = 0.5, SourcesOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), new FixedRandom(random));

    private static void AssertWait(TimeSpan expected, DateTimeOffset next) =>
        Assert.Equal(expected.TotalMilliseconds, (next - Now).TotalMilliseconds, precision: 0);

    [Fact]
    public void After_a_success_the_next_poll_is_one_interval_later_when_the_jitter_lands_in_the_middle()
    {
        AssertWait(TimeSpan.FromMinutes(10), Schedule(0.5).AfterSuccess(Now, TimeSpan.FromMinutes(10), maxAge: null));
    }

    [Fact]
    public void The_jitter_moves_the_next_poll_by_up_to_its_share_of_the_interval_either_way()
    {
        var interval = TimeSpan.FromMinutes(10);
        AssertWait(TimeSpan.FromMinutes(9), Schedule(0).AfterSuccess(Now, interval, null));
        var latest = Schedule(0.999).AfterSuccess(Now, interval, null) - Now;
        Assert.InRange(latest, TimeSpan.FromMinutes(10.99), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public void Without_jitter_configured_every_poll_is_exactly_one_interval_apart()
    {
        var options = Options();
        options.Jitter = 0;
        AssertWait(TimeSpan.FromMinutes(10), Schedule(0, options).AfterSuccess(Now, TimeSpan.FromMinutes(10), null));
        AssertWait(TimeSpan.FromMinutes(10), Schedule(0.999, options).AfterSuccess(Now, TimeSpan.FromMinutes(10), null));
    }

    [Fact]
    public void A_max_age_longer_than_the_interval_is_honoured()
    {
        AssertWait(TimeSpan.FromHours(1), Schedule().AfterSuccess(Now, TimeSpan.FromMinutes(10), maxAge: TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_max_age_shorter_than_the_interval_does_not_make_polls_more_frequent()
    {
        AssertWait(TimeSpan.FromMinutes(10), Schedule().AfterSuccess(Now, TimeSpan.FromMinutes(10), maxAge: TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_max_age_beyond_the_longest_poll_interval_is_capped_at_it()
    {
        AssertWait(TimeSpan.FromHours(24), Schedule().AfterSuccess(Now, TimeSpan.FromMinutes(10), maxAge: TimeSpan.FromDays(30)));
    }

    [Fact]
    public void The_first_failure_waits_the_error_backoff()
    {
        AssertWait(TimeSpan.FromMinutes(1), Schedule().AfterFailure(Now, TimeSpan.FromSeconds(30), consecutiveFailures: 1, retryAfter: null));
    }

    [Fact]
    public void A_failure_doubles_the_wait_up_to_the_cap()
    {
        var schedule = Schedule();
        var interval = TimeSpan.FromSeconds(30);
        AssertWait(TimeSpan.FromMinutes(2), schedule.AfterFailure(Now, interval, 2, null));
        AssertWait(TimeSpan.FromMinutes(4), schedule.AfterFailure(Now, interval, 3, null));
        AssertWait(TimeSpan.FromMinutes(256), schedule.AfterFailure(Now, interval, 9, null));
        AssertWait(TimeSpan.FromHours(6), schedule.AfterFailure(Now, interval, 10, null));
        AssertWait(TimeSpan.FromHours(6), schedule.AfterFailure(Now, interval, 1000, null));
        AssertWait(TimeSpan.FromHours(6), schedule.AfterFailure(Now, interval, int.MaxValue, null));
    }

    [Fact]
    public void A_long_error_backoff_stays_capped_after_very_many_failures()
    {
        var options = Options();
        options.ErrorBackoff = TimeSpan.FromHours(1);
        options.MaxErrorBackoff = TimeSpan.FromHours(12);
        AssertWait(TimeSpan.FromHours(12), Schedule(options: options).AfterFailure(Now, TimeSpan.FromSeconds(30), 40, null));
    }

    [Fact]
    public void A_failing_source_is_never_polled_sooner_than_its_interval()
    {
        AssertWait(TimeSpan.FromHours(12), Schedule().AfterFailure(Now, TimeSpan.FromHours(12), 1, null));
        AssertWait(TimeSpan.FromHours(12), Schedule().AfterFailure(Now, TimeSpan.FromHours(12), 50, null));
    }

    [Fact]
    public void The_backoff_is_jittered_too()
    {
        AssertWait(TimeSpan.FromMinutes(3.6), Schedule(0).AfterFailure(Now, TimeSpan.FromSeconds(30), 3, null));
    }

    [Fact]
    public void A_retry_after_longer_than_the_backoff_wins()
    {
        AssertWait(TimeSpan.FromMinutes(30), Schedule(0.999).AfterFailure(Now, TimeSpan.FromSeconds(30), 1, retryAfter: TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void A_retry_after_shorter_than_the_backoff_does_not_shorten_it()
    {
        AssertWait(TimeSpan.FromMinutes(4), Schedule().AfterFailure(Now, TimeSpan.FromSeconds(30), 3, retryAfter: TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Without_poll_seconds_a_source_gets_the_default_interval()
    {
        Assert.True(Schedule().TryInterval(null, out var interval, out var error));
        Assert.Equal(TimeSpan.FromMinutes(5), interval);
        Assert.Equal("", error);
    }

    [Fact]
    public void Poll_seconds_at_either_bound_are_accepted()
    {
        Assert.True(Schedule().TryInterval(30, out var shortest, out _));
        Assert.Equal(TimeSpan.FromSeconds(30), shortest);
        Assert.True(Schedule().TryInterval(86_400, out var longest, out _));
        Assert.Equal(TimeSpan.FromHours(24), longest);
    }

    [Fact]
    public void Poll_seconds_under_the_minimum_are_refused_naming_the_minimum()
    {
        Assert.False(Schedule().TryInterval(29, out _, out var error));
        Assert.Equal("'pollSeconds' must be at least 30.", error);
        Assert.False(Schedule().TryInterval(0, out _, out _));
        Assert.False(Schedule().TryInterval(-5, out _, out _));
    }

    [Fact]
    public void Poll_seconds_over_the_maximum_are_refused_naming_the_maximum()
    {
        Assert.False(Schedule().TryInterval(86_401, out _, out var error));
        Assert.Equal("'pollSeconds' must be at most 86400.", error);
    }

    [Fact]
    public void The_default_interval_is_checked_against_the_bounds_too()
    {
        var options = Options();
        options.MinPollInterval = TimeSpan.FromMinutes(10);
        Assert.False(Schedule(options: options).TryInterval(null, out _, out var error));
        Assert.Equal("'pollSeconds' must be at least 600.", error);
    }
}
