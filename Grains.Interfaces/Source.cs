namespace Feed;

/// <summary>
/// A followed source as operators see it (<c>GET /api/sources/{id}</c>). <see cref="LastStatus"/> is the last HTTP
/// status (304 when unchanged; null before the first poll or when no answer came); <see cref="LastError"/> a sentence
/// or null when the last poll went well.
/// </summary>
[GenerateSerializer, Immutable, Alias("Feed.Source")]
public sealed record Source
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Url { get; init; }
    [Id(2)] public string? Title { get; init; }
    [Id(3)] public int PollSeconds { get; init; }
    [Id(4)] public DateTimeOffset? LastPolledAt { get; init; }
    [Id(5)] public DateTimeOffset? NextPollAt { get; init; }
    [Id(6)] public int? LastStatus { get; init; }
    [Id(7)] public string? LastError { get; init; }
    [Id(8)] public long ArticlesIngested { get; init; }
}

/// <summary>What an operator asks for when adding a source: a normalised URL, an optional title, the poll interval.</summary>
[GenerateSerializer, Immutable, Alias("Feed.SourceSettings")]
public sealed record SourceSettings(
    [property: Id(0)] string Url,
    [property: Id(1)] string? Title,
    [property: Id(2)] TimeSpan PollInterval);

/// <summary>The answer to adding a source: the source, and whether it is new or was already followed.</summary>
[GenerateSerializer, Immutable, Alias("Feed.SourceAdded")]
public sealed record SourceAdded([property: Id(0)] Source Source, [property: Id(1)] bool Created);
