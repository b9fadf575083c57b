namespace Feed.Sources.Parsing;

/// <summary>A document that is not a feed we can read; the message is a sentence for an operator ("not a feed: HTML page").</summary>
public sealed class SourceDocumentException(string message, Exception? inner = null) : Exception(message, inner);
