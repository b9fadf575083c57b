using Feed.Client;

namespace Feed.Cli;

/// <summary>Where one run of the command reads and writes, so tests can run it in-process.</summary>
/// <param name="Http">Answers the REST calls instead of the network, so tests can check output against answers they choose; null in real runs.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TextReader In, Func<string, string?> Environment, HttpMessageHandler? Http = null)
{
    /// <summary>The REST client every command uses.</summary>
    public FeedApi Api(FeedClientOptions options) => new(options, Http);
}
