using Feed.Grains.Storage;
using Orleans.Concurrency;

namespace Feed.Grains;

/// <summary>Answers readiness checks on the silo that receives them (a stateless worker: no placement, no state).</summary>
[StatelessWorker]
public sealed class StorageProbeGrain(IStoreProbe probe) : Grain, IStorageProbeGrain
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task Check()
    {
        using var timeout = new CancellationTokenSource(Limit);
        await probe.CheckAsync(timeout.Token);
    }
}
