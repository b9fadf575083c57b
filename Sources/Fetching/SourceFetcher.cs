using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Feed.Sources.Fetching;

/// <summary>
/// Fetches a source's document politely: conditional GET with the validators it sent last time, a User-Agent naming
/// Feed, redirects followed (at most <see cref="SourcesOptions.MaxRedirects"/>), a timeout and a size limit. Never
/// throws for what a source does; every failure comes back as <see cref="FetchResult.Error"/>.
/// </summary>
public sealed class SourceFetcher(HttpClient http, IOptions<SourcesOptions> options, TimeProvider clock)
{
    private readonly SourcesOptions _options = options.Value;

    public async Task<FetchResult> FetchAsync(Uri url, Validators validators, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.FetchTimeout);
        var current = url;
        var allPermanent = true;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = Request(current, validators);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    allPermanent &= status is 301 or 308;
                    if (response.Headers.Location is not { } location)
                        return new FetchResult { Status = status, Error = $"{status} redirect without a Location" };
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (next.Scheme is not ("http" or "https"))
                        return new FetchResult { Status = status, Error = $"redirected to a {next.Scheme} address, which sources may not use" };
                    if (current.Scheme == "https" && next.Scheme == "http")
                        return new FetchResult { Status = status, Error = "redirected from https to plain http, which is refused" };
                    if (hop >= _options.MaxRedirects)
                        return new FetchResult { Status = status, Error = $"more than {_options.MaxRedirects} redirects" };
                    current = next;
                    continue;
                }
                var result = await ReadAsync(response, timeout.Token);
                return result with
                {
                    FinalUrl = current,
                    MovedTo = allPermanent && current != url && result.Error is null ? current : null,
                };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult { Error = string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.FetchTimeout.TotalSeconds:0.#} s") };
        }
        catch (HttpRequestException e)
        {
            return new FetchResult { Error = Describe(e) };
        }
        catch (IOException e)
        {
            // The connection broke while the body was being read.
            return new FetchResult { Error = "connection broken while reading the document: " + Innermost(e).Message };
        }
    }

    private HttpRequestMessage Request(Uri url, Validators validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        request.Headers.Accept.ParseAdd("application/atom+xml, application/rss+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5");
        if (validators.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (validators.LastModified is { } modified && DateTimeOffset.TryParse(modified, out var since)) request.Headers.IfModifiedSince = since;
        return request;
    }

    private async Task<FetchResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var maxAge = response.Headers.CacheControl?.MaxAge;
        if (status == 304) return new FetchResult { Status = 304, MaxAge = maxAge };
        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = status is 429 or 503 ? RetryAfterOf(response) : null;
            var reason = response.ReasonPhrase is { Length: > 0 } phrase ? $"{status} {phrase}" : $"HTTP {status}";
            var error = retryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"{reason}, retrying after {wait.TotalSeconds:0} s") : reason;
            return new FetchResult { Status = status, Error = error, RetryAfter = retryAfter };
        }
        var limit = _options.MaxDocumentBytes;
        if (response.Content.Headers.ContentLength > limit)
            return new FetchResult { Status = status, Error = $"document larger than {Size(limit)}: not read" };
        var content = await ReadLimitedAsync(response.Content, limit, cancellationToken);
        if (content is null) return new FetchResult { Status = status, Error = $"document larger than {Size(limit)}: cut off" };
        return new FetchResult
        {
            Status = status,
            Content = content,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            Validators = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R")),
            MaxAge = maxAge,
        };
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (compressed or not).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        return wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
    }

    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException refused) return refused.Message;
        }
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host name not found",
            HttpRequestError.ConnectionError => "connection refused or unreachable",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.InvalidResponse => "invalid HTTP response",
            HttpRequestError.ResponseEnded => "connection closed before the response ended",
            _ => Innermost(e).Message,
        };
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
