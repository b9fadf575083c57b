namespace Feed.WebFront.Demo;

/// <summary>
/// The demo: the web front serves three sample news sources (RSS 2.0, Atom, JSON Feed) made from bundled articles and
/// follows them as sources, so a new user sees the real path move. Section <c>Feed:Demo</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Feed:Demo";

    /// <summary>Off unless configured (the run command's Development settings turn it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>A new entry appears in one of the sample sources this often.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often Feed polls each sample source (at least <c>Feed:Sources:MinPollInterval</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Newest entries each sample document lists.</summary>
    public int EntriesPerDocument { get; set; } = 10;

    /// <summary>The JSON-lines file of sample articles, relative to the app folder.</summary>
    public string SamplesPath { get; set; } = Path.Combine("Demo", "sample-articles.jsonl");

    public string? Check()
    {
        if (Interval <= TimeSpan.Zero) return "Feed:Demo:Interval must be positive.";
        if (PollInterval <= TimeSpan.Zero) return "Feed:Demo:PollInterval must be positive.";
        if (EntriesPerDocument < 1) return "Feed:Demo:EntriesPerDocument must be at least 1.";
        return null;
    }
}
