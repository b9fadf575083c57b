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

    public Task SavePendingAsync(Article article)
    {
        var json = ArticleJson.Serialize(article);
        return db.WriteAsync(connection =>
        {
            using var command = SqliteDatabase.Command(connection,
                "INSERT INTO articles (id, json, delivered, published_at) VALUES ($id, $json, 0, $at) "
                + "ON CONFLICT (id) DO UPDATE SET json = excluded.json, published_at = excluded.published_at WHERE delivered = 0",
                ("$id", article.Id), ("$json", json), ("$at", UnixMilliseconds(article.PublishedAt)));
            command.ExecuteNonQuery();
        });
    }

    public Task MarkDeliveredAsync(string id) => db.WriteAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "UPDATE articles SET delivered = 1 WHERE id = $id", ("$id", id));
        if (command.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Article {id} is not stored.");
    });

    public async Task<int> DeleteExpiredAsync(DateTime cutoff, int max)
    {
        var deleted = 0;
        await db.WriteAsync(connection =>
        {
            // An article is in a history when any of its feeds still has a row for it (the (feed, article_id) index).
            using var command = SqliteDatabase.Command(connection,
                "DELETE FROM articles WHERE id IN (SELECT a.id FROM articles a WHERE a.published_at < $cutoff AND NOT EXISTS ("
                + "SELECT 1 FROM json_each(a.json, '$.feeds') j JOIN feed_items f ON f.feed = j.value AND f.article_id = a.id) "
                + "LIMIT $max)",
                ("$cutoff", UnixMilliseconds(cutoff)), ("$max", max));
            deleted = command.ExecuteNonQuery();
        });
        return deleted;
    }

    public Task ReclaimSpaceAsync() => db.MaintainAsync(connection =>
    {
        using var vacuum = SqliteDatabase.Command(connection, "PRAGMA incremental_vacuum;");
        vacuum.ExecuteNonQuery();
        using var checkpoint = SqliteDatabase.Command(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        checkpoint.ExecuteNonQuery();
    });

    private static long UnixMilliseconds(DateTime time) =>
        new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
