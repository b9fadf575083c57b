namespace Feed;

/// <summary>Asks a silo whether Feed's storage answers; for readiness checks of web fronts and silos.</summary>
[Alias("Feed.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Completes when storage answered a trivial request; throws when it did not.</summary>
    [Alias("Check")]
    Task Check();
}
