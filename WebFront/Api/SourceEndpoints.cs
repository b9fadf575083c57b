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
        var sources = app.MapGroup("/api/sources").WithTags("Sources").AddEndpointFilter<PublisherKeyFilter>();
        sources.MapPost("/", Add).WithSummary("Follow a source")
            .WithDescription("201 with the new source, 200 with the existing one when its URL is already followed; its entries start arriving after the first poll, at once.");
        sources.MapGet("/", List).WithSummary("Every followed source");
        sources.MapGet("/{id}", Get).WithSummary("One source and the state of its polling");
        sources.MapPost("/{id}/poll", Poll).WithSummary("Poll a source now").WithDescription("Answers the source after the poll.");
        sources.MapDelete("/{id}", Remove).WithSummary("Stop following a source").WithDescription("Its articles stay.");
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
