using System.Diagnostics.CodeAnalysis;

namespace Feed.Client;

/// <summary>
/// The shape of feed keys, checked on the client so a typo fails at once with a clear message:
/// <c>country:XX</c>, <c>topic:slug</c>, <c>relation:XX-YY</c>, any case on input, canonical on output.
/// Only the shape: whether a country or topic exists is the server's to say.
/// </summary>
public static class FeedKeys
{
    /// <summary>The canonical form of <paramref name="text"/> (<c>relation:kr-az</c> → <c>relation:AZ-KR</c>).</summary>
    /// <exception cref="FormatException">The text is not shaped like a feed key.</exception>
    public static string Canonical(string text) =>
        TryCanonical(text, out var key, out var error) ? key : throw new FormatException(error);

    public static bool TryCanonical(string? text, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = null;
        var colon = text?.IndexOf(':') ?? -1;
        var kind = colon < 0 ? "" : text![..colon].Trim().ToLowerInvariant();
        var value = colon < 0 ? "" : text![(colon + 1)..].Trim();
        switch (kind)
        {
            case "country" when IsCountryCode(value):
                key = "country:" + value.ToUpperInvariant();
                break;
            case "topic" when IsTopicSlug(value):
                key = "topic:" + value.ToLowerInvariant();
                break;
            case "relation" when value.Length == 5 && value[2] == '-' && IsCountryCode(value[..2]) && IsCountryCode(value[3..]):
                var (a, b) = (value[..2].ToUpperInvariant(), value[3..].ToUpperInvariant());
                if (a == b)
                {
                    error = $"'{text}' is not a feed key: a relation needs two different countries, not {a} twice.";
                    return false;
                }
                key = string.CompareOrdinal(a, b) < 0 ? $"relation:{a}-{b}" : $"relation:{b}-{a}";
                break;
        }
        if (key is not null) return true;
        error = string.IsNullOrWhiteSpace(text)
            ? "A feed key is required, e.g. country:AZ, topic:economy or relation:AZ-KR."
            : $"'{text}' is not a feed key: use country:XX, topic:slug or relation:XX-YY "
              + "(XX and YY two different ISO 3166-1 alpha-2 codes).";
        return false;
    }

    private static bool IsCountryCode(string s) => s.Length == 2 && char.IsAsciiLetter(s[0]) && char.IsAsciiLetter(s[1]);

    private static bool IsTopicSlug(string s) =>
        s.Length is > 0 and <= 40 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetter(c) || c == '-');
}
