using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Feed.LoadTest.Baseline;

/// <summary>
/// The baseline server as a separate process (<c>dotnet Feed.LoadTest.dll serve-baseline --port P</c>), so its
/// CPU is measured apart from the load tool's, exactly as Feed's is. Stopped (by its own process id) on dispose.
/// </summary>
public sealed class BaselineProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 20;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private BaselineProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }
    public int Pid => _process.Id;

    public static async Task<BaselineProcess> StartAsync(int port, TimeSpan startTimeout, TextWriter progress, CancellationToken cancellationToken)
    {
        if (port == 0) port = FreeLoopbackPort();
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(BaselineProcess).Assembly.Location);
        info.ArgumentList.Add("serve-baseline");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new LoadSetupException("Could not start the baseline server process.");
        var baseline = new BaselineProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => baseline.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => baseline.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        progress.WriteLine($"Started the baseline server (pid {process.Id}) on port {port}");
        try
        {
            await baseline.WaitUntilReadyAsync(startTimeout, cancellationToken);
        }
        catch
        {
            await baseline.DisposeAsync();
            throw;
        }
        return baseline;
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
                throw new LoadSetupException($"The baseline server exited with code {_process.ExitCode}: {string.Join(" | ", OutputSoFar())}");
            try
            {
                using var answer = await http.GetAsync("healthz", cancellationToken);
                if (answer.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new LoadSetupException($"The baseline server did not answer within {limit.TotalSeconds:0} s: {string.Join(" | ", OutputSoFar())}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept) _output.Dequeue();
        }
    }

    private string[] OutputSoFar()
    {
        lock (_output) return _output.ToArray();
    }

    /// <summary>The dotnet host running this tool (or the one the SDK names), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not stop in time; nothing more to do from here.
        }
        _process.Dispose();
    }
}
