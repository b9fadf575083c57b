using System.Diagnostics;
using Feed.Sources.Fetching;

namespace Feed.Benchmarks;

/// <summary>
/// The fetcher's own CPU per 304 poll, which BenchmarkDotNet cannot separate from the in-process server's: the server
/// runs in a child process (<c>serve-304</c>), this process polls it N times in a row (100,000 by default: process CPU time on Linux counts in 10 ms ticks) and divides its CPU time
/// (user + system, every thread) by N. The server's CPU is reported too, from its process.
/// </summary>
public static class PollCpu
{
    public static async Task<int> RunAsync(int polls, int rounds)
    {
        using var server = StartServer(out var url);
        try
        {
            var (http, fetcher) = SourcePollBenchmarks.CreateFetcher();
            using var _ = http;
            var validators = new Validators(NotModifiedServer.ETag, NotModifiedServer.LastModified);
            Console.WriteLine($"Polling {url} from process {Environment.ProcessId}, server process {server.Id}; {Environment.ProcessorCount} cores");

            // Warm-up: JIT and tiered compilation, the connection; a fresh process recompiles hot code for a few seconds.
            var warmUntil = Stopwatch.StartNew();
            while (warmUntil.Elapsed < TimeSpan.FromSeconds(5)) await PollAsync(fetcher, url, validators, 1_000);

            var self = Process.GetCurrentProcess();
            for (var round = 1; round <= rounds; round++)
            {
                self.Refresh();
                server.Refresh();
                var clientBefore = self.TotalProcessorTime;
                var serverBefore = server.TotalProcessorTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                await PollAsync(fetcher, url, validators, polls);
                clock.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                self.Refresh();
                server.Refresh();
                var client = self.TotalProcessorTime - clientBefore;
                var served = server.TotalProcessorTime - serverBefore;
                Console.WriteLine($"round {round}: {polls:N0} polls in {clock.Elapsed.TotalSeconds:F2} s ({polls / clock.Elapsed.TotalSeconds:N0}/s, "
                                  + $"{clock.Elapsed.TotalMicroseconds / polls:F1} µs each); client CPU {client.TotalMicroseconds / polls:F1} µs/poll, "
                                  + $"server CPU {served.TotalMicroseconds / polls:F1} µs/poll; client allocated {allocated / polls:N0} B/poll");
            }
            return 0;
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000)) server.Kill();
        }
    }

    private static async Task PollAsync(SourceFetcher fetcher, Uri url, Validators validators, int polls)
    {
        for (var i = 0; i < polls; i++)
        {
            var result = await fetcher.FetchAsync(url, validators);
            if (!result.NotModified) throw new InvalidOperationException($"expected 304, got {result.Status} {result.Error}");
        }
    }

    private static Process StartServer(out Uri url)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet Feed.Benchmarks.dll` the process is dotnet itself: name the assembly again.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(PollCpu).Assembly.Location);
        start.ArgumentList.Add("serve-304");
        var server = Process.Start(start)!;
        var line = server.StandardOutput.ReadLine();
        if (line is null || !Uri.TryCreate(line, UriKind.Absolute, out var address))
        {
            server.Kill();
            throw new InvalidOperationException($"the server did not say where it listens (\"{line}\")");
        }
        url = address;
        return server;
    }

    /// <summary>The child: serves until its standard input closes, after printing its address.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await NotModifiedServer.StartAsync();
        Console.WriteLine(server.Url);
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
