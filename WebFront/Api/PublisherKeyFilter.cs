namespace Feed.WebFront.Api;

/// <summary>Lets a request through only with a valid publisher key in <c>X-Api-Key</c>; 401 problem details otherwise.</summary>
public sealed class PublisherKeyFilter(PublisherKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.IsValid(context.HttpContext.Request.Headers[PublisherKeys.Header])
            ? await next(context)
            : TypedResults.Problem(statusCode: 401, title: "A valid publisher key is required",
                detail: $"Send one of the configured publisher keys in the {PublisherKeys.Header} header.");
}
