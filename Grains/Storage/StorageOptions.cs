using Microsoft.Extensions.Options;

namespace Feed.Grains.Storage;

public enum StorageProvider
{
    /// <summary>One SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>Redis with append-only files: clusters.</summary>
    Redis,
}

/// <summary>Where grain data lives. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file, relative to the working directory; its folder is created when missing.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "feed.db");

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. NORMAL (default, with WAL) survives a process crash, which is what a
    /// 201 promises; FULL also survives power loss at some cost in write latency.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    /// <summary>
    /// Page cache of the SQLite writer's connection, in MB. Appends touch the newest page of every busy feed and the
    /// article index; SQLite's default (2 MB) makes the writer read many of them back for every commit.
    /// </summary>
    public int SqliteCacheMegabytes { get; set; } = 8;

    /// <summary>
    /// WAL pages after which a commit also copies the log back into the database file (<c>wal_autocheckpoint</c>; SQLite's
    /// default, 1,000). A longer log copies hot pages less often, but the copy runs on the writer and holds up every
    /// write queued behind it: at 10,000 pages publish p99 went from ~16 ms to 43–59 ms (S=10, R=500/s) for no CPU gain.
    /// </summary>
    public int SqliteCheckpointPages { get; set; } = 1_000;

    /// <summary>Most writes committed in one SQLite transaction (group commit).</summary>
    public int MaxWriteBatch { get; set; } = 1024;

    /// <summary>
    /// Longest a deferred SQLite write (the delivered mark) waits for another write's transaction to join before it is
    /// committed on its own. At most 1 s: until it lands, the article's ledger grain holds the article in memory to answer
    /// repeats.
    /// </summary>
    public TimeSpan DeferredWriteDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>StackExchange.Redis connection string for the Redis provider, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string RedisConnection { get; set; } = "";

    /// <summary>Put before every Redis key Feed writes.</summary>
    public string RedisKeyPrefix { get; set; } = "feed:";

    public static StorageOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        OptionsBinding.BindNow(configuration, Section, new StorageOptionsValidator());
}

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly string[] SynchronousModes = ["OFF", "NORMAL", "FULL", "EXTRA"];

    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        var problems = new List<string>();
        if (o.Provider == StorageProvider.Redis && string.IsNullOrWhiteSpace(o.RedisConnection))
            problems.Add("Storage:Provider is Redis but Storage:RedisConnection is empty.");
        if (o.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(o.SqlitePath))
            problems.Add("Storage:SqlitePath must not be empty.");
        if (!SynchronousModes.Contains(o.SqliteSynchronous, StringComparer.OrdinalIgnoreCase))
            problems.Add($"Storage:SqliteSynchronous must be one of {string.Join(", ", SynchronousModes)}; it is '{o.SqliteSynchronous}'.");
        if (o.SqliteCacheMegabytes is < 1 or > 4096) problems.Add($"Storage:SqliteCacheMegabytes must be 1 to 4096; it is {o.SqliteCacheMegabytes}.");
        if (o.SqliteCheckpointPages is < 100 or > 1_000_000) problems.Add($"Storage:SqliteCheckpointPages must be 100 to 1,000,000; it is {o.SqliteCheckpointPages}.");
        if (o.MaxWriteBatch < 1) problems.Add($"Storage:MaxWriteBatch must be at least 1; it is {o.MaxWriteBatch}.");
        if (o.DeferredWriteDelay <= TimeSpan.Zero || o.DeferredWriteDelay > TimeSpan.FromSeconds(1))
            problems.Add($"Storage:DeferredWriteDelay must be above 0 and at most 1 s; it is {o.DeferredWriteDelay}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
