namespace Feed.Client.Tests;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Waits_follow_the_steps_then_double_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(new FeedClientOptions
        {
            ReconnectDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            MaxReconnectDelay = TimeSpan.FromSeconds(10),
            ReconnectJitter = 0,
        });

        Assert.Equal([0, 1, 2, 4, 8, 10, 10], Enumerable.Range(0, 7).Select(n => backoff.Delay(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Delay(1000));
    }

    [Fact]
    public void Jitter_stays_within_its_fraction()
    {
        var backoff = new ReconnectBackoff(new FeedClientOptions { ReconnectDelays = [TimeSpan.FromSeconds(10)], ReconnectJitter = 0.2 });
        Assert.All(Enumerable.Range(0, 100), _ => Assert.InRange(backoff.Delay(0).TotalSeconds, 8, 12));
    }
}
