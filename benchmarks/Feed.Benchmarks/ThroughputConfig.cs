using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Feed.Benchmarks;

/// <summary>Adds operations per second (one thread, so per core) next to the usual mean time and allocations.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(StatisticColumn.OperationsPerSecond);
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}
