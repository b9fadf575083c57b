using Microsoft.Extensions.Options;

namespace Feed.Sources;

/// <summary>Checks <see cref="SourcesOptions"/> at start, naming the option that is wrong.</summary>
public sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options) =>
        options.Check() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
