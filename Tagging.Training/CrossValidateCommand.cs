namespace Feed.Tagging.Training;

/// <summary>
/// <c>cv --sets A.jsonl,B.jsonl [--train-only C.jsonl] [--folds 5] [grid options]</c>: for every combination of
/// settings, k-fold cross-validated topic precision/recall/F1 on the sets (the best decision rule on the pooled
/// out-of-fold probabilities), on all of them and on the new stories (ids train-…) alone; and the keyword model's
/// figures on the same stories, for comparison.
/// </summary>
public static class CrossValidateCommand
{
    public static int Run(CommandLine line, TextWriter output)
    {
        var sets = line.Files("sets");
        var trainOnly = line.Files("train-only");
        if (sets.Count == 0 || sets.Concat(trainOnly).Any(HeldOut.IsHeldOut))
            throw new ArgumentException("cv needs --sets (never the held-out set).");
        var k = line.Values("folds", 5)[0];
        var keywords = new TopicModel(TaggingData.Default.Topics, new TaggingOptions());
        var slugs = keywords.Slugs;
        var scoredStories = sets.SelectMany(LabelledStory.Read).ToArray();
        var trainOnlyStories = trainOnly.SelectMany(LabelledStory.Read).ToArray();
        var folds = line.Has("by-batch") ? BatchFolds(scoredStories) : CrossValidation.Folds(scoredStories.Length, k);
        output.WriteLine($"{scoredStories.Length} stories scored in {folds.Distinct().Count()} folds "
                         + $"({(line.Has("by-batch") ? "one per batch" : $"seed {CrossValidation.Seed}")}), {trainOnlyStories.Length} training only");
        KeywordBaseline(scoredStories, keywords, output);
        foreach (var settings in line.SettingsGrid(TrainCommand.Defaults))
        {
            var scored = StoryFeatures.Of(scoredStories, keywords, settings.Features);
            var extra = StoryFeatures.Of(trainOnlyStories, keywords, settings.Features);
            var probabilities = CrossValidation.OutOfFold(scored, extra, folds, slugs, settings);
            var fixedRule = new DecisionRule(line.Values("min", 0.4)[0], line.Values("fallback", 0.1)[0], line.Values("max", 4)[0]);
            var (best, counts) = CrossValidation.BestRule(scored, probabilities, slugs);
            var atFixed = CrossValidation.Evaluate(scored, probabilities, slugs, fixedRule);
            var groups = string.Join("; ", scored.Select(s => Group(s.Id)).Distinct().Order(StringComparer.Ordinal)
                .Select(g => $"{g} {CrossValidation.Evaluate(scored, probabilities, slugs, best, s => Group(s.Id) == g)}"));
            output.WriteLine($"{settings} | best {best}: {counts} ({groups}) | {fixedRule}: {atFixed}");
            if (line.Has("per-topic")) PerTopic(scored, probabilities, slugs, fixedRule, output);
            if (line.Has("nested")) NestedRule(scored, probabilities, folds, slugs, output);
            if (line.Has("misses")) Misses(scored, probabilities, slugs, best, output);
        }
        return 0;
    }

    public static bool IsNew(string id) => id.StartsWith("train-", StringComparison.Ordinal);

    /// <summary>Where a story comes from, by its id: "wire", "added", "eval", "train".</summary>
    public static string Group(string id) => id[..Math.Max(1, id.IndexOf('-'))];

    // "train-a-001" is batch a; every older story is one fold of its own ("old").
    private static int[] BatchFolds(IReadOnlyList<LabelledStory> stories)
    {
        var names = stories.Select(s => IsNew(s.Id) ? s.Id[..7] : "old").Distinct().Order(StringComparer.Ordinal).ToList();
        return stories.Select(s => names.IndexOf(IsNew(s.Id) ? s.Id[..7] : "old")).ToArray();
    }

    private static void KeywordBaseline(IReadOnlyList<LabelledStory> stories, TopicModel keywords, TextWriter output)
    {
        var all = new TagCounts();
        var groups = new SortedDictionary<string, TagCounts>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var article = ArticleText.Of(story.Headline, null, story.Body);
            var found = keywords.Find(article.Text, article.Tokens, article.HeadlineEnd);
            all.Add(story.Topics, found);
            if (!groups.TryGetValue(Group(story.Id), out var group)) groups[Group(story.Id)] = group = new TagCounts();
            group.Add(story.Topics, found);
        }
        output.WriteLine($"keyword model (no training): {all} ({string.Join("; ", groups.Select(g => $"{g.Key} {g.Value}"))})");
    }

    // Honest figures for choosing the rule too: chosen on the other folds' out-of-fold probabilities, counted on this fold's.
    private static void NestedRule(IReadOnlyList<StoryFeatures> scored, double[][] probabilities, int[] folds,
        IReadOnlyList<string> slugs, TextWriter output)
    {
        var counts = new TagCounts();
        foreach (var fold in folds.Distinct().Order())
        {
            var inside = Enumerable.Range(0, scored.Count).Where(i => folds[i] != fold).ToArray();
            var outside = Enumerable.Range(0, scored.Count).Where(i => folds[i] == fold).ToArray();
            var rule = CrossValidation.BestRule(inside.Select(i => scored[i]).ToArray(), inside.Select(i => probabilities[i]).ToArray(), slugs).Rule;
            counts.Add(CrossValidation.Evaluate(outside.Select(i => scored[i]).ToArray(), outside.Select(i => probabilities[i]).ToArray(), slugs, rule));
        }
        output.WriteLine($"  the rule chosen on the other folds, counted on each: {counts}");
    }

    private static void Misses(IReadOnlyList<StoryFeatures> scored, double[][] probabilities, IReadOnlyList<string> slugs,
        DecisionRule rule, TextWriter output)
    {
        var chosen = new bool[slugs.Count];
        for (var i = 0; i < scored.Count; i++)
        {
            LearnedTopicModel.Choose(probabilities[i], rule.Min, rule.Fallback, rule.Max, chosen);
            var miss = new TagCounts().Add(slugs.Where((_, t) => scored[i].Labels[t]), slugs.Where((_, t) => chosen[t]));
            if (miss is null) continue;
            var likely = string.Join(" ", Enumerable.Range(0, slugs.Count).Where(t => probabilities[i][t] >= 0.1)
                .OrderByDescending(t => probabilities[i][t]).Select(t => $"{slugs[t]}:{probabilities[i][t]:0.00}"));
            output.WriteLine($"  {scored[i].Id} {miss} | {likely}");
        }
    }

    private static void PerTopic(IReadOnlyList<StoryFeatures> scored, double[][] probabilities, IReadOnlyList<string> slugs,
        DecisionRule rule, TextWriter output)
    {
        var chosen = new bool[slugs.Count];
        var counts = slugs.Select(_ => new TagCounts()).ToArray();
        for (var i = 0; i < scored.Count; i++)
        {
            LearnedTopicModel.Choose(probabilities[i], rule.Min, rule.Fallback, rule.Max, chosen);
            for (var t = 0; t < slugs.Count; t++)
                counts[t].Add(scored[i].Labels[t] ? ["x"] : [], chosen[t] ? ["x"] : []);
        }
        for (var t = 0; t < slugs.Count; t++)
            output.WriteLine($"  {slugs[t],-15} {counts[t]} ({counts[t].TruePositives + counts[t].FalseNegatives} labelled)");
    }
}
