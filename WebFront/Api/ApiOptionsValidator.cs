using Feed.Grains;
using Microsoft.Extensions.Options;

namespace Feed.WebFront.Api;

/// <summary>Checks <see cref="ApiOptions"/> at start, with the rules that tie them to the grains' <see cref="FeedOptions"/>.</summary>
public sealed class ApiOptionsValidator(IOptions<FeedOptions> feed) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions o)
    {
        var problems = new List<string>();
        var maxRead = feed.Value.MaxReadLimit;
        if (o.MaxArticleBytes < 1024) problems.Add($"Feed:Api:MaxArticleBytes must be at least 1024; it is {o.MaxArticleBytes}.");
        if (o.MaxPageSize < 1 || o.MaxPageSize > maxRead)
            problems.Add($"Feed:Api:MaxPageSize must be between 1 and Feed:MaxReadLimit ({maxRead}), or pages would be cut short silently; it is {o.MaxPageSize}.");
        if (o.DefaultPageSize < 0 || o.DefaultPageSize > o.MaxPageSize)
            problems.Add($"Feed:Api:DefaultPageSize must be between 0 and Feed:Api:MaxPageSize ({o.MaxPageSize}); it is {o.DefaultPageSize}.");
        if (o.MaxSuggestions < 1) problems.Add($"Feed:Api:MaxSuggestions must be at least 1; it is {o.MaxSuggestions}.");
        if (o.SyndicationTextLength < 1) problems.Add($"Feed:Api:SyndicationTextLength must be at least 1; it is {o.SyndicationTextLength}.");
        if (o.IdempotencyKeyMaxLength < 1) problems.Add($"Feed:Api:IdempotencyKeyMaxLength must be at least 1; it is {o.IdempotencyKeyMaxLength}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
