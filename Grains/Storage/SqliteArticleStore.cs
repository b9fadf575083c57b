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
                "INSERT INTO articles (id, json, delivered) VALUES ($id, $json, 0) "
                + "ON CONFLICT (id) DO UPDATE SET json = excluded.json WHERE delivered = 0",
                ("$id", article.Id), ("$json", json));
            command.ExecuteNonQuery();
        });
    }

    public Task MarkDeliveredAsync(string id) => db.WriteAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection, "UPDATE articles SET delivered = 1 WHERE id = $id", ("$id", id));
        if (command.ExecuteNonQuery() != 1) throw new InvalidOperationException($"Article {id} is not stored.");
    });
}
