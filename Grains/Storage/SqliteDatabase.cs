using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains.Storage;

/// <summary>
/// The embedded SQLite file. Writes go through one writer thread that commits whatever has queued up in a
/// single transaction (group commit), each write in its own savepoint so one failing write fails only
/// itself. A write's task completes after its transaction has committed. Deferred writes (nothing waits on them) join
/// the next transaction instead of starting one, or start one after <see cref="StorageOptions.DeferredWriteDelay"/>:
/// every commit writes whole pages to the WAL, so a commit saved is most of a write's cost. Reads use pooled
/// connections on the thread pool, never on a grain's thread.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            delivered INTEGER NOT NULL,
            published_at INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS feed_items (
            feed TEXT NOT NULL,
            seq INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (feed, seq)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX IF NOT EXISTS feed_items_by_article ON feed_items (feed, article_id);
        CREATE TABLE IF NOT EXISTS sources (
            id TEXT NOT NULL PRIMARY KEY,
            created INTEGER NOT NULL,
            json TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS source_urls (
            url TEXT NOT NULL PRIMARY KEY,
            source_id TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS source_urls_by_source ON source_urls (source_id);
        CREATE TABLE IF NOT EXISTS source_entries (
            source_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            seen INTEGER NOT NULL,
            PRIMARY KEY (source_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS source_entries_by_age ON source_entries (source_id, seen);
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (grain_id, name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
        """;

    private readonly string _connectionString;
    private readonly StorageOptions _options;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<Write> _deferred = new();
    private readonly TimeProvider _clock;
    private readonly Thread _writer;
    private int _deferredFlushDue; // 1 while a flush of deferred writes is scheduled
    private volatile bool _closed;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger, TimeProvider? clock = null)
    {
        _options = options.Value;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        var path = Path.GetFullPath(_options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using (var connection = Open())
        {
            PrepareForReclaiming(connection);
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, Schema);
            AddPublishedAt(connection);
        }
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-writer" };
        _writer.Start();
        _logger.LogInformation("Storage: SQLite at {Path}", path);
    }

    /// <summary>
    /// Space freed by deletions goes back to the file system (<c>PRAGMA incremental_vacuum</c>) only in incremental
    /// auto-vacuum mode. A new file is made in it; a file from before is converted once, by a full VACUUM.
    /// </summary>
    private void PrepareForReclaiming(SqliteConnection connection)
    {
        using var mode = Command(connection, "PRAGMA auto_vacuum");
        if (Convert.ToInt64(mode.ExecuteScalar()) == 2) return;
        Execute(connection, "PRAGMA auto_vacuum=INCREMENTAL;");
        using var tables = Command(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
        if (Convert.ToInt64(tables.ExecuteScalar()) == 0) return;
        _logger.LogInformation("Storage: converting the SQLite file to incremental auto-vacuum once (VACUUM)");
        Execute(connection, "VACUUM;");
    }

    /// <summary>Files from before retention have no published_at column: add it and fill it from each article's JSON.</summary>
    private static void AddPublishedAt(SqliteConnection connection)
    {
        using var columns = Command(connection, "SELECT COUNT(*) FROM pragma_table_info('articles') WHERE name = 'published_at'");
        if (Convert.ToInt64(columns.ExecuteScalar()) == 0)
        {
            Execute(connection, "ALTER TABLE articles ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0;");
            Execute(connection, "UPDATE articles SET published_at = "
                                + "CAST(ROUND((julianday(json_extract(json, '$.publishedAt')) - 2440587.5) * 86400000) AS INTEGER);");
        }
        Execute(connection, "CREATE INDEX IF NOT EXISTS articles_by_age ON articles (published_at);");
    }

    /// <summary>Queues work to run on the writer's connection outside any transaction (VACUUM and checkpoints need that).</summary>
    public Task MaintainAsync(Action<SqliteWriter> work)
    {
        var write = new Write(work) { OutsideTransaction = true };
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(SqliteDatabase));
        return write.Done.Task;
    }

    /// <summary>Queues work to run inside the next transaction; completes once that transaction is committed.</summary>
    public Task WriteAsync(Action<SqliteWriter> work)
    {
        var write = new Write(work);
        if (!_queue.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(SqliteDatabase));
        return write.Done.Task;
    }

    /// <summary>
    /// Queues work to run inside the next transaction that commits for any reason, or in one of its own after
    /// <see cref="StorageOptions.DeferredWriteDelay"/> if none comes sooner. For writes whose caller does not wait on them
    /// and whose loss in a crash is harmless (the delivered mark): under load they cost no commit of their own.
    /// </summary>
    public Task WriteDeferredAsync(Action<SqliteWriter> work)
    {
        if (_closed) throw new ObjectDisposedException(nameof(SqliteDatabase));
        var write = new Write(work);
        _deferred.Enqueue(write);
        if (Interlocked.CompareExchange(ref _deferredFlushDue, 1, 0) == 0)
        {
            // The first deferred write since the last commit sets the latest moment they all land.
            _ = Task.Delay(_options.DeferredWriteDelay, _clock).ContinueWith(_ => _queue.Writer.TryWrite(Write.Flush), TaskScheduler.Default);
        }
        return write.Done.Task;
    }

    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read) => Task.Run(() =>
    {
        using var connection = Open();
        return read(connection);
    });

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    private void WriteLoop()
    {
        using var connection = Open();
        Execute(connection, $"PRAGMA synchronous={_options.SqliteSynchronous};");
        // Savepoint journals in memory: as a temporary file each write's savepoint cost a write system call per page.
        Execute(connection, "PRAGMA temp_store=MEMORY;");
        Execute(connection, $"PRAGMA cache_size=-{_options.SqliteCacheMegabytes * 1024};");
        Execute(connection, $"PRAGMA wal_autocheckpoint={_options.SqliteCheckpointPages};");
        using var writer = new SqliteWriter(connection);
        var batch = new List<Write>(_options.MaxWriteBatch);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _options.MaxWriteBatch && reader.TryRead(out var write))
            {
                if (write == Write.Flush) continue; // deferred writes join whatever commits next: this one, at the latest
                if (!write.OutsideTransaction)
                {
                    batch.Add(write);
                    continue;
                }
                Commit(writer, batch);
                batch.Clear();
                RunAlone(writer, write);
            }
            Commit(writer, batch);
            batch.Clear();
        }
    }

    private static void RunAlone(SqliteWriter writer, Write write)
    {
        try
        {
            write.Work(writer);
            write.Done.TrySetResult();
        }
        catch (Exception e)
        {
            write.Done.TrySetException(e);
        }
    }

    private void Commit(SqliteWriter writer, List<Write> batch)
    {
        TakeDeferred(batch);
        if (batch.Count == 0) return;
        try
        {
            using var transaction = writer.Connection.BeginTransaction();
            writer.Transaction = transaction;
            // A write alone in its transaction needs no savepoint: its failure rolls the whole transaction back.
            var alone = batch.Count == 1;
            foreach (var write in batch)
            {
                if (!alone) writer.Execute("SAVEPOINT w");
                try
                {
                    write.Work(writer);
                    if (!alone) writer.Execute("RELEASE w");
                }
                catch (Exception e) when (!alone)
                {
                    // Undo this write only, then close its savepoint so the next write's starts at the same depth.
                    writer.Execute("ROLLBACK TO w");
                    writer.Execute("RELEASE w");
                    write.Error = e;
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "SQLite commit of {Count} writes failed", batch.Count);
            foreach (var write in batch) write.Error ??= e;
        }
        finally
        {
            writer.Transaction = null;
        }
        foreach (var write in batch)
        {
            if (write.Error is null) write.Done.TrySetResult();
            else write.Done.TrySetException(write.Error);
        }
    }

    /// <summary>Adds the deferred writes to the batch about to commit; a deferred write queued after this waits for the next.</summary>
    private void TakeDeferred(List<Write> batch)
    {
        if (Volatile.Read(ref _deferredFlushDue) == 0) return;
        // Cleared before taking, so a write deferred meanwhile schedules a flush of its own (at worst an empty one).
        Volatile.Write(ref _deferredFlushDue, 0);
        while (_deferred.TryDequeue(out var write)) batch.Add(write);
    }

    public void Dispose()
    {
        _closed = true;
        _queue.Writer.TryWrite(Write.Flush); // deferred writes still queued land before the writer stops
        _queue.Writer.TryComplete();
        _writer.Join(TimeSpan.FromSeconds(10));
        SqliteConnection.ClearAllPools();
    }

    private sealed class Write(Action<SqliteWriter> work)
    {
        /// <summary>Wakes the writer to commit the deferred writes when nothing else has.</summary>
        public static readonly Write Flush = new(_ => { });

        public Action<SqliteWriter> Work { get; } = work;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Exception? Error { get; set; }
        public bool OutsideTransaction { get; init; }
    }
}
