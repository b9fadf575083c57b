using System.Threading.Channels;

namespace Feed.WebFront.Live;

/// <summary>
/// One event-stream response as the relay follows for it: a fixed, sorted follow list, a queue of what the relay handed
/// it (read by one writer, <see cref="EventStreamWriter"/>) and the position in each feed that its <c>id:</c> carries.
/// </summary>
public sealed class StreamSubscriber : LiveSubscriber
{
    private readonly Channel<StreamMessage> _queue = Channel.CreateUnbounded<StreamMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, int> _slots;
    private readonly StreamTransport _transport;
    private Action? _cutOff;

    public StreamSubscriber(IReadOnlyList<string> feeds, StreamTransport transport, int recentCapacity, int maxQueued)
        : base("sse-" + Guid.NewGuid().ToString("N"), recentCapacity)
    {
        Follows = feeds;
        _slots = feeds.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        Positions = new long[feeds.Count];
        Hash = StreamCursor.HashOf(feeds);
        Backlog = new SendBacklog(maxQueued);
        _transport = transport;
    }

    /// <summary>The follow list, canonical and sorted: the order of <see cref="Positions"/>.</summary>
    public IReadOnlyList<string> Follows { get; }

    /// <summary>The last seq of each followed feed this stream has passed; changed only by the writer once it runs.</summary>
    public long[] Positions { get; }

    public uint Hash { get; }

    public SendBacklog Backlog { get; }

    public override ILiveTransport Transport => _transport;

    public ChannelReader<StreamMessage> Queue => _queue.Reader;

    /// <summary>What to do when the stream falls too far behind: end its response (the client resumes from its last id).</summary>
    public void OnCutOff(Action cutOff) => _cutOff = cutOff;

    public int SlotOf(string feed) => _slots[feed];

    public void Enqueue(StreamMessage message)
    {
        if (message.Counts && Backlog.AddAndCheckOverflow())
        {
            _queue.Writer.TryComplete();
            _transport.CutOff();
            _cutOff?.Invoke();
            return;
        }
        _queue.Writer.TryWrite(message);
    }

    public void Heartbeat() => _queue.Writer.TryWrite(new StreamMessage(StreamMessageKind.Heartbeat, -1, 0, null));

    public void Complete() => _queue.Writer.TryComplete();
}

public enum StreamMessageKind
{
    /// <summary>An <c>article</c> event.</summary>
    Article,

    /// <summary>A <c>gap</c> event; <see cref="StreamMessage.Seq"/> is the position after the skipped items.</summary>
    Gap,

    /// <summary>No event: the position moves past an article already sent through another feed.</summary>
    Passed,

    /// <summary>A comment line that keeps proxies from closing a quiet stream.</summary>
    Heartbeat,
}

/// <summary>One entry of a stream's queue; <see cref="Data"/> is the event's JSON, encoded once for every stream that gets it.</summary>
public readonly record struct StreamMessage(StreamMessageKind Kind, int Slot, long Seq, byte[]? Data)
{
    /// <summary>Entries that hold data count against the slow-reader limit.</summary>
    public bool Counts => Kind is StreamMessageKind.Article or StreamMessageKind.Gap;
}
