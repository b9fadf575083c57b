using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Feed.Client;

namespace Feed.Cli;

/// <summary>
/// <c>feed publish FILE|-</c>: one article (a JSON object, or an array of them) or many (JSON lines). A long run shows
/// progress and ends with a summary; a refused key or an unreachable server stops it, a rejected article does not.
/// </summary>
internal sealed class PublishCommand(GlobalOptions global, CliContext context)
{
    /// <summary>How often a long run reports progress on standard error.</summary>
    public static TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    private readonly Argument<string> _file = new("file")
    {
        Description = "A JSON file with one article, or JSON lines with one article per line; - reads standard input",
    };

    public Command Build()
    {
        var command = new Command("publish", "Publish articles (needs a publisher key)") { _file };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        if (options.ApiKey is null)
        {
            context.Error.WriteLine($"error: publishing needs a publisher key: give --key KEY or set {GlobalOptions.KeyVariable}.");
            return ExitCodes.Usage;
        }
        var path = parse.GetValue(_file)!;
        TextReader input;
        try
        {
            input = path == "-" ? context.In : new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot read {path}: {e.Message}");
            return ExitCodes.Usage;
        }

        using var api = context.Api(options);
        var run = new PublishRun(context.Error);
        try
        {
            await foreach (var article in ArticleSource.ReadAsync(input, cancellationToken))
            {
                if (article.Error is not null)
                {
                    run.Failed(article.Where, article.Error, rejected: true);
                    continue;
                }
                try
                {
                    var result = await api.PublishJsonAsync(article.Json!, cancellationToken);
                    run.Published(article.Where, result);
                }
                catch (FeedApiException e) when (e.StatusCode is not HttpStatusCode.Unauthorized)
                {
                    run.Failed(article.Where, e, rejected: e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Summarize(context.Out, "interrupted");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is FeedApiException or FeedUnreachableException)
        {
            // Every article after this one would fail the same way: stop here.
            var code = CliErrors.Report(e, context.Error);
            if (run.Total > 0) run.Summarize(context.Out, "stopped");
            return code;
        }
        finally
        {
            if (input != context.In) input.Dispose();
        }

        if (run.Total == 0)
        {
            context.Error.WriteLine($"error: {path} holds no article.");
            return ExitCodes.Usage;
        }
        if (run.Total == 1) run.DescribeSingle(context.Out);
        else run.Summarize(context.Out, "done");
        return run.FailedCount == 0 ? ExitCodes.Ok : run.OnlyRejections ? ExitCodes.Rejected : ExitCodes.Failed;
    }

    /// <summary>Counts of one run, its progress lines and its summary.</summary>
    private sealed class PublishRun(TextWriter progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastProgress;
        private PublishResult? _single;

        public int Total { get; private set; }
        public int PublishedCount { get; private set; }
        public int Duplicates { get; private set; }
        public int FailedCount { get; private set; }
        public bool OnlyRejections { get; private set; } = true;

        public void Published(string where, PublishResult result)
        {
            Total++;
            if (result.Duplicate) Duplicates++;
            else PublishedCount++;
            _single = result;
            Progress();
        }

        public void Failed(string where, object error, bool rejected)
        {
            Total++;
            FailedCount++;
            OnlyRejections &= rejected;
            switch (error)
            {
                case FeedApiException problem:
                    CliErrors.WriteProblem(problem, progress, where);
                    break;
                default:
                    progress.WriteLine($"error: {where}: {error}");
                    break;
            }
            Progress();
        }

        public void DescribeSingle(TextWriter output)
        {
            if (_single is null || FailedCount > 0) return;
            output.WriteLine(_single.Duplicate
                ? $"duplicate: {_single.Id} was published before; nothing was delivered again."
                : $"published {_single.Id} to {string.Join(", ", _single.Feeds)}");
        }

        public void Summarize(TextWriter output, string how) =>
            output.WriteLine($"{how}: {PublishedCount} published, {Duplicates} duplicates, {FailedCount} failed"
                             + $" ({Total} in {_clock.Elapsed.TotalSeconds:0.0} s)");

        private void Progress()
        {
            if (_clock.Elapsed - _lastProgress < ProgressInterval) return;
            _lastProgress = _clock.Elapsed;
            var rate = Total / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            progress.WriteLine($"-- {Total} sent: {PublishedCount} published, {Duplicates} duplicates, {FailedCount} failed ({rate:0}/s)");
        }
    }
}
