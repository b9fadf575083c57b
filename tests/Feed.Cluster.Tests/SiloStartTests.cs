using System.Net;

namespace Feed.Cluster.Tests;

/// <summary>A standalone silo started as operators do, <c>dotnet path/to/Feed.Silo.dll</c>, from an unrelated folder.</summary>
public sealed class SiloStartTests : IAsyncLifetime
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("feed-elsewhere-").FullName;
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(silos: 0, webFronts: 0);

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_elsewhere, recursive: true);
    }

    [Fact]
    public async Task A_silo_started_from_another_folder_reads_its_appsettings_runs_server_GC_and_serves_metrics_and_readiness()
    {
        var silo = await _cluster.StartSiloAsync(asConfigured: true, workingDirectory: _elsewhere);
        using var http = new HttpClient { BaseAddress = silo.OperationsUrl, Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.TrueAsync(async () => (await http.GetAsync("healthz/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the silo to be ready");
        var metrics = await http.GetStringAsync("metrics");

        // Its appsettings.json says Orleans logs warnings and up: without it, Orleans writes dozens of info lines at start.
        var output = silo.Process.Output;
        Assert.DoesNotContain("info: Orleans", output);
        Assert.DoesNotContain("ServerGC", output);
        Assert.Contains("dotnet_gc_", metrics);
        Assert.Contains("orleans_", metrics);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz/live")).StatusCode);
    }
}
