namespace Feed.Client;

/// <summary>None of the configured servers could be reached (refused, unknown host, timed out).</summary>
public sealed class FeedUnreachableException(IReadOnlyList<Uri> servers, Exception? lastError)
    : Exception(Describe(servers, lastError), lastError)
{
    /// <summary>The servers that were tried, in order.</summary>
    public IReadOnlyList<Uri> Servers { get; } = servers;

    private static string Describe(IReadOnlyList<Uri> servers, Exception? lastError) =>
        $"Cannot reach the feed server at {string.Join(", ", servers)}"
        + (lastError is null ? "." : $" ({FeedErrors.Innermost(lastError)}).");
}
