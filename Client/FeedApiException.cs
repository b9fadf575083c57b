using System.Net;

namespace Feed.Client;

/// <summary>
/// The server answered a REST call with an error: its status and the problem details it gave
/// (title, detail and, for 400, the messages per field).
/// </summary>
public sealed class FeedApiException : Exception
{
    public FeedApiException(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors, Uri server)
        : base(Describe(status, title, detail, errors))
    {
        StatusCode = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        Server = server;
    }

    public HttpStatusCode StatusCode { get; }
    public string? Title { get; }
    public string? Detail { get; }

    /// <summary>Field name → what is wrong with it; empty unless the server named fields (400 validation problems).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The server that answered.</summary>
    public Uri Server { get; }

    private static string Describe(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    {
        var text = $"{(int)status} {title ?? status.ToString()}";
        if (!string.IsNullOrEmpty(detail)) text += ": " + detail;
        foreach (var (field, messages) in errors) text += $" [{field}: {string.Join(" ", messages)}]";
        return text;
    }
}
