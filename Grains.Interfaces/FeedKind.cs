namespace Feed;

/// <summary>The three kinds of feed: one grain per country, per topic and per pair of countries.</summary>
public enum FeedKind
{
    Country,
    Topic,
    Relation,
}
