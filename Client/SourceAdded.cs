namespace Feed.Client;

/// <summary>The answer to adding a source.</summary>
/// <param name="Created">True when the source is new (201); false when the server already followed that URL (200) and
/// answered with the source as it has it.</param>
public sealed record SourceAdded(Source Source, bool Created);
