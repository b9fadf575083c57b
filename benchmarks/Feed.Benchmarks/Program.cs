using BenchmarkDotNet.Running;
using Feed.Benchmarks;

// dotnet run -c Release --project benchmarks/Feed.Benchmarks -- --filter '*'
// The fetcher's CPU per 304 poll, server in another process: ... -- poll-cpu [polls per round, default 100000] [rounds, default 3]
switch (args)
{
    case ["poll-cpu", .. var rest]:
        return await PollCpu.RunAsync(rest.Length > 0 ? int.Parse(rest[0]) : 100_000, rest.Length > 1 ? int.Parse(rest[1]) : 3);
    case ["serve-304"]:
        return await PollCpu.ServeAsync();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(TaggerBenchmarks).Assembly).Run(args);
        return 0;
}
