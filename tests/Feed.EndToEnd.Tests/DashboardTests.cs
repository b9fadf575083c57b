using System.Net;

namespace Feed.EndToEnd.Tests;

public sealed class DashboardTests : IAsyncLifetime
{
    private const string OperatorKey = "operator-test-key";
    private FeedHost _host = null!;

    public async Task InitializeAsync() => _host = await FeedHost.StartAsync(new Dictionary<string, string?>
    {
        ["Feed:Dashboard:Enabled"] = "true",
        ["Feed:Dashboard:AllowLoopback"] = "false",
        ["Feed:Dashboard:OperatorKeys:0"] = OperatorKey,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_dashboard_refuses_a_request_without_the_operator_key_and_opens_with_it()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = _host.BaseAddress };
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("dashboard/?key=wrong")).StatusCode);

        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "dashboard/");
        withHeader.Headers.Add("X-Operator-Key", OperatorKey);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);

        // Opened once with ?key=, the page's own later calls carry the cookie it set.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"dashboard/?key={OperatorKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("dashboard/")).StatusCode);
    }
}
