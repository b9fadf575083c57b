using Feed.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EndToEnd.Tests;

public sealed class RetentionTests : IAsyncLifetime
{
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:HistoryLimit"] = "2",
        ["Feed:CachedItems"] = "2",
        ["Feed:Retention"] = "30.00:00:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Article(string id, string country, DateTimeOffset publishedAt) => new
    {
        id, headline = $"Retention {id}", body = "A note for the retention test.", countries = new[] { country }, autoTag = false, publishedAt,
    };

    [Fact]
    public async Task Articles_past_retention_are_deleted_with_their_space_reclaimed_unless_a_history_still_holds_them()
    {
        using var http = _host.CreateHttpClient();
        var old = DateTimeOffset.UtcNow.AddDays(-60);
        // History keeps 2 items per feed: of four old Norwegian articles, the first two have left country:NO's history.
        for (var i = 1; i <= 4; i++) await Stories.PublishAsync(http, Article($"old-no-{i}", "NO", old.AddMinutes(i)));
        // Young articles stay whatever their feed's history holds.
        for (var i = 1; i <= 3; i++) await Stories.PublishAsync(http, Article($"young-se-{i}", "SE", DateTimeOffset.UtcNow.AddDays(-1)));

        var deleted = await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0).Sweep(now: true);

        Assert.Equal(2, deleted);
        var store = _host.Services.GetRequiredService<IArticleStore>();
        foreach (var gone in new[] { "old-no-1", "old-no-2" }) Assert.Null(await store.GetAsync(gone));
        foreach (var kept in new[] { "old-no-3", "old-no-4", "young-se-1", "young-se-2", "young-se-3" }) Assert.NotNull(await store.GetAsync(kept));
        await using var file = new SqliteConnection($"Data Source={Path.Combine(_host.Folder, "feed.db")}");
        await file.OpenAsync();
        await using var free = file.CreateCommand();
        free.CommandText = "PRAGMA freelist_count";
        Assert.Equal(0L, (long)(await free.ExecuteScalarAsync())!);
        Assert.Equal(0, await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0).Sweep(now: true));
    }
}
