using Feed.LoadTest;

namespace Feed.LoadTest.Tests;

/// <summary>The tool must notice every kind of wrong delivery, or a clean report means nothing.</summary>
public sealed class DeliveryCheckTests
{
    // One subscriber following 2 of 3 feeds; 40 articles on one or two countries.
    private static readonly LoadPlan Plan = new(subscribers: 1, feedsPerSubscriber: 2, feeds: 3, articles: 40, twoCountryShare: 0.5, seed: 5);

    private static string FeedOf(int feed) => CountryFeeds.FeedOf(CountryFeeds.Codes[feed]);

    private static int Followed(int i) => Plan.FollowsOf(0)[i];

    private static int Unfollowed() => Enumerable.Range(0, 3).Single(f => !Plan.Follows(0, f));

    /// <summary>An article whose only country is <paramref name="feed"/>.</summary>
    private static int ArticleOnlyOn(int feed) =>
        Enumerable.Range(0, 40).First(n => Plan.ArticleCountries[n] is [var only] && only == feed);

    [Fact]
    public void A_first_arrival_on_a_followed_feed_is_a_delivery_and_a_repeat_is_a_duplicate()
    {
        var check = new DeliveryCheck(0, Plan, toleratesCrossFeedCopies: false);
        var feed = Followed(0);
        var article = ArticleOnlyOn(feed);

        Assert.Equal(DeliveryKind.Delivered, check.Record(FeedOf(feed), 1, article));
        Assert.Equal(DeliveryKind.Duplicated, check.Record(FeedOf(feed), 2, article));
        Assert.True(check.HasReceived(article));
        Assert.Equal((1, 1), (check.Delivered, check.Duplicated));
    }

    [Fact]
    public void Seq_that_does_not_rise_within_a_feed_is_out_of_order()
    {
        var check = new DeliveryCheck(0, Plan, toleratesCrossFeedCopies: false);
        var feed = Followed(0);
        var articles = Enumerable.Range(0, 40).Where(n => Plan.ArticleCountries[n].Contains(feed)).Take(3).ToArray();
        check.Subscribed(0, head: 10);

        check.Record(FeedOf(feed), 12, articles[0]);
        check.Record(FeedOf(feed), 11, articles[1]);
        check.Record(FeedOf(feed), 10, articles[2]);

        Assert.Equal(2, check.OutOfOrder);
        Assert.Equal(3, check.Delivered);
    }

    [Fact]
    public void Articles_on_unfollowed_feeds_are_unexpected_and_other_messages_foreign()
    {
        var check = new DeliveryCheck(0, Plan, toleratesCrossFeedCopies: false);
        var unfollowed = Unfollowed();
        var article = ArticleOnlyOn(unfollowed);

        Assert.Equal(DeliveryKind.Unexpected, check.Record(FeedOf(unfollowed), 1, article));
        // On a followed feed, but the plan never sent this article there.
        Assert.Equal(DeliveryKind.Unexpected, check.Record(FeedOf(Followed(0)), 1, article));
        Assert.Equal(DeliveryKind.Foreign, check.Record(FeedOf(Followed(0)), 2, -1));
        Assert.Equal(DeliveryKind.Foreign, check.Record(FeedOf(Followed(0)), 3, 40));
        Assert.Equal((2, 2, 0), (check.Unexpected, check.Foreign, check.Delivered));
    }

    [Fact]
    public void Only_the_baseline_may_send_an_article_again_through_a_second_followed_feed()
    {
        var both = Enumerable.Range(0, 40).First(n => Plan.FollowedFeedsOf(0, n) == 2);
        var (a, b) = (Plan.ArticleCountries[both][0], Plan.ArticleCountries[both][1]);

        var baseline = new DeliveryCheck(0, Plan, toleratesCrossFeedCopies: true);
        baseline.Record(FeedOf(a), 1, both);
        Assert.Equal(DeliveryKind.CrossFeedCopy, baseline.Record(FeedOf(b), 1, both));

        var feed = new DeliveryCheck(0, Plan, toleratesCrossFeedCopies: false);
        feed.Record(FeedOf(a), 1, both);
        Assert.Equal(DeliveryKind.Duplicated, feed.Record(FeedOf(b), 1, both));
    }
}
