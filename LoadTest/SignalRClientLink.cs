using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.LoadTest;

/// <summary>A subscriber connection through the official .NET SignalR client (JSON or MessagePack).</summary>
public sealed class SignalRClientLink : IHubLink
{
    private readonly HubConnection _connection;
    private bool _closing;

    public SignalRClientLink(Uri hubUrl, bool messagePack, IReadOnlyList<string> feeds, ArticleFactory articles,
        ArticleArrived arrived, LinkClosed closed)
    {
        var builder = new HubConnectionBuilder().WithUrl(hubUrl, o =>
        {
            // No negotiate round trip and no sticky sessions needed: what a multi-node deployment requires.
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        if (messagePack) builder.AddMessagePackProtocol();
        _connection = builder.Build();
        _connection.On<ReceivedItem>("article", item =>
            arrived(IndexOf(feeds, item.Feed), item.Seq, articles.NumberOf(item.Article?.Id)));
        _connection.Closed += e =>
        {
            if (!_closing) closed(e?.Message ?? "closed by the server");
            return Task.CompletedTask;
        };
    }

    private static int IndexOf(IReadOnlyList<string> feeds, string feed)
    {
        for (var i = 0; i < feeds.Count; i++)
            if (feeds[i] == feed) return i;
        return -1;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

    public async Task<long> SubscribeAsync(string feed, CancellationToken cancellationToken) =>
        (await _connection.InvokeAsync<SubscribeReply>("Subscribe", feed, null, cancellationToken)).Head;

    public Task UnsubscribeAsync(string feed, CancellationToken cancellationToken) =>
        _connection.State == HubConnectionState.Connected
            ? _connection.InvokeAsync("Unsubscribe", feed, cancellationToken)
            : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _connection.DisposeAsync();
    }
}
