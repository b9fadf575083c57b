using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>
/// Each article is a hash <c>{prefix}article:{id}</c> with its JSON and a delivered flag; a sorted set
/// <c>{prefix}articles-by-date</c> (score: publishedAt in Unix ms) finds those past retention.
/// </summary>
public sealed class RedisArticleStore(RedisConnection redis) : IArticleStore
{
    // Deletes each article no feed's history holds (its feeds are in its JSON); answers how many went.
    private const string DeleteExpiredScript = """
        local deleted = 0
        for i = 2, #ARGV do
            local id = ARGV[i]
            local key = ARGV[1] .. 'article:' .. id
            local json = redis.call('HGET', key, 'json')
            local held = false
            if json then
                local feeds = cjson.decode(json)['feeds']
                if type(feeds) == 'table' then
                    for _, feed in ipairs(feeds) do
                        if redis.call('ZSCORE', ARGV[1] .. 'feed:' .. feed, id) then held = true break end
                    end
                end
            end
            if not held then
                redis.call('DEL', key)
                redis.call('ZREM', KEYS[1], id)
                deleted = deleted + 1
            end
        end
        return deleted
        """;

    private const string MarkDeliveredScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return redis.error_reply('article not stored') end
        redis.call('HSET', KEYS[1], 'delivered', '1')
        return 1
        """;

    public async Task<StoredArticle?> GetAsync(string id)
    {
        var values = await (await redis.DatabaseAsync()).HashGetAsync(Key(id), ["json", "delivered"]);
        return values[0].IsNull ? null : new StoredArticle(ArticleJson.Deserialize(values[0]!), values[1] == "1");
    }

    public Task<StoredArticle?> LookUpAsync(string id) => GetAsync(id);

    public async Task<int> DeleteExpiredAsync(DateTime cutoff, int max)
    {
        var db = await redis.DatabaseAsync();
        var limit = new DateTimeOffset(DateTime.SpecifyKind(cutoff, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        // Old articles still in a history stay in the index; page past them so they cannot hide older deletable ones.
        var deleted = 0;
        for (long skip = 0; deleted < max;)
        {
            var ids = await db.SortedSetRangeByScoreAsync(ByDate, double.NegativeInfinity, limit, Exclude.Stop, Order.Ascending, skip, Math.Min(500, max - deleted));
            if (ids.Length == 0) break;
            var gone = (int)await db.ScriptEvaluateAsync(DeleteExpiredScript, [ByDate], [(RedisValue)redis.KeyPrefix, .. ids]);
            deleted += gone;
            skip += ids.Length - gone;
        }
        return deleted;
    }

    // Redis frees memory as keys go; the append-only file shrinks at its next automatic rewrite.
    public Task ReclaimSpaceAsync() => Task.CompletedTask;

    internal RedisKey ByDate => redis.KeyPrefix + "articles-by-date";

    public async Task MarkDeliveredAsync(string id) =>
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(MarkDeliveredScript, [Key(id)]);

    internal RedisKey Key(string id) => redis.KeyPrefix + "article:" + id;
}
