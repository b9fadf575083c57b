namespace Feed.LoadTest;

/// <summary>Where the articles are published.</summary>
public enum LoadTarget
{
    /// <summary><c>POST /api/articles</c> on the web front, with a publisher key.</summary>
    Http,

    /// <summary>Straight to the silo: an Orleans cluster client calls <c>IPublisherGrain.Publish</c> through a gateway.</summary>
    Silo,

    /// <summary>The tool starts its own bare SignalR group-broadcast server and loads it instead of Feed.</summary>
    Baseline,
}
