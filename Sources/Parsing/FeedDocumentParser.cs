namespace Feed.Sources.Parsing;

// Library choice: CodeHollow.FeedReader 2.1.1 reads every format; System.Text.Json only screens JSON first.
// Both candidates were run on the quirky documents in tests/Feed.Sources.Tests/Documents:
// - System.ServiceModel.Syndication rejects RSS 1.0 (RDF) and JSON Feed outright, throws away the whole feed when
//   one item has an unreadable date ("sometime last week"), ignores content:encoded and keeps XHTML titles as raw
//   markup. (It does resolve xml:base and keeps date offsets.)
// - CodeHollow.FeedReader reads RSS 0.9x/1.0/2.0, Atom and JSON Feed, gives null for unreadable dates and reads
//   RFC 822 named zones (EST, PDT, UT, Z; military letters as UTC, as RFC 2822 advises). Its gaps, filled in
//   XmlFeedReader and EntryFields: relative links left as written (no xml:base), no date for Atom entries with only
//   <updated> or RSS items with only <dc:date>, XHTML content flattened, RSS 1.0 ids taken from the link, dates as
//   UTC DateTimes (offsets lost; the instant is right). Its own loader processes DTDs, so we load the XML ourselves
//   (no DTD, no resolver) and pass it the elements.

/// <summary>Reads RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1 documents into <see cref="SourceDocument"/>.</summary>
public static class FeedDocumentParser
{
    /// <summary>
    /// Parses the bytes as fetched. <paramref name="contentType"/> is the response's Content-Type (its charset, if any,
    /// is used when the document declares none); <paramref name="documentUri"/> resolves relative links.
    /// </summary>
    /// <exception cref="SourceDocumentException">Not a feed we can read; the message says why.</exception>
    public static SourceDocument Parse(byte[] content, string? contentType, Uri documentUri)
    {
        ArgumentNullException.ThrowIfNull(documentUri);
        if (content is null || content.Length == 0) throw new SourceDocumentException("empty document");

        var text = DocumentDecoder.Decode(content, contentType);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (start == text.Length) throw new SourceDocumentException("empty document");

        try
        {
            return text[start] switch
            {
                '<' => XmlFeedReader.Read(text, DocumentDecoder.MediaType(contentType), documentUri),
                '{' or '[' => JsonFeedReader.Read(text, documentUri),
                _ => throw new SourceDocumentException($"not a feed: neither XML nor JSON (starts with \"{Opening(text, start)}\")"),
            };
        }
        catch (Exception e) when (e is not SourceDocumentException)
        {
            // The library's surprises on odd documents (null references, format errors) still deserve a sentence.
            throw new SourceDocumentException($"not a feed: a document the feed reader could not read ({e.Message})", e);
        }
    }

    private static string Opening(string text, int start)
    {
        var opening = text.Substring(start, Math.Min(20, text.Length - start));
        return new string(opening.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
    }
}
