using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace Feed;

/// <summary>
/// Which ledger grain owns an article id. Ids are spread over a fixed number of long-lived ledger grains rather than one
/// grain per article: a publish then costs no activation, no directory entry and no collection afterwards, and an
/// article in flight is a few short-lived objects instead of an activation kept around for its repeats.
/// </summary>
public static class ArticleLedger
{
    /// <summary>
    /// Partitions of the id space. Fixed, not a setting: every silo and web front must send an id to the same ledger,
    /// during a rolling upgrade too, or two ledgers could publish the same article at once.
    /// </summary>
    public const int Partitions = 256;

    /// <summary>The partition of an id: a hash of its UTF-8 bytes, the same in every process and on every machine.</summary>
    public static int PartitionOf(string articleId)
    {
        var max = Encoding.UTF8.GetMaxByteCount(articleId.Length);
        Span<byte> utf8 = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(articleId, utf8);
        return (int)(XxHash32.HashToUInt32(utf8[..length]) % Partitions);
    }

    // The references of each grain factory's ledgers, made once: GetGrain resolves the interface type by reflection on every call.
    private static readonly ConditionalWeakTable<IGrainFactory, IArticleLedgerGrain?[]> Ledgers = new();

    /// <summary>The ledger grain that owns <paramref name="articleId"/>.</summary>
    public static IArticleLedgerGrain ArticleLedgerFor(this IGrainFactory grains, string articleId)
    {
        var partition = PartitionOf(articleId);
        var ledgers = Ledgers.GetValue(grains, static _ => new IArticleLedgerGrain?[Partitions]);
        return ledgers[partition] ??= grains.GetGrain<IArticleLedgerGrain>(partition);
    }
}
