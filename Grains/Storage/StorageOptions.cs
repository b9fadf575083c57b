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

    /// <summary>Most writes committed in one SQLite transaction (group commit).</summary>
    public int MaxWriteBatch { get; set; } = 1024;

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
        if (o.MaxWriteBatch < 1) problems.Add($"Storage:MaxWriteBatch must be at least 1; it is {o.MaxWriteBatch}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
