using Orleans.Concurrency;

namespace Feed;

/// <summary>
/// One followed source, keyed by its id: the only poller of that source in the whole cluster. It fetches the document
/// on its schedule, publishes each entry it has not seen through the same intake as a publish, and keeps its state.
/// </summary>
[Alias("Feed.ISourceGrain")]
public interface ISourceGrain : IGrainWithStringKey
{
    /// <summary>Starts following with these settings; a source that already exists is answered as it is (Created false).</summary>
    [Alias("Start")]
    Task<SourceAdded> Start(SourceSettings settings);

    /// <summary>The source, or null when there is none with this id.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<Source?> Get();

    /// <summary>Polls now and answers the source after the poll; null when there is none with this id.</summary>
    [Alias("PollNow")]
    Task<Source?> PollNow();

    /// <summary>Stops following; the articles already ingested stay. False when there was no such source.</summary>
    [Alias("Stop")]
    Task<bool> Stop();
}
