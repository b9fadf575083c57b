using System.Text.Json;

namespace Feed.Tagging.Training;

/// <summary>One labelled story of the evaluation and training sets (one JSON object per line).</summary>
public sealed record LabelledStory(string Id, string Headline, string Body, string[] Countries, string[] Topics, string? Note)
{
    /// <summary>The stories of a .jsonl file, in file order; blank lines are skipped.</summary>
    public static IReadOnlyList<LabelledStory> Read(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select((l, i) => JsonSerializer.Deserialize<LabelledStory>(l, JsonSerializerOptions.Web)
                              ?? throw new FormatException($"{path} line {i + 1}: not a story"))
            .ToArray();
}
