using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Feed.EndToEnd.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task After_a_restart_feeds_keep_history_and_seq_and_known_ids_are_duplicates_delivered_to_nobody()
    {
        await using var host = await FeedHost.StartAsync();
        using (var http = host.CreateHttpClient())
        {
            for (var i = 1; i <= 3; i++) await Stories.PublishAsync(http, Stories.Tagged($"r-{i}", $"Before restart {i}", ["AZ", "KR"]));
        }

        await host.RestartAsync();

        using var again = host.CreateHttpClient();
        var feed = await again.GetFromJsonAsync<JsonElement>("api/feeds/relation:AZ-KR?after=0");
        Assert.Equal(3, feed.GetProperty("head").GetInt64());
        Assert.Equal(["r-1", "r-2", "r-3"], feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetString()));

        await using var client = await LiveClient.ConnectAsync(host);
        await client.SubscribeAsync("relation:AZ-KR", after: 3);
        var duplicate = await again.PostAsJsonAsync("api/articles", Stories.Tagged("r-2", "Sent twice", ["AZ", "KR"]));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<PublishAnswer>())!.Duplicate);

        await Stories.PublishAsync(again, Stories.Tagged("r-4", "After restart", ["AZ", "KR"]));
        var next = await client.NextAsync("the first article after the restart");
        Assert.Equal(("r-4", 4L), (next.Article.Id, next.Seq));
        await host.WaitUntilRelayedAsync("relation:AZ-KR");
        Assert.Empty(await client.DrainAsync());
    }
}
