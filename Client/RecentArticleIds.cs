namespace Feed.Client;

/// <summary>The ids of the last N articles handed to the app, oldest forgotten first. Not thread-safe: used under a lock.</summary>
internal sealed class RecentArticleIds(int capacity)
{
    private readonly HashSet<string> _ids = [];
    private readonly Queue<string> _order = new();

    /// <summary>True when the id was not among the recent ones (and now is).</summary>
    public bool Add(string id)
    {
        if (!_ids.Add(id)) return false;
        _order.Enqueue(id);
        while (_order.Count > capacity) _ids.Remove(_order.Dequeue());
        return true;
    }
}
