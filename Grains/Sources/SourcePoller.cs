using Feed.Sources;
using Feed.Sources.Fetching;
using Feed.Sources.Parsing;
using Feed.Sources.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>What one poll changed: the source's new state and the entry ids it ingested (or skipped for good), in order.</summary>
public sealed record PollOutcome(SourceState State, IReadOnlyList<string> NewlySeen);

/// <summary>
/// One poll of one source: fetch (conditional), parse, publish each entry not seen before through the article intake,
/// oldest first, then the next poll time. Validators are kept only when every new entry was published, so an entry
/// that failed is fetched and tried again next time instead of hiding behind a 304.
/// </summary>
public sealed class SourcePoller(SourceFetcher fetcher, PollSchedule schedule, ArticleIntake intake,
    IOptions<PublishingOptions> publishing, TimeProvider clock, ILogger<SourcePoller> logger)
{
    public async Task<PollOutcome> PollAsync(SourceState state, SeenEntries seen, Func<Article, Task<PublishResult>> publish)
    {
        var fetch = await fetcher.FetchAsync(new Uri(state.Url), new Validators(state.ETag, state.LastModified));
        var polledAt = clock.GetUtcNow();
        if (fetch.MovedTo is { } moved && SourceUrl.TryNormalize(moved.AbsoluteUri, out var url, out _))
        {
            logger.LogInformation("Source {Id} moved permanently to {Url}", state.Id, url);
            state = state with { Url = url.AbsoluteUri };
        }
        if (fetch.Error is { } error) return new(Failed(state, polledAt, fetch.Status, error, fetch.RetryAfter), []);
        if (fetch.NotModified) return new(Succeeded(state, polledAt, 304, fetch.MaxAge, null), []);

        SourceDocument document;
        try
        {
            document = FeedDocumentParser.Parse(fetch.Content!, fetch.ContentType, fetch.FinalUrl ?? new Uri(state.Url));
        }
        catch (SourceDocumentException e)
        {
            return new(Failed(state, polledAt, fetch.Status, e.Message, null), []);
        }
        if (!state.TitleGiven && document.Title is { } title) state = state with { Title = title };

        var ingest = await IngestAsync(state, document, seen, publish);
        state = state with { ArticlesIngested = state.ArticlesIngested + ingest.Published };
        if (ingest.Failure is { } failure)
            return new(Failed(state, polledAt, fetch.Status, failure, null), ingest.NewlySeen);
        state = state with { ETag = fetch.Validators.ETag, LastModified = fetch.Validators.LastModified };
        var note = ingest.Skipped > 0 ? $"{ingest.Skipped} entries skipped: {ingest.SkipReason}" : null;
        return new(Succeeded(state, polledAt, fetch.Status, fetch.MaxAge, note), ingest.NewlySeen);
    }

    private sealed record Ingest(int Published, int Skipped, string? SkipReason, string? Failure, List<string> NewlySeen);

    private async Task<Ingest> IngestAsync(SourceState state, SourceDocument document, SeenEntries seen,
        Func<Article, Task<PublishResult>> publish)
    {
        var newlySeen = new List<string>();
        int published = 0, skipped = 0;
        string? skipReason = null;
        var receivedAt = clock.GetUtcNow();
        // Oldest first, so each feed numbers them in the order they happened; undated entries keep the document's
        // order, which lists the newest first.
        var fresh = document.Entries
            .Select((entry, index) => (Entry: entry, Index: index, Id: EntryIdentity.ArticleIdOf(state.Id, entry)))
            .Where(e => !seen.Contains(e.Id))
            .DistinctBy(e => e.Id)
            .OrderBy(e => e.Entry.PublishedAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(e => e.Index);
        foreach (var (entry, _, id) in fresh)
        {
            var submission = EntrySubmission.From(entry, id, state.Title, publishing.Value);
            Article? article = null;
            if (submission is null) skipReason ??= "no title or text";
            else
            {
                try
                {
                    article = intake.Accept(submission with { PublishedAt = submission.PublishedAt ?? receivedAt }, receivedAt.UtcDateTime);
                }
                catch (ArticleRejectedException e)
                {
                    skipReason ??= e.Message;
                }
            }
            if (article is null)
            {
                skipped++;
            }
            else
            {
                try
                {
                    if (!(await publish(article)).Duplicate) published++;
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Source {Id}: publishing entry {Article} failed", state.Id, id);
                    return new(published, skipped, skipReason, $"publishing failed, will retry: {e.Message}", newlySeen);
                }
            }
            seen.Add(id);
            newlySeen.Add(id);
        }
        return new(published, skipped, skipReason, null, newlySeen);
    }

    private SourceState Succeeded(SourceState state, DateTimeOffset now, int? status, TimeSpan? maxAge, string? note) => state with
    {
        LastPolledAt = now,
        LastStatus = status,
        LastError = note,
        ConsecutiveFailures = 0,
        NextPollAt = schedule.AfterSuccess(now, state.PollInterval, maxAge),
    };

    private SourceState Failed(SourceState state, DateTimeOffset now, int? status, string error, TimeSpan? retryAfter)
    {
        var failures = state.ConsecutiveFailures + 1;
        logger.LogInformation("Source {Id} ({Url}): {Error} ({Failures} in a row)", state.Id, state.Url, error, failures);
        return state with
        {
            LastPolledAt = now,
            LastStatus = status,
            LastError = error,
            ConsecutiveFailures = failures,
            NextPollAt = schedule.AfterFailure(now, state.PollInterval, failures, retryAfter),
        };
    }
}
