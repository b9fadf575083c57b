using System.CommandLine;
using System.Text.Json;
using Feed.Client;

namespace Feed.Cli;

/// <summary><c>feed article ID</c>: one stored article as JSON.</summary>
internal sealed class ArticleCommand(GlobalOptions global, CliContext context)
{
    private static readonly JsonSerializerOptions Indented = new(CliJson.Options) { WriteIndented = true };

    private readonly Argument<string> _id = new("id") { Description = "The article's id" };

    public Command Build()
    {
        var command = new Command("article", "Show one stored article as JSON") { _id };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (global.ClientOptions(parse, context) is not { } options) return ExitCodes.Usage;
        var id = parse.GetValue(_id)!;
        using var api = context.Api(options);
        try
        {
            var article = await api.GetArticleAsync(id, cancellationToken);
            if (article is null)
            {
                context.Error.WriteLine($"error: no article with id '{id}' is stored.");
                return ExitCodes.NotFound;
            }
            context.Out.WriteLine(JsonSerializer.Serialize(article, Indented));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliErrors.Report(e, context.Error);
        }
    }
}
