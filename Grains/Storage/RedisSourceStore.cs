using StackExchange.Redis;

namespace Feed.Grains.Storage;

/// <summary>
/// Sources in Redis: <c>{prefix}source:{id}</c> (state JSON), the sorted set <c>{prefix}sources</c> (ids by creation),
/// the hash <c>{prefix}source-urls</c> (URL → id) and a sorted set <c>{prefix}source-seen:{id}</c> of seen entry ids.
/// Each save and delete is one script, so it lands whole.
/// </summary>
public sealed class RedisSourceStore(RedisConnection redis) : ISourceStore
{
    private const string SaveScript = """
        redis.call('SET', KEYS[1], ARGV[3])
        redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1])
        redis.call('HSET', KEYS[3], ARGV[4], ARGV[1])
        if #ARGV > 5 then
            local newest = redis.call('ZREVRANGE', KEYS[4], 0, 0, 'WITHSCORES')
            local order = tonumber(newest[2] or '0')
            for i = 6, #ARGV do
                order = order + 1
                redis.call('ZADD', KEYS[4], order, ARGV[i])
            end
            redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[5]) + 1))
        end
        return 1
        """;

    private const string DeleteScript = """
        redis.call('DEL', KEYS[1], KEYS[4])
        redis.call('ZREM', KEYS[2], ARGV[1])
        local urls = redis.call('HGETALL', KEYS[3])
        for i = 1, #urls, 2 do
            if urls[i + 1] == ARGV[1] then redis.call('HDEL', KEYS[3], urls[i]) end
        end
        return 1
        """;

    public async Task<SourceState?> GetAsync(string id)
    {
        var json = await (await redis.DatabaseAsync()).StringGetAsync(StateKey(id));
        return json.IsNull ? null : SourceState.FromJson(json!);
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync()
    {
        var db = await redis.DatabaseAsync();
        var ids = await db.SortedSetRangeByRankAsync(ListKey);
        if (ids.Length == 0) return [];
        var jsons = await db.StringGetAsync(ids.Select(id => StateKey(id!)).ToArray());
        return jsons.Where(j => !j.IsNull).Select(j => SourceState.FromJson(j!)).ToArray();
    }

    public async Task<string?> FindIdByUrlAsync(string url)
    {
        var id = await (await redis.DatabaseAsync()).HashGetAsync(UrlsKey, url);
        return id.IsNull ? null : id.ToString();
    }

    public async Task SaveAsync(SourceState state, IReadOnlyList<string> newlySeen, int keepSeen)
    {
        RedisValue[] args = [state.Id, state.CreatedAt.UtcTicks, state.ToJson(), state.Url, keepSeen, .. newlySeen.Select(s => (RedisValue)s)];
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(SaveScript, Keys(state.Id), args);
    }

    public async Task<IReadOnlyList<string>> ReadSeenAsync(string id, int limit)
    {
        var ids = await (await redis.DatabaseAsync()).SortedSetRangeByRankAsync(SeenKey(id), 0, limit - 1, Order.Descending);
        return ids.Select(i => i.ToString()).ToArray();
    }

    public async Task DeleteAsync(string id) =>
        await (await redis.DatabaseAsync()).ScriptEvaluateAsync(DeleteScript, Keys(id), [id]);

    private RedisKey[] Keys(string id) => [StateKey(id), ListKey, UrlsKey, SeenKey(id)];
    private RedisKey StateKey(string id) => redis.KeyPrefix + "source:" + id;
    private RedisKey SeenKey(string id) => redis.KeyPrefix + "source-seen:" + id;
    private RedisKey ListKey => redis.KeyPrefix + "sources";
    private RedisKey UrlsKey => redis.KeyPrefix + "source-urls";
}
