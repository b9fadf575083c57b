namespace Feed.Sources.Parsing;

/// <summary>Reads RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1 documents into <see cref="SourceDocument"/>.</summary>
public static class FeedDocumentParser
{
    /// <summary>
    /// Parses the bytes as fetched. <paramref name="contentType"/> is the response's Content-Type (its charset, if any,
    /// is used when the document declares none); <paramref name="documentUri"/> resolves relative links.
    /// </summary>
    /// <exception cref="SourceDocumentException">Not a feed we can read; the message says why.</exception>
    public static SourceDocument Parse(byte[] content, string? contentType, Uri documentUri) =>
        throw new NotImplementedException("Written on the sources-parsing branch.");
}
