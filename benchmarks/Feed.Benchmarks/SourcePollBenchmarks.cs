using BenchmarkDotNet.Attributes;
using Feed.Sources;
using Feed.Sources.Fetching;
using Microsoft.Extensions.Options;

namespace Feed.Benchmarks;

/// <summary>
/// One conditional poll of an unchanged source: <see cref="SourceFetcher.FetchAsync"/> with the ETag and Last-Modified
/// of last time, answered 304 by a local Kestrel, over a kept-alive connection. The server runs in the same process, so
/// the time per poll includes its work and the loopback round trip: an upper bound on the fetcher's own CPU per poll.
/// (The client's CPU alone: <c>poll-cpu</c> in Program.cs, which puts the server in another process.)
/// </summary>
[Config(typeof(ThroughputConfig))]
public class SourcePollBenchmarks
{
    private static readonly Validators LastTime = new(NotModifiedServer.ETag, NotModifiedServer.LastModified);

    private NotModifiedServer _server = null!;
    private HttpClient _http = null!;
    private SourceFetcher _fetcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = NotModifiedServer.StartAsync().GetAwaiter().GetResult();
        (_http, _fetcher) = CreateFetcher();
        var result = Poll().GetAwaiter().GetResult();
        if (!result.NotModified) throw new InvalidOperationException($"expected 304, got {result.Status} {result.Error}");
        Console.WriteLine($"// Polling {_server.Url}: {result.Status}, max-age {result.MaxAge}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The fetcher as the silo builds it, with private addresses allowed so it may reach 127.0.0.1.</summary>
    public static (HttpClient, SourceFetcher) CreateFetcher()
    {
        var http = new HttpClient(SafeHttpHandler.Create(new AddressPolicy(true))) { Timeout = Timeout.InfiniteTimeSpan };
        return (http, new SourceFetcher(http, Options.Create(new SourcesOptions()), TimeProvider.System));
    }

    [Benchmark(Description = "Conditional poll answered 304")]
    public Task<FetchResult> Poll() => _fetcher.FetchAsync(_server.Url, LastTime);
}
