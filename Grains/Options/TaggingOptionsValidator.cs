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
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
