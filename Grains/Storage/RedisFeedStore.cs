using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>
/// Each feed is a sorted set <c>{prefix}feed:{key}</c>: member = article id, score = seq. A batch is
/// appended by one script, so it lands whole or not at all, with any of its articles not yet stored (as pending, in
/// <see cref="RedisArticleStore"/>'s keys); an article or seq already present, or a first seq that does not follow the
/// stored head, fails it.
/// </summary>
public sealed class RedisFeedStore(RedisConnection redis, RedisArticleStore articles) : IFeedStore
{
    // KEYS: the feed, the articles-by-date index, then each item's article. ARGV: keepAbove, then per item seq, id, json, publishedAt (Unix ms).
    private const string AppendScript = """
        local top = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        local head = top[2] and tonumber(top[2]) or 0
        if head ~= tonumber(ARGV[2]) - 1 then return redis.error_reply('seq ' .. ARGV[2] .. ' does not follow the stored head ' .. head) end
        for i = 2, #ARGV, 4 do
            if redis.call('ZSCORE', KEYS[1], ARGV[i + 1]) then return redis.error_reply('article already in feed: ' .. ARGV[i + 1]) end
            if redis.call('ZCOUNT', KEYS[1], ARGV[i], ARGV[i]) > 0 then return redis.error_reply('seq already taken: ' .. ARGV[i]) end
        end
        for i = 2, #ARGV, 4 do
            redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
            local article = KEYS[3 + (i - 2) / 4]
            if redis.call('HSETNX', article, 'json', ARGV[i + 2]) == 1 then
                redis.call('HSET', article, 'delivered', '0')
                redis.call('ZADD', KEYS[2], ARGV[i + 3], ARGV[i + 1])
            end
        end
        if tonumber(ARGV[1]) > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
        return (#ARGV - 1) / 4
        """;

    public async Task<FeedBounds> ReadBoundsAsync(string feed)
    {
        var db = await redis.DatabaseAsync();
        var newest = db.SortedSetRangeByRankWithScoresAsync(Key(feed), -1, -1);
        var oldest = db.SortedSetRangeByRankWithScoresAsync(Key(feed), 0, 0);
        var (n, o) = (await newest, await oldest);
        return n.Length == 0 ? new FeedBounds(0, 1) : new FeedBounds((long)n[0].Score, (long)o[0].Score);
    }

    public async Task<IReadOnlyList<FeedItem>> ReadAfterAsync(string feed, long after, int limit)
    {
        var entries = await (await redis.DatabaseAsync()).SortedSetRangeByScoreWithScoresAsync(
            Key(feed), after, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit);
        return await Items(feed, entries);
    }

    public async Task<IReadOnlyList<FeedItem>> ReadLatestAsync(string feed, int count)
    {
        if (count <= 0) return [];
        var entries = await (await redis.DatabaseAsync()).SortedSetRangeByRankWithScoresAsync(Key(feed), -count, -1);
        return await Items(feed, entries);
    }

    public async Task<FeedItem?> FindAsync(string feed, string articleId)
    {
        var seq = await (await redis.DatabaseAsync()).SortedSetScoreAsync(Key(feed), articleId);
        return seq is null ? null : (await Items(feed, [new SortedSetEntry(articleId, seq.Value)])).FirstOrDefault();
    }

    public async Task AppendAsync(string feed, IReadOnlyList<FeedItem> items, long keepAbove)
    {
        var keys = new RedisKey[2 + items.Count];
        keys[0] = Key(feed);
        keys[1] = articles.ByDate;
        var args = new RedisValue[1 + items.Count * 4];
        args[0] = keepAbove;
        for (var i = 0; i < items.Count; i++)
        {
            var article = items[i].Article;
            keys[2 + i] = articles.Key(article.Id);
            args[1 + 4 * i] = items[i].Seq;
            args[2 + 4 * i] = article.Id;
            args[3 + 4 * i] = ArticleJson.Serialize(article);
            args[4 + 4 * i] = new DateTimeOffset(DateTime.SpecifyKind(article.PublishedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        }
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(AppendScript, keys, args);
    }

    private async Task<IReadOnlyList<FeedItem>> Items(string feed, SortedSetEntry[] entries)
    {
        if (entries.Length == 0) return [];
        var db = await redis.DatabaseAsync();
        var jsons = await Task.WhenAll(entries.Select(e => db.HashGetAsync(articles.Key(e.Element!), "json")));
        var items = new List<FeedItem>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            if (jsons[i].IsNull) continue; // an article removed by an operator: its slot stays, its content is gone
            items.Add(new FeedItem(feed, (long)entries[i].Score, ArticleJson.Deserialize(jsons[i]!)));
        }
        return items;
    }

    private RedisKey Key(string feed) => redis.KeyPrefix + "feed:" + feed;
}
