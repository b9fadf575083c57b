using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Feed.Client;

/// <summary>
/// Hands updates to the app in the order they were queued: raises the events, then (when enabled) queues them for
/// <see cref="ReadAllAsync"/>. Keeps the positions the app has been handed: an article counts once the events for it
/// returned and, when reading, once the app asks for the next update.
/// </summary>
internal sealed class UpdateDispatcher
{
    private readonly Channel<FeedUpdate> _incoming = Channel.CreateUnbounded<FeedUpdate>(new() { SingleReader = true });
    private readonly Channel<FeedUpdate>? _forReader;
    private readonly ConcurrentDictionary<string, long> _handled = new();
    private readonly Action<FeedUpdate> _raise;
    private readonly Task _loop;
    private int _reading;

    public UpdateDispatcher(bool queueForReader, Action<FeedUpdate> raise)
    {
        _raise = raise;
        if (queueForReader) _forReader = Channel.CreateUnbounded<FeedUpdate>(new() { SingleReader = true });
        _loop = Task.Run(DispatchAsync);
    }

    /// <summary>Queues an update; never blocks (it is called under the followed feeds' lock).</summary>
    public void Emit(FeedUpdate update) => _incoming.Writer.TryWrite(update);

    /// <summary>Feed → last seq the app has been handed.</summary>
    public IReadOnlyDictionary<string, long> Handled => _handled;

    public void StartAt(string feed, long seq) => _handled.AddOrUpdate(feed, seq, (_, old) => Math.Max(old, seq));

    public void Forget(string feed) => _handled.TryRemove(feed, out _);

    /// <summary>No more updates; a reader sees <paramref name="error"/> once it has read everything before it.</summary>
    public Task CompleteAsync(Exception? error = null)
    {
        _incoming.Writer.TryComplete(error);
        return _loop;
    }

    public async IAsyncEnumerable<FeedUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_forReader is null)
            throw new InvalidOperationException($"Updates are not queued for reading: {nameof(FeedClientOptions.QueueUpdatesForReadAll)} is false.");
        if (Interlocked.Exchange(ref _reading, 1) == 1)
            throw new InvalidOperationException("Only one ReadAllAsync may run at a time: every update is delivered once.");
        try
        {
            await foreach (var update in _forReader.Reader.ReadAllAsync(cancellationToken))
            {
                if (update is not PositionReached)
                {
                    yield return update;
                }
                // Reached once the app asks for the next update: it is done with this one.
                MarkHandled(update);
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private async Task DispatchAsync()
    {
        Exception? error = null;
        try
        {
            await foreach (var update in _incoming.Reader.ReadAllAsync())
            {
                if (update is not PositionReached)
                {
                    try
                    {
                        _raise(update);
                    }
                    catch
                    {
                        // An app's handler failing must not stop delivery to the others or to the reader.
                    }
                }
                if (_forReader is not null) _forReader.Writer.TryWrite(update);
                else MarkHandled(update);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        _forReader?.Writer.TryComplete(error);
    }

    private void MarkHandled(FeedUpdate update)
    {
        switch (update)
        {
            case ArticleArrived arrived:
                StartAt(arrived.Item.Feed, arrived.Item.Seq);
                break;
            case PositionReached reached:
                StartAt(reached.Feed, reached.Seq);
                break;
            case HistoryGap { Reason: HistoryGapReason.FeedReset } reset:
                // The server's seqs restarted below ours: follow them from where they are.
                _handled[reset.Feed] = reset.ResumesAt - 1;
                break;
        }
    }
}
