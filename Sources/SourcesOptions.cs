namespace Feed.Sources;

/// <summary>How Feed follows RSS, Atom and JSON Feed sources. Section <c>Feed:Sources</c>.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Feed:Sources";

    /// <summary>Source URLs added at start (idempotent: a URL already followed stays as it is).</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>
    /// Whether sources may live at private, loopback or link-local addresses. Off by default, so nobody can make
    /// Feed fetch from inside its own network; checked on the address actually connected to.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How often a source is polled when it is added without <c>pollSeconds</c>.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest interval a source may ask for.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest interval a source may ask for, and the cap on a <c>Cache-Control: max-age</c> honoured.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Each poll is moved by up to this share of its interval, either way, so sources do not poll in step.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>The first retry after a failed poll; each further failure doubles it, up to <see cref="MaxErrorBackoff"/>.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between polls of a failing source.</summary>
    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The longest <c>Retry-After</c> honoured (a source asking for more is retried after this).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A fetch that has not finished within this time fails ("timed out after 20 s").</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Larger documents are cut off and the poll fails with a clear error.</summary>
    public long MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed in one fetch.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Entry ids a source remembers as already ingested, newest kept; older ones are checked by article id instead.</summary>
    public int MaxRememberedEntries { get; set; } = 5000;

    /// <summary>
    /// How often the durable reminder wakes each source grain. The grain polls on its own timer while active; the
    /// reminder brings it back after a restart or when its silo died. Orleans' minimum is one minute unless lowered.
    /// </summary>
    public TimeSpan WakeUpInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sent with every fetch, so publishers can see who polls them.</summary>
    public string UserAgent { get; set; } = "Feed/1.0 (news feed reader; +https://github.com/feed)";

    /// <summary>The rules between options, checked at start; null when they hold.</summary>
    public string? Check()
    {
        if (MinPollInterval <= TimeSpan.Zero) return "Feed:Sources:MinPollInterval must be positive.";
        if (DefaultPollInterval < MinPollInterval || DefaultPollInterval > MaxPollInterval)
            return "Feed:Sources:DefaultPollInterval must lie between MinPollInterval and MaxPollInterval.";
        if (Jitter is < 0 or >= 1) return "Feed:Sources:Jitter must be at least 0 and below 1.";
        if (ErrorBackoff <= TimeSpan.Zero || MaxErrorBackoff < ErrorBackoff)
            return "Feed:Sources:ErrorBackoff must be positive and at most MaxErrorBackoff.";
        if (FetchTimeout <= TimeSpan.Zero) return "Feed:Sources:FetchTimeout must be positive.";
        if (MaxDocumentBytes < 1024) return "Feed:Sources:MaxDocumentBytes must be at least 1024.";
        if (MaxRedirects < 0) return "Feed:Sources:MaxRedirects must be 0 or more.";
        if (MaxRememberedEntries < 1) return "Feed:Sources:MaxRememberedEntries must be at least 1.";
        if (WakeUpInterval <= TimeSpan.Zero) return "Feed:Sources:WakeUpInterval must be positive.";
        if (string.IsNullOrWhiteSpace(UserAgent)) return "Feed:Sources:UserAgent must not be empty.";
        return null;
    }
}
