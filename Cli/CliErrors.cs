using System.Net;
using Feed.Client;

namespace Feed.Cli;

/// <summary>Turns a failure into a message a person can act on, and the exit code that classifies it.</summary>
internal static class CliErrors
{
    public static int Report(Exception error, TextWriter stderr)
    {
        switch (error)
        {
            case FeedUnreachableException unreachable:
                stderr.WriteLine($"error: {unreachable.Message}");
                stderr.WriteLine("  Is the server running? Point at it with --server URL or FEED_URL.");
                return ExitCodes.Unreachable;
            case FeedApiException { StatusCode: HttpStatusCode.Unauthorized } refused:
                stderr.WriteLine($"error: the server refused the publisher key (401 {refused.Title}).");
                if (!string.IsNullOrEmpty(refused.Detail)) stderr.WriteLine($"  {refused.Detail}");
                stderr.WriteLine("  Give a valid key with --key KEY or FEED_API_KEY.");
                return ExitCodes.Unauthorized;
            case FeedApiException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge } rejected:
                WriteProblem(rejected, stderr);
                return ExitCodes.Rejected;
            case FeedApiException other:
                WriteProblem(other, stderr);
                return ExitCodes.Failed;
            case FeedSubscribeException subscribe:
                stderr.WriteLine($"error: the server refused to follow {subscribe.Feed}: {subscribe.ServerMessage}");
                return ExitCodes.Rejected;
            case FormatException format:
                stderr.WriteLine($"error: {format.Message}");
                return ExitCodes.Usage;
            default:
                stderr.WriteLine($"error: {error.Message}");
                return ExitCodes.Failed;
        }
    }

    /// <summary>"error: 400 The article is not valid" and one indented line per field message.</summary>
    public static void WriteProblem(FeedApiException problem, TextWriter stderr, string? what = null)
    {
        stderr.WriteLine($"error: {(what is null ? "" : what + ": ")}{(int)problem.StatusCode} {problem.Title}"
                         + (string.IsNullOrEmpty(problem.Detail) ? "" : $": {problem.Detail}"));
        foreach (var (field, messages) in problem.Errors)
        foreach (var message in messages)
            stderr.WriteLine($"  {field}: {message}");
    }
}
