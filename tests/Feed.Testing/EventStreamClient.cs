using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;

namespace Feed.Testing;

/// <summary>
/// A plain HTTP client on <c>GET /api/events</c> that reads the Server-Sent Events line by line, as <c>curl -N</c> or an
/// app would: every event, every <c>id:</c> (also from blocks without an event) and every comment line.
/// </summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<StreamEvent> _events = Channel.CreateUnbounded<StreamEvent>();
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _comments;

    private EventStreamClient(HttpClient http, HttpResponseMessage response)
    {
        _http = http;
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The last <c>id:</c> the server sent, as a browser's EventSource keeps it.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>Set when the server ended the stream (or the connection broke).</summary>
    public bool Ended { get; private set; }

    public int Comments => Volatile.Read(ref _comments);

    public List<StreamEvent> Received { get; } = [];

    /// <summary>Opens the stream; throws with the server's answer when it is not 200.</summary>
    public static async Task<EventStreamClient> ConnectAsync(Uri baseAddress, string follow, string? lastEventId = null, bool inQuery = false)
    {
        var (status, response, http) = await OpenAsync(baseAddress, follow, lastEventId, inQuery);
        if (status != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            http.Dispose();
            throw new HttpRequestException($"GET /api/events answered {(int)status}: {body}");
        }
        return new EventStreamClient(http, response);
    }

    /// <summary>The raw answer, for tests of refused requests.</summary>
    public static async Task<(HttpStatusCode Status, HttpResponseMessage Response, HttpClient Http)> OpenAsync(
        Uri baseAddress, string follow, string? lastEventId = null, bool inQuery = false)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var url = "api/events?follow=" + Uri.EscapeDataString(follow);
        if (lastEventId is not null && inQuery) url += "&lastEventId=" + Uri.EscapeDataString(lastEventId);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null && !inQuery) request.Headers.Add("Last-Event-ID", lastEventId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return (response.StatusCode, response, http);
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            string? type = null, data = null, id = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (id is not null) LastEventId = id;
                    if (data is not null) _events.Writer.TryWrite(new StreamEvent(type ?? "message", LastEventId, data));
                    type = data = id = null;
                }
                else if (line[0] == ':') Interlocked.Increment(ref _comments);
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = data is null ? line[6..] : data + "\n" + line[6..];
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (HttpRequestException) { }
        finally
        {
            Ended = true;
            _events.Writer.TryComplete();
        }
    }

    /// <summary>The next event of any kind, within a bounded wait.</summary>
    public async Task<StreamEvent> NextEventAsync(string what, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            var next = await _events.Reader.ReadAsync(timeout.Token);
            Received.Add(next);
            return next;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            var why = e is ChannelClosedException ? "the stream ended" : $"waited {seconds} s";
            throw new TimeoutException($"No {what}: {why}; received so far: {string.Join(", ", Received.Select(r => r.ToString()))}.");
        }
    }

    /// <summary>The next <c>article</c> event's feed item.</summary>
    public async Task<FeedItem> NextAsync(string what, int seconds = 10)
    {
        var next = await NextEventAsync(what, seconds);
        if (next.Type != "article") throw new InvalidOperationException($"Expected an article event for {what}, got {next}.");
        return next.Item;
    }

    /// <summary>
    /// Everything the server sent before now: after the relay has caught up, a keep-alive comment written after it proves
    /// every earlier event was read (one queue per stream, in order). Needs a short <c>Feed:Events:HeartbeatInterval</c>.
    /// </summary>
    public async Task<List<StreamEvent>> DrainAsync(FeedHost host, params string[] feeds)
    {
        await host.WaitUntilRelayedAsync(feeds);
        var seen = Comments;
        await Eventually.TrueAsync(() => Comments >= seen + 2, TimeSpan.FromSeconds(10), "two keep-alive comments after the relay caught up");
        var rest = new List<StreamEvent>();
        while (_events.Reader.TryRead(out var e))
        {
            Received.Add(e);
            rest.Add(e);
        }
        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _response.Dispose();
        _http.Dispose();
        try { await _reading; } catch (Exception) { }
        _stop.Dispose();
    }
}

/// <summary>One Server-Sent Event: its type, the id in force when it arrived, its data.</summary>
public sealed record StreamEvent(string Type, string? Id, string Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public FeedItem Item => JsonSerializer.Deserialize<FeedItem>(Data, Json)!;

    public JsonElement Body => JsonSerializer.Deserialize<JsonElement>(Data);

    public override string ToString() => Type == "article" ? $"{Item.Feed}#{Item.Seq} {Item.Article.Id}" : $"{Type} {Data}";
}
