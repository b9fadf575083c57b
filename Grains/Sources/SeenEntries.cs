namespace Feed.Grains;

/// <summary>
/// The article ids a source has already ingested, newest <c>capacity</c> kept, so a poll skips them without a grain
/// call. Forgetting an old id costs nothing but a call: the article's ledger grain answers it as a duplicate.
/// </summary>
public sealed class SeenEntries(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _ids.Count;

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Adds an id as the newest; the oldest is forgotten beyond capacity.</summary>
    public void Add(string id)
    {
        if (!_ids.Add(id)) return;
        _order.Enqueue(id);
        while (_order.Count > capacity) _ids.Remove(_order.Dequeue());
    }

    /// <summary>Fills from storage, which lists newest first.</summary>
    public void LoadNewestFirst(IReadOnlyList<string> newestFirst)
    {
        for (var i = newestFirst.Count - 1; i >= 0; i--) Add(newestFirst[i]);
    }

    public void Clear()
    {
        _ids.Clear();
        _order.Clear();
    }
}
