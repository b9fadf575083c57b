namespace Feed.Client.Tests;

/// <summary>Positions count what the app has been handed: after its handlers returned, or once it asks for the next update.</summary>
public sealed class UpdateDispatcherTests
{
    private static ArticleArrived Arrived(long seq) => new(new FeedItem("country:AZ", seq, new Article { Id = $"a-{seq}", Headline = "h", Body = "b" }));

    [Fact]
    public async Task A_read_update_counts_as_handled_when_the_reader_asks_for_the_next_one()
    {
        var dispatcher = new UpdateDispatcher(queueForReader: true, _ => { });
        dispatcher.Emit(Arrived(1));
        dispatcher.Emit(new PositionReached("country:AZ", 2));
        dispatcher.Emit(Arrived(3));

        await using var reader = dispatcher.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(Arrived(1), reader.Current);
        Assert.False(dispatcher.Handled.ContainsKey("country:AZ"));

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(Arrived(3), reader.Current); // the internal position mark is never shown
        Assert.Equal(2, dispatcher.Handled["country:AZ"]);

        await dispatcher.CompleteAsync();
        Assert.False(await reader.MoveNextAsync());
        Assert.Equal(3, dispatcher.Handled["country:AZ"]);
    }

    [Fact]
    public async Task Without_a_reader_an_update_counts_once_the_handlers_returned_and_a_failing_handler_stops_nothing()
    {
        var raised = new List<FeedUpdate>();
        var dispatcher = new UpdateDispatcher(queueForReader: false, update =>
        {
            raised.Add(update);
            throw new InvalidOperationException("the app's handler failed");
        });
        dispatcher.Emit(Arrived(1));
        dispatcher.Emit(Arrived(2));
        await dispatcher.CompleteAsync();

        Assert.Equal([Arrived(1), Arrived(2)], raised);
        Assert.Equal(2, dispatcher.Handled["country:AZ"]);
    }

    [Fact]
    public async Task Only_one_reader_at_a_time()
    {
        var dispatcher = new UpdateDispatcher(queueForReader: true, _ => { });
        await using var first = dispatcher.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        dispatcher.Emit(Arrived(1));
        Assert.True(await first.MoveNextAsync());

        await using var second = dispatcher.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());
    }
}
