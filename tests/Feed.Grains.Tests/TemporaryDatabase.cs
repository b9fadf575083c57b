using Feed.Grains.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feed.Grains.Tests;

/// <summary>An embedded SQLite database in a folder of its own, deleted afterwards: for testing stores without a silo.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feed-store-tests-" + Guid.NewGuid().ToString("N"));

    public TemporaryDatabase(TimeProvider? clock = null)
    {
        Directory.CreateDirectory(_folder);
        Database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_folder, "feed.db") }), NullLogger<SqliteDatabase>.Instance, clock);
    }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
