using Feed.LoadTest;
using Feed.LoadTest.Baseline;

// Thin entry point: parse, run, print; the work is in LoadRunner (which tests call in-process) and BaselineServer.
if (args.Length > 0 && args[0] == "serve-baseline")
{
    var port = args.Length == 3 && args[1] == "--port" && int.TryParse(args[2], out var p) ? p : -1;
    if (port is < 1 or > 65535)
    {
        Console.Error.WriteLine("usage: serve-baseline --port P");
        return 2;
    }
    await BaselineServer.RunAsync(port, CancellationToken.None);
    return 0;
}

LoadOptions? options;
try
{
    options = LoadArguments.Parse(args);
}
catch (LoadSetupException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
if (options is null)
{
    Console.WriteLine(LoadArguments.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    var report = await LoadRunner.RunAsync(options, Console.Out, stop.Token);
    if (options.JsonPath is not null) Console.WriteLine($"Report written to {options.JsonPath}");
    return report.Passed ? 0 : 1;
}
catch (LoadSetupException e)
{
    Console.Error.WriteLine($"Setup failed: {e.Message}");
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped before the end: no report.");
    return 2;
}
