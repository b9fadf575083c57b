namespace Feed.Grains;

/// <summary>
/// The web front nodes following one feed, each with a lease they refresh. A node that stops refreshing
/// (it died, or lost its connection to the cluster) drops out by itself; nothing waits on it.
/// </summary>
public sealed class FollowerRegistry
{
    private readonly Dictionary<IFeedObserver, (DateTime Expires, int Subscribers)> _followers = new();

    public int Count => _followers.Count;

    /// <summary>People following through all nodes, as the nodes last reported.</summary>
    public int Subscribers => _followers.Values.Sum(f => f.Subscribers);

    public IEnumerable<IFeedObserver> Observers => _followers.Keys;

    public void Renew(IFeedObserver observer, int subscribers, DateTime expires) => _followers[observer] = (expires, subscribers);

    public void Remove(IFeedObserver observer) => _followers.Remove(observer);

    public void RemoveExpired(DateTime now)
    {
        foreach (var (observer, lease) in _followers)
        {
            if (lease.Expires <= now) _followers.Remove(observer);
        }
    }
}
