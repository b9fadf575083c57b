namespace Feed.Grains.Storage;

/// <summary>
/// Followed sources: each one's state, the URLs it has had (to find it again by any of them), and the ids of the
/// entries it has already ingested (newest kept), so a poll skips them before any grain call.
/// </summary>
public interface ISourceStore
{
    Task<SourceState?> GetAsync(string id);

    /// <summary>Every source, oldest first.</summary>
    Task<IReadOnlyList<SourceState>> ListAsync();

    /// <summary>The source that has (or had) this normalised URL, if any.</summary>
    Task<string?> FindIdByUrlAsync(string url);

    /// <summary>
    /// Writes the state, remembers its URL, and records <paramref name="newlySeen"/> entry ids (in the order given, the
    /// last newest), keeping the newest <paramref name="keepSeen"/>: all in one step.
    /// </summary>
    Task SaveAsync(SourceState state, IReadOnlyList<string> newlySeen, int keepSeen);

    /// <summary>The entry ids this source has ingested, newest <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ReadSeenAsync(string id, int limit);

    /// <summary>Forgets the source, its URLs and its seen entries (its articles stay).</summary>
    Task DeleteAsync(string id);
}
