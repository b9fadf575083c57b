using Feed.Sources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feed.WebFront.Api;

/// <summary>What an operator sends to add a source.</summary>
public sealed record SourceRequest(string? Url, string? Title, int? PollSeconds);

/// <summary>The answer of <c>GET /api/sources</c>.</summary>
public sealed record SourceList(IReadOnlyList<Source> Sources);

/// <summary>
/// <c>/api/sources</c>: the RSS, Atom and JSON Feed sources Feed follows. Every call needs a publisher key; the work is
/// done by the source registry and each source's own grain.
/// </summary>
public static class SourceEndpoints
{
    public static void MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/sources").WithTags("Sources").RequirePublisherKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        sources.MapPost("", Add).WithName("AddSource").WithSummary("Follow a source")
            .WithDescription("Follows an RSS 2.0, RSS 1.0, Atom 1.0 or JSON Feed document. 201 with the new source, 200 with the existing "
                             + "one when its URL (scheme and host case aside) is already followed; its first poll starts at once. 400 for a URL "
                             + "that is not absolute http/https, a `pollSeconds` out of range, or a private address when those are not allowed.");
        sources.MapGet("", List).WithName("ListSources").WithSummary("Every followed source");
        sources.MapGet("/{id}", Get).WithName("GetSource").WithSummary("One source and the state of its polling")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sources.MapPost("/{id}/poll", Poll).WithName("PollSource").WithSummary("Poll a source now")
            .WithDescription("Answers the source after the poll: `lastStatus` and `lastError` say how it went.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sources.MapDelete("/{id}", Remove).WithName("RemoveSource").WithSummary("Stop following a source")
            .WithDescription("The source stops; the articles it brought in stay.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<Source>, Ok<Source>, ValidationProblem>> Add(SourceRequest? request, IGrainFactory grains)
    {
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body {url, title?, pollSeconds?} is required."] },
                title: "The source is not valid");
        try
        {
            var added = await grains.GetGrain<ISourceRegistryGrain>(0).Add(request.Url, request.Title, request.PollSeconds);
            return added.Created
                ? TypedResults.Created($"/api/sources/{added.Source.Id}", added.Source)
                : TypedResults.Ok(added.Source);
        }
        catch (SourceRejectedException e)
        {
            return TypedResults.ValidationProblem(e.Errors.ToDictionary(), title: "The source is not valid");
        }
    }

    private static async Task<Ok<SourceList>> List(IGrainFactory grains) =>
        TypedResults.Ok(new SourceList(await grains.GetGrain<ISourceRegistryGrain>(0).List()));

    // An id that cannot be a source's is answered 404 without activating a grain for it.
    private static async Task<Results<Ok<Source>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        SourceUrl.IsSourceId(id) && await grains.GetGrain<ISourceGrain>(id).Get() is { } source ? TypedResults.Ok(source) : NotFound(id);

    private static async Task<Results<Ok<Source>, ProblemHttpResult>> Poll(string id, IGrainFactory grains) =>
        SourceUrl.IsSourceId(id) && await grains.GetGrain<ISourceGrain>(id).PollNow() is { } source ? TypedResults.Ok(source) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string id, IGrainFactory grains) =>
        SourceUrl.IsSourceId(id) && await grains.GetGrain<ISourceGrain>(id).Stop() ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "No such source", detail: $"No source with id '{id}' is followed.");
}
