using System.Text;
using AngleSharp.Html;

namespace Feed.Sources.Parsing;

/// <summary>
/// Second chance for a feed that failed to load for one of two common, harmless faults:
/// HTML's named entities (&amp;nbsp;, &amp;eacute;) that XML does not know, and raw control characters that XML
/// forbids. Known HTML entities become numeric references and control characters are removed. Unknown entity names
/// (an XXE's "&amp;xxe;") stay as they are and still fail. Lines are kept, so error line numbers still hold.
/// </summary>
internal static class XmlRepair
{
    // The longest HTML entity name is 31 characters ("CounterClockwiseContourIntegral").
    private const int MaxNameLength = 32;

    /// <summary>The repaired text, or null when there was nothing to repair.</summary>
    public static string? Repair(string text)
    {
        StringBuilder? repaired = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            int length;
            if (c == '&' && NameAt(text, i + 1) is { } name && Numeric(name) is { } numeric)
                (replacement, length) = (numeric, name.Length + 2);
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r') && c < '\u007f')
                (replacement, length) = ("", 1);
            else continue;
            repaired ??= new StringBuilder(text.Length + 256);
            repaired.Append(text, copied, i - copied).Append(replacement);
            copied = i + length;
            i = copied - 1;
        }
        return repaired?.Append(text, copied, text.Length - copied).ToString();
    }

    private static string? Numeric(string name)
    {
        if (name is "amp" or "lt" or "gt" or "quot" or "apos") return null;
        var symbol = HtmlEntityProvider.Resolver.GetSymbol(name + ";");
        if (string.IsNullOrEmpty(symbol)) return null;
        var numeric = new StringBuilder();
        foreach (var rune in symbol.EnumerateRunes()) numeric.Append("&#").Append(rune.Value).Append(';');
        return numeric.ToString();
    }

    // "nbsp" for "&nbsp;": letters and digits, starting with a letter, closed by ';'.
    private static string? NameAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && end - start <= MaxNameLength && char.IsAsciiLetterOrDigit(text[end])) end++;
        if (end == start || end >= text.Length || text[end] != ';' || !char.IsAsciiLetter(text[start])) return null;
        return text[start..end];
    }
}
