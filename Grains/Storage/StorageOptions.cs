namespace Feed.Grains.Storage;

/// <summary>Where grain data lives. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Redis</c> (clusters).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite database file; its folder is created when missing.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "feed.db");

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. NORMAL (default, with WAL) survives a process crash, which is what a
    /// 201 promises; FULL also survives power loss at some cost in write latency.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    /// <summary>Most writes committed in one SQLite transaction (group commit).</summary>
    public int MaxWriteBatch { get; set; } = 1024;

    /// <summary>StackExchange.Redis connection string for the Redis provider, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string RedisConnection { get; set; } = "";

    /// <summary>Put before every Redis key Feed writes.</summary>
    public string RedisKeyPrefix { get; set; } = "feed:";
}
