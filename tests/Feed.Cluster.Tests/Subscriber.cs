namespace Feed.Cluster.Tests;

/// <summary>Checks on what a live client received: each article once, each feed's seqs increasing.</summary>
public static class Subscriber
{
    public static async Task ReceiveAllAsync(LiveClient client, IReadOnlyCollection<string> articleIds, TimeSpan limit, string who)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!articleIds.All(id => client.Received.Any(r => r.Article.Id == id)))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                var missing = articleIds.Where(id => client.Received.All(r => r.Article.Id != id));
                throw new TimeoutException($"{who} never received: {string.Join(", ", missing)}");
            }
            await client.NextAsync($"the next article for {who}", seconds: Math.Max(1, (int)left.TotalSeconds));
        }
    }

    public static void AssertOnceAndInOrder(LiveClient client, IEnumerable<FeedItem>? earlier = null)
    {
        var all = (earlier ?? []).Concat(client.Received).ToList();
        var twice = all.GroupBy(i => i.Article.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(twice.Length == 0, $"received twice: {string.Join(", ", twice)}");
        foreach (var feed in all.GroupBy(i => i.Feed))
        {
            var seqs = feed.Select(i => i.Seq).ToArray();
            Assert.True(seqs.Zip(seqs.Skip(1)).All(p => p.First < p.Second), $"{feed.Key} out of order: {string.Join(",", seqs)}");
        }
    }

    public static object Article(string id, params string[] countries) => new
    {
        id,
        headline = "Cluster test " + id,
        body = "An article for the cluster tests.",
        countries,
        autoTag = false,
    };
}
