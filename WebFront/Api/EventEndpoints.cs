using System.ComponentModel;
using Feed.Tagging;
using Feed.WebFront.Hosting;
using Feed.WebFront.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary><c>GET /api/events?follow=…</c>: live feeds as Server-Sent Events, resumable with <c>Last-Event-ID</c>.</summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").WithTags("Events")
            .MapGet("", Follow)
            .WithName("FollowEvents")
            .WithSummary("Follow feeds as a Server-Sent Events stream")
            .WithDescription(
                "Answers text/event-stream. Each feed item is one event: `event: article`, `data:` the feed item JSON, `id:` an "
                + "opaque cursor holding the last seq of every followed feed. Reconnect with that id as the `Last-Event-ID` "
                + "header (browsers' EventSource do it themselves) or `?lastEventId=` to get exactly what was missed, then live "
                + "items. An article in several followed feeds is sent once. `event: gap` with `{feed, complete:false}` says "
                + "history no longer reached back. A comment line goes out at least every 15 s. Bad feeds, too many feeds or a "
                + "cursor of another follow list: 400 before the stream starts.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<EventStreamResult, ValidationProblem, ProblemHttpResult>> Follow(
        [FromQuery, Description("Feed keys to follow, comma-separated: relation:AZ-KR,topic:economy.")] string? follow,
        [FromQuery, Description("The last event id seen, for clients that cannot send the Last-Event-ID header.")] string? lastEventId,
        [FromHeader(Name = "Last-Event-ID"), Description("The last event id seen; resumes after it in every followed feed.")] string? lastEventIdHeader,
        FeedCatalog catalog, FeedRelay relay, StreamTransport transport, IOptions<LiveOptions> live,
        IOptions<EventStreamOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        var limits = live.Value;
        var keys = new SortedDictionary<string, FeedKey>(StringComparer.Ordinal);
        foreach (var text in (follow ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!catalog.TryParseKey(text, out var key, out var error)) return Invalid("follow", error!);
            keys[key.ToString()] = key;
        }
        if (keys.Count == 0) return Invalid("follow", "Name the feeds to follow, comma-separated: ?follow=relation:AZ-KR,topic:economy");
        if (keys.Count > limits.MaxSubscriptionsPerConnection)
            return Invalid("follow", $"A stream may follow at most {limits.MaxSubscriptionsPerConnection} feeds; it names {keys.Count}.");

        var feeds = keys.Keys.ToArray();
        long[]? resumeFrom = null;
        var cursor = string.IsNullOrEmpty(lastEventIdHeader) ? lastEventId : lastEventIdHeader;
        if (!string.IsNullOrEmpty(cursor) && !StreamCursor.TryParse(cursor, feeds, out resumeFrom, out var cursorError))
            return Invalid("Last-Event-ID", cursorError);

        var stream = new StreamSubscriber(feeds, transport, limits.RecentArticlesPerConnection, limits.MaxQueuedMessagesPerConnection);
        relay.Connect(stream);
        try
        {
            if (resumeFrom is not null && feeds.Length > 1)
            {
                // The stream remembers RecentArticlesPerConnection articles: share them out, so no feed's marks push out another's.
                var lookBack = Math.Min(options.Value.ResumeLookBack, limits.RecentArticlesPerConnection / feeds.Length);
                await Task.WhenAll(feeds.Select((feed, i) => relay.RememberSent(stream.Id, keys[feed], resumeFrom[i], lookBack)));
            }
            // Every feed is followed before the first byte goes out, so a refusal is still a plain HTTP error.
            var answers = await Task.WhenAll(feeds.Select((feed, i) => relay.Subscribe(stream.Id, keys[feed], resumeFrom?[i], replay: true)));
            for (var i = 0; i < feeds.Length; i++) stream.Positions[i] = resumeFrom?[i] ?? answers[i].Head;
            return new EventStreamResult(stream, relay, options.Value, clock, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is FollowRefusedException { Transient: true } || ClusterUnavailableHandler.IsUnavailable(e))
        {
            relay.Disconnect(stream.Id);
            return TypedResults.Problem(statusCode: 503, title: "Feed is unavailable right now", detail: "A followed feed did not answer; reconnect shortly.");
        }
        catch (FollowRefusedException e)
        {
            relay.Disconnect(stream.Id);
            return Invalid("follow", e.Message);
        }
        catch
        {
            relay.Disconnect(stream.Id);
            throw;
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Bad request");
}
