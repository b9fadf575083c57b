namespace Feed.LoadTest;

/// <summary>
/// Who follows what and where each article goes, drawn once from the seed. Feeds are numbered 0..F-1
/// (<see cref="CountryFeeds.Codes"/> order); article n carries one or two of them as its countries.
/// </summary>
public sealed class LoadPlan
{
    private readonly int[][] _follows;
    private readonly bool[][] _followsFeed;
    private readonly int[][] _followersOf;

    public LoadPlan(int subscribers, int feedsPerSubscriber, int feeds, int articles, double twoCountryShare, int seed)
    {
        var random = new Random(seed);
        FeedCount = feeds;
        _follows = new int[subscribers][];
        _followsFeed = new bool[subscribers][];
        var followers = Enumerable.Range(0, feeds).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < subscribers; s++)
        {
            var chosen = Pick(random, feeds, feedsPerSubscriber);
            _follows[s] = chosen;
            _followsFeed[s] = new bool[feeds];
            foreach (var f in chosen)
            {
                _followsFeed[s][f] = true;
                followers[f].Add(s);
            }
        }
        _followersOf = followers.Select(l => l.ToArray()).ToArray();

        ArticleCountries = new int[articles][];
        for (var n = 0; n < articles; n++)
            ArticleCountries[n] = Pick(random, feeds, random.NextDouble() < twoCountryShare ? 2 : 1);
    }

    public int FeedCount { get; }
    public int SubscriberCount => _follows.Length;

    /// <summary>Article n's countries as feed numbers (one or two, different).</summary>
    public int[][] ArticleCountries { get; }

    /// <summary>The feed numbers subscriber s follows.</summary>
    public IReadOnlyList<int> FollowsOf(int subscriber) => _follows[subscriber];

    public bool Follows(int subscriber, int feed) => _followsFeed[subscriber][feed];

    /// <summary>How many of article n's feeds subscriber s follows (0, 1 or 2).</summary>
    public int FollowedFeedsOf(int subscriber, int article)
    {
        var count = 0;
        foreach (var f in ArticleCountries[article]) if (_followsFeed[subscriber][f]) count++;
        return count;
    }

    /// <summary>Each subscriber that should get article n, once (followers of either country, without repeats).</summary>
    public IEnumerable<int> RecipientsOf(int article)
    {
        var countries = ArticleCountries[article];
        foreach (var s in _followersOf[countries[0]]) yield return s;
        if (countries.Length < 2) yield break;
        foreach (var s in _followersOf[countries[1]])
            if (!_followsFeed[s][countries[0]]) yield return s;
    }

    public int RecipientCountOf(int article)
    {
        var countries = ArticleCountries[article];
        var count = _followersOf[countries[0]].Length;
        if (countries.Length == 2)
            foreach (var s in _followersOf[countries[1]])
                if (!_followsFeed[s][countries[0]]) count++;
        return count;
    }

    /// <summary>k different numbers below n, uniformly (partial Fisher–Yates).</summary>
    private static int[] Pick(Random random, int n, int k)
    {
        if (k <= 2)
        {
            // The common case (article countries), without building a pool per article.
            var a = random.Next(n);
            if (k == 1) return [a];
            int b;
            do b = random.Next(n); while (b == a);
            return [a, b];
        }
        var pool = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, n);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..k];
    }
}
