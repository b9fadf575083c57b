using System.Security.Cryptography;
using System.Text;

namespace Feed.Sources;

/// <summary>A source's address in one canonical form, so the same feed added twice is found again.</summary>
public static class SourceUrl
{
    /// <summary>
    /// An absolute http/https URL with scheme and host in lower case, no default port, no fragment; path and query
    /// are kept as given (they are case-sensitive on most servers).
    /// </summary>
    public static bool TryNormalize(string? text, out Uri url, out string error)
    {
        url = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed))
        {
            error = "'url' must be an absolute http or https address, e.g. https://example.com/feed.xml.";
            return false;
        }
        if (parsed.Scheme is not ("http" or "https"))
        {
            error = $"'url' must use http or https, not {parsed.Scheme}.";
            return false;
        }
        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            error = "'url' must not carry a user name or password.";
            return false;
        }
        var builder = new UriBuilder(parsed) { Fragment = "", Host = parsed.Host.ToLowerInvariant() };
        if (parsed.IsDefaultPort) builder.Port = -1;
        url = builder.Uri;
        return true;
    }

    /// <summary>The id of a source first added with this (normalised) URL: short, stable, safe in URLs and article ids.</summary>
    public static string IdOf(Uri normalized) =>
        "src-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.AbsoluteUri)), 0, 5);

    /// <summary>Whether <paramref name="id"/> has the shape <see cref="IdOf"/> gives, so other strings are not looked up at all.</summary>
    public static bool IsSourceId(string id) =>
        id.Length == 14 && id.StartsWith("src-", StringComparison.Ordinal) && id.AsSpan(4).ContainsAnyExcept("0123456789abcdef") == false;
}
