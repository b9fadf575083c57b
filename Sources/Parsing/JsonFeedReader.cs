using System.Text.Json;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Feed.Sources.Parsing;

/// <summary>
/// JSON Feed 1.0/1.1. System.Text.Json first tells a JSON Feed from other JSON (and malformed JSON) with a message
/// an operator can act on; CodeHollow.FeedReader then reads the fields, as it does for the XML formats.
/// </summary>
internal static class JsonFeedReader
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    public static SourceDocument Read(string text, Uri documentUri)
    {
        Validate(text);
        CodeHollow.FeedReader.Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(text);
        }
        catch (Exception e) when (e is not SourceDocumentException)
        {
            throw new SourceDocumentException($"not a feed: JSON Feed that could not be read ({e.Message})", e);
        }

        var feedLink = EntryFields.Link(feed.Link, documentUri);
        var feedUrl = EntryFields.Link((feed.SpecificFeed as JsonFeed)?.FeedUrl, documentUri);
        var baseUri = feedLink ?? feedUrl ?? documentUri;
        var entries = new List<SourceEntry>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            if (item.SpecificItem is not JsonFeedItem json) continue;
            var link = EntryFields.Link(json.Url, baseUri) ?? EntryFields.Link(json.ExternalUrl, baseUri);
            var date = EntryFields.Date(json.DatePublished) ?? EntryFields.Date(json.DateModified);
            // content_text and summary are plain text by the spec: their newlines mean something, keep them.
            var body = EntryFields.Html(json.ContentHtml) ?? EntryFields.Plain(json.ContentText);
            entries.Add(EntryFields.Entry(json.Id, EntryFields.Html(json.Title), link, date,
                EntryFields.Plain(json.Summary), body, json.Tags));
        }
        return new SourceDocument(EntryFields.Html(feed.Title), feedLink, entries);
    }

    private static void Validate(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.String
                || !(version.GetString() ?? "").StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
                throw new SourceDocumentException("not a feed: JSON that is not a JSON Feed");
        }
        catch (JsonException e)
        {
            throw new SourceDocumentException($"not a feed: truncated or malformed JSON (line {(e.LineNumber ?? 0) + 1})", e);
        }
    }
}
