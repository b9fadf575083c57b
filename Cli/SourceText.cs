using System.Globalization;
using Feed.Client;

namespace Feed.Cli;

/// <summary>How sources read on a terminal: the list as an aligned table, one source in detail, one line naming it.</summary>
internal static class SourceText
{
    private static readonly string[] Columns = ["ID", "TITLE", "STATUS", "ARTICLES", "LAST POLL", "NEXT POLL"];

    /// <summary>
    /// A header and one row per source, each column as wide as its widest cell. The LAST ERROR column comes only when
    /// some source has an error, and last, because errors are long sentences that would push the other columns apart.
    /// </summary>
    public static IReadOnlyList<string> Table(IReadOnlyList<Source> sources, DateTimeOffset now)
    {
        var withErrors = sources.Any(s => s.LastError is not null);
        string[] header = withErrors ? [.. Columns, "LAST ERROR"] : Columns;
        var rows = new List<string[]> { header };
        foreach (var source in sources)
        {
            string[] row =
            [
                source.Id, Title(source) ?? "-", source.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? "-",
                source.ArticlesIngested.ToString(CultureInfo.InvariantCulture), LastPoll(source, now), NextPoll(source, now),
            ];
            rows.Add(withErrors ? [.. row, source.LastError ?? ""] : row);
        }
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).ToList();
    }

    /// <summary>Every field of one source on a line of its own, times as ISO 8601 UTC with how long ago or until.</summary>
    public static IReadOnlyList<string> Details(Source source, DateTimeOffset now)
    {
        var lines = new List<(string Name, string Value)>
        {
            ("id", source.Id),
            ("url", source.Url),
            ("title", Title(source) ?? "-"),
            ("poll every", $"{source.PollSeconds} s"),
            ("last polled", source.LastPolledAt is { } polled ? $"{Iso(polled)} ({LastPoll(source, now)})" : "never"),
            ("last status", source.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? "-"),
        };
        if (source.LastError is not null) lines.Add(("last error", source.LastError));
        lines.Add(("next poll", source.NextPollAt is { } next ? $"{Iso(next)} ({NextPoll(source, now)})" : "none scheduled"));
        lines.Add(("articles", source.ArticlesIngested.ToString(CultureInfo.InvariantCulture)));
        var width = lines.Max(l => l.Name.Length);
        return lines.Select(l => $"{l.Name.PadRight(width)}  {l.Value}").ToList();
    }

    /// <summary><c>ID: TITLE (URL)</c>, or <c>ID (URL)</c> while it has no title.</summary>
    public static string Named(Source source) =>
        Title(source) is { } title ? $"{source.Id}: {title} ({source.Url})" : $"{source.Id} ({source.Url})";

    /// <summary>What a poll did: <c>Polled source ID: TITLE (URL): status 200, 12 articles ingested; next poll in 5m</c>.</summary>
    public static string Polled(Source source, DateTimeOffset now) =>
        $"Polled source {Named(source)}: "
        + (source.LastStatus is { } status ? $"status {status}" : "no answer")
        + $", {source.ArticlesIngested} articles ingested"
        + (source.NextPollAt is null ? "" : $"; next poll {NextPoll(source, now)}");

    /// <summary>"5m ago", or "never" before the first poll.</summary>
    public static string LastPoll(Source source, DateTimeOffset now) =>
        source.LastPolledAt is { } at ? ItemText.Age(at.UtcDateTime, now.UtcDateTime) : "never";

    /// <summary>"in 5m", "due" once the time has come, "-" when none is scheduled.</summary>
    public static string NextPoll(Source source, DateTimeOffset now)
    {
        if (source.NextPollAt is not { } at) return "-";
        var wait = at - now;
        if (wait <= TimeSpan.Zero) return "due";
        if (wait < TimeSpan.FromMinutes(1)) return $"in {(int)Math.Ceiling(wait.TotalSeconds)}s";
        if (wait < TimeSpan.FromHours(1)) return $"in {(int)wait.TotalMinutes}m";
        if (wait < TimeSpan.FromHours(48)) return $"in {(int)wait.TotalHours}h";
        return $"in {(int)wait.TotalDays}d";
    }

    private static string? Title(Source source) => string.IsNullOrWhiteSpace(source.Title) ? null : source.Title;

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
