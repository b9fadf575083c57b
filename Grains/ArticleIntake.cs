using System.Security.Cryptography;
using System.Text;
using Feed.Tagging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>
/// Turns a publisher's submission into an article: checks every field (naming the field when it is wrong),
/// picks the id, tags the text and merges the publisher's own tags, and lists the feeds it goes to.
/// The web front uses it before handing the article to its grain (answering 400 when it is wrong); the
/// publisher grain uses it for callers that come straight to the silo.
/// </summary>
public sealed class ArticleIntake(ArticleTagger tagger, FeedCatalog catalog, IOptions<PublishingOptions> options)
{
    private readonly PublishingOptions _limits = options.Value;

    /// <summary>The article to publish, or <see cref="ArticleRejectedException"/> naming what is wrong.</summary>
    public Article Accept(ArticleSubmission? submission, DateTime now)
    {
        var errors = Check(submission, out var givenCountries, out var givenTopics);
        if (errors.Count > 0) throw new ArticleRejectedException(errors);
        var s = submission!;
        var tags = s.AutoTag == false ? new TagResult([], []) : tagger.Tag(s.Headline, s.Summary, s.Body);
        var countries = tags.Countries.Union(givenCountries).Order(StringComparer.Ordinal).ToArray();
        var topics = tags.Topics.Union(givenTopics).Order(StringComparer.Ordinal).ToArray();
        return new Article
        {
            Id = IdOf(s),
            Headline = s.Headline!,
            Summary = s.Summary,
            Body = s.Body!,
            Url = s.Url,
            Source = s.Source,
            PublishedAt = (s.PublishedAt ?? now).UtcDateTime,
            Countries = countries,
            Topics = topics,
            Feeds = catalog.FeedsFor(countries, topics, _limits.MaxRelationCountries),
        };
    }

    /// <summary>The publisher's id; else one derived from the URL, so re-sending the same story is a duplicate; else new.</summary>
    public static string IdOf(ArticleSubmission s)
    {
        if (!string.IsNullOrWhiteSpace(s.Id)) return s.Id.Trim();
        if (!string.IsNullOrWhiteSpace(s.Url))
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(s.Url.Trim()));
            return "url-" + Convert.ToHexStringLower(hash, 0, 16);
        }
        return Guid.NewGuid().ToString("N");
    }

    private Dictionary<string, string[]> Check(ArticleSubmission? s, out List<string> countries, out List<string> topics)
    {
        var errors = new Dictionary<string, string[]>();
        countries = [];
        topics = [];
        if (s is null)
        {
            errors["body"] = ["A JSON article is required."];
            return errors;
        }
        void Fail(string field, string message) => errors[field] = [message];
        void Length(string field, string? value, int max)
        {
            if (value is not null && value.Length > max) Fail(field, $"'{field}' is longer than {max} characters.");
        }

        if (s.Id is not null)
        {
            var id = s.Id.Trim();
            if (id.Length == 0) Fail("id", "'id' must not be blank; leave it out to have one made.");
            else if (id.Length > _limits.MaxIdLength) Fail("id", $"'id' is longer than {_limits.MaxIdLength} characters.");
            else if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~'))
                Fail("id", "'id' may hold only letters, digits and - _ . : ~");
        }
        if (string.IsNullOrWhiteSpace(s.Headline)) Fail("headline", "'headline' is required.");
        else Length("headline", s.Headline, _limits.MaxHeadlineLength);
        if (string.IsNullOrWhiteSpace(s.Body)) Fail("body", "'body' is required.");
        else Length("body", s.Body, _limits.MaxBodyLength);
        Length("summary", s.Summary, _limits.MaxSummaryLength);
        Length("source", s.Source, _limits.MaxSourceLength);
        Length("url", s.Url, _limits.MaxUrlLength);
        if (s.Url is not null && !(Uri.TryCreate(s.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Fail("url", "'url' must be an absolute http or https address.");

        var given = s.Countries ?? [];
        if (given.Count > _limits.MaxGivenTags) Fail("countries", $"At most {_limits.MaxGivenTags} countries may be given.");
        else
        {
            var unknown = given.Where(c => c is null || !catalog.TryResolveCountry(c, out _)).ToArray();
            if (unknown.Length > 0) Fail("countries", $"Unknown countries: {string.Join(", ", unknown)}. Use ISO 3166-1 alpha-2 codes or English names.");
            else countries = given.Select(c => catalog.TryResolveCountry(c, out var code) ? code : "").Distinct().ToList();
        }
        var givenTopics = s.Topics ?? [];
        if (givenTopics.Count > _limits.MaxGivenTags) Fail("topics", $"At most {_limits.MaxGivenTags} topics may be given.");
        else
        {
            var unknown = givenTopics.Where(t => t is null || !catalog.TryResolveTopic(t, out _)).ToArray();
            if (unknown.Length > 0) Fail("topics", $"Unknown topics: {string.Join(", ", unknown)}. Topics are: {string.Join(", ", catalog.TopicSlugs.Order())}.");
            else topics = givenTopics.Select(t => catalog.TryResolveTopic(t, out var slug) ? slug : "").Distinct().ToList();
        }
        return errors;
    }
}
