using System.Globalization;
using System.Text;

namespace Feed.Tagging.Training;

/// <summary>
/// Writes a <see cref="TrainedTopicModel"/> as topic-weights.tsv (the format <see cref="TopicWeights.Parse"/> reads):
/// weights rounded to 3 decimals, a weight below 0.0005 left empty, and a word whose weights all round to 0 left out
/// (which changes nothing: a word that is not listed adds nothing).
/// </summary>
public static class WeightsWriter
{
    public static string Write(TrainedTopicModel model, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header) text.Append("# ").AppendLine(line);
        text.AppendLine("# Format: UTF-8, TAB separated; rows: setting NAME VALUE | topics SLUG... | bias W... | keyword FIGURE W... |");
        text.AppendLine("#   word FEATURE W... (one weight per topic, in the order of the topics row; empty is 0). A FEATURE is a");
        text.AppendLine("#   lower-cased word (plurals folded when fold-plurals is true; every number is '0'), two words of one sentence");
        text.AppendLine("#   ('minimum wage'), or 'h:' and a headline word.");
        var f = model.Settings.Features;
        text.AppendLine($"setting\tbigrams\t{Flag(f.Bigrams)}");
        text.AppendLine($"setting\theadline-words\t{Flag(f.HeadlineWords)}");
        text.AppendLine($"setting\tfold-plurals\t{Flag(f.FoldPlurals)}");
        text.AppendLine($"setting\tlength-cap\t{f.LengthCap}");
        text.AppendLine($"setting\tkeywords\t{f.Keywords}");
        text.AppendLine("topics\t" + string.Join('\t', model.Slugs));
        var columns = model.Weights[0].Length;
        Row(text, "bias", null, model, columns - 1);
        var keywordNames = f.KeywordNames(model.Slugs).ToArray();
        for (var k = 0; k < keywordNames.Length; k++) Row(text, "keyword", keywordNames[k], model, model.Vocabulary.Count + k);
        for (var j = 0; j < model.Vocabulary.Count; j++)
            if (model.Weights.Any(w => Math.Abs(w[j]) >= 0.0005)) Row(text, "word", model.Vocabulary.Names[j], model, j);
        return text.ToString();
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static void Row(StringBuilder text, string kind, string? name, TrainedTopicModel model, int column)
    {
        text.Append(kind);
        if (name is not null) text.Append('\t').Append(name);
        foreach (var weights in model.Weights)
        {
            text.Append('\t');
            var w = Math.Round(weights[column], 3);
            if (w != 0) text.Append(w.ToString("0.###", CultureInfo.InvariantCulture));
        }
        text.AppendLine();
    }
}
