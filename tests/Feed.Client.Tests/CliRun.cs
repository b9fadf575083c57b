using Feed.Cli;

namespace Feed.Client.Tests;

/// <summary>The feed command run in-process with its output captured, an empty environment and a bounded run time.</summary>
public sealed class CliRun
{
    public ObservedWriter Out { get; } = new();
    public ObservedWriter Error { get; } = new();

    /// <summary>Runs to the end within <paramref name="seconds"/>; returns the exit code.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(string[] args, string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null, int seconds = 60)
    {
        var run = new CliRun();
        var code = await Eventually.Within(run.StartAsync(args, CancellationToken.None, stdin, environment), TimeSpan.FromSeconds(seconds),
            $"feed {string.Join(' ', args)} to finish");
        return (code, run.Out.Text, run.Error.Text);
    }

    /// <param name="environment">What FEED_URL and FEED_API_KEY hold; by default nothing, whatever the machine has.</param>
    public Task<int> StartAsync(string[] args, CancellationToken cancellationToken, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Task.Run(() => CliApp.RunAsync(args, Out, Error, cancellationToken, new StringReader(stdin ?? ""), name => environment?.GetValueOrDefault(name)));
}
