using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Feed.LoadTest.Baseline;

/// <summary>
/// Builds the article Feed would build from a submission (explicit countries only) and sends one feed item
/// per feed to that feed's group. A per-feed lock numbers the items and keeps each group's sends in seq order.
/// </summary>
public sealed class BaselineBroadcaster(IHubContext<BaselineHub> hub)
{
    private readonly ConcurrentDictionary<string, FeedCounter> _feeds = new();

    public long HeadOf(string feed) => _feeds.TryGetValue(feed, out var counter) ? Volatile.Read(ref counter.Seq) : 0;

    public PublishResult Publish(ArticleSubmission submission)
    {
        var countries = (submission.Countries ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct()
            .Order(StringComparer.Ordinal).ToArray();
        var feeds = countries.Select(CountryFeeds.FeedOf).ToList();
        for (var i = 0; i < countries.Length; i++)
            for (var j = i + 1; j < countries.Length; j++)
                feeds.Add(CountryFeeds.RelationOf(countries[i], countries[j]));
        var article = new Article
        {
            Id = string.IsNullOrWhiteSpace(submission.Id) ? Guid.NewGuid().ToString("N") : submission.Id.Trim(),
            Headline = submission.Headline ?? "",
            Summary = submission.Summary,
            Body = submission.Body ?? "",
            Url = submission.Url,
            Source = submission.Source,
            PublishedAt = (submission.PublishedAt ?? DateTimeOffset.UtcNow).UtcDateTime,
            Countries = countries,
            Topics = submission.Topics ?? [],
            Feeds = feeds,
        };
        foreach (var feed in feeds)
        {
            var counter = _feeds.GetOrAdd(feed, _ => new FeedCounter());
            lock (counter)
            {
                counter.Seq++;
                // Not awaited, as Feed's relay does not await: a slow connection must not hold up the feed.
                _ = hub.Clients.Group(feed).SendAsync("article", new FeedItem(feed, counter.Seq, article));
            }
        }
        return new PublishResult(article.Id, countries, article.Topics, feeds, Duplicate: false);
    }

    private sealed class FeedCounter
    {
        public long Seq;
    }
}
