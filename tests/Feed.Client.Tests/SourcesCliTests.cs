using System.Text.Json;
using Feed.Cli;
using Microsoft.AspNetCore.Http;

namespace Feed.Client.Tests;

/// <summary>One web front that may follow loopback sources, and a local feed document for it to follow.</summary>
public sealed class SourcesCliHost : IAsyncLifetime
{
    public const string Title = "Local Wire";
    public const string Path = "/news.rss";

    public FeedHost Host { get; private set; } = null!;
    public DocumentServer Documents { get; private set; } = null!;
    public string Server => Host.BaseAddress.ToString();
    public string DocumentUrl => Documents.UrlOf(Path);

    public async Task InitializeAsync()
    {
        Documents = await DocumentServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        string[] headlines = ["Azerbaijan and South Korea sign a trade deal", "Seoul hosts a Baku delegation", "Korea and Azerbaijan open direct flights"];
        var document = Rss.Document(Title, headlines.Select((headline, i) => new Rss.Item($"local-{i + 1}", headline,
            $"{headline}: the story as the local test document tells it.", now.AddMinutes(-10 * (i + 1)), $"http://127.0.0.1/news/{i + 1}")).ToArray());
        // Served without validators, so every poll fetches the whole document and shows 200 (not 304 after the first).
        Documents.Route(Path, http =>
        {
            http.Response.ContentType = "application/rss+xml; charset=utf-8";
            return http.Response.WriteAsync(document);
        });
        Host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Sources:AllowPrivateAddresses"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Documents.DisposeAsync();
    }
}

/// <summary>
/// <c>feed sources</c> end to end, in-process, against a real web front following a real (local) feed document.
/// Needs the server's source endpoints (contract: "Sources").
/// </summary>
[Trait("needs", "sources-server")]
public sealed class SourcesCliTests(SourcesCliHost fixture) : IClassFixture<SourcesCliHost>
{
    private string[] Args(params string[] args) => [.. args, "--server", fixture.Server, "--key", FeedHost.PublisherKey];

    private async Task<IReadOnlyList<JsonElement>> ListedAsync()
    {
        var listed = await CliRun.RunAsync(Args("sources", "list", "--json"));
        Assert.True(listed.Code == ExitCodes.Ok, listed.Error);
        return JsonDocument.Parse(listed.Out).RootElement.GetProperty("sources").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Add_list_poll_then_remove_a_source_served_from_a_local_feed_document()
    {
        var url = fixture.DocumentUrl;

        var added = await CliRun.RunAsync(Args("sources", "add", url, "--title", SourcesCliHost.Title, "--poll-seconds", "3600"));
        Assert.True(added.Code == ExitCodes.Ok, added.Error);
        Assert.StartsWith("Added source ", added.Out);
        Assert.Contains($": {SourcesCliHost.Title} ({url})", added.Out);

        var id = Assert.Single(await ListedAsync(), s => s.GetProperty("title").GetString() == SourcesCliHost.Title).GetProperty("id").GetString()!;

        var again = await CliRun.RunAsync(Args("sources", "add", url));
        Assert.True(again.Code == ExitCodes.Ok, again.Error);
        Assert.StartsWith($"Already following source {id}: ", again.Out);

        var table = await CliRun.RunAsync(Args("sources", "list"));
        Assert.True(table.Code == ExitCodes.Ok, table.Error);
        Assert.StartsWith("ID ", table.Out);
        Assert.Contains(table.Out.Split('\n'), line => line.StartsWith(id + " ") && line.Contains(SourcesCliHost.Title));

        var polled = await CliRun.RunAsync(Args("sources", "poll", id, "--json"));
        Assert.True(polled.Code == ExitCodes.Ok, polled.Error);
        var source = JsonDocument.Parse(polled.Out).RootElement;
        Assert.Equal(200, source.GetProperty("lastStatus").GetInt32());
        Assert.True(source.GetProperty("articlesIngested").GetInt64() > 0, polled.Out);
        Assert.Equal(JsonValueKind.Null, source.GetProperty("lastError").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, source.GetProperty("lastPolledAt").ValueKind);
        Assert.NotEmpty(fixture.Documents.RequestsTo(SourcesCliHost.Path));

        var shown = await CliRun.RunAsync(Args("sources", "show", id));
        Assert.True(shown.Code == ExitCodes.Ok, shown.Error);
        Assert.Contains("last status  200", shown.Out);

        var removed = await CliRun.RunAsync(Args("sources", "remove", id));
        Assert.True(removed.Code == ExitCodes.Ok, removed.Error);
        Assert.Equal($"Removed source {id}.", removed.Out.Trim());

        var gone = await CliRun.RunAsync(Args("sources", "show", id));
        Assert.Equal(ExitCodes.NotFound, gone.Code);
        Assert.Contains($"no source with id '{id}'", gone.Error);
        Assert.DoesNotContain(await ListedAsync(), s => s.GetProperty("id").GetString() == id);

        var removedAgain = await CliRun.RunAsync(Args("sources", "remove", id));
        Assert.Equal(ExitCodes.NotFound, removedAgain.Code);
    }

    [Fact]
    public async Task A_poll_interval_under_the_minimum_is_rejected_with_the_servers_message_and_a_wrong_key_is_refused()
    {
        var tooOften = await CliRun.RunAsync(Args("sources", "add", "http://127.0.0.1:9/too-often.rss", "--poll-seconds", "0"));
        Assert.True(tooOften.Code == ExitCodes.Rejected, $"{tooOften.Code}: {tooOften.Error}");
        Assert.Contains("error: 400 ", tooOften.Error);
        Assert.Contains("ollSeconds: ", tooOften.Error); // pollSeconds or PollSeconds, as the server names the field

        var wrongKey = await CliRun.RunAsync(["sources", "list", "--server", fixture.Server, "--key", "not-the-key"]);
        Assert.Equal(ExitCodes.Unauthorized, wrongKey.Code);
        Assert.Contains("refused the publisher key (401", wrongKey.Error);
    }
}
