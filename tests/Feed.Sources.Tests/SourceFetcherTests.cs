using System.IO.Compression;
using System.Net;
using System.Text;
using Feed.Sources.Fetching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Feed.Sources.Tests;

/// <summary>The fetcher against a real Kestrel on loopback (so these fetchers allow private addresses unless a test says otherwise).</summary>
public sealed class SourceFetcherTests : IAsyncLifetime
{
    private const string Document = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title></channel></rss>""";

    private DocumentServer _server = null!;
    private readonly List<HttpClient> _clients = [];

    public async Task InitializeAsync() => _server = await DocumentServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _server.DisposeAsync();
    }

    private static SourcesOptions Options() => new() { FetchTimeout = TimeSpan.FromSeconds(10) };

    private SourceFetcher Fetcher(SourcesOptions? options = null, AddressPolicy? policy = null, TimeProvider? clock = null) =>
        Fetcher(SafeHttpHandler.Create(policy ?? new AddressPolicy(allowPrivate: true)), options, clock);

    private SourceFetcher Fetcher(HttpMessageHandler handler, SourcesOptions? options = null, TimeProvider? clock = null)
    {
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(http);
        return new SourceFetcher(http, Microsoft.Extensions.Options.Options.Create(options ?? Options()), clock ?? TimeProvider.System);
    }

    private Uri Url(string path) => new(_server.UrlOf(path));

    private static Dictionary<string, string> Location(string url) => new() { ["Location"] = url };

    [Fact]
    public async Task A_document_comes_back_with_its_status_content_type_and_validators()
    {
        _server.Serve("/feed.xml", Document, headers: new Dictionary<string, string> { ["Last-Modified"] = "Sat, 21 Nov 2026 09:00:00 GMT" });

        var result = await Fetcher().FetchAsync(Url("/feed.xml"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(200, result.Status);
        Assert.False(result.NotModified);
        Assert.Equal(Document, Encoding.UTF8.GetString(result.Content!));
        Assert.Equal("application/rss+xml; charset=utf-8", result.ContentType);
        Assert.StartsWith("\"", result.Validators.ETag);
        Assert.Equal("Sat, 21 Nov 2026 09:00:00 GMT", result.Validators.LastModified);
        Assert.Equal(Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.MovedTo);
    }

    [Fact]
    public async Task The_second_fetch_sends_the_validators_and_an_unchanged_document_comes_back_as_not_modified()
    {
        _server.Serve("/feed.xml", Document, headers: new Dictionary<string, string> { ["Last-Modified"] = "Sat, 21 Nov 2026 09:00:00 GMT" });
        var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(Url("/feed.xml"), Validators.None);

        var second = await fetcher.FetchAsync(Url("/feed.xml"), first.Validators);

        Assert.True(second.NotModified);
        Assert.Equal(304, second.Status);
        Assert.Null(second.Error);
        Assert.Null(second.Content);
        var requests = _server.RequestsTo("/feed.xml");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Null(requests[0].Header("If-Modified-Since"));
        Assert.Equal(first.Validators.ETag, requests[1].Header("If-None-Match"));
        Assert.Equal("Sat, 21 Nov 2026 09:00:00 GMT", requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task Every_fetch_names_feed_in_its_user_agent_and_offers_gzip_and_brotli()
    {
        _server.Serve("/feed.xml", Document);

        await Fetcher().FetchAsync(Url("/feed.xml"), Validators.None);

        var request = Assert.Single(_server.RequestsTo("/feed.xml"));
        Assert.StartsWith("Feed/", request.Header("User-Agent"));
        var encodings = request.Header("Accept-Encoding")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("gzip", encodings);
        Assert.Contains("br", encodings);
        Assert.Contains("application/rss+xml", request.Header("Accept"));
    }

    [Fact]
    public async Task A_compressed_document_arrives_decompressed()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(Encoding.UTF8.GetBytes(Document));
        _server.Serve("/feed.xml.gz", compressed.ToArray(), "application/rss+xml", new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });

        var result = await Fetcher().FetchAsync(Url("/feed.xml.gz"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(Document, Encoding.UTF8.GetString(result.Content!));
    }

    [Fact]
    public async Task A_temporary_redirect_is_followed_but_the_source_has_not_moved()
    {
        _server.Serve("/feed.xml", Document);
        _server.Answer("/old.xml", 302, Location("/feed.xml")); // relative, resolved against the address asked

        var result = await Fetcher().FetchAsync(Url("/old.xml"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(200, result.Status);
        Assert.Equal(Document, Encoding.UTF8.GetString(result.Content!));
        Assert.Equal(Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.MovedTo);
    }

    [Fact]
    public async Task A_chain_of_permanent_redirects_says_the_source_moved_to_the_final_address()
    {
        _server.Serve("/new.xml", Document);
        _server.Answer("/old.xml", 301, Location(_server.UrlOf("/middle.xml")));
        _server.Answer("/middle.xml", 308, Location(_server.UrlOf("/new.xml")));

        var result = await Fetcher().FetchAsync(Url("/old.xml"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(Url("/new.xml"), result.MovedTo);
        Assert.Equal(Url("/new.xml"), result.FinalUrl);
    }

    [Fact]
    public async Task One_temporary_hop_in_a_chain_of_permanent_ones_means_the_source_has_not_moved()
    {
        _server.Serve("/new.xml", Document);
        _server.Answer("/old.xml", 301, Location(_server.UrlOf("/middle.xml")));
        _server.Answer("/middle.xml", 307, Location(_server.UrlOf("/new.xml")));

        var result = await Fetcher().FetchAsync(Url("/old.xml"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(Url("/new.xml"), result.FinalUrl);
        Assert.Null(result.MovedTo);
    }

    [Fact]
    public async Task Five_redirects_are_followed()
    {
        for (var i = 0; i < 5; i++) _server.Answer($"/hop{i}", 302, Location(_server.UrlOf($"/hop{i + 1}")));
        _server.Serve("/hop5", Document);

        var result = await Fetcher().FetchAsync(Url("/hop0"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(Url("/hop5"), result.FinalUrl);
    }

    [Fact]
    public async Task More_redirects_than_allowed_fail_without_following_the_last()
    {
        for (var i = 0; i < 6; i++) _server.Answer($"/hop{i}", 301, Location(_server.UrlOf($"/hop{i + 1}")));
        _server.Serve("/hop6", Document);

        var result = await Fetcher().FetchAsync(Url("/hop0"), Validators.None);

        Assert.Equal("more than 5 redirects", result.Error);
        Assert.Equal(301, result.Status);
        Assert.Null(result.MovedTo);
        Assert.Empty(_server.RequestsTo("/hop6"));
    }

    [Fact]
    public async Task A_redirect_without_a_location_or_to_another_scheme_fails_saying_so()
    {
        _server.Answer("/nowhere.xml", 302);
        _server.Answer("/ftp.xml", 301, Location("ftp://news.example/feed.xml"));
        var fetcher = Fetcher();

        Assert.Equal("302 redirect without a Location", (await fetcher.FetchAsync(Url("/nowhere.xml"), Validators.None)).Error);
        Assert.Equal("redirected to a ftp address, which sources may not use", (await fetcher.FetchAsync(Url("/ftp.xml"), Validators.None)).Error);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_seconds_is_retried_after_that_long()
    {
        _server.Answer("/busy.xml", 429, new Dictionary<string, string> { ["Retry-After"] = "120" });

        var result = await Fetcher().FetchAsync(Url("/busy.xml"), Validators.None);

        Assert.Equal(429, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Equal("429 Too Many Requests, retrying after 120 s", result.Error);
        Assert.False(result.NotModified);
    }

    [Fact]
    public async Task Unavailable_with_an_http_date_retry_after_is_retried_at_that_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        _server.Answer("/down.xml", 503, new Dictionary<string, string> { ["Retry-After"] = "Fri, 20 Nov 2026 09:10:00 GMT" });

        var result = await Fetcher(clock: clock).FetchAsync(Url("/down.xml"), Validators.None);

        Assert.Equal(503, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
        Assert.Contains("retrying after 600 s", result.Error);
    }

    [Fact]
    public async Task A_retry_after_date_in_the_past_means_at_once_and_one_too_far_ahead_is_capped()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        _server.Answer("/past.xml", 503, new Dictionary<string, string> { ["Retry-After"] = "Fri, 20 Nov 2026 08:00:00 GMT" });
        _server.Answer("/far.xml", 429, new Dictionary<string, string> { ["Retry-After"] = "99999999" });
        var options = Options();
        options.MaxRetryAfter = TimeSpan.FromHours(2);
        var fetcher = Fetcher(options, clock: clock);

        Assert.Equal(TimeSpan.Zero, (await fetcher.FetchAsync(Url("/past.xml"), Validators.None)).RetryAfter);
        Assert.Equal(TimeSpan.FromHours(2), (await fetcher.FetchAsync(Url("/far.xml"), Validators.None)).RetryAfter);
    }

    [Fact]
    public async Task Retry_after_on_other_errors_is_ignored()
    {
        _server.Answer("/broken.xml", 500, new Dictionary<string, string> { ["Retry-After"] = "120" });
        _server.Answer("/missing.xml", 404);
        var fetcher = Fetcher();

        var broken = await fetcher.FetchAsync(Url("/broken.xml"), Validators.None);
        var missing = await fetcher.FetchAsync(Url("/missing.xml"), Validators.None);

        Assert.Null(broken.RetryAfter);
        Assert.Equal("500 Internal Server Error", broken.Error);
        Assert.Equal(404, missing.Status);
        Assert.Equal("404 Not Found", missing.Error);
    }

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_is_not_read()
    {
        var options = Options();
        options.MaxDocumentBytes = 2048;
        _server.Route("/big.xml", async http =>
        {
            http.Response.ContentType = "application/rss+xml";
            http.Response.ContentLength = 2049;
            await http.Response.Body.WriteAsync(new byte[2049]);
        });

        var result = await Fetcher(options).FetchAsync(Url("/big.xml"), Validators.None);

        Assert.Equal(200, result.Status);
        // Refused on the Content-Length alone: nothing of it is read (a body without one is "cut off", below).
        Assert.Equal("document larger than 2 KB: not read", result.Error);
        Assert.Null(result.Content);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_is_cut_off()
    {
        // No Content-Length: each flush goes out as a chunk, so the limit can only be found while reading.
        var options = Options();
        options.MaxDocumentBytes = 2048;
        _server.Route("/endless.xml", async http =>
        {
            http.Response.ContentType = "application/rss+xml";
            for (var i = 0; i < 10 && !http.RequestAborted.IsCancellationRequested; i++)
            {
                await http.Response.Body.WriteAsync(new byte[1000]);
                await http.Response.Body.FlushAsync();
            }
        });

        var result = await Fetcher(options).FetchAsync(Url("/endless.xml"), Validators.None);

        Assert.Equal(200, result.Status);
        Assert.Equal("document larger than 2 KB: cut off", result.Error);
        Assert.Null(result.Content);
    }

    [Fact]
    public async Task A_small_compressed_body_that_inflates_past_the_limit_is_cut_off()
    {
        var options = Options();
        options.MaxDocumentBytes = 2048;
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(new byte[100_000]);
        Assert.True(compressed.Length < 2048);
        _server.Serve("/bomb.xml", compressed.ToArray(), "application/rss+xml", new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });

        var result = await Fetcher(options).FetchAsync(Url("/bomb.xml"), Validators.None);

        Assert.Contains("cut off", result.Error);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        var options = Options();
        options.MaxDocumentBytes = 2048;
        _server.Serve("/full.xml", new string('x', 2048));

        var result = await Fetcher(options).FetchAsync(Url("/full.xml"), Validators.None);

        Assert.Null(result.Error);
        Assert.Equal(2048, result.Content!.Length);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_the_fetch_timeout()
    {
        var options = Options();
        options.FetchTimeout = TimeSpan.FromMilliseconds(300);
        _server.Route("/silent.xml", http => Task.Delay(Timeout.Infinite, http.RequestAborted));

        var started = DateTime.UtcNow;
        var result = await Fetcher(options).FetchAsync(Url("/silent.xml"), Validators.None);

        Assert.Equal("timed out after 0.3 s", result.Error);
        Assert.Null(result.Status);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_server_that_stalls_in_the_middle_of_the_body_times_out_too()
    {
        var options = Options();
        options.FetchTimeout = TimeSpan.FromMilliseconds(300);
        _server.Route("/stalls.xml", async http =>
        {
            http.Response.ContentType = "application/rss+xml";
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss version=\"2.0\">"));
            await http.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        });

        var result = await Fetcher(options).FetchAsync(Url("/stalls.xml"), Validators.None);

        Assert.Equal("timed out after 0.3 s", result.Error);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_reported_as_a_timeout()
    {
        _server.Route("/silent.xml", http => Task.Delay(Timeout.Infinite, http.RequestAborted));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Fetcher().FetchAsync(Url("/silent.xml"), Validators.None, cancel.Token));
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_the_body_is_an_error_not_an_exception()
    {
        _server.Route("/dropped.xml", async http =>
        {
            http.Response.ContentType = "application/rss+xml";
            http.Response.ContentLength = 10_000;
            await http.Response.Body.WriteAsync(new byte[100]);
            await http.Response.Body.FlushAsync();
            http.Abort();
        });

        var result = await Fetcher().FetchAsync(Url("/dropped.xml"), Validators.None);

        Assert.NotNull(result.Error);
        Assert.Null(result.Content);
    }

    [Fact]
    public async Task Nobody_listening_is_a_connection_error()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort.Next()}/feed.xml");

        var result = await Fetcher().FetchAsync(dead, Validators.None);

        Assert.Null(result.Status);
        Assert.Equal("connection refused or unreachable", result.Error);
    }

    [Fact]
    public async Task A_loopback_source_is_refused_before_connecting_when_private_addresses_are_not_allowed()
    {
        _server.Serve("/feed.xml", Document);

        var result = await Fetcher(policy: new AddressPolicy(allowPrivate: false)).FetchAsync(Url("/feed.xml"), Validators.None);

        Assert.Null(result.Status);
        Assert.Contains("private or local address", result.Error);
        Assert.Contains("127.0.0.1", result.Error);
        Assert.Empty(_server.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_too()
    {
        _server.Serve("/feed.xml", Document);
        var byName = new UriBuilder(Url("/feed.xml")) { Host = "localhost" }.Uri;

        var result = await Fetcher(policy: new AddressPolicy(allowPrivate: false)).FetchAsync(byName, Validators.None);

        Assert.StartsWith("localhost is at a private or local address", result.Error);
        Assert.Empty(_server.RequestsTo("/feed.xml"));
    }

    /// <summary>
    /// AddressPolicy is a sealed yes/no on "private allowed", so no policy allows one local address and refuses another,
    /// and every address this test can listen on is local. So the public first hop is played by a handler in front of
    /// the real safe handler: it answers for public.example itself (a 301 into loopback) and passes every other request
    /// on. What is checked is that the redirect's target goes through the address check like the first address did.
    /// </summary>
    [Fact]
    public async Task A_redirect_from_an_allowed_host_into_a_private_address_is_refused()
    {
        _server.Serve("/internal.xml", Document);
        var handler = new PublicHostInFront("public.example", SafeHttpHandler.Create(new AddressPolicy(allowPrivate: false)), request =>
            new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = Url("/internal.xml") } });

        var result = await Fetcher(handler).FetchAsync(new Uri("http://public.example/feed.xml"), Validators.None);

        Assert.Equal(1, handler.Answered);
        Assert.Contains("private or local address", result.Error);
        Assert.Null(result.MovedTo);
        Assert.Empty(_server.RequestsTo("/internal.xml"));
    }

    [Fact]
    public async Task A_redirect_from_https_down_to_plain_http_is_refused()
    {
        _server.Serve("/feed.xml", Document);
        var handler = new PublicHostInFront("secure.example", SafeHttpHandler.Create(new AddressPolicy(allowPrivate: true)), request =>
            new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = Url("/feed.xml") } });

        var result = await Fetcher(handler).FetchAsync(new Uri("https://secure.example/feed.xml"), Validators.None);

        Assert.Equal("redirected from https to plain http, which is refused", result.Error);
        Assert.Empty(_server.RequestsTo("/feed.xml"));
    }

    private sealed class PublicHostInFront(string host, HttpMessageHandler inner, Func<HttpRequestMessage, HttpResponseMessage> answer)
        : DelegatingHandler(inner)
    {
        public int Answered;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host != host) return base.SendAsync(request, cancellationToken);
            Interlocked.Increment(ref Answered);
            return Task.FromResult(answer(request));
        }
    }
}
