using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Client;

/// <summary>
/// A live, self-healing follower of Feed feeds over <c>/hubs/feed</c>, plus the REST calls (<see cref="Api"/>).
/// <para>
/// Follow feeds, start, and read <see cref="ReadAllAsync"/> (or handle the events). The client reconnects by itself
/// with backoff, moving through the configured servers, and resubscribes every feed after the last seq it had, so the
/// app sees each article once and in feed order however often the connection drops. History that is gone is
/// announced as a <see cref="HistoryGap"/>, never skipped silently. <see cref="Positions"/> can be saved and given
/// back to <see cref="FollowAsync"/> to resume after the app's own restart.
/// </para>
/// </summary>
public sealed class FeedClient : IAsyncDisposable
{
    private const string HubPath = "hubs/feed";

    private readonly FeedClientOptions _options;
    private readonly IReadOnlyList<Uri> _servers;
    private readonly FollowedFeeds _feeds;
    private readonly UpdateDispatcher _updates;
    private readonly ReconnectBackoff _backoff;
    private readonly object _lock = new();
    private HubConnection? _connection;
    private int _generation;
    private CancellationTokenSource? _running;
    private Task? _loop;
    private bool _disposed;

    public FeedClient(FeedClientOptions? options = null)
    {
        _options = options ?? new FeedClientOptions();
        _options.Validate();
        _servers = _options.Servers.Select(FeedApi.WithTrailingSlash).ToArray();
        _updates = new UpdateDispatcher(_options.QueueUpdatesForReadAll, Raise);
        _feeds = new FollowedFeeds(_options.RecentArticleIds, _updates.Emit);
        _backoff = new ReconnectBackoff(_options);
        Api = new FeedApi(_options);
    }

    /// <summary>Any update, in order, as <see cref="ReadAllAsync"/> yields them. Raised on one background thread, one at a time.</summary>
    public event Action<FeedUpdate>? Updated;

    /// <summary>An article, once, in feed order.</summary>
    public event Action<FeedItem>? ArticleReceived;

    /// <summary>Items of a feed that will never arrive, announced before the items after them.</summary>
    public event Action<HistoryGap>? GapDetected;

    /// <summary>A feed was (re)subscribed on a connection.</summary>
    public event Action<FeedSubscribed>? Subscribed;

    /// <summary>The server refused a followed feed on a resubscribe; it is no longer followed.</summary>
    public event Action<FollowRefused>? FollowRefused;

    /// <summary>Connected, dropped and reconnecting (with the error and the wait), gave up.</summary>
    public event Action<ConnectionChanged>? ConnectionStateChanged;

    /// <summary>The REST calls, on the same servers and key.</summary>
    public FeedApi Api { get; }

    public FeedConnectionState State { get; private set; } = FeedConnectionState.Disconnected;

    /// <summary>The server of the current connection; null when there is none.</summary>
    public Uri? CurrentServer { get; private set; }

    /// <summary>The followed feeds, canonical.</summary>
    public IReadOnlyList<string> Followed => _feeds.Keys;

    /// <summary>
    /// Feed → the last seq the app has been handed, for the followed feeds whose position is known. Save it and pass
    /// each back to <see cref="FollowAsync"/> to resume without loss or repeats. An article counts as handed once the
    /// event handlers for it returned and, with <see cref="ReadAllAsync"/>, once the app asked for the next update.
    /// </summary>
    public IReadOnlyDictionary<string, long> Positions
    {
        get
        {
            var followed = _feeds.Keys.ToHashSet();
            return _updates.Handled.Where(p => followed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        }
    }

    /// <summary>
    /// Connects to the first server that answers (each configured one is tried once) and subscribes the feeds followed
    /// so far. From then on the client keeps itself connected until <see cref="StopAsync"/>.
    /// </summary>
    /// <exception cref="FeedUnreachableException">No server answered.</exception>
    /// <exception cref="FeedSubscribeException">The server refused a feed followed before the start; the others are followed and the client runs.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<IReadOnlyList<FeedSubscribeException>> started;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running is not null) throw new InvalidOperationException("The client is already started.");
            _running = new CancellationTokenSource();
            started = new(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopping = _running.Token;
            _loop = Task.Run(() => RunAsync(started, stopping));
        }
        try
        {
            var refused = await started.Task.WaitAsync(cancellationToken);
            if (refused.Count == 1) throw refused[0];
            if (refused.Count > 1) throw new AggregateException("The server refused several feeds.", refused);
        }
        catch (Exception e) when (e is not FeedSubscribeException and not AggregateException)
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Closes the connection; followed feeds and positions stay, and <see cref="StartAsync"/> resumes them.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? running;
        Task? loop;
        lock (_lock)
        {
            (running, loop) = (_running, _loop);
            (_running, _loop) = (null, null);
        }
        if (running is null) return;
        await running.CancelAsync();
        try
        {
            if (loop is not null) await loop;
        }
        catch (OperationCanceledException)
        {
        }
        running.Dispose();
        if (State != FeedConnectionState.Disconnected) SetState(FeedConnectionState.Disconnected, CurrentServer ?? _servers[0], 0, null, null);
        CurrentServer = null;
    }

    /// <summary>
    /// Follows a feed. <paramref name="after"/> is the last seq the app has of it (from a saved <see cref="Positions"/>)
    /// or null for "from now". Following a feed again changes nothing. When connected, returns once the server took it.
    /// </summary>
    /// <exception cref="FormatException">The key is not shaped like a feed key.</exception>
    /// <exception cref="FeedSubscribeException">The server refused it (unknown country or topic, too many feeds); it is not followed.</exception>
    public async Task FollowAsync(string feed, long? after = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (after < 0) throw new ArgumentOutOfRangeException(nameof(after), "'after' is a seq: 0 or more, or null for from now.");
        var key = FeedKeys.Canonical(feed);
        if (!_feeds.Add(key, after)) return;
        if (after is { } position) _updates.StartAt(key, position);
        var (connection, generation, running) = Current();
        if (connection is null) return;
        // Retries run for the client's lifetime; the caller's token only ends the wait.
        await SubscribeAsync(connection, generation, key, fromFollow: true, running).WaitAsync(cancellationToken);
    }

    /// <summary>Stops following a feed and forgets its position.</summary>
    public async Task UnfollowAsync(string feed, CancellationToken cancellationToken = default)
    {
        var key = FeedKeys.Canonical(feed);
        if (!_feeds.Remove(key)) return;
        _updates.Forget(key);
        var (connection, _, _) = Current();
        if (connection is null) return;
        try
        {
            await connection.InvokeAsync("Unsubscribe", key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The connection is going away, and with it the subscription; nothing to undo.
        }
    }

    /// <summary>
    /// Every update in order: articles (each once, in feed order), gaps, subscriptions, connection changes. One reader
    /// at a time; it ends when the client is disposed, and throws <see cref="FeedUnreachableException"/> if the client
    /// gave up reconnecting (<see cref="FeedClientOptions.MaxReconnectAttempts"/>).
    /// </summary>
    public IAsyncEnumerable<FeedUpdate> ReadAllAsync(CancellationToken cancellationToken = default) => _updates.ReadAllAsync(cancellationToken);

    public Task<PublishResult> PublishAsync(ArticleSubmission article, CancellationToken cancellationToken = default) =>
        Api.PublishAsync(article, cancellationToken);

    public Task<FeedPage> ReadFeedAsync(string feed, long? after = null, int? limit = null, CancellationToken cancellationToken = default) =>
        Api.ReadFeedAsync(feed, after, limit, cancellationToken);

    public Task<FeedResolution> ResolveAsync(string words, CancellationToken cancellationToken = default) =>
        Api.ResolveAsync(words, cancellationToken);

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) =>
        Api.GetArticleAsync(id, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        await StopAsync();
        _disposed = true;
        await _updates.CompleteAsync();
        Api.Dispose();
    }

    private (HubConnection? Connection, int Generation, CancellationToken Running) Current()
    {
        lock (_lock) return (_connection, _generation, _running?.Token ?? CancellationToken.None);
    }

    /// <summary>
    /// Keeps one connection up: connect, subscribe every feed, wait for the drop, then try again with backoff, the same
    /// server first and then the next ones in turn. At the start each server is tried once, without waiting.
    /// </summary>
    private async Task RunAsync(TaskCompletionSource<IReadOnlyList<FeedSubscribeException>> started, CancellationToken stopping)
    {
        var serverIndex = 0;
        var failures = 0;
        var connectedBefore = false;
        try
        {
            while (true)
            {
                var server = _servers[serverIndex];
                var generation = _feeds.NewGeneration();
                var (connection, closed, error) = await ConnectAsync(server, generation, stopping);
                if (connection is null)
                {
                    failures++;
                    serverIndex = (serverIndex + 1) % _servers.Count;
                    if (!connectedBefore)
                    {
                        if (failures < _servers.Count) continue;
                        started.TrySetException(new FeedUnreachableException(_servers, error));
                        return;
                    }
                    if (failures >= _options.MaxReconnectAttempts)
                    {
                        SetState(FeedConnectionState.GaveUp, server, failures, error, null);
                        await _updates.CompleteAsync(new FeedUnreachableException(_servers, error));
                        return;
                    }
                    var retryIn = _backoff.Delay(failures);
                    SetState(FeedConnectionState.Reconnecting, _servers[serverIndex], failures, error, retryIn);
                    await Task.Delay(retryIn, stopping);
                    continue;
                }

                failures = 0;
                var dropped = await StayConnectedAsync(server, connection, generation, closed, connectedBefore ? null : started, stopping);
                connectedBefore = true;
                var wait = _backoff.Delay(0);
                SetState(FeedConnectionState.Reconnecting, server, 0, dropped, wait);
                await Task.Delay(wait, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            started.TrySetCanceled(stopping);
        }
        catch (Exception e)
        {
            // A bug rather than a network fault: make it visible instead of going quiet.
            started.TrySetException(e);
            await _updates.CompleteAsync(e);
        }
    }

    /// <summary>A started connection and a task that completes when it closes; or why it could not start.</summary>
    private async Task<(HubConnection? Connection, Task<Exception?> Closed, Exception? Error)> ConnectAsync(Uri server, int generation,
        CancellationToken stopping)
    {
        var connection = Build(server, generation);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(_options.ConnectTimeout);
        try
        {
            await connection.StartAsync(attempt.Token);
            return (connection, closed.Task, null);
        }
        catch (Exception e)
        {
            await connection.DisposeAsync();
            stopping.ThrowIfCancellationRequested();
            return (null, closed.Task, e is OperationCanceledException
                ? new TimeoutException($"{server} did not accept a connection within {_options.ConnectTimeout.TotalSeconds:0.#} s.", e)
                : e);
        }
    }

    /// <summary>
    /// Subscribes every followed feed on a new connection, then waits for it to close; returns why it closed.
    /// <paramref name="started"/> (the first connection only) learns which feeds the server refused.
    /// </summary>
    private async Task<Exception?> StayConnectedAsync(Uri server, HubConnection connection, int generation, Task<Exception?> closed,
        TaskCompletionSource<IReadOnlyList<FeedSubscribeException>>? started, CancellationToken stopping)
    {
        lock (_lock) (_connection, _generation) = (connection, generation);
        CurrentServer = server;
        SetState(FeedConnectionState.Connected, server, 0, null, null);
        try
        {
            var refused = await SubscribeAllAsync(connection, generation, reportRefusals: started is null, stopping);
            started?.TrySetResult(refused);
            return await closed.WaitAsync(stopping);
        }
        finally
        {
            lock (_lock) _connection = null;
            CurrentServer = null;
            _feeds.NewGeneration();
            await connection.DisposeAsync();
        }
    }

    private HubConnection Build(Uri server, int generation)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubPath), http =>
            {
                // Several web fronts and no sticky sessions: negotiate and connect could land on different nodes.
                http.SkipNegotiation = true;
                http.Transports = HttpTransportType.WebSockets;
            })
            .WithServerTimeout(_options.ServerTimeout)
            .WithKeepAliveInterval(_options.KeepAliveInterval);
        if (_options.UseMessagePack) builder.AddMessagePackProtocol();
        var connection = builder.Build();
        connection.HandshakeTimeout = _options.ConnectTimeout;
        connection.On<FeedItem>("article", item => _feeds.OnItem(generation, item));
        connection.On<SkipNotice>("gap", notice => _feeds.OnSkipped(generation, notice.Feed));
        connection.On<FollowersCounted>("counts", counts => _feeds.OnCounts(generation, counts));
        return connection;
    }

    private async Task<IReadOnlyList<FeedSubscribeException>> SubscribeAllAsync(HubConnection connection, int generation,
        bool reportRefusals, CancellationToken cancellationToken)
    {
        var refused = new List<FeedSubscribeException>();
        // Sent together: the hub answers them in turn, without a round trip between them.
        var subscribing = _feeds.Keys.Select(async feed =>
        {
            try
            {
                await SubscribeAsync(connection, generation, feed, fromFollow: !reportRefusals, cancellationToken);
            }
            catch (FeedSubscribeException e)
            {
                lock (refused) refused.Add(e);
            }
        });
        await Task.WhenAll(subscribing);
        return refused;
    }

    /// <summary>
    /// Subscribes one feed on one connection from its position. A refusal unfollows it (thrown when the app is waiting
    /// for it, reported otherwise); a transient failure on the server is reported and retried after a backoff wait; a
    /// lost connection is left to the reconnect, which subscribes again.
    /// </summary>
    private async Task SubscribeAsync(HubConnection connection, int generation, string feed, bool fromFollow, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ticket = _feeds.BeginSubscribe(feed, generation);
            if (ticket is null) return;
            try
            {
                var answer = await connection.InvokeAsync<SubscribeResult>("Subscribe", ticket.Feed, ticket.After, cancellationToken);
                _feeds.CompleteSubscribe(ticket, answer);
                return;
            }
            catch (HubException e) when (!FeedErrors.IsTransient(e))
            {
                if (!_feeds.Refuse(ticket)) return;
                _updates.Forget(feed);
                var message = FeedErrors.ServerMessage(e);
                if (fromFollow) throw new FeedSubscribeException(feed, message);
                _updates.Emit(new FollowRefused(feed, message));
                return;
            }
            catch (Exception) when (connection.State != HubConnectionState.Connected || cancellationToken.IsCancellationRequested)
            {
                // Dropped meanwhile: the next connection subscribes the feed again from the same position.
                return;
            }
            catch (HubException e)
            {
                var retryIn = _backoff.Delay(attempt);
                _updates.Emit(new FollowDelayed(feed, FeedErrors.ServerMessage(e), retryIn));
                await Task.Delay(retryIn, cancellationToken);
            }
            catch (Exception)
            {
                // The connection is up but the answer could not be used: start afresh rather than stay half subscribed.
                _ = connection.StopAsync();
                return;
            }
        }
    }

    private void SetState(FeedConnectionState state, Uri server, int attempt, Exception? error, TimeSpan? retryIn)
    {
        State = state;
        _updates.Emit(new ConnectionChanged(state, server, attempt, error, retryIn));
    }

    private void Raise(FeedUpdate update)
    {
        Updated?.Invoke(update);
        switch (update)
        {
            case ArticleArrived arrived:
                ArticleReceived?.Invoke(arrived.Item);
                break;
            case HistoryGap gap:
                GapDetected?.Invoke(gap);
                break;
            case FeedSubscribed subscribed:
                Subscribed?.Invoke(subscribed);
                break;
            case FollowRefused refused:
                FollowRefused?.Invoke(refused);
                break;
            case ConnectionChanged changed:
                ConnectionStateChanged?.Invoke(changed);
                break;
        }
    }
}
