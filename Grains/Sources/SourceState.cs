using System.Text.Json;

namespace Feed.Grains;

/// <summary>
/// What a source grain keeps between polls and restarts: its settings, the validators of the last document, the
/// schedule and counters. Written as JSON by the stores.
/// </summary>
public sealed record SourceState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string Id { get; init; }
    public required string Url { get; init; }
    /// <summary>The operator's title, else the document's own, else null until the first document.</summary>
    public string? Title { get; init; }
    /// <summary>True when the operator gave the title: the document's own title does not replace it.</summary>
    public bool TitleGiven { get; init; }
    public TimeSpan PollInterval { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }
    public DateTimeOffset NextPollAt { get; init; }
    public int? LastStatus { get; init; }
    public string? LastError { get; init; }
    public long ArticlesIngested { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    public Source ToSource() => new()
    {
        Id = Id,
        Url = Url,
        Title = Title,
        PollSeconds = (int)PollInterval.TotalSeconds,
        LastPolledAt = LastPolledAt,
        NextPollAt = NextPollAt,
        LastStatus = LastStatus,
        LastError = LastError,
        ArticlesIngested = ArticlesIngested,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SourceState FromJson(string json) =>
        JsonSerializer.Deserialize<SourceState>(json, Json) ?? throw new InvalidDataException("A stored source is empty.");
}
