using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Feed.LoadTest;

/// <summary>
/// A subscriber connection that speaks the SignalR JSON hub protocol (version 1) itself over a WebSocket: records
/// end with 0x1E; after the handshake it reads invocations (<c>article</c>), completions (answers to Subscribe and
/// Unsubscribe), pings and close messages. Of an article it reads only feed, seq and article id, and allocates
/// nothing for them, so thousands of subscribers cost the machine little beside the server they measure.
/// </summary>
public sealed class WebSocketHubLink : IHubLink
{
    /// <summary>
    /// How often the link pings the server: SignalR's own client default (KeepAliveInterval, 15 s); the server closes a
    /// connection it has not heard from for its ClientTimeoutInterval (30 s by default).
    /// </summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    /// <summary>How long closing may wait for a send in progress and for the close frame to go out.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>First size of the receive buffer; it doubles whenever one message does not fit.</summary>
    private const int InitialBufferBytes = 16 * 1024;

    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly Uri _url;
    private readonly FeedItemReader _items;
    private readonly ArticleArrived _arrived;
    private readonly LinkClosed _closed;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _calls = new();
    private readonly CancellationTokenSource _stop = new();
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _filled;
    private int _nextCall;
    private Task? _receiving;
    private Timer? _pinger;
    private volatile bool _closing;

    public WebSocketHubLink(Uri hubUrl, IReadOnlyList<string> feeds, ArticleFactory articles, ArticleArrived arrived, LinkClosed closed)
    {
        _url = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        _items = new FeedItemReader(feeds, articles);
        _arrived = arrived;
        _closed = closed;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // WebSocket-level pings are not needed: the hub protocol has its own.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(_url, cancellationToken);
        await SendAsync(Handshake, cancellationToken);
        var answer = await ReadHandshakeAnswerAsync(cancellationToken);
        if (answer.Error is { } error) throw new InvalidOperationException($"The hub refused the handshake: {error}");
        _receiving = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        _pinger = new Timer(_ => _ = PingAsync(), null, PingInterval, PingInterval);
    }

    public async Task<long> SubscribeAsync(string feed, CancellationToken cancellationToken) =>
        await InvokeAsync("Subscribe", feed, withAfter: true, cancellationToken);

    public Task UnsubscribeAsync(string feed, CancellationToken cancellationToken) =>
        _socket.State == WebSocketState.Open && !_closing
            ? InvokeAsync("Unsubscribe", feed, withAfter: false, cancellationToken)
            : Task.CompletedTask;

    private async Task<long> InvokeAsync(string target, string feed, bool withAfter, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextCall).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        var message = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(message))
        {
            json.WriteStartObject();
            json.WriteNumber("type", 1);
            json.WriteString("invocationId", id);
            json.WriteString("target", target);
            json.WriteStartArray("arguments");
            json.WriteStringValue(feed);
            if (withAfter) json.WriteNullValue();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        message.Write([RecordSeparator]);
        try
        {
            await SendAsync(message.WrittenMemory, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _calls.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task PingAsync()
    {
        try
        {
            if (!_closing && _socket.State == WebSocketState.Open) await SendAsync(Ping, _stop.Token);
        }
        catch (Exception)
        {
            // A ping that cannot go out means the connection is ending: the receive loop reports that.
        }
    }

    private async Task<Answer> ReadHandshakeAnswerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = Array.IndexOf(_buffer, RecordSeparator, 0, _filled);
            if (end >= 0)
            {
                var answer = ReadRecord(_buffer.AsSpan(0, end), handshake: true);
                Consume(end + 1);
                return answer;
            }
            if (!await FillAsync(cancellationToken)) throw new WebSocketException("The hub closed the connection during the handshake.");
        }
    }

    private async Task ReceiveLoopAsync()
    {
        string? reason = null;
        try
        {
            while (await FillAsync(_stop.Token))
            {
                var start = 0;
                int end;
                while ((end = Array.IndexOf(_buffer, RecordSeparator, start, _filled - start)) >= 0)
                {
                    var answer = ReadRecord(_buffer.AsSpan(start, end - start), handshake: false);
                    start = end + 1;
                    if (answer.Closed)
                    {
                        reason = answer.Error ?? "the server closed the connection";
                        return;
                    }
                }
                Consume(start);
            }
            reason = "the server closed the WebSocket";
        }
        catch (Exception e) when (!_closing)
        {
            reason = e.Message;
        }
        catch (Exception)
        {
            // Closing: the end is expected.
        }
        finally
        {
            foreach (var call in _calls.Values) call.TrySetException(new WebSocketException($"The connection ended: {reason ?? "closed"}"));
            if (!_closing) _closed(reason ?? "closed");
        }
    }

    /// <summary>Reads more bytes after what is buffered; false when the server closed the WebSocket.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), cancellationToken);
        if (received.MessageType == WebSocketMessageType.Close) return false;
        _filled += received.Count;
        return true;
    }

    private void Consume(int bytes)
    {
        _filled -= bytes;
        if (_filled > 0) Buffer.BlockCopy(_buffer, bytes, _buffer, 0, _filled);
    }

    private readonly record struct Answer(bool Closed, string? Error);

    /// <summary>One record: an article is reported, a completion ends its call; pings and unknown messages are skipped.</summary>
    private Answer ReadRecord(ReadOnlySpan<byte> record, bool handshake)
    {
        var json = new Utf8JsonReader(record);
        json.Read();
        int type = 0, feedSlot = -1, article = -1;
        long seq = 0, head = 0;
        bool isArticle = false, hasItem = false;
        string? invocationId = null, error = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("type"u8)) { json.Read(); type = json.GetInt32(); }
            else if (json.ValueTextEquals("target"u8)) { json.Read(); isArticle = json.ValueTextEquals("article"u8); }
            else if (json.ValueTextEquals("invocationId"u8)) { json.Read(); invocationId = json.GetString(); }
            else if (json.ValueTextEquals("error"u8)) { json.Read(); error = json.GetString(); }
            else if (json.ValueTextEquals("arguments"u8))
            {
                json.Read(); // [
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (!hasItem && json.TokenType == JsonTokenType.StartObject)
                    {
                        _items.Read(ref json, out feedSlot, out seq, out article);
                        hasItem = true;
                    }
                    else json.Skip();
                }
            }
            else if (json.ValueTextEquals("result"u8))
            {
                json.Read();
                if (json.TokenType == JsonTokenType.StartObject) head = ReadHead(ref json);
                else json.Skip();
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }
        if (handshake) return new Answer(false, error);
        switch (type)
        {
            case 1 when isArticle && hasItem:
                _arrived(feedSlot, seq, article);
                break;
            case 3 when invocationId is not null && _calls.TryGetValue(invocationId, out var call):
                if (error is null) call.TrySetResult(head);
                else call.TrySetException(new InvalidOperationException(error));
                break;
            case 7:
                return new Answer(true, error);
        }
        return new Answer(false, null);
    }

    /// <summary>The <c>head</c> of a Subscribe answer; the rest is skipped.</summary>
    private static long ReadHead(ref Utf8JsonReader json)
    {
        long head = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isHead = json.ValueTextEquals("head"u8);
            json.Read();
            if (isHead) head = json.GetInt64();
            else json.Skip();
        }
        return head;
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (_pinger is not null) await _pinger.DisposeAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await _sending.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                }
                finally
                {
                    _sending.Release();
                }
            }
        }
        catch (Exception)
        {
            // Closing anyway.
        }
        await _stop.CancelAsync();
        if (_receiving is not null) await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }
}
