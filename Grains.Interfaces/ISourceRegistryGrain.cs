namespace Feed;

/// <summary>Adds sources (one per normalised URL) and lists them. A stateless worker: any silo answers.</summary>
[Alias("Feed.ISourceRegistryGrain")]
public interface ISourceRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Checks the URL and interval, then starts the source or answers the one already following that URL.</summary>
    /// <exception cref="SourceRejectedException">A URL or interval that cannot be followed.</exception>
    [Alias("Add")]
    Task<SourceAdded> Add(string? url, string? title, int? pollSeconds);

    /// <summary>Every source, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Source>> List();
}
