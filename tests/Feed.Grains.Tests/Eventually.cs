namespace Feed.Grains.Tests;

/// <summary>Bounded waiting for something asynchronous, with a message that says what never happened.</summary>
public static class Eventually
{
    public static async Task<T> Within<T>(Task<T> task, TimeSpan limit, string what)
    {
        var done = await Task.WhenAny(task, Task.Delay(limit));
        if (done != task) throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}.");
        return await task;
    }
}
