using System.Net;
using System.Text.Json;
using Feed.Cli;

namespace Feed.Client.Tests;

/// <summary><c>feed sources</c> in-process against answers given by the test: its output, its exit codes, what it asks.</summary>
public sealed class SourcesCommandTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(StubHandler stub, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, TextReader.Null, _ => null, stub);
        var code = await CliApp.RunAsync([.. args, "--server", "http://feed.test:5080", "--key", "the-key"], context);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static StubHandler Answering(HttpStatusCode status, string json) => new(_ => StubHandler.Json(status, json));

    private static StubHandler NotFound() => new(_ => StubHandler.Problem(HttpStatusCode.NotFound, "Not Found", "No source with id 'gone'."));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task List_prints_a_table_row_per_source_or_the_servers_json()
    {
        var stub = Answering(HttpStatusCode.OK, TestSources.ListJson(TestSources.Polled(), TestSources.Polled("src-down", "Down Wire", 503, 0, "Refused.")));

        var table = await RunAsync(stub, "sources", "list");
        Assert.True(table.Code == ExitCodes.Ok, table.Error);
        var lines = Lines(table.Out);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ID ", lines[0]);
        Assert.EndsWith("LAST ERROR", lines[0]);
        Assert.StartsWith("src-1 ", lines[1]);
        Assert.Contains("Example News", lines[1]);
        Assert.StartsWith("src-down ", lines[2]);
        Assert.EndsWith("Refused.", lines[2]);
        // Aligned: a column's cells start where its heading does.
        Assert.Equal(lines[0].IndexOf("ARTICLES", StringComparison.Ordinal), lines[1].IndexOf(" 12 ", StringComparison.Ordinal) + 1);
        Assert.Equal(lines[0].IndexOf("LAST ERROR", StringComparison.Ordinal), lines[2].IndexOf("Refused.", StringComparison.Ordinal));

        var json = await RunAsync(stub, "sources", "list", "--json");
        Assert.Equal(ExitCodes.Ok, json.Code);
        var sources = JsonDocument.Parse(json.Out).RootElement.GetProperty("sources");
        Assert.Equal(["src-1", "src-down"], sources.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(503, sources[1].GetProperty("lastStatus").GetInt32());
        Assert.Equal(JsonValueKind.Null, sources[0].GetProperty("lastError").ValueKind);
        Assert.All(stub.Requests, r => Assert.Equal(("/api/sources", "the-key"), (r.Path, r.Key)));
    }

    [Fact]
    public async Task List_says_when_there_are_no_sources()
    {
        var result = await RunAsync(Answering(HttpStatusCode.OK, """{"sources":[]}"""), "sources", "list");
        Assert.Equal((ExitCodes.Ok, "(no sources)"), (result.Code, result.Out.Trim()));
    }

    [Fact]
    public async Task Add_says_added_or_already_following_and_exits_0_both_times()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.Created, HttpStatusCode.OK]);
        var stub = new StubHandler(_ => StubHandler.Json(answers.Dequeue(), TestSources.Json(TestSources.Polled())));

        var added = await RunAsync(stub, "sources", "add", "https://news.example/src-1.rss", "--title", "Example News", "--poll-seconds", "300");
        var again = await RunAsync(stub, "sources", "add", "https://news.example/src-1.rss");

        Assert.True(added.Code == ExitCodes.Ok, added.Error);
        Assert.Equal("Added source src-1: Example News (https://news.example/src-1.rss)", added.Out.Trim());
        Assert.Equal(ExitCodes.Ok, again.Code);
        Assert.Equal("Already following source src-1: Example News (https://news.example/src-1.rss)", again.Out.Trim());
        var body = JsonDocument.Parse(stub.Requests[0].Body!).RootElement;
        Assert.Equal(("Example News", 300), (body.GetProperty("title").GetString(), body.GetProperty("pollSeconds").GetInt32()));
    }

    [Fact]
    public async Task Add_rejected_by_the_server_shows_its_field_messages_and_exits_5()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errorsJson: """{"url":["The URL points to a private address."]}"""));

        var result = await RunAsync(stub, "sources", "add", "http://10.1.2.3/feed");

        Assert.Equal(ExitCodes.Rejected, result.Code);
        Assert.Contains("error: 400 One or more validation errors occurred.", result.Error);
        Assert.Contains("  url: The URL points to a private address.", result.Error);
    }

    [Fact]
    public async Task A_malformed_url_or_a_missing_key_is_a_usage_error_before_any_call()
    {
        var stub = Answering(HttpStatusCode.OK, """{"sources":[]}""");

        var notHttp = await RunAsync(stub, "sources", "add", "ftp://news.example/feed");
        Assert.Equal(ExitCodes.Usage, notHttp.Code);
        Assert.Contains("'ftp://news.example/feed' is not a feed address", notHttp.Error);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["sources", "list", "--server", "http://feed.test:5080"], new CliContext(stdout, stderr, TextReader.Null, _ => null, stub));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("sources need a publisher key", stderr.ToString());

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Show_poll_and_remove_of_a_missing_source_exit_6_naming_the_id()
    {
        foreach (var command in new[] { "show", "poll", "remove" })
        {
            var result = await RunAsync(NotFound(), "sources", command, "gone");
            Assert.True(result.Code == ExitCodes.NotFound, $"{command}: {result.Code} {result.Error}");
            Assert.Equal("error: no source with id 'gone'.", result.Error.Trim());
        }
    }

    [Fact]
    public async Task Show_prints_every_field_or_the_servers_json()
    {
        var stub = Answering(HttpStatusCode.OK, TestSources.Json(TestSources.Polled()));

        var text = await RunAsync(stub, "sources", "show", "src-1");
        Assert.True(text.Code == ExitCodes.Ok, text.Error);
        Assert.Contains("url          https://news.example/src-1.rss", text.Out);
        Assert.Contains("last polled  2026-11-29T07:55:00Z (", text.Out);
        Assert.Contains("articles     12", text.Out);

        var json = await RunAsync(stub, "sources", "show", "src-1", "--json");
        Assert.Equal(12, JsonDocument.Parse(json.Out).RootElement.GetProperty("articlesIngested").GetInt64());
    }

    [Fact]
    public async Task Poll_says_what_the_poll_did_and_exits_1_when_the_fetch_failed()
    {
        var ok = await RunAsync(Answering(HttpStatusCode.OK, TestSources.Json(TestSources.Polled())), "sources", "poll", "src-1");
        Assert.True(ok.Code == ExitCodes.Ok, ok.Error);
        Assert.StartsWith("Polled source src-1: Example News (https://news.example/src-1.rss): status 200, 12 articles ingested", ok.Out);

        var failed = await RunAsync(Answering(HttpStatusCode.OK, TestSources.Json(TestSources.Polled(status: 502, error: "The server answered 502 Bad Gateway."))),
            "sources", "poll", "src-1");
        Assert.Equal(ExitCodes.Failed, failed.Code);
        Assert.Contains("status 502", failed.Out);
        Assert.Equal("error: polling src-1 failed: The server answered 502 Bad Gateway.", failed.Error.Trim());
    }

    [Fact]
    public async Task Remove_says_removed()
    {
        var stub = new StubHandler(_ => StubHandler.Empty(HttpStatusCode.NoContent));

        var result = await RunAsync(stub, "sources", "remove", "src-1");

        Assert.Equal((ExitCodes.Ok, "Removed source src-1."), (result.Code, result.Out.Trim()));
        Assert.Equal((HttpMethod.Delete, "/api/sources/src-1"), (stub.Requests.Single().Method, stub.Requests.Single().Path));
    }

    [Fact]
    public async Task A_refused_key_exits_4()
    {
        var result = await RunAsync(new StubHandler(_ => StubHandler.Problem(HttpStatusCode.Unauthorized, "Unauthorized")), "sources", "list");

        Assert.Equal(ExitCodes.Unauthorized, result.Code);
        Assert.Contains("refused the publisher key (401", result.Error);
    }
}
