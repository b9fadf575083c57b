namespace Feed.LoadTest;

/// <summary>
/// Everything one load run needs. Each default is the value the operator gets when the option is left out;
/// <see cref="LoadArguments"/> maps the command line (<c>--subscribers</c> …) onto these properties.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The web front's base address (hub at <c>/hubs/feed</c>, API at <c>/api/articles</c>). Default http://127.0.0.1:5080.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>How articles are published. Default HTTP.</summary>
    public LoadTarget Target { get; init; } = LoadTarget.Http;

    /// <summary>Publisher key sent as X-Api-Key (HTTP target). Default none.</summary>
    public string? PublisherKey { get; init; }

    /// <summary>The silo gateway the cluster client connects to (silo target). Default 127.0.0.1:30000.</summary>
    public string Gateway { get; init; } = "127.0.0.1:30000";

    /// <summary>Orleans ClusterId and ServiceId of the cluster (silo target). Default "feed" for both.</summary>
    public string ClusterId { get; init; } = "feed";
    public string ServiceId { get; init; } = "feed";

    /// <summary>S: SignalR subscribers (one connection each). Default 100.</summary>
    public int Subscribers { get; init; } = 100;

    /// <summary>K: feeds each subscriber follows, chosen at random among the F. Default 3.</summary>
    public int FeedsPerSubscriber { get; init; } = 3;

    /// <summary>F: country feeds in play, the first F of <see cref="CountryFeeds.Codes"/> (at most 200). Default 100.</summary>
    public int Feeds { get; init; } = 100;

    /// <summary>R: articles published per second, paced evenly. Default 100.</summary>
    public double Rate { get; init; } = 100;

    /// <summary>D: how long articles are published. Default 10 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Publishing at rate R before the measured window, so both sides run JIT-compiled, warmed-up code; its
    /// articles (ids <c>lt-{runId}-w{n}</c>) are delivered but not counted. Default 2 s.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after the last publish is answered deliveries may still arrive before missing ones count as lost. Default 5 s.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed of the random choices (follows and article countries): the same seed gives the same plan. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share of articles tagged with two countries (so in three feeds: both countries and their relation); the rest
    /// have one. Default 0: every article is in one followed feed, so a run asks for R × S × K / F deliveries per
    /// second, as the speed targets count them (S=2,000, K=3, F=100, R=1,000/s: 60,000/s). Above 0 the run also
    /// checks that an article in two followed feeds reaches a subscriber once.
    /// </summary>
    public double TwoCountryShare { get; init; }

    /// <summary>Characters of article body; sets the message size. Default 1,000 (a delivered message is then about 1.5 KB of JSON).</summary>
    public int BodyChars { get; init; } = 1000;

    /// <summary>
    /// The client subscribers speak the hub with: the tool's own reader of the JSON protocol over a WebSocket (default:
    /// cheap per delivery, so the tool takes little CPU from a server on the same machine), the official .NET SignalR client,
    /// or the event stream <c>/api/events</c> instead of the hub.
    /// </summary>
    public HubClient Client { get; init; } = HubClient.WebSocket;

    /// <summary>Use the MessagePack hub protocol instead of JSON (needs the SignalR client). Default false.</summary>
    public bool MessagePack { get; init; }

    /// <summary>Connections opened at the same time while setting up. Default 50.</summary>
    public int ConnectConcurrency { get; init; } = 50;

    /// <summary>Tries per connection (connect and subscribe) before setup fails. Default 3.</summary>
    public int ConnectAttempts { get; init; } = 3;

    /// <summary>Publishes allowed in flight at once; when all are busy the pacer waits (and reports the lag). Default 1,000.</summary>
    public int MaxInFlight { get; init; } = 1000;

    /// <summary>HTTP connections to the server for publishing. Default 64.</summary>
    public int HttpConnections { get; init; } = 64;

    /// <summary>Longest a single publish may take before it counts as an error. Default 30 s.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Server processes whose CPU time and memory are measured (Linux /proc). Default none.</summary>
    public IReadOnlyList<int> ServerPids { get; init; } = [];

    /// <summary>How often server memory (VmRSS) is sampled for its peak. Default 250 ms.</summary>
    public TimeSpan MemorySampleInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often progress is printed while connecting and publishing. Default 1 s.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where the JSON report is written. Default none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Baseline target: the port of the baseline server the tool starts (0 = a free one). Default 0.</summary>
    public int BaselinePort { get; init; }

    /// <summary>Baseline target: how long the started server may take to answer. Default 30 s.</summary>
    public TimeSpan BaselineStartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="LoadSetupException"/> naming the first option that cannot work.</summary>
    public void Validate()
    {
        void Require(bool ok, string message)
        {
            if (!ok) throw new LoadSetupException(message);
        }
        Require(Subscribers >= 1, "--subscribers must be 1 or more.");
        Require(Feeds is >= 2 && Feeds <= CountryFeeds.Codes.Count, $"--feeds must be between 2 and {CountryFeeds.Codes.Count}.");
        Require(FeedsPerSubscriber >= 1 && FeedsPerSubscriber <= Feeds, "--follow must be between 1 and --feeds.");
        Require(Rate > 0, "--rate must be above 0.");
        Require(Duration > TimeSpan.Zero, "--duration must be above 0.");
        Require((long)Math.Ceiling(Rate * Duration.TotalSeconds) <= 10_000_000, "--rate × --duration must stay under 10 million articles.");
        Require(Drain >= TimeSpan.Zero, "--drain must be 0 or more.");
        Require(Warmup >= TimeSpan.Zero && Rate * Warmup.TotalSeconds <= 10_000_000, "--warmup must be 0 or more (and R × warm-up under 10 million).");
        Require(TwoCountryShare is >= 0 and <= 1, "--two-country-share must be between 0 and 1.");
        Require(BodyChars >= 1, "--body-chars must be 1 or more.");
        Require(ConnectConcurrency >= 1, "--connect-concurrency must be 1 or more.");
        Require(ConnectAttempts >= 1, "--connect-attempts must be 1 or more.");
        Require(MaxInFlight >= 1, "--max-in-flight must be 1 or more.");
        Require(HttpConnections >= 1, "--http-connections must be 1 or more.");
        Require(Target != LoadTarget.Http || !string.IsNullOrEmpty(PublisherKey), "--key is required for the HTTP target.");
        Require(Target != LoadTarget.Baseline || !MessagePack, "The baseline server speaks JSON only; leave out --messagepack.");
        Require(!MessagePack || Client == HubClient.SignalR, "--messagepack needs --client signalr (the websocket client reads JSON only).");
        Require(Target != LoadTarget.Baseline || Client != HubClient.EventStream, "The baseline server has no event stream; leave out --client sse.");
    }

    /// <summary>How many articles the run publishes: R × D.</summary>
    public int ArticleCount => (int)Math.Ceiling(Rate * Duration.TotalSeconds);
}
