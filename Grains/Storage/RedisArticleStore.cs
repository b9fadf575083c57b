using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>Each article is a hash <c>{prefix}article:{id}</c> with its JSON and a delivered flag.</summary>
public sealed class RedisArticleStore(RedisConnection redis) : IArticleStore
{
    // Replaces the stored JSON only while the article is still undelivered: a delivered article never changes.
    private const string SavePendingScript = """
        if redis.call('HGET', KEYS[1], 'delivered') == '1' then return 0 end
        redis.call('HSET', KEYS[1], 'json', ARGV[1], 'delivered', '0')
        return 1
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

    public async Task SavePendingAsync(Article article) =>
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(SavePendingScript, [Key(article.Id)], [ArticleJson.Serialize(article)]);

    public async Task MarkDeliveredAsync(string id) =>
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(MarkDeliveredScript, [Key(id)]);

    internal RedisKey Key(string id) => redis.KeyPrefix + "article:" + id;
}
