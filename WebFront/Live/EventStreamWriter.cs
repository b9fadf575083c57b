using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Feed.WebFront.Live;

/// <summary>
/// Writes one stream's queue as Server-Sent Events: <c>event: article</c> / <c>event: gap</c> with the JSON as
/// <c>data:</c> and the cursor of every followed feed as <c>id:</c>; an <c>id:</c>-only block when the position moves
/// without an event (an article already sent through another feed), so a resume never sends it again.
/// </summary>
public sealed class EventStreamWriter(StreamSubscriber stream, PipeWriter output, TimeSpan retry)
{
    // Written in batches: flushing per event would cost a write call each under load; past this, flush anyway.
    private const int FlushBytes = 64 * 1024;

    private static readonly byte[] ArticleEvent = "event: article\nid: "u8.ToArray();
    private static readonly byte[] GapEvent = "event: gap\nid: "u8.ToArray();
    private static readonly byte[] IdField = "id: "u8.ToArray();
    private static readonly byte[] DataField = "\ndata: "u8.ToArray();
    private static readonly byte[] EndOfEvent = "\n\n"u8.ToArray();
    private static readonly byte[] HeartbeatComment = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Writes until the queue completes (cut off, server stopping) or the token fires (client gone).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // First the position the stream starts from: a client that drops before any event still resumes from here.
        var preamble = $": following {string.Join(',', stream.Follows)}\nretry: {(long)retry.TotalMilliseconds}\n";
        Encoding.UTF8.GetBytes(preamble, output);
        WriteId();
        if ((await output.FlushAsync(cancellationToken)).IsCompleted) return;

        var queue = stream.Queue;
        while (await queue.WaitToReadAsync(cancellationToken))
        {
            var idPending = false;
            long unflushed = 0;
            while (queue.TryRead(out var message))
            {
                if (message.Counts) stream.Backlog.Done();
                switch (message.Kind)
                {
                    case StreamMessageKind.Article:
                    case StreamMessageKind.Gap:
                        stream.Positions[message.Slot] = message.Seq;
                        Put(message.Kind == StreamMessageKind.Article ? ArticleEvent : GapEvent);
                        StreamCursor.WriteTo(output, stream.Positions, stream.Hash);
                        Put(DataField);
                        Put(message.Data);
                        Put(EndOfEvent);
                        unflushed += message.Data!.Length + 128;
                        idPending = false;
                        break;
                    case StreamMessageKind.Passed:
                        stream.Positions[message.Slot] = Math.Max(stream.Positions[message.Slot], message.Seq);
                        idPending = true;
                        break;
                    case StreamMessageKind.Heartbeat:
                        Put(HeartbeatComment);
                        break;
                }
                if (unflushed > FlushBytes) break;
            }
            if (idPending) WriteId();
            if ((await output.FlushAsync(cancellationToken)).IsCompleted) return;
        }
    }

    private void Put(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private void WriteId()
    {
        Put(IdField);
        StreamCursor.WriteTo(output, stream.Positions, stream.Hash);
        Put(EndOfEvent);
    }
}
