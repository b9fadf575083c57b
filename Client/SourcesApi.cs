using System.Net;
using System.Text.Json;

namespace Feed.Client;

/// <summary>
/// The sources the server follows: feed documents it polls and publishes from. Every call sends the publisher key
/// (<see cref="FeedClientOptions.ApiKey"/>); without a valid one the server answers 401, thrown as a
/// <see cref="FeedApiException"/>. Reached through <see cref="FeedApi.Sources"/>, on the same servers and failover.
/// </summary>
/// <remarks>
/// Every call here is sent again to the next server after a timeout: adding is idempotent by URL, polling twice only
/// polls twice, and removing twice removes once (the second try then finds none, so a remove that timed out on one
/// server may answer false from the next).
/// </remarks>
public sealed class SourcesApi
{
    private readonly FeedApi _api;

    internal SourcesApi(FeedApi api) => _api = api;

    /// <summary>Follows a feed document; the same URL again answers the source already followed (<see cref="SourceAdded.Created"/> false).</summary>
    /// <param name="title">The name its articles carry as their source; null lets the server choose.</param>
    /// <param name="pollSeconds">Seconds between polls, at least the server's minimum; null for the server's default.</param>
    /// <exception cref="FeedApiException">400 (field messages): not an absolute http/https URL, a poll interval under the
    /// minimum, a private address the server does not allow; 401: key refused.</exception>
    /// <exception cref="FeedUnreachableException">No server could be reached.</exception>
    public async Task<SourceAdded> AddSourceAsync(string url, string? title = null, int? pollSeconds = null, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new AddBody(url, title, pollSeconds), FeedApi.Json);
        using var response = await _api.SendAsync(server => _api.Request(HttpMethod.Post, server, "api/sources", withKey: true, body),
            idempotent: true, cancellationToken);
        var source = await FeedApi.ReadAsync<Source>(response, cancellationToken);
        return new SourceAdded(source, response.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>Every followed source, in the server's order.</summary>
    public async Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(server => _api.Request(HttpMethod.Get, server, "api/sources", withKey: true),
            idempotent: true, cancellationToken);
        return (await FeedApi.ReadAsync<SourceList>(response, cancellationToken)).Sources;
    }

    /// <summary>One source; null when there is none with that id (as <see cref="FeedApi.GetArticleAsync"/> does for articles).</summary>
    public async Task<Source?> GetSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(server => _api.Request(HttpMethod.Get, server, PathOf(id), withKey: true),
            idempotent: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await FeedApi.ReadAsync<Source>(response, cancellationToken);
    }

    /// <summary>
    /// Polls a source now and answers it as it is after that poll: a failed fetch is not an exception but shows in
    /// <see cref="Source.LastStatus"/> and <see cref="Source.LastError"/>. Null when there is no source with that id.
    /// </summary>
    public async Task<Source?> PollSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(server => _api.Request(HttpMethod.Post, server, PathOf(id) + "/poll", withKey: true),
            idempotent: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await FeedApi.ReadAsync<Source>(response, cancellationToken);
    }

    /// <summary>Stops following a source (its articles stay); false when there is none with that id.</summary>
    public async Task<bool> RemoveSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(server => _api.Request(HttpMethod.Delete, server, PathOf(id), withKey: true),
            idempotent: true, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw await FeedApi.ProblemAsync(response, cancellationToken);
        return true;
    }

    private static string PathOf(string id) => "api/sources/" + Uri.EscapeDataString(id);

    /// <summary>The body of <c>POST /api/sources</c>; a null title or interval is left out, so the server's defaults apply.</summary>
    private sealed record AddBody(string Url, string? Title, int? PollSeconds);

    /// <summary>The answer of <c>GET /api/sources</c>.</summary>
    private sealed record SourceList(IReadOnlyList<Source> Sources);
}
