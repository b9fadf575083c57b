using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Feed.Sources.Parsing;

/// <summary>
/// Turns the HTML found in feeds (descriptions, content, titles) into plain text with an HTML parser:
/// block elements become paragraph breaks, &lt;br&gt; a newline, scripts and styles are dropped, entities decoded,
/// whitespace collapsed.
/// </summary>
public static class HtmlText
{
    // Feeds that escape their HTML once more than needed ("&amp;lt;p&amp;gt;") reach us as text that is itself HTML.
    // Two extra rounds cover every double- and triple-escaped feed seen; more would only hide a real "<" in prose.
    private const int MaxUnescapeRounds = 2;

    // A parser builds a browsing context when created; one per thread keeps 1,000-entry feeds cheap.
    [ThreadStatic] private static HtmlParser? parser;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select", "button",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    /// <summary>Plain text of an HTML fragment; an empty string when it holds no text.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        // Most titles and categories hold neither tags nor entities: no need to build a DOM for them.
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return Collapse(html);
        var text = Render(html, out var hadElements);
        for (var round = 0; round < MaxUnescapeRounds && !hadElements && LooksLikeMarkup(text); round++)
            text = Render(text, out hadElements);
        return text;
    }

    /// <summary>
    /// Normalises text that is already plain (JSON Feed's content_text): runs of spaces collapse, single newlines stay,
    /// blank lines become one paragraph break.
    /// </summary>
    public static string NormalizePlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var writer = new PlainTextBuilder();
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n') newlines++;
            else if (c == '\r' || char.IsWhiteSpace(c)) writer.Space();
            else
            {
                if (newlines > 0) writer.Break(newlines > 1 ? 2 : 1);
                newlines = 0;
                writer.Char(c);
            }
        }
        return writer.ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new PlainTextBuilder();
        builder.Text(text, preformatted: false);
        return builder.ToString();
    }

    private static string Render(string html, out bool hadElements)
    {
        parser ??= new HtmlParser();
        using var document = parser.ParseDocument(html);
        var body = document.Body;
        if (body is null)
        {
            hadElements = false;
            return "";
        }
        hadElements = body.Children.Length > 0;
        var writer = new PlainTextBuilder();
        Walk(body, writer, preformatted: false);
        return writer.ToString();
    }

    private static void Walk(INode node, PlainTextBuilder writer, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Text(text.Data, preformatted);
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (Dropped.Contains(name)) break;
                    if (name == "br")
                    {
                        writer.Break(1);
                        break;
                    }
                    // Table cells and images are inline but must not glue words together.
                    if (name is "td" or "th") writer.Space();
                    var block = Blocks.Contains(name);
                    if (block) writer.Break(2);
                    Walk(element, writer, preformatted || name == "pre");
                    if (block) writer.Break(2);
                    else if (name is "td" or "th") writer.Space();
                    break;
            }
        }
    }

    // Text that still holds a tag after one round of parsing was escaped HTML ("<p>" came from "&lt;p&gt;").
    private static bool LooksLikeMarkup(string text)
    {
        var open = text.IndexOf('<');
        while (open >= 0 && open + 1 < text.Length)
        {
            var next = text[open + 1];
            if ((char.IsAsciiLetter(next) || next == '/' || next == '!') && text.IndexOf('>', open + 2) > 0) return true;
            open = text.IndexOf('<', open + 1);
        }
        return false;
    }

    /// <summary>Appends text with whitespace collapsed; breaks and spaces are written only between two words.</summary>
    private sealed class PlainTextBuilder
    {
        private readonly StringBuilder builder = new();
        private int pendingBreak; // 0 none, 1 newline, 2 paragraph
        private bool pendingSpace;

        public void Break(int level) => pendingBreak = Math.Max(pendingBreak, level);

        public void Space() => pendingSpace = true;

        public void Text(string text, bool preformatted)
        {
            foreach (var c in text)
            {
                if (preformatted && c == '\n') Break(1);
                else if (char.IsWhiteSpace(c)) Space();
                else Char(c);
            }
        }

        public void Char(char c)
        {
            if (builder.Length > 0)
            {
                if (pendingBreak > 0) builder.Append('\n', pendingBreak);
                else if (pendingSpace) builder.Append(' ');
            }
            pendingBreak = 0;
            pendingSpace = false;
            builder.Append(c);
        }

        public override string ToString() => builder.ToString();
    }
}
