using System.Diagnostics;
using HdrHistogram;

namespace Feed.LoadTest;

/// <summary>
/// The run's shared record: when each article was sent (Stopwatch ticks) and the publish-to-receive latency
/// of every first delivery, in microseconds. Written by the publisher and by every subscriber's receive loop.
/// </summary>
public sealed class DeliveryLedger
{
    /// <summary>Latencies above this are recorded as this (one minute, far past any drain).</summary>
    private const long HighestMicros = 60_000_000;

    private readonly long[] _sentAt;
    private readonly long[] _perSecond;
    private readonly long[] _worstPerSecond;
    private long _deliveries;
    private long _lastDeliveryAt;
    private long _firstSentAt;

    public DeliveryLedger(int articles, int timelineSeconds)
    {
        _sentAt = new long[articles];
        Acknowledged = new bool[articles];
        _perSecond = new long[timelineSeconds];
        _worstPerSecond = new long[timelineSeconds];
    }

    public LongConcurrentHistogram Latency { get; } = new(1, HighestMicros, 3);
    public LongConcurrentHistogram PublishLatency { get; } = new(1, HighestMicros, 3);

    /// <summary>True for each article the server acknowledged; only these are expected to be delivered.</summary>
    public bool[] Acknowledged { get; }

    public long Deliveries => Interlocked.Read(ref _deliveries);
    public long LastDeliveryAt => Interlocked.Read(ref _lastDeliveryAt);

    public void Sent(int article, long timestamp)
    {
        Interlocked.CompareExchange(ref _firstSentAt, timestamp, 0);
        Volatile.Write(ref _sentAt[article], timestamp);
    }

    public long SentAt(int article) => Volatile.Read(ref _sentAt[article]);

    /// <summary>Counts a first delivery of an article to a subscriber and records its latency.</summary>
    public void Delivered(int article, long receivedAt)
    {
        Interlocked.Increment(ref _deliveries);
        var sent = SentAt(article);
        if (sent != 0)
        {
            var micros = Math.Clamp(MicrosBetween(sent, receivedAt), 1, HighestMicros);
            Latency.RecordValue(micros);
            var second = (receivedAt - Interlocked.Read(ref _firstSentAt)) / Stopwatch.Frequency;
            if (second >= 0 && second < _perSecond.Length)
            {
                Interlocked.Increment(ref _perSecond[second]);
                RaiseTo(ref _worstPerSecond[second], micros);
            }
        }
        RaiseTo(ref _lastDeliveryAt, receivedAt);
    }

    /// <summary>Per second of the run (from the first send): deliveries, and the worst latency among them.</summary>
    public IEnumerable<(int Second, long Deliveries, long WorstMicros)> Timeline()
    {
        var seconds = Array.FindLastIndex(_perSecond, c => c > 0) + 1;
        for (var i = 0; i < seconds; i++) yield return (i, Interlocked.Read(ref _perSecond[i]), Interlocked.Read(ref _worstPerSecond[i]));
    }

    private static void RaiseTo(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Published(int article, long sentAt, long answeredAt)
    {
        Volatile.Write(ref Acknowledged[article], true);
        PublishLatency.RecordValue(Math.Clamp(MicrosBetween(sentAt, answeredAt), 1, HighestMicros));
    }

    public static long MicrosBetween(long from, long to) => (to - from) * 1_000_000 / Stopwatch.Frequency;
}
