using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Feed.Grains;
using Feed.Grains.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary><c>POST /api/articles</c> (publish) and <c>GET /api/articles/{id}</c>.</summary>
public static class ArticleEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapPost("", Publish)
            .WithName("PublishArticle")
            .WithSummary("Publish an article")
            .WithDescription("Tags the article with its countries, their relations and its topics, and delivers it to each of "
                             + "those feeds once. `headline` and `body` are required; `countries` and `topics` (names or codes) are "
                             + "merged with automatic tagging unless `autoTag` is false. 201 with where it went; the same id again: "
                             + "200 with `duplicate: true` and nothing delivered twice. An article with neither `id` nor `url` "
                             + "sent with an `Idempotency-Key` header is one article however often it is retried with that key. "
                             + "Each publisher key may publish `Feed:RateLimits:PublishesPerSecond`; beyond it 429 with `Retry-After`.")
            .RequirePublisherKey()
            .RequireRateLimiting(PublishRateLimit.Policy)
            .Accepts<ArticleSubmission>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        articles.MapGet("/{id}", Get)
            .WithName("GetArticle")
            .WithSummary("One stored article")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<PublishResult>, Ok<PublishResult>, ValidationProblem, ProblemHttpResult>> Publish(HttpContext http, ArticleIntake intake,
        IGrainFactory grains, TimeProvider clock, IOptions<ApiOptions> options, FeedMetrics metrics, ILoggerFactory loggers)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = FeedTracing.Source.StartActivity("article.publish");
        var limit = options.Value.MaxArticleBytes;
        if (!http.Request.HasJsonContentType())
        {
            metrics.Rejected(RejectReason.UnsupportedMediaType);
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The article must be JSON",
                detail: $"Send the article as JSON with Content-Type: application/json; this request said '{http.Request.ContentType}'.");
        }
        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > options.Value.IdempotencyKeyMaxLength)
        {
            metrics.Rejected(RejectReason.Invalid);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [IdempotencyHeader] = [$"At most {options.Value.IdempotencyKeyMaxLength} characters."] },
                title: "The Idempotency-Key header is too long");
        }
        if (http.Request.ContentLength > limit) return TooLarge(limit, metrics);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        ArticleSubmission? submission;
        try
        {
            submission = await JsonSerializer.DeserializeAsync<ArticleSubmission>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return TooLarge(limit, metrics);
        }
        catch (JsonException e)
        {
            metrics.Rejected(RejectReason.Invalid);
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"Not valid JSON for this field: {e.Message}"] },
                title: "The request body is not a valid article");
        }

        Article article;
        try
        {
            // Checked and tagged here, then handed straight to the ledger grain that owns the id: one hop fewer
            // than going through the publisher grain, which serves callers that come to the silo directly.
            article = intake.Accept(WithIdempotencyKey(submission, idempotencyKey, http), clock.GetUtcNow().UtcDateTime);
        }
        catch (ArticleRejectedException e)
        {
            metrics.Rejected(RejectReason.Invalid);
            return TypedResults.ValidationProblem(e.Errors.ToDictionary(), title: "The article is not valid");
        }

        try
        {
            activity?.SetTag("feed.article.id", article.Id);
            var result = await grains.ArticleLedgerFor(article.Id).Publish(article);
            metrics.PublishTook(Stopwatch.GetElapsedTime(started), result.Duplicate);
            return result.Duplicate ? TypedResults.Ok(result) : TypedResults.Created($"/api/articles/{Uri.EscapeDataString(result.Id)}", result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing was acknowledged; whatever was half done is completed by a retry with the same id.
            loggers.CreateLogger(typeof(ArticleEndpoints)).LogError(e, "Publishing failed");
            metrics.Rejected(RejectReason.Unavailable);
            return TypedResults.Problem(statusCode: 503, title: "Publishing is unavailable right now",
                detail: "The article was not acknowledged. Retry with the same id; it will be delivered once.");
        }
    }

    private static ProblemHttpResult TooLarge(long limit, FeedMetrics metrics)
    {
        metrics.Rejected(RejectReason.TooLarge);
        return TypedResults.Problem(statusCode: 413, title: "The article is too large", detail: $"A publish request may hold at most {limit} bytes.");
    }

    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>
    /// An article with neither id nor url would get a new id on every retry; with an Idempotency-Key it gets one made
    /// from that key and the publisher's key, the same on any web front and after restarts, so the article ledger
    /// answers a retry as a duplicate. Ids and urls already make a publish idempotent: then the header changes nothing.
    /// </summary>
    private static ArticleSubmission? WithIdempotencyKey(ArticleSubmission? submission, string key, HttpContext http)
    {
        if (submission is null || key.Length == 0 || !string.IsNullOrWhiteSpace(submission.Id) || !string.IsNullOrWhiteSpace(submission.Url)) return submission;
        var scope = http.Request.Headers[PublisherKeys.Header].ToString() + "\n" + key;
        return submission with { Id = "idem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)), 0, 16) };
    }

    private static async Task<Results<Ok<Article>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        var article = await grains.ArticleLedgerFor(id).Get(id);
        return article is null
            ? TypedResults.Problem(statusCode: 404, title: "No such article", detail: $"No article with id '{id}' is stored.")
            : TypedResults.Ok(article);
    }
}
