using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feed.Cluster.Tests;

/// <summary>
/// A real Feed cluster on loopback: one redis-server (append-only), standalone silos and web fronts in client
/// mode, each its own process on free ports. Silos and web fronts can be killed (-9) and started again.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string PublisherKey = "cluster-test-key";
    public const int MaxHeadlineLength = 120;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feed-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly int _redisPort = FreePort.Next();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private ChildProcess? _redis;
    private IHost? _orleansClient;

    public List<Silo> Silos { get; } = [];
    public List<WebFront> WebFronts { get; } = [];
    public string Redis => $"127.0.0.1:{_redisPort}";

    public sealed record Silo(ChildProcess Process, int SiloPort, Uri OperationsUrl);

    public sealed record WebFront(ChildProcess Process, Uri Url);

    private LocalCluster(IReadOnlyDictionary<string, string>? environment) => _environment = environment ?? new Dictionary<string, string>();

    /// <param name="environment">Extra settings for this test's silos and web fronts (e.g. <c>Feed__Sources__…</c>).</param>
    public static async Task<LocalCluster> StartAsync(int silos, int webFronts, IReadOnlyDictionary<string, string>? environment = null)
    {
        var cluster = new LocalCluster(environment);
        try
        {
            await cluster.StartRedisAsync();
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            await Task.WhenAll(Enumerable.Range(0, webFronts).Select(_ => cluster.StartWebFrontAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartRedisAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "redis"));
        _redis = ChildProcess.Start("redis-server", "redis-server",
            ["--port", _redisPort.ToString(), "--bind", "127.0.0.1", "--dir", Path.Combine(_folder, "redis"),
             "--appendonly", "yes", "--save", "", "--daemonize", "no"],
            new Dictionary<string, string>(), readyText: "Ready to accept connections");
        await _redis.WaitReadyAsync(StartLimit);
    }

    public async Task StopRedisAsync()
    {
        if (_redis is null) return;
        await _redis.StopAsync(TimeSpan.FromSeconds(10));
        _redis = null;
    }

    private Dictionary<string, string> Required() => new()
    {
        ["Orleans__Membership"] = "Redis",
        ["Orleans__RedisConnection"] = Redis,
        ["Storage__Provider"] = "Redis",
        ["Storage__RedisConnection"] = Redis,
    };

    private Dictionary<string, string> Common()
    {
        var common = new Dictionary<string, string>(Required())
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // Quick lease renewal so a feed that moved to another silo is followed again within a few seconds.
            ["Feed__Live__FollowRefreshInterval"] = "00:00:01",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (name, value) in _environment) common[name] = value;
        return common;
    }

    /// <param name="asConfigured">Only what the silo must be told (ports, Redis): logging and GC as its appsettings.json and project say.</param>
    /// <param name="workingDirectory">Where the silo is started from (default: this test's folder).</param>
    public async Task<Silo> StartSiloAsync(bool asConfigured = false, string? workingDirectory = null)
    {
        var port = FreePort.Next();
        var environment = asConfigured ? Required() : Common();
        environment["Orleans__SiloPort"] = port.ToString();
        environment["Orleans__GatewayPort"] = FreePort.Next().ToString();
        var operations = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        environment["Feed__Operations__SiloUrl"] = operations.ToString().TrimEnd('/');
        var process = ChildProcess.Start($"silo:{port}", "dotnet", [Binaries.Silo], environment, readyText: "Feed silo is running",
            workingDirectory: workingDirectory);
        var silo = new Silo(process, port, operations);
        lock (Silos) Silos.Add(silo);
        await process.WaitReadyAsync(StartLimit);
        return silo;
    }

    public async Task<WebFront> StartWebFrontAsync(Uri? url = null)
    {
        url ??= new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var environment = Common();
        environment["Orleans__Role"] = "Client";
        environment["Feed__PublisherKeys__0"] = PublisherKey;
        environment["Feed__Demo__Enabled"] = "false";
        // A web front that is only a cluster client still checks articles with its own configured limits.
        environment["Feed__Publishing__MaxHeadlineLength"] = MaxHeadlineLength.ToString();
        environment["ASPNETCORE_CONTENTROOT"] = Binaries.WebFrontContent;
        var process = ChildProcess.Start($"web:{url.Port}", "dotnet", [Binaries.WebFront, "--urls", url.ToString().TrimEnd('/')], environment,
            readyText: "Feed is running at");
        var front = new WebFront(process, url);
        lock (WebFronts) WebFronts.Add(front);
        await process.WaitReadyAsync(StartLimit);
        using var http = new HttpClient { BaseAddress = url };
        await Eventually.TrueAsync(async () => (await http.GetAsync("healthz")).IsSuccessStatusCode, StartLimit, $"{process.Name} to be healthy");
        return front;
    }

    public HttpClient Http(WebFront front) => new()
    {
        BaseAddress = front.Url,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { { "X-Api-Key", PublisherKey } },
    };

    /// <summary>An Orleans client of the cluster, for questions only the cluster can answer (where is a grain?).</summary>
    public async Task<IClusterClient> OrleansClientAsync()
    {
        if (_orleansClient is null)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(c => c.UseRedisClustering(Redis).Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = "feed";
                o.ServiceId = "feed";
            }));
            _orleansClient = builder.Build();
            await _orleansClient.StartAsync();
        }
        return _orleansClient.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The silo process hosting this feed's grain now.</summary>
    public async Task<Silo> SiloHostingAsync(string feed)
    {
        var grain = (await OrleansClientAsync()).GetGrain<IFeedGrain>(feed);
        await grain.Read(null, 0);
        return await SiloHostingAsync(grain);
    }

    /// <summary>The silo process hosting this source's grain now (asking activates it, as any call would).</summary>
    public async Task<Silo> SiloHostingSourceAsync(string id)
    {
        var grain = (await OrleansClientAsync()).GetGrain<ISourceGrain>(id);
        await grain.Get();
        return await SiloHostingAsync(grain);
    }

    /// <summary>The silo process hosting an activation of this grain, which the caller has just called (so it is active).</summary>
    public async Task<Silo> SiloHostingAsync(IAddressable grain)
    {
        var client = await OrleansClientAsync();
        var address = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        lock (Silos) return Silos.Single(s => !s.Process.HasExited && s.SiloPort == address!.Endpoint.Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_orleansClient is not null)
        {
            try { await _orleansClient.StopAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
            _orleansClient.Dispose();
        }
        foreach (var front in WebFronts) await front.Process.DisposeAsync();
        foreach (var silo in Silos) await silo.Process.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Publishes until acknowledged: the same id is safe to send again, so failures during failover are retried.</summary>
    public static async Task<PublishAnswer> PublishUntilAcknowledgedAsync(Func<HttpClient> http, object article, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var attempt = 0;
        while (true)
        {
            try
            {
                using var client = http();
                var response = await client.PostAsJsonAsync("api/articles", article);
                if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<PublishAnswer>())!;
                if ((int)response.StatusCode is >= 400 and < 500)
                    throw new InvalidOperationException($"Publish refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"An article was not acknowledged within {limit.TotalSeconds} s.");
            await Task.Delay(Math.Min(2000, 100 * ++attempt));
        }
    }
}
