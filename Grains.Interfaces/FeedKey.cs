using System.Diagnostics.CodeAnalysis;

namespace Feed;

/// <summary>
/// A feed's identity in canonical form: <c>country:AZ</c>, <c>topic:economy</c>, <c>relation:AZ-KR</c>, or <c>all</c>
/// (every article).
/// Parsing accepts any case and either order of a relation's codes; <see cref="ToString"/> is canonical.
/// Only the shape is checked here; whether a code or slug exists is the feed catalog's business.
/// </summary>
[GenerateSerializer, Immutable, Alias("Feed.FeedKey")]
public readonly record struct FeedKey
{
    private FeedKey(FeedKind kind, string first, string? second)
    {
        Kind = kind;
        First = first;
        Second = second;
    }

    [Id(0)] public FeedKind Kind { get; }

    /// <summary>The country code, the topic slug, the alphabetically first code of a relation; empty for <c>all</c>.</summary>
    [Id(1)] public string First { get; }

    /// <summary>The second country code of a relation; null for other kinds.</summary>
    [Id(2)] public string? Second { get; }

    public static FeedKey Country(string code) =>
        IsCountryCode(code) ? new(FeedKind.Country, code.ToUpperInvariant(), null)
            : throw new ArgumentException($"'{code}' is not a two-letter country code.", nameof(code));

    /// <summary>The feed every article goes to, whatever its tags.</summary>
    public static FeedKey All { get; } = new(FeedKind.All, "", null);

    public static FeedKey Topic(string slug) =>
        IsTopicSlug(slug) ? new(FeedKind.Topic, slug.ToLowerInvariant(), null)
            : throw new ArgumentException($"'{slug}' is not a topic slug.", nameof(slug));

    public static FeedKey Relation(string a, string b)
    {
        if (!IsCountryCode(a) || !IsCountryCode(b))
            throw new ArgumentException($"'{a}-{b}' is not a pair of two-letter country codes.");
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        if (a == b) throw new ArgumentException($"A relation needs two different countries, not {a} twice.");
        return string.CompareOrdinal(a, b) < 0 ? new(FeedKind.Relation, a, b) : new(FeedKind.Relation, b, a);
    }

    public static FeedKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new FormatException(error);

    public static bool TryParse(string? text, out FeedKey key) => TryParse(text, out key, out _);

    public static bool TryParse(string? text, out FeedKey key, [NotNullWhen(false)] out string? error)
    {
        key = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A feed key is required, e.g. country:AZ, topic:economy or relation:AZ-KR.";
            return false;
        }
        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            key = All;
            error = null;
            return true;
        }
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? "" : text[..colon].Trim();
        var value = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (kind.Equals("country", StringComparison.OrdinalIgnoreCase) && IsCountryCode(value))
        {
            key = new(FeedKind.Country, value.ToUpperInvariant(), null);
        }
        else if (kind.Equals("topic", StringComparison.OrdinalIgnoreCase) && IsTopicSlug(value))
        {
            key = new(FeedKind.Topic, value.ToLowerInvariant(), null);
        }
        else if (kind.Equals("relation", StringComparison.OrdinalIgnoreCase)
                 && value.Length == 5 && value[2] == '-'
                 && IsCountryCode(value[..2]) && IsCountryCode(value[3..])
                 && !value[..2].Equals(value[3..], StringComparison.OrdinalIgnoreCase))
        {
            key = Relation(value[..2], value[3..]);
        }
        else
        {
            error = $"'{text}' is not a feed key: use country:XX, topic:slug, relation:XX-YY "
                    + "(XX and YY two different ISO 3166-1 alpha-2 codes) or all.";
            return false;
        }
        error = null;
        return true;
    }

    public override string ToString() => Kind switch
    {
        FeedKind.Country => "country:" + First,
        FeedKind.Topic => "topic:" + First,
        FeedKind.Relation => $"relation:{First}-{Second}",
        FeedKind.All => "all",
        _ => "",
    };

    private static bool IsCountryCode(string s) => s.Length == 2 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]);

    private static bool IsTopicSlug(string s) =>
        s.Length is > 0 and <= 40 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetter(c) || c == '-');
}
