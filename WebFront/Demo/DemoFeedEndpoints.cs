using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Feed.WebFront.Demo;

/// <summary>
/// <c>GET /demo/feeds/{document}</c>: the sample sources, served only while the demo is on. They send an ETag for their
/// newest entry, so Feed's conditional polls get 304 until a new entry appears, as with a real news site.
/// </summary>
public static class DemoFeedEndpoints
{
    public const string Path = "/demo/feeds";

    public static void MapDemoFeeds(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled) return;
        app.MapGet(Path + "/{document}", Serve).ExcludeFromDescription();
    }

    private static IResult Serve(string document, HttpContext http, DemoEntries demo)
    {
        var entries = demo.Current(document);
        if (entries.Count == 0)
            return TypedResults.Problem(statusCode: 404, title: "No such sample source", detail: $"The samples are {string.Join(", ", DemoEntries.Documents)}.");
        var etag = new EntityTagHeaderValue($"\"{entries[0].Number}\"");
        http.Response.Headers.ETag = etag.ToString();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var self = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}");
        var (body, contentType) = DemoDocuments.Write(document, entries, self);
        return TypedResults.Text(body, contentType);
    }
}
