using Microsoft.AspNetCore.SignalR;

namespace Feed.Client.Tests;

/// <summary>Which hub errors end a follow and which are asked again: the hub's errors carry only their wording.</summary>
public sealed class FeedErrorsTests
{
    private const string Wrapper = "An unexpected error occurred invoking 'Subscribe' on the server. ";

    [Theory]
    [InlineData(Wrapper + "HubException: 'ZZ' is not an ISO 3166-1 alpha-2 country code.", false)]
    [InlineData(Wrapper + "HubException: A connection may follow at most 200 feeds; unsubscribe from one first.", false)]
    [InlineData(Wrapper + "HubException: country:AZ is unavailable right now; subscribe again shortly.", true)]
    [InlineData("An unexpected error occurred invoking 'Subscribe' on the server.", true)]
    public void Refusals_stand_and_unavailability_is_retried(string message, bool transient) =>
        Assert.Equal(transient, FeedErrors.IsTransient(new HubException(message)));

    [Fact]
    public void The_servers_own_message_is_shown_without_SignalRs_wrapping() =>
        Assert.Equal("'ZZ' is not an ISO 3166-1 alpha-2 country code.",
            FeedErrors.ServerMessage(new HubException(Wrapper + "HubException: 'ZZ' is not an ISO 3166-1 alpha-2 country code.")));
}
