using Feed.Tagging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feed.WebFront.Api;

/// <summary>
/// <c>GET /api/topics</c>: the topic taxonomy as the server knows it, so pages take the list and the titles from
/// here instead of keeping their own copy that drifts.
/// </summary>
public static class TopicEndpoints
{
    public static void MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/topics", List)
            .WithTags("Feeds")
            .WithName("ListTopics")
            .WithSummary("Every topic a feed can be about")
            .WithDescription("The topic taxonomy (IPTC Media Topics, top level) in its own order: each topic's feed key, slug "
                             + "and title, the same titles feed answers carry.");
    }

    private static Ok<TopicList> List(FeedCatalog catalog, HttpContext context)
    {
        // The taxonomy changes only with a new release: let browsers keep it for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok(new TopicList(catalog.Topics
            .Select(t => new TopicEntry(FeedKey.Topic(t.Slug).ToString(), t.Slug, t.Title)).ToArray()));
    }
}

/// <summary>The answer of <c>GET /api/topics</c>.</summary>
public sealed record TopicList(IReadOnlyList<TopicEntry> Topics);

/// <summary>One topic: its feed key (<c>topic:economy</c>), slug and title.</summary>
public sealed record TopicEntry(string Feed, string Slug, string Title);
