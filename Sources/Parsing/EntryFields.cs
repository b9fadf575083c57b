using System.Xml.Linq;

namespace Feed.Sources.Parsing;

/// <summary>
/// Cleans the raw fields the feed library hands us into the shape of <see cref="SourceEntry"/>: plain text,
/// absolute http(s) links, UTC dates, no empty strings. Shared by every format so they all behave alike.
/// </summary>
internal static class EntryFields
{
    /// <summary>Builds an entry. Summary is the description, or the content when there is no description;
    /// Body is the content only when the entry has both and they differ, so the caller's fallback stays simple.</summary>
    public static SourceEntry Entry(
        string? id, string? title, Uri? link, DateTimeOffset? publishedAt, string? summary, string? body,
        IEnumerable<string?>? categories)
    {
        if (summary is null) (summary, body) = (body, null);
        else if (body == summary) body = null;
        return new SourceEntry(Trimmed(id), title, link, publishedAt, summary, body, Categories(categories));
    }

    /// <summary>Plain text of HTML, or null when nothing is left.</summary>
    public static string? Html(string? html) => Nullable(HtmlText.ToPlainText(html));

    /// <summary>Plain text that is already plain (JSON Feed's summary and content_text), or null.</summary>
    public static string? Plain(string? text) => Nullable(HtmlText.NormalizePlainText(text));

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An absolute http(s) link: relative ones resolve against <paramref name="baseUri"/>; others are dropped
    /// (javascript:, data:, mailto: have no business in a news link).</summary>
    public static Uri? Link(string? href, Uri? baseUri)
    {
        var value = Trimmed(href);
        if (value is null) return null;
        if (!Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri)) return null;
        if (!uri.IsAbsoluteUri)
        {
            if (baseUri is null || !Uri.TryCreate(baseUri, uri, out uri)) return null;
        }
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri : null;
    }

    /// <summary>
    /// The base for an element's relative links: its innermost xml:base (itself resolved against the outer ones and
    /// the document), else the feed's own link, else the document's address.
    /// </summary>
    public static Uri BaseFor(XElement? element, Uri? feedLink, Uri documentUri)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
            if (e.Attribute(XNamespace.Xml + "base")?.Value is { } value && Trimmed(value) is { } trimmed) chain.Add(trimmed);
        if (chain.Count == 0) return feedLink ?? documentUri;
        var resolved = documentUri;
        for (var i = chain.Count - 1; i >= 0; i--)
            if (Uri.TryCreate(resolved, chain[i], out var next)) resolved = next;
        return resolved;
    }

    /// <summary>The library gives UTC (or zone-less, which RFC 822 readers take as UTC) DateTimes; missing → null.</summary>
    public static DateTimeOffset? Date(DateTime? value)
    {
        if (value is not { } date || date == DateTime.MinValue || date == DateTime.MaxValue) return null;
        var utc = date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    private static IReadOnlyList<string> Categories(IEnumerable<string?>? categories)
    {
        if (categories is null) return [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var category in categories)
            if (Html(category) is { } text && seen.Add(text)) list.Add(text);
        return list;
    }

    private static string? Nullable(string text) => text.Length == 0 ? null : text;
}
