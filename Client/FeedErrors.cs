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
    /// True when asking again later may work: the hub failed unexpectedly (SignalR then sends no details) or said the
    /// feed is unavailable right now (cluster or storage not answering). False for a refusal that stands: an unknown
    /// feed, too many feeds. The hub's errors carry no code, so its wording for "unavailable" is what tells them apart.
    /// </summary>
    public static bool IsTransient(HubException error) =>
        !error.Message.Contains(HubExceptionMarker, StringComparison.Ordinal)
        || ServerMessage(error).Contains("unavailable", StringComparison.OrdinalIgnoreCase);

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
