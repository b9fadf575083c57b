using Feed.Tagging;
using Feed.Tagging.Training;

// Feed.Tagging.Training: see the README, section Tagging.
//   score <set.jsonl>... [--misses]   the shipped tagger's country and topic precision/recall on labelled sets
return args.FirstOrDefault() switch
{
    "score" => Score(args[1..]),
    _ => Usage(),
};

static int Score(string[] args)
{
    var misses = args.Contains("--misses");
    var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
    if (files.Length == 0 || files.Any(HeldOut.IsHeldOut)) return Usage();
    var tagger = new ArticleTagger(TaggingData.Default);
    var (countries, topics) = (new TagCounts(), new TagCounts());
    var stories = files.SelectMany(LabelledStory.Read).ToArray();
    foreach (var story in stories)
    {
        var tags = tagger.Tag(story.Headline, null, story.Body);
        var countryMiss = countries.Add(story.Countries, tags.Countries);
        var topicMiss = topics.Add(story.Topics, tags.Topics);
        if (misses && countryMiss is not null) Console.WriteLine($"{story.Id} countries {countryMiss} ({story.Note})");
        if (misses && topicMiss is not null) Console.WriteLine($"{story.Id} topics {topicMiss}");
    }
    Console.WriteLine($"{string.Join(" + ", files.Select(Path.GetFileName))} ({stories.Length} stories): countries {countries}; topics {topics}");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Feed.Tagging.Training score <set.jsonl>... [--misses]
        The held-out set is scored only by TaggingEvaluationTests, which prints no misses.
        """);
    return 2;
}
