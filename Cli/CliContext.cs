namespace Feed.Cli;

/// <summary>Where one run of the command reads and writes, so tests can run it in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TextReader In, Func<string, string?> Environment);
