namespace Feed.Client;

/// <summary>The hub's <c>gap</c> event: items of <see cref="Feed"/> were skipped for this connection.</summary>
internal sealed record SkipNotice(string Feed, bool Complete);
