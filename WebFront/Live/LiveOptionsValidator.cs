using Feed.Grains;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>Checks <see cref="LiveOptions"/> at start, with the rules that tie them to the grains' <see cref="FeedOptions"/>.</summary>
public sealed class LiveOptionsValidator(IOptions<FeedOptions> feed) : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions o)
    {
        var problems = new List<string>();
        var grains = feed.Value;
        if (o.MaxSubscriptionsPerConnection < 1)
            problems.Add($"Feed:Live:MaxSubscriptionsPerConnection must be at least 1; it is {o.MaxSubscriptionsPerConnection}.");
        // A replay reads at most Feed:MaxReadLimit items; asking for more would answer complete:true with items missing.
        if (o.MaxMissedItems < 1 || o.MaxMissedItems > grains.MaxReadLimit)
            problems.Add($"Feed:Live:MaxMissedItems must be between 1 and Feed:MaxReadLimit ({grains.MaxReadLimit}); it is {o.MaxMissedItems}.");
        if (o.RecentArticlesPerConnection < 1)
            problems.Add($"Feed:Live:RecentArticlesPerConnection must be at least 1; it is {o.RecentArticlesPerConnection}.");
        if (o.MaxQueuedMessagesPerConnection < 1)
            problems.Add($"Feed:Live:MaxQueuedMessagesPerConnection must be at least 1; it is {o.MaxQueuedMessagesPerConnection}.");
        if (o.RefreshParallelism < 1) problems.Add($"Feed:Live:RefreshParallelism must be at least 1; it is {o.RefreshParallelism}.");
        if (o.IdleFeedLinger < TimeSpan.Zero) problems.Add("Feed:Live:IdleFeedLinger must not be negative.");
        // Two renewals must fit in one lease, so one lost renewal does not let the follow lapse.
        if (o.FollowRefreshInterval <= TimeSpan.Zero || o.FollowRefreshInterval * 2 > grains.FollowerLease)
            problems.Add($"Feed:Live:FollowRefreshInterval must be above 0 and at most half of Feed:FollowerLease ({grains.FollowerLease}); it is {o.FollowRefreshInterval}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
