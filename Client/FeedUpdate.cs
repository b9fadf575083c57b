namespace Feed.Client;

/// <summary>
/// What <see cref="FeedClient.ReadAllAsync"/> yields, in the order things happened: articles, history gaps,
/// subscriptions and connection changes. Within a feed, articles come in seq order, each article once.
/// </summary>
public abstract record FeedUpdate;

/// <summary>An article, through the first followed feed it reached the client by.</summary>
public sealed record ArticleArrived(FeedItem Item) : FeedUpdate;

/// <summary>Internal: moves a feed's handed-over position without anything for the app to see (a duplicate skipped, a subscribe from now).</summary>
internal sealed record PositionReached(string Feed, long Seq) : FeedUpdate;
