using Microsoft.Extensions.Options;

namespace Feed.WebFront.Demo;

/// <summary>Checks <see cref="DemoOptions"/> at start.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.Check() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
