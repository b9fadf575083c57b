using System.Net.Http.Headers;
using System.Text;

namespace Feed.Sources.Parsing;

/// <summary>
/// Decodes a fetched document's bytes to text. Order of authority: a byte-order mark, then the XML declaration's
/// encoding, then the Content-Type charset, then UTF-8. A name no encoding answers to is skipped, not fatal:
/// feeds often declare encodings wrongly, and the next clue is usually right.
/// </summary>
internal static class DocumentDecoder
{
    // The declaration must sit at the very start; 200 bytes hold any real one.
    private const int DeclarationWindow = 200;

    static DocumentDecoder()
    {
        // .NET has only the Unicode encodings and Latin-1 built in; windows-1251, koi8-r, shift_jis... come from here.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(byte[] content, string? contentType)
    {
        var (encoding, preambleLength) = FromByteOrderMark(content);
        encoding ??= Find(DeclaredEncoding(content)) ?? Find(Charset(contentType)) ?? Encoding.UTF8;
        var text = encoding.GetString(content, preambleLength, content.Length - preambleLength);
        // A second BOM (some CMS templates emit one) would decode to U+FEFF and fail the XML parser; drop it.
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>The media type of a Content-Type header ("text/html"), lower case, or null.</summary>
    public static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;

    private static (Encoding?, int) FromByteOrderMark(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (Encoding.Unicode, 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    // Reads encoding="..." from an <?xml ...?> declaration. The declaration is ASCII in every encoding we can
    // decode without a BOM, so Latin-1 reads it faithfully whatever follows.
    private static string? DeclaredEncoding(byte[] content)
    {
        var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, DeclarationWindow));
        var start = head.TrimStart();
        if (!start.StartsWith("<?xml", StringComparison.Ordinal)) return null;
        var end = start.IndexOf("?>", StringComparison.Ordinal);
        var declaration = end > 0 ? start[..end] : start;
        var key = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (key < 0) return null;
        var equals = declaration.IndexOf('=', key);
        if (equals < 0) return null;
        var rest = declaration[(equals + 1)..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\'')) return null;
        var close = rest.IndexOf(rest[0], 1);
        return close > 1 ? rest[1..close].Trim() : null;
    }

    private static string? Charset(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet?.Trim('"', ' ') : null;

    private static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            var encoding = Encoding.GetEncoding(name);
            // A document without a BOM that declares UTF-16 is almost always UTF-8 mislabelled by a template.
            return encoding is UnicodeEncoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
