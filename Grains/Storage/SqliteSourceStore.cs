using Microsoft.Data.Sqlite;

namespace Feed.Grains.Storage;

/// <summary>Sources in three tables: <c>sources</c> (state as JSON), <c>source_urls</c> and <c>source_entries</c> (seen ids).</summary>
public sealed class SqliteSourceStore(SqliteDatabase db) : ISourceStore
{
    public Task<SourceState?> GetAsync(string id) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "SELECT json FROM sources WHERE id = $id", ("$id", id));
        return command.ExecuteScalar() is string json ? SourceState.FromJson(json) : null;
    });

    public Task<IReadOnlyList<SourceState>> ListAsync() => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "SELECT json FROM sources ORDER BY created, id");
        using var reader = command.ExecuteReader();
        var sources = new List<SourceState>();
        while (reader.Read()) sources.Add(SourceState.FromJson(reader.GetString(0)));
        return (IReadOnlyList<SourceState>)sources;
    });

    public Task<string?> FindIdByUrlAsync(string url) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "SELECT source_id FROM source_urls WHERE url = $url", ("$url", url));
        return command.ExecuteScalar() as string;
    });

    public Task SaveAsync(SourceState state, IReadOnlyList<string> newlySeen, int keepSeen) => db.WriteAsync(writer =>
    {
        Execute(writer, "INSERT INTO sources (id, created, json) VALUES ($id, $created, $json) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            ("$id", state.Id), ("$created", state.CreatedAt.UtcTicks), ("$json", state.ToJson()));
        Execute(writer, "INSERT INTO source_urls (url, source_id) VALUES ($url, $id) ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id",
            ("$url", state.Url), ("$id", state.Id));
        if (newlySeen.Count == 0) return;
        var next = writer.Command("SELECT COALESCE(MAX(seen), 0) FROM source_entries WHERE source_id = $id", ("$id", state.Id));
        var order = (long)next.ExecuteScalar()!;
        var insert = writer.Command(
            "INSERT INTO source_entries (source_id, article_id, seen) VALUES ($id, $article, $seen) ON CONFLICT DO UPDATE SET seen = excluded.seen",
            ("$id", state.Id), ("$article", ""), ("$seen", 0L));
        foreach (var articleId in newlySeen)
        {
            insert.Parameters["$article"].Value = articleId;
            insert.Parameters["$seen"].Value = ++order;
            insert.ExecuteNonQuery();
        }
        Execute(writer, "DELETE FROM source_entries WHERE source_id = $id AND seen <= $oldestKept",
            ("$id", state.Id), ("$oldestKept", order - keepSeen));
    });

    public Task<IReadOnlyList<string>> ReadSeenAsync(string id, int limit) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection,
            "SELECT article_id FROM source_entries WHERE source_id = $id ORDER BY seen DESC LIMIT $limit", ("$id", id), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return (IReadOnlyList<string>)ids;
    });

    public Task DeleteAsync(string id) => db.WriteAsync(writer =>
    {
        foreach (var table in new[] { "source_entries", "source_urls" })
            Execute(writer, $"DELETE FROM {table} WHERE source_id = $id", ("$id", id));
        Execute(writer, "DELETE FROM sources WHERE id = $id", ("$id", id));
    });

    private static void Execute(SqliteWriter writer, string sql, params (string, object?)[] parameters) =>
        writer.Command(sql, parameters).ExecuteNonQuery();
}
