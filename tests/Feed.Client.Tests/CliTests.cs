using System.Text.Json;
using Feed.Cli;

namespace Feed.Client.Tests;

/// <summary>One web front for the command's tests; each test uses feeds of its own.</summary>
public sealed class CliHost : IAsyncLifetime
{
    public FeedHost Host { get; private set; } = null!;
    public FeedApi Api { get; private set; } = null!;
    public string Server => Host.BaseAddress.ToString();

    public async Task InitializeAsync()
    {
        Host = await FeedHost.StartAsync(new Dictionary<string, string?> { ["Feed:Api:MaxArticleBytes"] = "4096" });
        Api = new FeedApi(TestClients.Options(Host));
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>The feed command end to end, in-process, against a real web front.</summary>
public sealed class CliTests(CliHost fixture) : IClassFixture<CliHost>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feed-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Args(params string[] args) => [.. args, "--server", fixture.Server, "--key", FeedHost.PublisherKey];

    private string File(string name, params object[] articles)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllLines(path, articles.Select(a => a as string ?? JsonSerializer.Serialize(a)));
        return path;
    }

    private static object Article(string id, string headline, params string[] countries) =>
        new { id, headline, body = "Written by the command-line tests.", countries, autoTag = false };

    [Fact]
    public async Task Publish_json_lines_then_again_reports_published_then_duplicates()
    {
        var file = File("three.jsonl", Article("cli-md-1", "Moldova one", "MD"), Article("cli-md-2", "Moldova two", "MD"), Article("cli-md-3", "Moldova three", "MD"));

        var first = await CliRun.RunAsync(Args("publish", file));
        Assert.True(first.Code == ExitCodes.Ok, first.Error);
        Assert.Contains("done: 3 published, 0 duplicates, 0 failed", first.Out);

        var again = await CliRun.RunAsync(Args("publish", file));
        Assert.Equal(ExitCodes.Ok, again.Code);
        Assert.Contains("done: 0 published, 3 duplicates, 0 failed", again.Out);

        var page = await fixture.Api.ReadFeedAsync("country:MD", after: 0);
        Assert.Equal(["cli-md-1", "cli-md-2", "cli-md-3"], page.Items.Select(i => i.Article.Id));
    }

    [Fact]
    public async Task Publish_one_pretty_printed_article_or_lines_from_standard_input_with_the_server_and_key_from_the_environment()
    {
        var path = Path.Combine(_folder, "one.json");
        await System.IO.File.WriteAllTextAsync(path, JsonSerializer.Serialize(Article("cli-lt-1", "Lithuania", "LT"), new JsonSerializerOptions { WriteIndented = true }));
        var environment = new Dictionary<string, string> { ["FEED_URL"] = fixture.Server, ["FEED_API_KEY"] = FeedHost.PublisherKey };

        var one = await CliRun.RunAsync(["publish", path], environment: environment);
        Assert.True(one.Code == ExitCodes.Ok, one.Error);
        Assert.Contains("published cli-lt-1 to country:LT", one.Out);

        var lines = string.Join('\n', JsonSerializer.Serialize(Article("cli-lt-2", "Lithuania 2", "LT")), "", JsonSerializer.Serialize(Article("cli-lt-3", "Lithuania 3", "LT")));
        var piped = await CliRun.RunAsync(["publish", "-"], stdin: lines, environment: environment);
        Assert.True(piped.Code == ExitCodes.Ok, piped.Error);
        Assert.Contains("done: 2 published, 0 duplicates, 0 failed", piped.Out);
    }

    [Fact]
    public async Task Rejected_articles_show_the_servers_field_messages_and_the_run_goes_on()
    {
        var single = await CliRun.RunAsync(Args("publish", File("no-headline.json", new { id = "cli-bad-1", body = "no headline" })));
        Assert.Equal(ExitCodes.Rejected, single.Code);
        Assert.Contains("400", single.Error);
        Assert.Contains("headline:", single.Error);

        var file = File("mixed.jsonl", Article("cli-ee-1", "Estonia", "EE"), new { id = "cli-ee-2", headline = "no body" }, "{\"headline\": broken", Article("cli-ee-4", "Estonia 4", "EE"));
        var mixed = await CliRun.RunAsync(Args("publish", file));
        Assert.Equal(ExitCodes.Rejected, mixed.Code);
        Assert.Contains("done: 2 published, 0 duplicates, 2 failed", mixed.Out);
        Assert.Contains("line 2: 400", mixed.Error);
        Assert.Contains("body:", mixed.Error);
        Assert.Contains("line 3: not valid JSON", mixed.Error);
    }

    [Fact]
    public async Task An_article_over_the_size_limit_is_413()
    {
        var result = await CliRun.RunAsync(Args("publish", File("big.json", new { id = "cli-big", headline = "Big", body = new string('x', 10_000) })));
        Assert.Equal(ExitCodes.Rejected, result.Code);
        Assert.Contains("413", result.Error);
    }

    [Fact]
    public async Task A_refused_or_missing_key_is_a_clear_error()
    {
        var file = File("key.json", Article("cli-key-1", "Key", "LV"));

        var wrong = await CliRun.RunAsync(["publish", file, "--server", fixture.Server, "--key", "not-the-key"]);
        Assert.Equal(ExitCodes.Unauthorized, wrong.Code);
        Assert.Contains("refused the publisher key (401", wrong.Error);

        var missing = await CliRun.RunAsync(["publish", file, "--server", fixture.Server]);
        Assert.Equal(ExitCodes.Usage, missing.Code);
        Assert.Contains("needs a publisher key", missing.Error);
        Assert.Null(await fixture.Api.GetArticleAsync("cli-key-1"));
    }

    [Fact]
    public async Task History_shows_the_feed_title_and_its_items_after_a_seq()
    {
        await TestArticles.PublishAllAsync(fixture.Api, Enumerable.Range(1, 3).Select(i => TestArticles.Tagged($"cli-hist-{i}", $"Armenia and Georgia {i}", "AM", "GE")));

        var result = await CliRun.RunAsync(Args("history", "relation:ge-am", "--after", "1", "--limit", "1"));

        Assert.True(result.Code == ExitCodes.Ok, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("relation:AM-GE", lines[0]);
        Assert.Contains("head #3", lines[0]);
        Assert.Single(lines, l => l.StartsWith('#'));
        Assert.Contains("#2 ", result.Out);
        Assert.Contains("Armenia and Georgia 2", result.Out);
        Assert.DoesNotContain("Armenia and Georgia 3", result.Out);
    }

    [Fact]
    public async Task Bad_feed_keys_fail_locally_and_unknown_ones_show_the_servers_message()
    {
        var shape = await CliRun.RunAsync(Args("history", "planet:mars"));
        Assert.Equal(ExitCodes.Usage, shape.Code);
        Assert.Contains("not a feed key", shape.Error);

        var unknown = await CliRun.RunAsync(Args("history", "country:ZZ"));
        Assert.Equal(ExitCodes.Rejected, unknown.Code);
        Assert.Contains("feed: ", unknown.Error);
        Assert.Contains("ZZ", unknown.Error);

        var follow = await CliRun.RunAsync(Args("follow", "country:ZZ"));
        Assert.Equal(ExitCodes.Rejected, follow.Code);
        Assert.Contains("refused to follow country:ZZ", follow.Error);

        var followShape = await CliRun.RunAsync(Args("follow", "relation:AZ-AZ"));
        Assert.Equal(ExitCodes.Usage, followShape.Code);
        Assert.Contains("two different countries", followShape.Error);
    }

    [Fact]
    public async Task Resolve_turns_words_into_feeds_with_titles()
    {
        var result = await CliRun.RunAsync(Args("resolve", "azerbaijan", "korea"));

        Assert.True(result.Code == ExitCodes.Ok, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("relation:AZ-KR ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("country:AZ ") && l.Contains("Azerbaijan"));
        Assert.Contains(lines, l => l.StartsWith("country:KR "));
    }

    [Fact]
    public async Task Follow_prints_live_items_until_cancelled_then_says_how_to_resume()
    {
        using var stop = new CancellationTokenSource();
        var run = new CliRun();
        var following = run.StartAsync(Args("follow", "country:by"), stop.Token);
        await run.Error.WaitForAsync("-- following country:BY from now", "the subscription");

        await TestArticles.PublishAllAsync(fixture.Api, [TestArticles.Tagged("cli-by-1", "Belarus live", "BY")]);
        await run.Out.WaitForAsync("Belarus live", "the live item");
        await stop.CancelAsync();
        var code = await Eventually.Within(following, TimeSpan.FromSeconds(20), "follow to stop on cancel");

        Assert.Equal(ExitCodes.Ok, code);
        var line = Assert.Single(run.Out.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("country:BY #1  ", line);
        Assert.Contains("s ago  Belarus live  [country:BY all]", line);
        Assert.Contains("-- connected to " + fixture.Server, run.Error.Text);
        Assert.Contains("Resume with: feed follow --after country:BY=1", run.Error.Text);

        // Resuming from the printed position replays only what came since.
        await TestArticles.PublishAllAsync(fixture.Api, [TestArticles.Tagged("cli-by-2", "Belarus while away", "BY")]);
        using var stopAgain = new CancellationTokenSource();
        var resumed = new CliRun();
        var resuming = resumed.StartAsync(Args("follow", "--after", "country:BY=1", "--json"), stopAgain.Token);
        await resumed.Out.WaitForAsync("Belarus while away", "the missed item");
        await stopAgain.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await Eventually.Within(resuming, TimeSpan.FromSeconds(20), "the resumed follow to stop"));
        var item = JsonSerializer.Deserialize<FeedItem>(Assert.Single(resumed.Out.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("country:BY", 2L, "cli-by-2"), (item.Feed, item.Seq, item.Article.Id));
        Assert.Contains("-- following country:BY after #1 (head #2, 1 missed)", resumed.Error.Text);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error_for_every_command()
    {
        var dead = TestClients.DeadServer().ToString();
        var file = File("unreachable.json", Article("cli-dead-1", "Nowhere", "AZ"));
        foreach (var args in new[] { ["history", "country:AZ"], ["resolve", "korea"], ["follow", "country:AZ"], new[] { "publish", file, "--key", "k" } })
        {
            var result = await CliRun.RunAsync([.. args, "--server", dead]);
            Assert.True(result.Code == ExitCodes.Unreachable, $"{args[0]}: {result.Code} {result.Error}");
            Assert.Contains($"Cannot reach the feed server at {dead}", result.Error);
        }
    }

    [Fact]
    public async Task Article_shows_one_stored_article_or_says_there_is_none()
    {
        await TestArticles.PublishAllAsync(fixture.Api, [TestArticles.Tagged("cli-article-1", "Kazakhstan", "KZ")]);

        var found = await CliRun.RunAsync(Args("article", "cli-article-1"));
        Assert.True(found.Code == ExitCodes.Ok, found.Error);
        Assert.Equal("Kazakhstan", JsonDocument.Parse(found.Out).RootElement.GetProperty("headline").GetString());

        var missing = await CliRun.RunAsync(Args("article", "cli-no-such-article"));
        Assert.Equal(ExitCodes.NotFound, missing.Code);
        Assert.Contains("no article with id 'cli-no-such-article'", missing.Error);
    }

    [Fact]
    public async Task Usage_errors_exit_2_with_a_hint()
    {
        foreach (var args in new[] { [], ["frobnicate"], ["history"], new[] { "history", "country:AZ", "--server", "not a url" } })
        {
            var result = await CliRun.RunAsync(args);
            Assert.True(result.Code == ExitCodes.Usage, $"'{string.Join(' ', args)}' exited {result.Code}: {result.Error}");
            Assert.StartsWith("error: ", result.Error);
        }
        var help = await CliRun.RunAsync(["--help"]);
        Assert.Equal(ExitCodes.Ok, help.Code);
        Assert.Contains("follow", help.Out);
        Assert.Contains("publish", help.Out);
    }
}
