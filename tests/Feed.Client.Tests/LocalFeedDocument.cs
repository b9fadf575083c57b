using System.Net;
using System.Security;
using System.Text;

namespace Feed.Client.Tests;

/// <summary>
/// A small RSS 2.0 document served on a free loopback port, for a web front to follow as a source (which needs
/// <c>Feed:Sources:AllowPrivateAddresses</c>, loopback being private). Counts how often it was fetched.
/// </summary>
public sealed class LocalFeedDocument : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _document;
    private readonly Task _serving;
    private int _fetches;

    public LocalFeedDocument(string document)
    {
        var port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _document = Encoding.UTF8.GetBytes(document);
        Url = new Uri($"http://127.0.0.1:{port}/news.rss");
        _serving = ServeAsync();
    }

    /// <summary>Where the document is; anything else on the port is 404.</summary>
    public Uri Url { get; }

    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>An RSS 2.0 channel with one item per headline; each item has a guid, a link, a date and a description.</summary>
    public static string Rss(string channelTitle, params string[] headlines)
    {
        channelTitle = SecurityElement.Escape(channelTitle);
        var items = headlines.Select(SecurityElement.Escape).Select((headline, i) => $"""
                <item>
                  <guid isPermaLink="false">local-{i + 1}</guid>
                  <title>{headline}</title>
                  <link>http://127.0.0.1/news/{i + 1}</link>
                  <pubDate>{DateTimeOffset.UtcNow.AddMinutes(-10 * (i + 1)):R}</pubDate>
                  <description>{headline}: the story as the local test document tells it.</description>
                </item>
            """);
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>{channelTitle}</title>
                <link>http://127.0.0.1/news</link>
                <description>Served by the client tests.</description>
            {string.Join("\n", items)}
              </channel>
            </rss>
            """;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != Url.AbsolutePath)
            {
                response.StatusCode = 404;
                continue;
            }
            Interlocked.Increment(ref _fetches);
            response.ContentType = "application/rss+xml; charset=utf-8";
            response.ContentLength64 = _document.Length;
            try
            {
                await response.OutputStream.WriteAsync(_document);
            }
            catch (HttpListenerException)
            {
                // The fetcher went away mid-answer; the next fetch gets the whole document.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
