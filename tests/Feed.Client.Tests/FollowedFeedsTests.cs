namespace Feed.Client.Tests;

/// <summary>The ordering rules on their own, with answers and live items arriving in the orders the server allows.</summary>
public sealed class FollowedFeedsTests
{
    private readonly List<FeedUpdate> _emitted = [];
    private readonly FollowedFeeds _feeds;

    public FollowedFeedsTests() => _feeds = new FollowedFeeds(recentArticleIds: 100, _emitted.Add);

    private static FeedItem Item(string feed, long seq, string? id = null) =>
        new(feed, seq, new Article { Id = id ?? $"{feed}-{seq}", Headline = "h", Body = "b" });

    private static SubscribeResult Answer(string feed, long head, bool complete = true, params FeedItem[] missed) => new(feed, head, missed, complete);

    private IEnumerable<(string Feed, long Seq)> Delivered => _emitted.OfType<ArticleArrived>().Select(a => (a.Item.Feed, a.Item.Seq));

    [Fact]
    public void Live_items_that_overtake_the_answer_wait_and_follow_the_missed_ones_without_repeats()
    {
        const string feed = "country:AZ";
        _feeds.Add(feed, after: 2);
        var generation = _feeds.NewGeneration();
        var ticket = _feeds.BeginSubscribe(feed, generation)!;
        Assert.Equal(2, ticket.After);

        _feeds.OnItem(generation, Item(feed, 5)); // pushed before the answer was written
        _feeds.OnItem(generation, Item(feed, 6));
        Assert.Empty(Delivered);
        _feeds.CompleteSubscribe(ticket, Answer(feed, head: 5, complete: true, Item(feed, 3), Item(feed, 4), Item(feed, 5)));
        _feeds.OnItem(generation, Item(feed, 6)); // a late repeat
        _feeds.OnItem(generation, Item(feed, 7));

        Assert.Equal([(feed, 3L), (feed, 4L), (feed, 5L), (feed, 6L), (feed, 7L)], Delivered);
        Assert.DoesNotContain(_emitted, u => u is HistoryGap);
    }

    [Fact]
    public void An_article_in_two_feeds_is_delivered_once_and_moves_both_positions()
    {
        _feeds.Add("country:AZ", null);
        _feeds.Add("relation:AZ-KR", null);
        var generation = _feeds.NewGeneration();
        foreach (var feed in new[] { "country:AZ", "relation:AZ-KR" })
            _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 0));

        _feeds.OnItem(generation, Item("relation:AZ-KR", 1, "shared"));
        _feeds.OnItem(generation, Item("country:AZ", 1, "shared"));

        Assert.Equal([("relation:AZ-KR", 1L)], Delivered);
        Assert.Contains(new PositionReached("country:AZ", 1), _emitted);
    }

    [Fact]
    public void History_that_no_longer_reaches_back_is_announced_before_the_items_after_it()
    {
        const string feed = "topic:economy";
        _feeds.Add(feed, after: 2);
        var generation = _feeds.NewGeneration();
        _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 8, complete: false, Item(feed, 7), Item(feed, 8)));

        var gap = Assert.Single(_emitted.OfType<HistoryGap>());
        Assert.Equal(new HistoryGap(feed, 2, 7, HistoryGapReason.HistoryTrimmed), gap);
        Assert.True(_emitted.IndexOf(gap) < _emitted.FindIndex(u => u is ArticleArrived));
        Assert.Equal([(feed, 7L), (feed, 8L)], Delivered);
    }

    [Fact]
    public void An_answer_with_nothing_to_replay_up_to_the_head_is_a_gap_too()
    {
        const string feed = "country:KR";
        _feeds.Add(feed, after: 3);
        var generation = _feeds.NewGeneration();
        _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 9, complete: false));
        _feeds.OnItem(generation, Item(feed, 10));

        Assert.Equal(new HistoryGap(feed, 3, 10, HistoryGapReason.HistoryTrimmed), Assert.Single(_emitted.OfType<HistoryGap>()));
        Assert.Equal([(feed, 10L)], Delivered);
    }

    [Fact]
    public void A_server_behind_the_client_is_a_reset_and_is_followed_from_its_head()
    {
        const string feed = "country:KR";
        _feeds.Add(feed, after: 40);
        var generation = _feeds.NewGeneration();
        _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 3, complete: false));
        _feeds.OnItem(generation, Item(feed, 4));

        Assert.Equal(new HistoryGap(feed, 40, 4, HistoryGapReason.FeedReset), Assert.Single(_emitted.OfType<HistoryGap>()));
        Assert.Equal([(feed, 4L)], Delivered);
    }

    [Fact]
    public void Answers_overtaken_by_a_newer_subscribe_or_connection_and_items_of_old_connections_are_ignored()
    {
        const string feed = "country:AZ";
        _feeds.Add(feed, after: 0);
        var old = _feeds.NewGeneration();
        var oldTicket = _feeds.BeginSubscribe(feed, old)!;
        var current = _feeds.NewGeneration();
        var first = _feeds.BeginSubscribe(feed, current)!;
        var second = _feeds.BeginSubscribe(feed, current)!;

        _feeds.CompleteSubscribe(oldTicket, Answer(feed, 1, true, Item(feed, 1, "old")));
        _feeds.CompleteSubscribe(first, Answer(feed, 1, true, Item(feed, 1, "first")));
        _feeds.OnItem(old, Item(feed, 2, "from the old connection"));
        Assert.Empty(Delivered);
        Assert.Null(_feeds.BeginSubscribe(feed, old));

        _feeds.CompleteSubscribe(second, Answer(feed, 1, true, Item(feed, 1, "second")));
        Assert.Equal(["second"], _emitted.OfType<ArticleArrived>().Select(a => a.Item.Article.Id));
    }

    [Fact]
    public void A_refused_feed_is_no_longer_followed()
    {
        _feeds.Add("country:ZZ", null);
        var ticket = _feeds.BeginSubscribe("country:ZZ", _feeds.NewGeneration())!;
        Assert.True(_feeds.Refuse(ticket));
        Assert.Empty(_feeds.Keys);
    }

    [Fact]
    public void A_gap_the_server_announces_live_is_reported_before_the_item_that_resumes_the_feed()
    {
        const string feed = "country:KR";
        _feeds.Add(feed, null);
        var generation = _feeds.NewGeneration();
        _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 3));

        _feeds.OnItem(generation, Item(feed, 4));
        _feeds.OnSkipped(generation, feed);
        _feeds.OnItem(generation, Item(feed, 1200));
        _feeds.OnItem(generation, Item(feed, 1201));

        var gap = Assert.Single(_emitted.OfType<HistoryGap>());
        Assert.Equal(new HistoryGap(feed, 4, 1200, HistoryGapReason.HistoryTrimmed), gap);
        Assert.True(_emitted.IndexOf(gap) < _emitted.FindIndex(u => u is ArticleArrived { Item.Seq: 1200 }));
        Assert.Equal([(feed, 4L), (feed, 1200L), (feed, 1201L)], Delivered);
    }

    [Fact]
    public void A_seq_jump_without_a_gap_notice_is_no_gap_since_other_feeds_may_have_carried_those_articles()
    {
        const string feed = "country:KR";
        _feeds.Add(feed, null);
        var generation = _feeds.NewGeneration();
        _feeds.CompleteSubscribe(_feeds.BeginSubscribe(feed, generation)!, Answer(feed, head: 3));

        _feeds.OnItem(generation, Item(feed, 7));

        Assert.DoesNotContain(_emitted, u => u is HistoryGap);
    }

    [Fact]
    public void Follower_counts_are_passed_on_only_for_followed_feeds_of_the_current_connection()
    {
        _feeds.Add("country:AZ", null);
        var generation = _feeds.NewGeneration();

        _feeds.OnCounts(generation, new FollowersCounted("country:AZ", 12, 3));
        _feeds.OnCounts(generation, new FollowersCounted("country:KR", 5, 1));
        _feeds.OnCounts(generation - 1, new FollowersCounted("country:AZ", 11, 2));

        Assert.Equal([new FollowersCounted("country:AZ", 12, 3)], _emitted.OfType<FollowersCounted>());
    }
}
