using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Feed.WebFront.Api;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) of every REST route, and its reference page (<c>/scalar</c>).</summary>
public static class FeedOpenApi
{
    public static IServiceCollection AddFeedOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Feed";
                document.Info.Description =
                    "A real-time news feed. Every country, topic and relation between two countries is a feed "
                    + "(`country:AZ`, `topic:economy`, `relation:AZ-KR`) numbering its articles with `seq`. Publish with a "
                    + "publisher key; read history, follow as Atom or JSON Feed, or live as Server-Sent Events (`/api/events`) "
                    + "or over the SignalR hub `/hubs/feed`.";
                AddHealthPath(document);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<PublisherKeySecurity>();
            options.AddOperationTransformer<PublisherKeySecurity>();
        });

    public static void MapFeedOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Feed API"));
    }

    // Health checks are not route handlers, so the generator does not see them: describe the one route by hand.
    private static void AddHealthPath(OpenApiDocument document)
    {
        var operation = new OpenApiOperation
        {
            OperationId = "Health",
            Summary = "Readiness",
            Description = "200 `Healthy` when the silo and the web front are ready; 503 otherwise.",
            Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "Ready" },
                ["503"] = new OpenApiResponse { Description = "Not ready" },
            },
        };
        document.Paths ??= [];
        document.Paths["/healthz"] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
    }
}
