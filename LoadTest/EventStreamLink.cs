using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Feed.LoadTest;

/// <summary>
/// A subscriber on the event stream <c>GET /api/events?follow=…</c> instead of the hub: one HTTP response following all
/// its feeds, read line by line off a <see cref="PipeReader"/>; of each <c>data:</c> line it reads only feed, seq and
/// article id, like <see cref="WebSocketHubLink"/>, so the tool's cost per delivery stays small.
/// </summary>
public sealed class EventStreamLink : IHubLink
{
    // One handler for every subscriber: HTTP/1.1 with no cap on connections per server.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Uri _url;
    private readonly FeedItemReader _items;
    private readonly ArticleArrived _arrived;
    private readonly LinkClosed _closed;
    private readonly CancellationTokenSource _stop = new();
    private HttpResponseMessage? _response;
    private Task? _receiving;
    private volatile bool _closing;

    public EventStreamLink(Uri hubUrl, IReadOnlyList<string> feeds, ArticleFactory articles, ArticleArrived arrived, LinkClosed closed)
    {
        _url = new Uri(hubUrl, "/api/events?follow=" + Uri.EscapeDataString(string.Join(',', feeds)));
        _items = new FeedItemReader(feeds, articles);
        _arrived = arrived;
        _closed = closed;
    }

    /// <summary>Opens the stream; once its headers are in, the server follows every feed of the subscriber.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        _response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!_response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {_url.PathAndQuery} answered {(int)_response.StatusCode}: {await _response.Content.ReadAsStringAsync(cancellationToken)}");
        var body = await _response.Content.ReadAsStreamAsync(cancellationToken);
        _receiving = Task.Run(() => ReceiveLoopAsync(body), CancellationToken.None);
    }

    /// <summary>The stream already follows every feed from the moment it opened; items from then on come live.</summary>
    public Task<long> SubscribeAsync(string feed, CancellationToken cancellationToken) => Task.FromResult(0L);

    /// <summary>
    /// An event stream has no round trip to wait on: the drain phase's wait for every expected delivery is the whole
    /// flush, so a duplicate arriving after it goes unseen in this mode.
    /// </summary>
    public Task UnsubscribeAsync(string feed, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReceiveLoopAsync(Stream body)
    {
        string? reason = null;
        var reader = PipeReader.Create(body);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(_stop.Token);
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    Line(buffer.Slice(0, end));
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    reason = "the server ended the stream";
                    break;
                }
            }
        }
        catch (Exception e) when (!_closing)
        {
            reason = e.Message;
        }
        catch (Exception)
        {
            // Closing: the read was cancelled on purpose.
        }
        finally
        {
            await reader.CompleteAsync();
            if (!_closing) _closed(reason ?? "closed");
        }
    }

    private void Line(ReadOnlySequence<byte> line)
    {
        if (!IsData(line)) return;
        var json = new Utf8JsonReader(line.Slice(6));
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject) return;
        // A gap event ({feed, complete}) has no seq: not a delivery.
        if (_items.Read(ref json, out var feedSlot, out var seq, out var article)) _arrived(feedSlot, seq, article);
    }

    private static bool IsData(ReadOnlySequence<byte> line)
    {
        if (line.Length < 6) return false;
        if (line.FirstSpan.Length >= 6) return line.FirstSpan.StartsWith("data: "u8);
        Span<byte> start = stackalloc byte[6];
        line.Slice(0, 6).CopyTo(start);
        return start.SequenceEqual("data: "u8);
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _stop.CancelAsync();
        _response?.Dispose();
        if (_receiving is not null)
        {
            try { await _receiving; } catch (Exception) { }
        }
        _stop.Dispose();
    }
}
