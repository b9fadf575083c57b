using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Feed.WebFront.Live;

/// <summary>
/// The event stream's <c>id:</c>: the last seq of every followed feed, opaque to clients. Base64url of a version
/// byte, a 32-bit hash of the sorted feed list (a cursor from another follow list is refused, not misread) and one
/// variable-length number per feed in that order: about two characters per feed for seqs under 16,384.
/// </summary>
public static class StreamCursor
{
    private const byte Version = 1;
    private const int HeaderBytes = 5;
    private const int MaxVarintBytes = 10;

    /// <summary>The hash a cursor carries for this follow list (canonical keys, sorted).</summary>
    public static uint HashOf(IReadOnlyList<string> feeds)
    {
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var feed in feeds)
        {
            foreach (var c in feed) hash = (hash ^ c) * 16777619u;
            hash = (hash ^ ',') * 16777619u;
        }
        return hash;
    }

    public static int MaxLength(int feeds) => Base64Url.GetEncodedLength(HeaderBytes + MaxVarintBytes * feeds);

    public static string Format(ReadOnlySpan<long> positions, uint hash)
    {
        var writer = new ArrayBufferWriter<byte>();
        WriteTo(writer, positions, hash);
        return Encoding.ASCII.GetString(writer.WrittenSpan);
    }

    /// <summary>Writes the cursor as ASCII bytes straight into the response.</summary>
    public static void WriteTo(IBufferWriter<byte> output, ReadOnlySpan<long> positions, uint hash)
    {
        var size = HeaderBytes + MaxVarintBytes * positions.Length;
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        var raw = rented is null ? stackalloc byte[size] : rented;
        raw[0] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(raw[1..], hash);
        var length = HeaderBytes;
        foreach (var position in positions)
        {
            var value = (ulong)position;
            while (value >= 0x80)
            {
                raw[length++] = (byte)(value | 0x80);
                value >>= 7;
            }
            raw[length++] = (byte)value;
        }
        var encoded = Base64Url.GetEncodedLength(length);
        Base64Url.EncodeToUtf8(raw[..length], output.GetSpan(encoded), out _, out var written);
        output.Advance(written);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>The positions a cursor holds for this follow list, or why it is not one of ours for it.</summary>
    public static bool TryParse(string text, IReadOnlyList<string> feeds, [NotNullWhen(true)] out long[]? positions, [NotNullWhen(false)] out string? error)
    {
        positions = null;
        error = "This Last-Event-ID is not a position of this event stream: reconnect without it to follow from now.";
        if (text.Length > MaxLength(feeds.Count)) return false;
        var raw = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, raw, out var consumed, out var length) != OperationStatus.Done || consumed != text.Length) return false;
        if (length < HeaderBytes || raw[0] != Version) return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(1)) != HashOf(feeds))
        {
            error = "This Last-Event-ID belongs to another follow list: resume with the same 'follow' it was given for, or start without it.";
            return false;
        }
        var result = new long[feeds.Count];
        var at = HeaderBytes;
        for (var i = 0; i < result.Length; i++)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (at >= length || shift > 56) return false;
                var b = raw[at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            if (value > long.MaxValue) return false;
            result[i] = (long)value;
        }
        if (at != length) return false;
        positions = result;
        error = null;
        return true;
    }
}
