namespace Feed.Tagging.Training;

/// <summary>
/// k-fold cross-validation: every story is scored by a model trained without its fold (stories given as training-only
/// are in every fold's training set and never scored). Folds are drawn once with a fixed seed.
/// </summary>
public static class CrossValidation
{
    public const int Seed = 12;

    /// <summary>Fold of each story: a seeded shuffle dealt round-robin, so folds differ in size by one at most.</summary>
    public static int[] Folds(int count, int k, int seed = Seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var folds = new int[count];
        for (var i = 0; i < order.Length; i++) folds[order[i]] = i % k;
        return folds;
    }

    /// <summary>Out-of-fold topic probabilities of every story in <paramref name="scored"/>.</summary>
    public static double[][] OutOfFold(IReadOnlyList<StoryFeatures> scored, IReadOnlyList<StoryFeatures> trainingOnly,
        int[] folds, IReadOnlyList<string> slugs, TrainingSettings settings)
    {
        var result = new double[scored.Count][];
        foreach (var fold in folds.Distinct().Order())
        {
            var training = scored.Where((_, i) => folds[i] != fold).Concat(trainingOnly).ToArray();
            var test = Enumerable.Range(0, scored.Count).Where(i => folds[i] == fold).ToArray();
            var model = TrainedTopicModel.Train(training, slugs, settings);
            var probabilities = model.Probabilities(test.Select(i => scored[i]).ToArray());
            for (var j = 0; j < test.Length; j++) result[test[j]] = probabilities[j];
        }
        return result;
    }

    /// <summary>Topic counts of the decision rule over the stories <paramref name="include"/> picks (all if null).</summary>
    public static TagCounts Evaluate(IReadOnlyList<StoryFeatures> stories, IReadOnlyList<double[]> probabilities, IReadOnlyList<string> slugs,
        DecisionRule rule, Func<StoryFeatures, bool>? include = null)
    {
        var counts = new TagCounts();
        var chosen = new bool[slugs.Count];
        for (var i = 0; i < stories.Count; i++)
        {
            if (include is not null && !include(stories[i])) continue;
            LearnedTopicModel.Choose(probabilities[i], rule.Min, rule.Fallback, rule.Max, chosen);
            counts.Add(slugs.Where((_, t) => stories[i].Labels[t]), slugs.Where((_, t) => chosen[t]));
        }
        return counts;
    }

    /// <summary>The rule with the best topic F1 on these probabilities, from a small grid.</summary>
    public static (DecisionRule Rule, TagCounts Counts) BestRule(IReadOnlyList<StoryFeatures> stories, IReadOnlyList<double[]> probabilities,
        IReadOnlyList<string> slugs)
    {
        var rules = from min in Enumerable.Range(2, 15).Select(m => m * 0.05) // 0.10 … 0.80
                    from fallback in new[] { 0.0, 0.1, 0.2 }
                    from max in new[] { 3, 4, 5 }
                    where fallback < min
                    select new DecisionRule(Math.Round(min, 2), fallback, max);
        return rules.Select(r => (Rule: r, Counts: Evaluate(stories, probabilities, slugs, r)))
            .MaxBy(r => r.Counts.F1);
    }
}

/// <summary>The learned model's decision: see <see cref="LearnedTopicModel.Choose"/>.</summary>
public sealed record DecisionRule(double Min, double Fallback, int Max)
{
    public override string ToString() => $"min={Min:0.00} fallback={Fallback:0.00} max={Max}";
}
