namespace Feed.EndToEnd.Tests;

public sealed class EventStreamRestartTests
{
    [Fact]
    public async Task A_stream_cut_by_a_server_restart_resumes_with_its_last_id_and_loses_nothing()
    {
        await using var host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Events:HeartbeatInterval"] = "00:00:00.100" });
        const string follow = "relation:AZ-KR,topic:economy";
        await using var first = await EventStreamClient.ConnectAsync(host.BaseAddress, follow);
        using (var http = host.CreateHttpClient())
        {
            await Stories.PublishAsync(http, Stories.Tagged("restart-0", "Before the restart", ["AZ", "KR"]));
        }
        await first.NextAsync("the article before the restart");

        await host.StopAsync();
        await Eventually.TrueAsync(() => first.Ended, TimeSpan.FromSeconds(10), "the stream to end when the server stops");
        await host.StartAgainAsync();
        using var again = host.CreateHttpClient();
        await Stories.PublishAsync(again, Stories.Tagged("restart-1", "While away, relation", ["AZ", "KR"]));
        await Stories.PublishAsync(again, Stories.Tagged("restart-2", "While away, topic", ["FR"], ["economy"]));

        await using var back = await EventStreamClient.ConnectAsync(host.BaseAddress, follow, first.LastEventId);
        var missed = new[] { await back.NextAsync("the first missed article"), await back.NextAsync("the second missed article") };
        await Stories.PublishAsync(again, Stories.Tagged("restart-3", "Live after the restart", ["AZ", "KR"]));
        var live = await back.NextAsync("the live article after the restart");

        Assert.Equal(["restart-1", "restart-2"], missed.Select(m => m.Article.Id).Order());
        Assert.Equal("restart-3", live.Article.Id);
        Assert.Empty(await back.DrainAsync(host, "relation:AZ-KR", "topic:economy"));
    }
}
