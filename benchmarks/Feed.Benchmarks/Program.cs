using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Feed.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Feed.Benchmarks.TaggerBenchmarks).Assembly).Run(args);
