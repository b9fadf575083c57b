namespace Feed.Grains.Storage;

public sealed class SqliteArticleStore(SqliteDatabase db) : IArticleStore
{
    public Task<StoredArticle?> GetAsync(string id) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection,
            "SELECT json, delivered FROM articles WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredArticle(ArticleJson.Deserialize(reader.GetString(0)), reader.GetInt64(1) != 0) : null;
    });

    public async Task<StoredArticle?> LookUpAsync(string id)
    {
        StoredArticle? stored = null;
        await db.WriteAsync(writer =>
        {
            using var reader = writer.Command("SELECT json, delivered FROM articles WHERE id = $id", ("$id", id)).ExecuteReader();
            stored = reader.Read() ? new StoredArticle(ArticleJson.Deserialize(reader.GetString(0)), reader.GetInt64(1) != 0) : null;
        });
        return stored;
    }

    /// <summary>Deferred: joins the next commit (<see cref="SqliteDatabase.WriteDeferredAsync"/>), so under load it costs no commit of its own.</summary>
    public Task MarkDeliveredAsync(string id) => db.WriteDeferredAsync(writer =>
    {
        if (writer.Command("UPDATE articles SET delivered = 1 WHERE id = $id", ("$id", id)).ExecuteNonQuery() != 1) throw new InvalidOperationException($"Article {id} is not stored.");
    });

    public async Task<int> DeleteExpiredAsync(DateTime cutoff, int max)
    {
        var deleted = 0;
        await db.WriteAsync(writer =>
        {
            // An article is in a history when any of its feeds still has a row for it (the (feed, article_id) index).
            var command = writer.Command(
                "DELETE FROM articles WHERE id IN (SELECT a.id FROM articles a WHERE a.published_at < $cutoff AND NOT EXISTS ("
                + "SELECT 1 FROM json_each(a.json, '$.feeds') j JOIN feed_items f ON f.feed = j.value AND f.article_id = a.id) "
                + "LIMIT $max)",
                ("$cutoff", UnixMilliseconds(cutoff)), ("$max", max));
            deleted = command.ExecuteNonQuery();
        });
        return deleted;
    }

    public Task ReclaimSpaceAsync() => db.MaintainAsync(writer =>
    {
        writer.Execute("PRAGMA incremental_vacuum;");
        writer.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
    });

    /// <summary>Stores the article as not yet delivered unless its id is stored: inside a feed's append, so an article is stored exactly when a feed holds it.</summary>
    internal static void StorePending(SqliteWriter writer, Article article, string json) =>
        writer.Command(
            "INSERT INTO articles (id, json, delivered, published_at) VALUES ($id, $json, 0, $at) ON CONFLICT (id) DO NOTHING",
            ("$id", article.Id), ("$json", json), ("$at", UnixMilliseconds(article.PublishedAt))).ExecuteNonQuery();

    private static long UnixMilliseconds(DateTime time) =>
        new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
