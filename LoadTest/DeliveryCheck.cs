namespace Feed.LoadTest;

/// <summary>What one arriving message was, for one subscriber.</summary>
public enum DeliveryKind
{
    /// <summary>The first arrival of an article the subscriber should get: counted, latency recorded.</summary>
    Delivered,
    /// <summary>The same article again on this subscriber.</summary>
    Duplicated,
    /// <summary>Baseline only: the same article again through the subscriber's other followed feed (plain groups do not dedupe).</summary>
    CrossFeedCopy,
    /// <summary>On a feed the subscriber does not follow, or an article none of whose feeds it follows.</summary>
    Unexpected,
    /// <summary>Not an article of this run (warm-up, the demo publisher, another run): ignored.</summary>
    Foreign,
}

/// <summary>
/// One subscriber's record of what reached it: which articles (a bitmap), the last seq per followed feed, and
/// counts of each kind of arrival. Not thread-safe: the subscriber calls it under its own lock.
/// </summary>
public sealed class DeliveryCheck
{
    private readonly int _subscriber;
    private readonly string[] _feeds;
    private readonly long[] _lastSeq;
    private readonly ulong[] _received;
    private readonly LoadPlan _plan;
    private readonly bool _toleratesCrossFeedCopies;

    public DeliveryCheck(int subscriber, LoadPlan plan, bool toleratesCrossFeedCopies)
    {
        _subscriber = subscriber;
        _plan = plan;
        _toleratesCrossFeedCopies = toleratesCrossFeedCopies;
        _feeds = plan.FollowsOf(subscriber).Select(f => CountryFeeds.FeedOf(CountryFeeds.Codes[f])).ToArray();
        _lastSeq = new long[_feeds.Length];
        _received = new ulong[(plan.ArticleCountries.Length + 63) / 64];
    }

    /// <summary>The feeds this subscriber follows, as Subscribe takes them.</summary>
    public IReadOnlyList<string> Feeds => _feeds;

    public long Delivered { get; private set; }
    public long Duplicated { get; private set; }
    public long CrossFeedCopies { get; private set; }
    public long OutOfOrder { get; private set; }
    public long Unexpected { get; private set; }
    public long Foreign { get; private set; }

    /// <summary>The head the server answered Subscribe with: live items of that feed come after it.</summary>
    public void Subscribed(int feedIndex, long head) => _lastSeq[feedIndex] = Math.Max(_lastSeq[feedIndex], head);

    public bool HasReceived(int article) => (_received[article >> 6] & (1UL << (article & 63))) != 0;

    /// <summary>Classifies one arrival by feed name; <paramref name="article"/> is the run's article number, or -1 for anything else.</summary>
    public DeliveryKind Record(string feed, long seq, int article) => Record(Array.IndexOf(_feeds, feed), seq, article);

    /// <summary>
    /// Classifies one arrival; <paramref name="slot"/> is the index of its feed in <see cref="Feeds"/> (-1 for a feed
    /// not followed), <paramref name="article"/> the run's article number (-1 for anything else).
    /// </summary>
    public DeliveryKind Record(int slot, long seq, int article)
    {
        if (article < 0 || article >= _plan.ArticleCountries.Length)
        {
            Foreign++;
            return DeliveryKind.Foreign;
        }
        if (slot < 0)
        {
            Unexpected++;
            return DeliveryKind.Unexpected;
        }
        // Order is checked on every arrival of the run, repeats included: seq must rise within a feed.
        if (seq <= _lastSeq[slot]) OutOfOrder++;
        else _lastSeq[slot] = seq;

        ref var word = ref _received[article >> 6];
        var bit = 1UL << (article & 63);
        if ((word & bit) != 0)
        {
            if (_toleratesCrossFeedCopies && _plan.FollowedFeedsOf(_subscriber, article) > 1)
            {
                CrossFeedCopies++;
                return DeliveryKind.CrossFeedCopy;
            }
            Duplicated++;
            return DeliveryKind.Duplicated;
        }
        word |= bit;
        if (_plan.FollowedFeedsOf(_subscriber, article) == 0)
        {
            Unexpected++;
            return DeliveryKind.Unexpected;
        }
        Delivered++;
        return DeliveryKind.Delivered;
    }
}
