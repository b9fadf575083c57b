namespace Feed.Client;

/// <summary>The answer to a publish: how the article was tagged and where it went.</summary>
/// <param name="Duplicate">True when an article with this id was already stored; nothing was delivered again.</param>
public sealed record PublishResult(string Id, IReadOnlyList<string> Countries, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Feeds, bool Duplicate);
