using System.CommandLine;
using System.CommandLine.Help;

namespace Feed.Cli;

/// <summary>The <c>feed</c> command, runnable in-process: give it arguments and writers, get its exit code.</summary>
public static class CliApp
{
    /// <summary>Runs one command line. Cancelling <paramref name="cancellationToken"/> is Ctrl-C: follow stops and prints how to resume.</summary>
    /// <param name="stdin">Read by <c>publish -</c>; default: the console's.</param>
    /// <param name="environment">Looks up FEED_URL and FEED_API_KEY; default: the process environment.</param>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default,
        TextReader? stdin = null, Func<string, string?>? environment = null) =>
        RunAsync(args, new CliContext(stdout, stderr, stdin ?? Console.In, environment ?? Environment.GetEnvironmentVariable), cancellationToken);

    /// <summary>Runs one command line in a context tests can give REST answers to (<see cref="CliContext.Http"/>).</summary>
    internal static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var (stdout, stderr) = (context.Out, context.Error);
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'feed --help' or 'feed COMMAND --help' for usage.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Ctrl-C is the caller's to turn into cancellation (Program does); in-process runs must not hook the console.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Failed;
        }
    }

    private static Command Build(CliContext context)
    {
        var global = new GlobalOptions();
        // Named "feed" (the tool's command) rather than after the assembly, which a RootCommand would show in help.
        var root = new Command("feed", "Feed: follow live news feeds, publish articles, read history, find feeds, manage followed sources.") { new HelpOption(), new VersionOption() };
        global.AddTo(root);
        root.Subcommands.Add(new FollowCommand(global, context).Build());
        root.Subcommands.Add(new PublishCommand(global, context).Build());
        root.Subcommands.Add(new HistoryCommand(global, context).Build());
        root.Subcommands.Add(new ResolveCommand(global, context).Build());
        root.Subcommands.Add(new ArticleCommand(global, context).Build());
        root.Subcommands.Add(new SourcesCommand(global, context).Build());
        return root;
    }
}
