using System.Net;
using System.Text.Json;

namespace Feed.Client.Tests;

/// <summary>The client's source calls against answers given in-process: what it sends, how it reads what comes back.</summary>
public sealed class SourcesApiTests
{
    private static readonly Uri Server = new("http://feed.test:5080/");

    private static FeedApi Api(StubHandler stub, params Uri[] servers) =>
        new(new FeedClientOptions { Servers = servers.Length > 0 ? [.. servers] : [Server], ApiKey = "the-key" }, stub);

    [Fact]
    public async Task Add_sends_the_url_title_and_interval_with_the_key_and_tells_a_new_source_from_one_already_followed()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.Created, HttpStatusCode.OK]);
        var stub = new StubHandler(_ => StubHandler.Json(answers.Dequeue(), TestSources.Json(TestSources.Polled())));
        using var api = Api(stub);

        var first = await api.Sources.AddSourceAsync("https://news.example/src-1.rss", "Example News", 300);
        var again = await api.Sources.AddSourceAsync("https://news.example/src-1.rss", "Example News", 300);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(TestSources.Polled(), again.Source);
        var asked = stub.Requests[0];
        Assert.Equal((HttpMethod.Post, "/api/sources", "the-key"), (asked.Method, asked.Path, asked.Key));
        var body = JsonDocument.Parse(asked.Body!).RootElement;
        Assert.Equal("https://news.example/src-1.rss", body.GetProperty("url").GetString());
        Assert.Equal("Example News", body.GetProperty("title").GetString());
        Assert.Equal(300, body.GetProperty("pollSeconds").GetInt32());
    }

    [Fact]
    public async Task Add_without_title_or_interval_leaves_them_out_so_the_servers_defaults_apply()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, TestSources.Json(TestSources.NeverPolled())));
        using var api = Api(stub);

        await api.Sources.AddSourceAsync("https://news.example/src-new.rss");

        var body = JsonDocument.Parse(stub.Requests.Single().Body!).RootElement;
        Assert.Equal(["url"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_listed_source_reads_every_field_of_the_contract()
    {
        const string json = """
            {"sources":[
              {"id":"s1","url":"https://news.example/rss","title":"Example News","pollSeconds":300,
               "lastPolledAt":"2026-11-29T07:55:00Z","nextPollAt":"2026-11-29T08:00:00.5Z","lastStatus":304,
               "lastError":null,"articlesIngested":5000000000},
              {"id":"s2","url":"https://down.example/feed","title":"Down","pollSeconds":60,
               "lastPolledAt":null,"nextPollAt":null,"lastStatus":null,"lastError":"The connection was refused.","articlesIngested":0}
            ]}
            """;
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, json));
        using var api = Api(stub);

        var sources = await api.Sources.ListSourcesAsync();

        Assert.Equal((HttpMethod.Get, "/api/sources", "the-key"), (stub.Requests[0].Method, stub.Requests[0].Path, stub.Requests[0].Key));
        Assert.Equal(2, sources.Count);
        var s1 = sources[0];
        Assert.Equal(("s1", "https://news.example/rss", "Example News", 300), (s1.Id, s1.Url, s1.Title, s1.PollSeconds));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 7, 55, 0, TimeSpan.Zero), s1.LastPolledAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 0, 500, TimeSpan.Zero), s1.NextPollAt);
        Assert.Equal((304, (string?)null, 5_000_000_000L), (s1.LastStatus, s1.LastError, s1.ArticlesIngested));
        var s2 = sources[1];
        Assert.Null(s2.LastPolledAt);
        Assert.Null(s2.NextPollAt);
        Assert.Null(s2.LastStatus);
        Assert.Equal("The connection was refused.", s2.LastError);
    }

    [Fact]
    public async Task Get_poll_and_remove_address_the_source_by_its_escaped_id()
    {
        var stub = new StubHandler(asked => asked.Method == HttpMethod.Delete
            ? StubHandler.Empty(HttpStatusCode.NoContent)
            : StubHandler.Json(HttpStatusCode.OK, TestSources.Json(TestSources.Polled("a b/c"))));
        using var api = Api(stub);

        Assert.Equal("a b/c", (await api.Sources.GetSourceAsync("a b/c"))!.Id);
        Assert.Equal(200, (await api.Sources.PollSourceAsync("a b/c"))!.LastStatus);
        Assert.True(await api.Sources.RemoveSourceAsync("a b/c"));

        Assert.Equal(
            [("GET", "/api/sources/a%20b%2Fc"), ("POST", "/api/sources/a%20b%2Fc/poll"), ("DELETE", "/api/sources/a%20b%2Fc")],
            stub.Requests.Select(r => (r.Method.Method, r.Uri.AbsolutePath)));
        Assert.All(stub.Requests, r => Assert.Equal("the-key", r.Key));
    }

    [Fact]
    public async Task A_missing_source_is_null_to_get_and_poll_and_false_to_remove()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.NotFound, "Not Found", "No source with id 'gone'."));
        using var api = Api(stub);

        Assert.Null(await api.Sources.GetSourceAsync("gone"));
        Assert.Null(await api.Sources.PollSourceAsync("gone"));
        Assert.False(await api.Sources.RemoveSourceAsync("gone"));
    }

    [Fact]
    public async Task A_rejected_source_is_a_FeedApiException_with_the_servers_field_messages()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.BadRequest, "One or more validation errors occurred.", errorsJson:
            """{"url":["The URL points to a private address."],"pollSeconds":["Poll at most every 60 seconds."]}"""));
        using var api = Api(stub);

        var rejected = await Assert.ThrowsAsync<FeedApiException>(() => api.Sources.AddSourceAsync("http://10.0.0.1/feed", pollSeconds: 5));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("One or more validation errors occurred.", rejected.Title);
        Assert.Equal(["The URL points to a private address."], rejected.Errors["url"]);
        Assert.Equal(["Poll at most every 60 seconds."], rejected.Errors["pollSeconds"]);
        Assert.Equal(Server, rejected.Server);
    }

    [Fact]
    public async Task A_refused_key_is_a_401_FeedApiException_for_every_call()
    {
        var stub = new StubHandler(_ => StubHandler.Problem(HttpStatusCode.Unauthorized, "Unauthorized"));
        using var api = Api(stub);

        foreach (var call in new Func<Task>[]
                 {
                     () => api.Sources.ListSourcesAsync(), () => api.Sources.GetSourceAsync("s1"), () => api.Sources.PollSourceAsync("s1"),
                     () => api.Sources.RemoveSourceAsync("s1"), () => api.Sources.AddSourceAsync("https://news.example/rss"),
                 })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<FeedApiException>(call)).StatusCode);
    }

    [Fact]
    public async Task Source_calls_are_sent_to_the_next_server_after_a_timeout_where_a_publish_is_not()
    {
        var slow = new Uri("http://slow.test:5080/");
        var stub = new StubHandler(asked =>
        {
            // What HttpClient throws when its own timeout ends a request.
            if (asked.Uri.Host == slow.Host) throw new TaskCanceledException("The request timed out.");
            return asked.Method == HttpMethod.Delete
                ? StubHandler.Empty(HttpStatusCode.NoContent)
                : StubHandler.Json(HttpStatusCode.Created, TestSources.Json(TestSources.Polled()));
        });

        // A fresh client per call, so each one starts at the slow server.
        foreach (var call in new Func<SourcesApi, Task>[]
                 {
                     s => s.AddSourceAsync("https://news.example/src-1.rss"), s => s.PollSourceAsync("src-1"), s => s.RemoveSourceAsync("src-1"),
                 })
        {
            using var api = Api(stub, slow, Server);
            await call(api.Sources);
        }
        using (var api = Api(stub, slow, Server))
            await Assert.ThrowsAsync<FeedUnreachableException>(() => api.PublishAsync(TestArticles.Tagged("p1", "Publish", "AZ")));

        Assert.Equal(
            ["slow.test POST /api/sources", "feed.test POST /api/sources", "slow.test POST /api/sources/src-1/poll", "feed.test POST /api/sources/src-1/poll",
             "slow.test DELETE /api/sources/src-1", "feed.test DELETE /api/sources/src-1", "slow.test POST /api/articles"],
            stub.Requests.Select(r => $"{r.Uri.Host} {r.Method} {r.Path}"));
    }
}
