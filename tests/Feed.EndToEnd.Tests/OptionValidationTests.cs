namespace Feed.EndToEnd.Tests;

/// <summary>A web front with a bad configuration does not start, and says which option is wrong.</summary>
public sealed class OptionValidationTests
{
    [Theory]
    [InlineData("Feed:Live:MaxMissedItems", "2000", "Feed:Live:MaxMissedItems")] // above Feed:MaxReadLimit (1000)
    [InlineData("Feed:Api:MaxPageSize", "5000", "Feed:Api:MaxPageSize")]
    [InlineData("Feed:Live:FollowRefreshInterval", "00:00:30", "Feed:Live:FollowRefreshInterval")] // more than half of Feed:FollowerLease
    [InlineData("Feed:RateLimits:SubscribeBurst", "5", "Feed:RateLimits:SubscribeBurst")]
    [InlineData("Feed:CachedItems", "-1", "Feed:CachedItems")]
    [InlineData("Feed:Retention", "00:10:00", "Feed:Retention")]
    [InlineData("Feed:Events:HeartbeatInterval", "00:01:00", "Feed:Events:HeartbeatInterval")]
    [InlineData("Feed:Events:ResumeLookBack", "300", "Feed:Events:ResumeLookBack")] // more than Feed:Live:RecentArticlesPerConnection (256)
    [InlineData("Feed:RateLimits:PublishesPerSecond", "0", "Feed:RateLimits:PublishesPerSecond")]
    [InlineData("Feed:RateLimits:SubscribesPerSecond", "1e12", "Feed:RateLimits:SubscribesPerSecond")]
    [InlineData("Feed:Publishing:MaxHeadlineLength", "0", "Feed:Publishing:MaxHeadlineLength")]
    [InlineData("Storage:SqliteSynchronous", "SOMETIMES", "Storage:SqliteSynchronous")]
    [InlineData("Storage:DeferredWriteDelay", "00:00:02", "Storage:DeferredWriteDelay")] // the ledger holds the article until it lands
    [InlineData("Storage:SqliteCacheMegabytes", "0", "Storage:SqliteCacheMegabytes")]
    [InlineData("Storage:SqliteCheckpointPages", "10", "Storage:SqliteCheckpointPages")]
    [InlineData("Feed:HistoryTrimBatch", "0", "Feed:HistoryTrimBatch")]
    [InlineData("Feed:Operations:MetricCardinalityLimit", "1", "Feed:Operations:MetricCardinalityLimit")]
    [InlineData("Orleans:DirectoryCacheSize", "10", "Orleans:DirectoryCacheSize")]
    [InlineData("Orleans:Membership", "Redis", "Orleans:RedisConnection")]
    [InlineData("Orleans:GatewayPort", "0", "Orleans:GatewayPort")]
    [InlineData("Orleans:Role", "Cluster", "Orleans:Role")]
    [InlineData("Feed:Dashboard:AllowLoopback", "false", "Feed:Dashboard")] // enabled below, with no key: nobody could open it
    public async Task A_bad_configuration_stops_the_start_naming_the_option(string option, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [option] = value, ["Feed:Dashboard:Enabled"] = option.StartsWith("Feed:Dashboard") ? "true" : "false" };
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var host = await FeedHost.StartAsync(settings);
            await host.DisposeAsync();
        });
        var message = error.ToString();
        Assert.Contains(named, message);
    }
}
