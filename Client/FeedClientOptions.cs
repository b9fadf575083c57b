namespace Feed.Client;

/// <summary>Where the client connects and how patiently. Every default is meant for a long-running app.</summary>
public sealed class FeedClientOptions
{
    /// <summary>The default server when none is configured.</summary>
    public static readonly Uri DefaultServer = new("http://127.0.0.1:5080/");

    /// <summary>
    /// Web front base URLs, tried in turn: a dropped connection first goes back to the server it was on, then moves
    /// to the next one after each failed attempt. Default: <see cref="DefaultServer"/>.
    /// </summary>
    public List<Uri> Servers { get; set; } = [DefaultServer];

    /// <summary>A publisher key, sent as <c>X-Api-Key</c> when publishing and with the source calls. Default: none (reading needs no key).</summary>
    public string? ApiKey { get; set; }

    /// <summary>MessagePack instead of JSON on the hub: smaller and faster to parse. Default: false (JSON).</summary>
    public bool UseMessagePack { get; set; }

    /// <summary>
    /// Waits before reconnect attempts 1, 2, 3... after a drop; after the last one each wait doubles up to
    /// <see cref="MaxReconnectDelay"/>. Default: 0 s, 0.5 s, 1 s, 2 s, 5 s, 10 s.
    /// </summary>
    public List<TimeSpan> ReconnectDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>The longest wait between reconnect attempts. Default: 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Each wait is shortened or lengthened at random by up to this fraction, so that the clients of a restarted server do
    /// not all come back in the same instant. Default: 0.2.
    /// </summary>
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>Reconnect attempts after a drop before the client gives up and stops; null retries forever. Default: null.</summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>
    /// Article ids remembered to deliver an article that belongs to several followed feeds once. It must cover the
    /// items a resubscribe can replay across feeds. Default: 10,000 (about 1 MB).
    /// </summary>
    public int RecentArticleIds { get; set; } = 10_000;

    /// <summary>The connection counts as lost when the server sends nothing for this long. Default: 30 s (SignalR's).</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the client pings an otherwise quiet server; keep it well under the server's timeout. Default: 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest wait for a new connection (WebSocket and hub handshake); past it the attempt counts as failed and the
    /// next server is tried, rather than hanging on a host that swallows packets. Default: 15 s.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait for one REST call. Default: 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Queue updates for <see cref="FeedClient.ReadAllAsync"/>. Set it to false when the app only uses the events,
    /// or nothing drains the queue. Default: true.
    /// </summary>
    public bool QueueUpdatesForReadAll { get; set; } = true;

    internal void Validate()
    {
        if (Servers is not { Count: > 0 }) throw new ArgumentException("At least one server URL is required.", nameof(Servers));
        foreach (var server in Servers)
            if (!server.IsAbsoluteUri || server.Scheme is not ("http" or "https"))
                throw new ArgumentException($"'{server}' is not an http(s) URL.", nameof(Servers));
        if (ReconnectDelays.Any(d => d < TimeSpan.Zero)) throw new ArgumentException("Reconnect delays cannot be negative.", nameof(ReconnectDelays));
        if (RecentArticleIds < 1) throw new ArgumentException("RecentArticleIds must be at least 1.", nameof(RecentArticleIds));
        if (ReconnectJitter is < 0 or >= 1) throw new ArgumentException("ReconnectJitter must be in [0, 1).", nameof(ReconnectJitter));
    }
}
