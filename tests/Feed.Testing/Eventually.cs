namespace Feed.Testing;

/// <summary>Bounded waiting with a message that says what never happened. Polling is only for state with no event.</summary>
public static class Eventually
{
    public static async Task<T> Within<T>(Task<T> task, TimeSpan limit, string what)
    {
        await Within((Task)task, limit, what);
        return await task;
    }

    public static async Task Within(Task task, TimeSpan limit, string what)
    {
        var done = await Task.WhenAny(task, Task.Delay(limit));
        if (done != task) throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}.");
        await task;
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan limit, string what) =>
        TrueAsync(() => Task.FromResult(condition()), limit, what);

    /// <summary>Polls an asynchronous check; a check that throws counts as "not yet".</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception) when (DateTime.UtcNow <= deadline) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}.");
            await Task.Delay(50);
        }
    }
}
