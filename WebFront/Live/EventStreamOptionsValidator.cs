using Microsoft.Extensions.Options;

namespace Feed.WebFront.Live;

/// <summary>Checks <see cref="EventStreamOptions"/> at start.</summary>
public sealed class EventStreamOptionsValidator(IOptions<LiveOptions> live) : IValidateOptions<EventStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, EventStreamOptions o)
    {
        var problems = new List<string>();
        if (o.HeartbeatInterval <= TimeSpan.Zero || o.HeartbeatInterval > TimeSpan.FromSeconds(15))
            problems.Add($"Feed:Events:HeartbeatInterval must be above 0 and at most 15 s (the contract's promise); it is {o.HeartbeatInterval}.");
        if (o.RetryInterval <= TimeSpan.Zero) problems.Add("Feed:Events:RetryInterval must be above 0.");
        // What a resume marks as sent must fit in what a stream remembers, or the marks push each other out.
        var remembered = live.Value.RecentArticlesPerConnection;
        if (o.ResumeLookBack < 0 || o.ResumeLookBack > remembered)
            problems.Add($"Feed:Events:ResumeLookBack must be 0 to Feed:Live:RecentArticlesPerConnection ({remembered}); it is {o.ResumeLookBack}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
