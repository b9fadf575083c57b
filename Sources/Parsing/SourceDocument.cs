namespace Feed.Sources.Parsing;

/// <summary>A feed document read from a source: its own title and link, and its entries in document order.</summary>
public sealed record SourceDocument(string? Title, Uri? Link, IReadOnlyList<SourceEntry> Entries);

/// <summary>
/// One entry of a feed document, as plain text with absolute links. <see cref="Id"/> is the entry's own
/// guid/id when it has one; <see cref="PublishedAt"/> null when the entry has no date that could be read.
/// </summary>
public sealed record SourceEntry(
    string? Id,
    string? Title,
    Uri? Link,
    DateTimeOffset? PublishedAt,
    string? Summary,
    string? Body,
    IReadOnlyList<string> Categories);
