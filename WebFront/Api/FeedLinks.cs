namespace Feed.WebFront.Api;

/// <summary>The absolute addresses a syndication document of one feed names, on the host the request came to.</summary>
public sealed class FeedLinks(HttpRequest request, string feed)
{
    private readonly string _base = $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The feed's identity in its documents: its REST history address.</summary>
    public string Feed => $"{_base}/api/feeds/{feed}";
    public string Atom => $"{Feed}/atom";
    public string JsonFeed => $"{Feed}/jsonfeed";

    /// <summary>The live page following the feed.</summary>
    public string Page => $"{_base}/?follow={Uri.EscapeDataString(feed)}";

    public string Article(string id) => $"{_base}/api/articles/{Uri.EscapeDataString(id)}";
}
