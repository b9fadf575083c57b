using Feed.Testing;
using Feed.WebFront.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Feed.Live.Tests;

/// <summary>The beat the relay's background jobs run on, on a fake clock: one round per interval, and a failed round is not the last.</summary>
public sealed class RelayBeatTests
{
    private sealed class CountingBeat(FakeTimeProvider clock, bool failFirst) : RelayBeat(TimeSpan.FromSeconds(10), clock, NullLogger.Instance)
    {
        private int _rounds;
        public int Rounds => Volatile.Read(ref _rounds);

        protected override string Round => "Counting round";

        protected override Task RunOnceAsync(CancellationToken stoppingToken)
        {
            if (Interlocked.Increment(ref _rounds) == 1 && failFirst) throw new InvalidOperationException("the first round fails");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_round_runs_once_per_interval_and_one_that_fails_does_not_stop_the_next()
    {
        var clock = new FakeTimeProvider();
        var beat = new CountingBeat(clock, failFirst: true);
        await beat.StartAsync(CancellationToken.None);

        Assert.Equal(0, beat.Rounds);
        foreach (var expected in new[] { 1, 2, 3 })
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            await Eventually.TrueAsync(() => beat.Rounds == expected, TimeSpan.FromSeconds(10), $"round {expected} after {expected * 10} s");
        }
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(3, beat.Rounds);

        await beat.StopAsync(CancellationToken.None);
    }
}
