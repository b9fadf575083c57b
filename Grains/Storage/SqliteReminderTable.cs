using Microsoft.Data.Sqlite;

namespace Feed.Grains.Storage;

/// <summary>
/// Orleans reminders kept in Feed's SQLite file, so a source's schedule survives a restart of the embedded silo (the
/// in-memory reminder service forgets everything). Clusters keep theirs in Redis instead.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase db) : IReminderTable
{
    private const string Columns = "SELECT grain_id, name, start_at, period, etag FROM reminders ";

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Read(Columns + "WHERE grain_id = $grain", ("$grain", grainId.ToString()));

    /// <summary>Rows whose grain hash is in (begin, end], the range wrapping past the top when begin ≥ end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? Read(Columns + "WHERE grain_hash > $begin AND grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : Read(Columns + "WHERE grain_hash > $begin OR grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Read(Columns + "WHERE grain_id = $grain AND name = $name", ("$grain", grainId.ToString()), ("$name", reminderName));
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        await db.WriteAsync(writer =>
        {
            var command = writer.Command(
                "INSERT INTO reminders (grain_id, name, grain_hash, start_at, period, etag) VALUES ($grain, $name, $hash, $start, $period, $etag) "
                + "ON CONFLICT (grain_id, name) DO UPDATE SET start_at = excluded.start_at, period = excluded.period, etag = excluded.etag",
                ("$grain", entry.GrainId.ToString()), ("$name", entry.ReminderName), ("$hash", (long)entry.GrainId.GetUniformHashCode()),
                ("$start", entry.StartAt.ToUniversalTime().Ticks), ("$period", entry.Period.Ticks), ("$etag", etag));
            command.ExecuteNonQuery();
        });
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var removed = false;
        await db.WriteAsync(writer =>
        {
            var command = writer.Command(
                "DELETE FROM reminders WHERE grain_id = $grain AND name = $name AND etag = $etag",
                ("$grain", grainId.ToString()), ("$name", reminderName), ("$etag", eTag));
            removed = command.ExecuteNonQuery() > 0;
        });
        return removed;
    }

    public Task TestOnlyClearTable() => db.WriteAsync(writer => writer.Execute("DELETE FROM reminders"));

    private Task<ReminderTableData> Read(string sql, params (string, object?)[] parameters) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read()) entries.Add(Entry(reader));
        return new ReminderTableData(entries);
    });

    private static ReminderEntry Entry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = reader.GetString(4),
    };
}
