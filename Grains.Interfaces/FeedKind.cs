namespace Feed;

/// <summary>
/// The kinds of feed: one grain per country, per topic and per pair of countries, and the one feed of every
/// article (<c>all</c>), which a page shows before its reader has followed anything.
/// </summary>
public enum FeedKind
{
    Country,
    Topic,
    Relation,
    All,
}
