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

    // Health checks and the metrics scrape are not route handlers, so the generator does not see them: described by hand.
    private static void AddHealthPath(OpenApiDocument document)
    {
        document.Paths ??= [];
        Add(document, "/healthz", "Health", "Every check",
            "200 `Healthy` when the silo (or the cluster) and storage answer; 503 otherwise.");
        Add(document, "/healthz/live", "Liveness", "Liveness",
            "200 whenever the process answers at all: restart it only when this fails.");
        Add(document, "/healthz/ready", "Readiness", "Readiness",
            "200 when the silo has joined (or the cluster answers) and storage answers; 503 while either is away: send no traffic.");
        Add(document, "/metrics", "Metrics", "Prometheus metrics",
            "Feed's own instruments beside ASP.NET Core's, Kestrel's, SignalR's, the runtime's and Orleans', as Prometheus text.");
    }

    private static void Add(OpenApiDocument document, string path, string id, string summary, string description)
    {
        var operation = new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "OK" },
                ["503"] = new OpenApiResponse { Description = "Not healthy" },
            },
        };
        document.Paths![path] = new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
    }
}
