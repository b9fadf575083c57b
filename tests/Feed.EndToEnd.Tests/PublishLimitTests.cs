using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Feed.EndToEnd.Tests;

/// <summary>What protects publishing and the hub: media type, Idempotency-Key, the per-key and per-connection rate limits.</summary>
public sealed class PublishLimitTests : IAsyncLifetime
{
    private const string OtherKey = "another-publisher-key";
    private const string RetryingKey = "retrying-publisher-key";
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:PublisherKeys:1"] = OtherKey,
        ["Feed:PublisherKeys:2"] = RetryingKey,
        // One token a minute after the burst: no refill can land between a test's quick calls, however slow the machine.
        ["Feed:RateLimits:PublishesPerSecond"] = "0.0167",
        ["Feed:RateLimits:PublishBurst"] = "3",
        ["Feed:RateLimits:SubscribesPerSecond"] = "0.0167",
        ["Feed:RateLimits:SubscribeBurst"] = "2",
        ["Feed:Live:MaxSubscriptionsPerConnection"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object IdLess(string headline) => new { headline, body = "A note without id or url.", countries = new[] { "KR" }, autoTag = false };

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415_and_stores_nothing()
    {
        using var http = _host.CreateHttpClient();
        var plain = await http.PostAsync("api/articles", new StringContent("{\"id\":\"plain-1\",\"headline\":\"h\",\"body\":\"b\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/articles/plain-1")).StatusCode);
    }

    [Fact]
    public async Task A_retried_id_less_publish_with_the_same_Idempotency_Key_is_one_article()
    {
        using var http = _host.CreateHttpClient(withKey: false);
        async Task<(HttpStatusCode, PublishAnswer)> Send(string key, string headline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = JsonContent.Create(IdLess(headline)) };
            request.Headers.Add("X-Api-Key", RetryingKey);
            request.Headers.Add("Idempotency-Key", key);
            var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"publish answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<PublishAnswer>())!);
        }

        var (firstStatus, first) = await Send("order-7", "Seoul harbour reopens");
        var (retryStatus, retry) = await Send("order-7", "Seoul harbour reopens");
        var (_, other) = await Send("order-8", "Seoul harbour reopens");

        Assert.Equal((HttpStatusCode.Created, false), (firstStatus, first.Duplicate));
        Assert.Equal((HttpStatusCode.OK, true, first.Id), (retryStatus, retry.Duplicate, retry.Id));
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_another_key_still_publishes()
    {
        using var http = _host.CreateHttpClient();
        HttpResponseMessage? limited = null;
        // Burst 3, then one a minute: the fourth quick publish is refused.
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await http.PostAsJsonAsync("api/articles", Stories.Tagged($"rate-{i}", "Rate test", ["KR"]));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.True(response.IsSuccessStatusCode, $"publish {i} answered {(int)response.StatusCode}");
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var other = _host.CreateHttpClient(withKey: false);
        other.DefaultRequestHeaders.Add("X-Api-Key", OtherKey);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("api/articles", Stories.Tagged("rate-other", "Other key", ["KR"]))).StatusCode);
    }

    [Fact]
    public async Task Subscribe_in_a_tight_loop_is_refused_with_a_clear_hub_error()
    {
        await using var client = await LiveClient.ConnectAsync(_host);
        string[] feeds = ["country:KR", "country:AZ", "country:JP", "country:FR", "country:DE"];
        HubException? refused = null;
        foreach (var feed in feeds)
        {
            try
            {
                await client.SubscribeAsync(feed);
                await client.Connection.InvokeAsync("Unsubscribe", feed);
            }
            catch (HubException e)
            {
                refused = e;
                break;
            }
        }
        Assert.NotNull(refused);
        Assert.Contains("Too many Subscribe calls", refused.Message);
    }
}
