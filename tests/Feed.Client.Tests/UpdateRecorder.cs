namespace Feed.Client.Tests;

/// <summary>Reads a client's <see cref="FeedClient.ReadAllAsync"/> in the background and lets a test wait for what it expects.</summary>
public sealed class UpdateRecorder
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    private readonly object _lock = new();
    private readonly List<FeedUpdate> _updates = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public UpdateRecorder(FeedClient client)
    {
        Reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in client.ReadAllAsync())
                {
                    lock (_lock)
                    {
                        _updates.Add(update);
                        _changed.TrySetResult();
                        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
            finally
            {
                lock (_lock) _changed.TrySetResult();
            }
        });
    }

    /// <summary>Ends when the client is disposed.</summary>
    public Task Reading { get; }

    public IReadOnlyList<FeedUpdate> Updates
    {
        get { lock (_lock) return _updates.ToArray(); }
    }

    public IReadOnlyList<FeedItem> Articles => Updates.OfType<ArticleArrived>().Select(a => a.Item).ToArray();

    public Task WaitForArticlesAsync(params string[] ids) =>
        WaitUntilAsync(u => ids.All(id => u.OfType<ArticleArrived>().Any(a => a.Item.Article.Id == id)), $"articles {string.Join(", ", ids)}");

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, TimeSpan? limit = null) where T : FeedUpdate
    {
        T? found = null;
        await WaitUntilAsync(u => (found = u.OfType<T>().FirstOrDefault(match)) is not null, what, limit);
        return found!;
    }

    /// <summary>Waits, woken by each new update, until <paramref name="condition"/> holds; a bounded wait that says what never came.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<FeedUpdate>, bool> condition, string what, TimeSpan? limit = null)
    {
        var wait = limit ?? DefaultLimit;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(_updates)) return;
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || Reading.IsCompleted)
                throw new TimeoutException($"Waited {wait.TotalSeconds:0.#} s for {what}; got: {Describe()}");
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public string Describe() => string.Join(", ", Updates.Select(u => u switch
    {
        ArticleArrived a => $"{a.Item.Article.Id}@{a.Item.Feed}#{a.Item.Seq}",
        HistoryGap g => $"gap({g.Feed} {g.LastSeen}->{g.ResumesAt})",
        FeedSubscribed s => $"subscribed({s.Feed} after {s.After?.ToString() ?? "now"}, head {s.Head})",
        ConnectionChanged c => $"{c.State}({c.Server.Port}{(c.Error is null ? "" : ": " + c.Error.Message)})",
        _ => u.GetType().Name,
    }));
}
