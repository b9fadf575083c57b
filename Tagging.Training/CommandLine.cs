using System.Globalization;

namespace Feed.Tagging.Training;

/// <summary>
/// Options of the form <c>--name value</c> (a value may list several, comma-separated) and plain arguments.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                _options[name] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
            }
            else Arguments.Add(list[i]);
        }
    }

    public List<string> Arguments { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public IReadOnlyList<string> Files(string name) =>
        Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IReadOnlyList<T> Values<T>(string name, T fallback) where T : IParsable<T> =>
        Text(name) is { } text
            ? text.Split(',', StringSplitOptions.TrimEntries).Select(v => T.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : [fallback];

    /// <summary>Every combination of the listed training settings (one each when an option is not given).</summary>
    public IEnumerable<TrainingSettings> SettingsGrid(TrainingSettings defaults)
    {
        var f = defaults.Features;
        return from bigrams in Values("bigrams", f.Bigrams)
               from headline in Values("headline-words", f.HeadlineWords)
               from fold in Values("fold-plurals", f.FoldPlurals)
               from cap in Values("length-cap", f.LengthCap)
               from keywords in KeywordOptions(f.Keywords)
               from l2 in Values("l2", defaults.L2)
               from min in Values("min-stories", defaults.MinStories)
               from positive in Values("positive-weight", defaults.PositiveWeight)
               from prune in Values("prune", defaults.Prune)
               select new TrainingSettings(new TopicFeatureSettings(bigrams, headline, fold, cap, keywords), l2, min, positive, prune);
    }

    // "--keywords Log+Share,None": '+' joins figures, ',' separates alternatives.
    private IReadOnlyList<KeywordFeatures> KeywordOptions(KeywordFeatures fallback) =>
        Text("keywords") is { } text
            ? text.Split(',').Select(v => v.Split('+').Aggregate(KeywordFeatures.None, (a, p) => a | Enum.Parse<KeywordFeatures>(p))).ToArray()
            : [fallback];
}
