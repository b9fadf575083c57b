using Microsoft.AspNetCore.SignalR;

namespace Feed.Client;

/// <summary>Turns transport errors into the short text a person needs.</summary>
internal static class FeedErrors
{
    private const string HubExceptionMarker = "HubException: ";

    /// <summary>The message of the innermost exception: "Connection refused" rather than a chain of wrappers.</summary>
    public static string Innermost(Exception error)
    {
        while (error.InnerException is not null) error = error.InnerException;
        return error.Message;
    }

    /// <summary>
    /// True when the hub refused on purpose (it threw a HubException, whose message the client receives); false when
    /// it failed unexpectedly, which SignalR reports without details and which is worth retrying.
    /// </summary>
    public static bool IsRefusal(HubException error) => error.Message.Contains(HubExceptionMarker, StringComparison.Ordinal);

    /// <summary>
    /// The hub's own message: the SignalR client wraps it as
    /// "An unexpected error occurred invoking 'Subscribe' on the server. HubException: ...".
    /// </summary>
    public static string ServerMessage(HubException error)
    {
        var at = error.Message.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        return at < 0 ? error.Message : error.Message[(at + HubExceptionMarker.Length)..];
    }
}
