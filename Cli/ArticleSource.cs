using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Feed.Cli;

/// <summary>
/// Reads articles to publish: JSON lines (one object per line, read as they come, so files of any size stream),
/// or one JSON document holding an object or an array of objects (when the first line is not a whole object).
/// </summary>
internal static class ArticleSource
{
    /// <summary>One article's JSON, or why the text at <see cref="Where"/> is not one.</summary>
    public sealed record Entry(string Where, string? Json, string? Error);

    public static async IAsyncEnumerable<Entry> ReadAsync(TextReader input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        string? first;
        do
        {
            first = await input.ReadLineAsync(cancellationToken);
            lineNumber++;
        } while (first is not null && string.IsNullOrWhiteSpace(first));
        if (first is null) yield break;

        if (!IsWholeObject(first, out _))
        {
            // Not JSON lines: one document spread over several lines.
            var document = first + "\n" + await input.ReadToEndAsync(cancellationToken);
            foreach (var entry in FromDocument(document, lineNumber)) yield return entry;
            yield break;
        }

        for (var line = first; line is not null; line = await input.ReadLineAsync(cancellationToken), lineNumber++)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"line {lineNumber}";
            yield return IsWholeObject(line, out var error) ? new Entry(where, line, null) : new Entry(where, null, error);
        }
    }

    private static IEnumerable<Entry> FromDocument(string document, int firstLineNumber)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            // JSON lines after all, whose first line is broken: report that line and go on with the others.
            return document.Split('\n')
                .Select((line, i) => (Line: line.TrimEnd('\r'), Number: firstLineNumber + i))
                .Where(l => !string.IsNullOrWhiteSpace(l.Line))
                .Select(l => IsWholeObject(l.Line, out var error)
                    ? new Entry($"line {l.Number}", l.Line, null)
                    : new Entry($"line {l.Number}", null, error))
                .ToList();
        }
        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [new Entry("the article", root.GetRawText(), null)],
                JsonValueKind.Array => root.EnumerateArray().Select((element, i) => element.ValueKind == JsonValueKind.Object
                    ? new Entry($"article {i + 1}", element.GetRawText(), null)
                    : new Entry($"article {i + 1}", null, "not a JSON object")).ToList(),
                _ => [new Entry("the input", null, "not a JSON object, an array of them, or JSON lines")],
            };
        }
    }

    private static bool IsWholeObject(string text, out string? error)
    {
        try
        {
            using var parsed = JsonDocument.Parse(text);
            error = parsed.RootElement.ValueKind == JsonValueKind.Object ? null : "not a JSON object";
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
        }
        return error is null;
    }
}
