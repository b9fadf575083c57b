namespace Feed.WebFront.Demo;

/// <summary>The demo switch: replays bundled sample articles so a new user sees the page move. Section <c>Feed:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Feed:Demo";

    /// <summary>Off unless configured (the run command's Development settings turn it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>Pause between two sample articles.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>The JSON-lines file of sample articles, relative to the app folder.</summary>
    public string SamplesPath { get; set; } = Path.Combine("Demo", "sample-articles.jsonl");
}
