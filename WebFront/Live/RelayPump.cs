namespace Feed.WebFront.Live;

/// <summary>
/// Moves one relayed feed's cursor forward, strictly in seq order: takes pushed items as they line up, fetches from the
/// grain whatever never arrived (a lost push, a lapsed lease), and tells subscribers when history no longer reaches back
/// far enough. One pump per relayed feed, woken by <see cref="RelayedFeed.Signals"/>; it holds the feed's gate while
/// it moves, so Subscribe sees a cursor that stands still.
/// </summary>
public sealed class RelayPump(int maxMissedItems, LiveMetrics? metrics, ILogger logger)
{
    public async Task RunAsync(RelayedFeed feed)
    {
        await foreach (var target in feed.Signals.ReadAllAsync())
        {
            await feed.Gate.WaitAsync();
            try
            {
                await CatchUp(feed, target);
            }
            catch (Exception e)
            {
                // The grain could not be read (silo moving, storage down): the next push or refresh tries again.
                logger.LogWarning(e, "Relay of {Feed} could not catch up to {Seq}", feed.Feed, target);
            }
            finally
            {
                feed.Gate.Release();
            }
        }
    }

    private async Task CatchUp(RelayedFeed feed, long target)
    {
        while (feed.Cursor < target)
        {
            var next = feed.TakeArrived(feed.Cursor + 1);
            if (next is not null)
            {
                RelayFanOut.Send(feed, next);
                continue;
            }
            // A gap: the push went missing or the registration lapsed. The grain has every durable item.
            metrics?.GapFilled();
            var page = await feed.Grain.Read(feed.Cursor, (int)Math.Min(target - feed.Cursor, maxMissedItems));
            if (page.Items.Count == 0) break;
            if (page.Items[0].Seq != feed.Cursor + 1) Skip(feed, page.Items[0].Seq - 1);
            foreach (var item in page.Items) RelayFanOut.Send(feed, item);
        }
        feed.DropArrivedUpTo(feed.Cursor);
    }

    /// <summary>History no longer holds what this node has not relayed yet: its subscribers are told, then carry on after it.</summary>
    private void Skip(RelayedFeed feed, long skippedTo)
    {
        logger.LogWarning("Relay of {Feed}: history no longer reaches seq {Seq}; skipping to {First}", feed.Feed, feed.Cursor + 1, skippedTo + 1);
        feed.Cursor = skippedTo;
        metrics?.Skipped();
        foreach (var subscriber in feed.Subscribers)
        {
            if (subscriber.Position >= skippedTo) continue;
            subscriber.Position = skippedTo;
            subscriber.Follower.Transport.Gap(feed.Feed, skippedTo, subscriber.Follower);
        }
    }
}
