using Feed.Tagging;
using Microsoft.Extensions.Options;

namespace Feed.Grains;

/// <summary>Checks <see cref="TaggingOptions"/> (section <c>Feed:Tagging</c>) at start.</summary>
public sealed class TaggingOptionsValidator : IValidateOptions<TaggingOptions>
{
    public const string Section = "Feed:Tagging";

    public ValidateOptionsResult Validate(string? name, TaggingOptions o)
    {
        var problems = new List<string>();
        if (o.TopicMinScore <= 0) problems.Add($"Feed:Tagging:TopicMinScore must be above 0; it is {o.TopicMinScore}.");
        if (o.TopicMinShareOfBest is < 0 or > 1) problems.Add($"Feed:Tagging:TopicMinShareOfBest must be between 0 and 1; it is {o.TopicMinShareOfBest}.");
        if (o.TopicHeadlineWeight <= 0) problems.Add($"Feed:Tagging:TopicHeadlineWeight must be above 0; it is {o.TopicHeadlineWeight}.");
        if (o.MaxTopics < 1) problems.Add($"Feed:Tagging:MaxTopics must be at least 1; it is {o.MaxTopics}.");
        if (o.TopicMinProbability is <= 0 or > 1) problems.Add($"Feed:Tagging:TopicMinProbability must be above 0 and at most 1; it is {o.TopicMinProbability}.");
        if (o.TopicFallbackProbability < 0 || o.TopicFallbackProbability > o.TopicMinProbability)
            problems.Add($"Feed:Tagging:TopicFallbackProbability must be between 0 and TopicMinProbability ({o.TopicMinProbability}); it is {o.TopicFallbackProbability}.");
        if (o.CountryMinShareOfBest is < 0 or > 1) problems.Add($"Feed:Tagging:CountryMinShareOfBest must be between 0 and 1; it is {o.CountryMinShareOfBest}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
