using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Feed.WebFront.Api;

/// <summary>Marks an endpoint that needs a publisher key in <c>X-Api-Key</c>; the OpenAPI document says so.</summary>
public sealed class RequiresPublisherKey
{
    public static readonly RequiresPublisherKey Instance = new();
}

public static class PublisherKeyEndpointExtensions
{
    /// <summary>Lets only requests with a valid <c>X-Api-Key</c> through (401 otherwise), and documents that in OpenAPI.</summary>
    public static TBuilder RequirePublisherKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RequiresPublisherKey.Instance).AddEndpointFilter<TBuilder, PublisherKeyFilter>();
}

/// <summary>The <c>X-Api-Key</c> security scheme in the OpenAPI document, required by every endpoint marked <see cref="RequiresPublisherKey"/>.</summary>
public sealed class PublisherKeySecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "PublisherKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PublisherKeys.Header,
            Description = "One of the configured publisher keys (Feed:PublisherKeys). Needed to publish; reading is open.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresPublisherKey>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        }
        return Task.CompletedTask;
    }
}
