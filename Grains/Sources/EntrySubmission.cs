using Feed.Sources.Parsing;

namespace Feed.Grains;

/// <summary>
/// Turns a source's entry into a submission for the same intake as a publish: the entry's text, link and date, the
/// source's title as <c>source</c>. Text longer than the publishing limits is shortened at a word, not refused, since
/// nobody could fix it; an entry with no text at all gives nothing.
/// </summary>
public static class EntrySubmission
{
    private const int HeadlineFromTextWords = 16;

    public static ArticleSubmission? From(SourceEntry entry, string articleId, string? sourceTitle, PublishingOptions limits)
    {
        var text = entry.Body ?? entry.Summary;
        var headline = entry.Title ?? FirstWords(text, HeadlineFromTextWords);
        if (headline is null) return null;
        var body = text ?? headline;
        var url = entry.Link?.AbsoluteUri;
        return new ArticleSubmission
        {
            Id = articleId,
            Headline = Shorten(headline, limits.MaxHeadlineLength),
            Summary = entry.Summary is { } summary && summary != body ? Shorten(summary, limits.MaxSummaryLength) : null,
            Body = Shorten(body, limits.MaxBodyLength),
            Url = url is not null && url.Length <= limits.MaxUrlLength ? url : null,
            Source = sourceTitle is null ? null : Shorten(sourceTitle, limits.MaxSourceLength),
            PublishedAt = entry.PublishedAt,
        };
    }

    /// <summary>At most <paramref name="max"/> characters, cut at the last space before the limit and marked with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', Math.Max(0, max - 2));
        if (cut <= max / 2)
        {
            cut = max - 1;
            if (char.IsLowSurrogate(text[cut])) cut--; // never split a character made of two UTF-16 units
        }
        return text[..cut].TrimEnd() + "…";
    }

    private static string? FirstWords(string? text, int count)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = text.Split((char[]?)null, count + 1, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= count ? string.Join(' ', words) : string.Join(' ', words.Take(count)) + "…";
    }
}
