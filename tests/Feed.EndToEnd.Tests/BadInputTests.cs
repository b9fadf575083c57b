using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Feed.EndToEnd.Tests;

public sealed class BadInputTests : IAsyncLifetime
{
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:Live:MaxSubscriptionsPerConnection"] = "3",
        ["Feed:Api:MaxArticleBytes"] = "4096",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Publishing_without_a_valid_key_is_401_problem_details()
    {
        using var anonymous = _host.CreateHttpClient(withKey: false);
        var none = await anonymous.PostAsJsonAsync("api/articles", Stories.Tagged("k-1", "No key", ["AZ"]));
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        var wrong = await anonymous.PostAsJsonAsync("api/articles", Stories.Tagged("k-2", "Wrong key", ["AZ"]));

        foreach (var response in new[] { none, wrong })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Missing_or_invalid_fields_are_400_naming_the_field_and_store_nothing()
    {
        using var http = _host.CreateHttpClient();
        var cases = new (object Body, string Field)[]
        {
            (new { id = "v-1", body = "no headline" }, "headline"),
            (new { id = "v-2", headline = "no body" }, "body"),
            (new { id = "has space", headline = "h", body = "b" }, "id"),
            (new { id = "v-3", headline = "h", body = "b", url = "javascript:alert(1)" }, "url"),
            (new { id = "v-4", headline = "h", body = "b", countries = new[] { "Atlantis" } }, "countries"),
            (new { id = "v-5", headline = "h", body = "b", topics = new[] { "gossip" } }, "topics"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await http.PostAsJsonAsync("api/articles", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {problem}");
        }
        var broken = await http.PostAsync("api/articles", new StringContent("{\"headline\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/articles/v-1")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var http = _host.CreateHttpClient();
        var response = await http.PostAsJsonAsync("api/articles", new { headline = "big", body = new string('x', 10_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_feed_keys_are_clear_errors_over_REST_and_the_hub()
    {
        using var http = _host.CreateHttpClient();
        foreach (var key in new[] { "country:ZZ", "relation:AZ-AZ", "topic:gossip", "planet:mars", "country:AZE" })
            Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"api/feeds/{key}")).StatusCode);

        await using var client = await LiveClient.ConnectAsync(_host);
        var error = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("relation:AZ"));
        Assert.Contains("not a feed key", error.Message);
    }

    [Fact]
    public async Task A_connection_may_follow_only_the_configured_number_of_feeds()
    {
        await using var client = await LiveClient.ConnectAsync(_host);
        foreach (var feed in new[] { "country:AZ", "country:KR", "relation:AZ-KR" }) await client.SubscribeAsync(feed);
        await client.SubscribeAsync("country:AZ"); // following again is not a new subscription

        var error = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("topic:economy"));
        Assert.Contains("at most 3", error.Message);
        await client.Connection.InvokeAsync("Unsubscribe", "country:KR");
        await client.SubscribeAsync("topic:economy");
    }
}
