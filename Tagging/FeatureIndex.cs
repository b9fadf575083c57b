namespace Feed.Tagging;

/// <summary>
/// Feature keys → rows of the learned model's weights, and for a word whether it starts or ends a pair of words that
/// has a row: an open-addressed table of 64-bit keys, built once. A text asks for every word it has, nearly all of them
/// absent, so a miss must be cheap (one multiply, a mask and a probe or two over flat arrays); and a pair of words is
/// looked up only when its first word starts some known pair and its second ends one.
/// </summary>
public sealed class FeatureIndex
{
    /// <summary>What a word is to the pairs of words with a row.</summary>
    [Flags]
    public enum PairRole : byte { None = 0, First = 1, Second = 2 }

    private const ulong Mix = 0x9E3779B97F4A7C15UL;
    // One 16-byte slot per entry, so a probe reads one cache line, not one per array.
    private readonly Slot[] _slots;
    private readonly int _shift;

    private struct Slot
    {
        public ulong Key;
        public int Row; // row + 1; 0: no row of its own (a word only known as part of a pair)
        public PairRole Role;
        public bool Used;
    }

    public FeatureIndex(IReadOnlyDictionary<ulong, int> rows, IReadOnlyDictionary<ulong, PairRole>? pairWords = null)
    {
        pairWords ??= new Dictionary<ulong, PairRole>();
        var keys = rows.Keys.Union(pairWords.Keys).ToArray();
        // At most two thirds full, so a probe sequence is short and the table small enough to stay in cache.
        var bits = Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)Math.Max(1, keys.Length * 3 / 2)));
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        foreach (var key in keys)
        {
            var slot = SlotOf(key);
            while (_slots[slot].Used) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = new Slot { Key = key, Row = rows.TryGetValue(key, out var row) ? row + 1 : 0, Role = pairWords.GetValueOrDefault(key), Used = true };
        }
        Count = rows.Count;
    }

    /// <summary>Features with a row.</summary>
    public int Count { get; }

    public bool TryGetRow(ulong key, out int row)
    {
        row = Find(key, out _);
        return row >= 0;
    }

    /// <summary>The key's row (-1 when it has none) and, for a word, its role in known pairs.</summary>
    public int Find(ulong key, out PairRole role)
    {
        var mask = _slots.Length - 1;
        for (var slot = SlotOf(key); ; slot = (slot + 1) & mask)
        {
            ref readonly var s = ref _slots[slot];
            if (!s.Used) break;
            if (s.Key != key) continue;
            role = s.Role;
            return s.Row - 1;
        }
        role = PairRole.None;
        return -1;
    }

    private int SlotOf(ulong key) => (int)((key * Mix) >> _shift);
}
