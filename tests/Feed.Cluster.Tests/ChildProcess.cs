using System.Diagnostics;
using System.Text;

namespace Feed.Cluster.Tests;

/// <summary>A process the tests start, with its output kept for failure messages, and kill -9.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _readyLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _readyText;

    private ChildProcess(string name, ProcessStartInfo start, string? readyText)
    {
        Name = name;
        _readyText = readyText;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _readyLine.TrySetException(new InvalidOperationException($"{Name} exited early:\n{Output}"));
    }

    public string Name { get; }
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static ChildProcess Start(string name, string file, IEnumerable<string> args, IDictionary<string, string> environment, string? readyText = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var child = new ChildProcess(name, start, readyText);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the line that says the process is ready (bounded).</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        var done = await Task.WhenAny(_readyLine.Task, Task.Delay(limit));
        if (done != _readyLine.Task) throw new TimeoutException($"{Name} did not say '{_readyText}' within {limit.TotalSeconds} s:\n{Output}");
        await _readyLine.Task;
    }

    /// <summary>kill -9: no shutdown, no flushing, as a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>kill -STOP: the process stops dead, as in a long GC pause or on a starved VM, until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>kill -CONT: a frozen process carries on where it stopped.</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString()]);
        kill.WaitForExit(5_000);
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {Name} failed");
    }

    /// <summary>SIGTERM and wait: an orderly stop.</summary>
    public async Task StopAsync(TimeSpan limit)
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit(5_000);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (_readyText is not null && line.Contains(_readyText, StringComparison.Ordinal)) _readyLine.TrySetResult(line);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
