using Feed.Tagging;
using Feed.Tagging.Training;

// Feed.Tagging.Training: see the README, section Tagging. The held-out set is refused by every command.
//   score <set.jsonl>... [--misses]       the tagger's country and topic precision/recall on labelled sets
//   cv --sets A,B [--train-only C] ...    cross-validated topic figures of the learned model for a grid of settings
//   train --sets A,B --out FILE ...       trains the learned topic model and writes its weights
//   tag <article.txt>                     the tags of one article (first line the headline) and its topic probabilities
try
{
    var line = new CommandLine(args.Skip(1));
    return args.FirstOrDefault() switch
    {
        "score" => Score(line),
        "cv" => CrossValidateCommand.Run(line, Console.Out),
        "train" => TrainCommand.Run(line, args, Console.Out),
        "tag" => Tag(line),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Score(CommandLine line)
{
    var files = line.Arguments;
    if (files.Count == 0 || files.Any(HeldOut.IsHeldOut)) return Usage();
    var data = line.Text("weights") is { } path ? TaggingData.Default.WithTopicWeights(path == "none" ? null : TopicWeights.Parse(File.ReadAllText(path)))
        : TaggingData.Default;
    var tagger = new ArticleTagger(data, Options(line));
    var (countries, topics) = (new TagCounts(), new TagCounts());
    var stories = files.SelectMany(LabelledStory.Read).ToArray();
    foreach (var story in stories)
    {
        var tags = tagger.Tag(story.Headline, null, story.Body);
        var countryMiss = countries.Add(story.Countries, tags.Countries);
        var topicMiss = topics.Add(story.Topics, tags.Topics);
        if (line.Has("misses") && countryMiss is not null) Console.WriteLine($"{story.Id} countries {countryMiss} ({story.Note})");
        if (line.Has("misses") && topicMiss is not null) Console.WriteLine($"{story.Id} topics {topicMiss}");
    }
    Console.WriteLine($"{string.Join(" + ", files.Select(Path.GetFileName))} ({stories.Length} stories): countries {countries}; topics {topics}");
    return 0;
}

static int Tag(CommandLine line)
{
    if (line.Arguments.Count != 1) return Usage();
    var lines = File.ReadAllLines(line.Arguments[0]);
    var (headline, body) = (lines.FirstOrDefault() ?? "", string.Join("\n", lines.Skip(1)));
    var data = TaggingData.Default;
    var tagger = new ArticleTagger(data, Options(line));
    var tags = tagger.Tag(headline, null, body);
    Console.WriteLine($"countries {string.Join(",", tags.Countries)}; topics {string.Join(",", tags.Topics)}");
    if (line.Values("repeat", 0)[0] is var repeat and > 0) // a rough figure; the benchmark project gives the real one
    {
        for (var i = 0; i < Math.Min(repeat, 2000); i++) tagger.Tag(headline, null, body);
        // CPU time of this process, not the wall clock, so other work on a shared machine counts less.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        for (var i = 0; i < repeat; i++) tagger.Tag(headline, null, body);
        process.Refresh();
        Console.WriteLine($"{repeat / (process.TotalProcessorTime - start).TotalSeconds:N0} articles/s of CPU time ({headline.Length + body.Length} characters)");
    }
    if (data.TopicWeights is not { } weights) return 0;
    var options = new TaggingOptions();
    var model = new LearnedTopicModel(weights, new TopicModel(data.Topics, options), options);
    var article = ArticleText.Of(headline, null, body);
    var p = new double[weights.Slugs.Count];
    model.Probabilities(article.Text, article.Tokens, article.HeadlineEnd, p);
    Console.WriteLine(string.Join(" ", Enumerable.Range(0, p.Length).OrderByDescending(t => p[t]).Take(6).Select(t => $"{weights.Slugs[t]}:{p[t]:0.00}")));
    return 0;
}

// "--set CountryMinShareOfBest=0.2;LeadMentionWeight=2": options other than the defaults, to try them on labelled sets.
static TaggingOptions Options(CommandLine line)
{
    var options = new TaggingOptions();
    foreach (var pair in (line.Text("set") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
    {
        var (name, value) = (pair.Split('=')[0].Trim(), pair.Split('=')[1].Trim());
        var property = typeof(TaggingOptions).GetProperty(name) ?? throw new ArgumentException($"no option {name}");
        property.SetValue(options, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }
    return options;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Feed.Tagging.Training score <set.jsonl>... [--misses] [--weights FILE|none] [--set Option=value;...]
               Feed.Tagging.Training cv --sets A.jsonl,B.jsonl [--train-only C.jsonl] [--folds 5 | --by-batch] [--per-topic] [--nested] [--misses]
                   [--min 0.4 --fallback 0.1 --max 4] [grid: --l2 a,b --min-stories a,b --positive-weight a,b
                   --bigrams true,false --headline-words .. --fold-plurals .. --length-cap 100,0 --keywords Log+Share,None]
               Feed.Tagging.Training train --sets A.jsonl,B.jsonl --out Tagging/Data/topic-weights.tsv [settings as for cv]
               Feed.Tagging.Training tag <article.txt> [--repeat N] [--set Option=value;...]
        The held-out set is scored only by TaggingEvaluationTests, which prints no misses.
        """);
    return 2;
}
