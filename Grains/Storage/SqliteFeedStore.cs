using Microsoft.Data.Sqlite;

namespace Feed.Grains.Storage;

public sealed class SqliteFeedStore(SqliteDatabase db) : IFeedStore
{
    private const string SelectItems =
        "SELECT f.seq, a.json FROM feed_items f JOIN articles a ON a.id = f.article_id WHERE f.feed = $feed ";

    public Task<FeedBounds> ReadBoundsAsync(string feed) => db.ReadAsync(connection =>
    {
        using var command = SqliteDatabase.Command(connection,
            "SELECT COALESCE(MAX(seq), 0), COALESCE(MIN(seq), 0) FROM feed_items WHERE feed = $feed", ("$feed", feed));
        using var reader = command.ExecuteReader();
        reader.Read();
        var head = reader.GetInt64(0);
        return new FeedBounds(head, head == 0 ? 1 : reader.GetInt64(1));
    });

    public Task<IReadOnlyList<FeedItem>> ReadAfterAsync(string feed, long after, int limit) => db.ReadAsync(connection =>
        Items(connection, feed, SelectItems + "AND f.seq > $after ORDER BY f.seq LIMIT $limit", ("$after", after), ("$limit", limit)));

    public Task<IReadOnlyList<FeedItem>> ReadLatestAsync(string feed, int count) => db.ReadAsync(connection =>
    {
        var newestFirst = Items(connection, feed, SelectItems + "ORDER BY f.seq DESC LIMIT $limit", ("$limit", count));
        return (IReadOnlyList<FeedItem>)newestFirst.Reverse().ToArray();
    });

    public Task<FeedItem?> FindAsync(string feed, string articleId) => db.ReadAsync(connection =>
        Items(connection, feed, SelectItems + "AND f.article_id = $id", ("$id", articleId)).FirstOrDefault());

    public Task AppendAsync(string feed, IReadOnlyList<FeedItem> items, long keepAbove)
    {
        // Serialized here, on the caller's thread, so the one writer thread only writes.
        var articles = items.Select(i => ArticleJson.Serialize(i.Article)).ToArray();
        return db.WriteAsync(writer => Append(writer, feed, items, articles, keepAbove));
    }

    private static void Append(SqliteWriter writer, string feed, IReadOnlyList<FeedItem> items, string[] articles, long keepAbove)
    {
        var stored = (long)writer.Command("SELECT COALESCE(MAX(seq), 0) FROM feed_items WHERE feed = $feed", ("$feed", feed)).ExecuteScalar()!;
        if (stored != items[0].Seq - 1)
            throw new InvalidOperationException($"Feed {feed}: seq {items[0].Seq} does not follow the stored head {stored}.");
        var insert = writer.Command(
            "INSERT INTO feed_items (feed, seq, article_id) VALUES ($feed, $seq, $article)",
            ("$feed", feed), ("$seq", 0L), ("$article", ""));
        for (var i = 0; i < items.Count; i++)
        {
            insert.Parameters["$seq"].Value = items[i].Seq;
            insert.Parameters["$article"].Value = items[i].Article.Id;
            insert.ExecuteNonQuery();
        }
        // After the rows, so the kept insert command's parameters are not rebound between its executions.
        for (var i = 0; i < items.Count; i++) SqliteArticleStore.StorePending(writer, items[i].Article, articles[i]);
        if (keepAbove > 0)
        {
            writer.Command("DELETE FROM feed_items WHERE feed = $feed AND seq <= $keepAbove", ("$feed", feed), ("$keepAbove", keepAbove))
                .ExecuteNonQuery();
        }
    }

    private static IReadOnlyList<FeedItem> Items(SqliteConnection connection, string feed, string sql, params (string, object?)[] parameters)
    {
        using var command = SqliteDatabase.Command(connection, sql, [("$feed", feed), .. parameters]);
        using var reader = command.ExecuteReader();
        var items = new List<FeedItem>();
        while (reader.Read()) items.Add(new FeedItem(feed, reader.GetInt64(0), ArticleJson.Deserialize(reader.GetString(1))));
        return items;
    }
}
