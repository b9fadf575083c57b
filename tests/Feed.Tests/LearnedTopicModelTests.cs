using Feed.Tagging;
using Feed.Tagging.Training;

namespace Feed.Tests;

/// <summary>The learned topic model at tagging time: its features, its weights file and its scorer.</summary>
public sealed class LearnedTopicModelTests
{
    private static readonly TopicFeatureSettings Plain = new(Bigrams: true, HeadlineWords: true, FoldPlurals: true,
        LengthCap: 0, Keywords: KeywordFeatures.None);

    private static List<string> Names(string? headline, string body, TopicFeatureSettings settings)
    {
        var article = ArticleText.Of(headline, null, body);
        var sink = new Collect(article, settings);
        TopicFeatures.Extract(article.Text, article.Tokens, article.HeadlineEnd, settings, ref sink);
        return sink.Names;
    }

    [Fact]
    public void Features_are_lower_cased_words_bigrams_within_a_sentence_and_marked_headline_words()
    {
        var names = Names("Nurses strike", "Nurses walked out. Wages lag 12 percent.", Plain);
        Assert.Equal(["nurse", "h:nurse", "strike", "h:strike", "nurse strike", "nurse", "walked", "nurse walked", "out", "walked out",
            "wage", "lag", "wage lag", "0", "lag 0", "percent", "0 percent"], names);
    }

    [Fact]
    public void A_feature_name_reads_back_to_the_key_the_text_gives()
    {
        var article = ArticleText.Of("Floods close Schools", null, "Heavy rains flooded the region.");
        var keys = new List<(ulong Key, string Name)>();
        var sink = new CollectKeys(article, TopicFeatureSettings.Default, keys);
        TopicFeatures.Extract(article.Text, article.Tokens, article.HeadlineEnd, TopicFeatureSettings.Default, ref sink);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Equal(k.Key, TopicFeatures.KeyOf(k.Name)));
        Assert.Equal(TopicFeatures.KeyOf("school"), TopicFeatures.WordKey("SCHOOL"));
        Assert.NotEqual(TopicFeatures.KeyOf("heavy rain"), TopicFeatures.KeyOf("rain heavy"));
    }

    [Fact]
    public void Plurals_fold_only_when_the_settings_say_so_and_double_s_stays()
    {
        Assert.Equal(["tariff", "press"], Names(null, "tariffs press", Plain with { Bigrams = false }));
        Assert.Equal(["tariffs", "press"], Names(null, "tariffs press", Plain with { Bigrams = false, FoldPlurals = false }));
    }

    [Fact]
    public void The_weights_file_gives_each_feature_its_weight_per_topic_and_an_empty_weight_is_zero()
    {
        var weights = TopicWeights.Parse(Weights);
        Assert.Equal(["labour", "health"], weights.Slugs);
        Assert.Equal(2.5, weights.Weight("strike", "labour"));
        Assert.Equal(0, weights.Weight("strike", "health"));
        Assert.Equal(1.5, weights.Weight("h:nurse", "health"));
        Assert.Equal(-3, weights.Weight("bias", "labour"));
        Assert.Equal(0.5, weights.Weight("kw-log:health", "labour"));
        Assert.Equal(0, weights.Weight("never seen", "labour"));
        Assert.Equal(3, weights.FeatureCount);
    }

    [Theory]
    [InlineData("topics\tlabour\nbias\t1\n", "setting bigrams is missing")]
    [InlineData("setting\tbigrams\ttrue\n", "the topics and bias rows are missing")]
    [InlineData("topics\tlabour\thealth\nbias\t1\n", "expected 2 weights, found 1")]
    [InlineData("topics\tlabour\nbias\tx\n", "'x' is not a number")]
    [InlineData("topics\tlabour\nbias\t1\nword\tstrike\t1\nword\tstrike\t2\n", "'strike' is listed twice")]
    [InlineData("topics\tlabour\nbias\t1\nfeature\tstrike\t1\n", "unknown row 'feature'")]
    public void A_broken_weights_file_is_refused_with_the_reason(string tsv, string reason)
    {
        var e = Assert.Throws<FormatException>(() => TopicWeights.Parse(tsv));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void The_scorer_adds_each_known_feature_once_plus_bias_and_keyword_figures()
    {
        var data = TaggingData.Default;
        var keywords = new TopicModel(data.Topics, new TaggingOptions());
        var slugs = keywords.Slugs;
        string Row(string kind, string name, Func<string, double> weight) =>
            $"{kind}\t{name}\t" + string.Join('\t', slugs.Select(s => weight(s).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var tsv = string.Join('\n',
            "setting\tbigrams\tfalse", "setting\theadline-words\tfalse", "setting\tfold-plurals\ttrue", "setting\tlength-cap\t0",
            "setting\tkeywords\tChosen",
            "topics\t" + string.Join('\t', slugs),
            Row("bias", "", _ => -1).Replace("\t\t", "\t"),
            string.Join('\n', slugs.Select(s => Row("keyword", "kw-chosen:" + s, _ => 0))),
            Row("word", "strike", s => s == "labour" ? 2 : 0));
        var model = new LearnedTopicModel(TopicWeights.Parse(tsv), keywords, new TaggingOptions());
        var article = ArticleText.Of(null, null, "strike strike strikes");
        var p = new double[slugs.Count];
        model.Probabilities(article.Text, article.Tokens, article.HeadlineEnd, p);
        var labour = slugs.ToList().IndexOf("labour");
        Assert.Equal(1 / (1 + Math.Exp(-(2 - 1.0))), p[labour], 9); // "strike" three times counts once
        Assert.Equal(1 / (1 + Math.Exp(1.0)), p[(labour + 1) % slugs.Count], 9);
    }

    [Fact]
    public void The_rule_takes_likely_topics_strongest_first_up_to_the_most_and_else_the_likeliest_above_the_fallback()
    {
        var chosen = new bool[4];
        LearnedTopicModel.Choose([0.9, 0.5, 0.45, 0.1], min: 0.4, fallback: 0.1, max: 2, chosen);
        Assert.Equal([true, true, false, false], chosen);
        LearnedTopicModel.Choose([0.2, 0.3, 0.05, 0.1], min: 0.4, fallback: 0.25, max: 2, chosen);
        Assert.Equal([false, true, false, false], chosen);
        LearnedTopicModel.Choose([0.2, 0.1, 0.05, 0.1], min: 0.4, fallback: 0.25, max: 2, chosen);
        Assert.Equal([false, false, false, false], chosen);
    }

    [Fact]
    public void Weights_for_other_topics_than_the_keyword_models_are_refused()
    {
        var keywords = new TopicModel(TaggingData.Default.Topics, new TaggingOptions());
        Assert.Throws<ArgumentException>(() => new LearnedTopicModel(TopicWeights.Parse(Weights), keywords, new TaggingOptions()));
    }

    private const string Weights = """
        # a comment
        setting	bigrams	true
        setting	headline-words	true
        setting	fold-plurals	true
        setting	length-cap	100
        setting	keywords	Log
        topics	labour	health
        bias	-3	-2
        keyword	kw-log:labour	1	
        keyword	kw-log:health	0.5	1
        word	strike	2.5	
        word	h:nurse	0.5	1.5
        word	nurse strike	1	1
        """;

    private readonly struct Collect(ArticleText article, TopicFeatureSettings settings) : ITopicFeatureSink
    {
        public List<string> Names { get; } = [];

        public void Add(ulong key, TopicFeatureKind kind, int token) =>
            Names.Add(TopicFeatures.NameOf(article.Text, article.Tokens, kind, token, settings));
    }

    private readonly struct CollectKeys(ArticleText article, TopicFeatureSettings settings, List<(ulong, string)> keys) : ITopicFeatureSink
    {
        public void Add(ulong key, TopicFeatureKind kind, int token) =>
            keys.Add((key, TopicFeatures.NameOf(article.Text, article.Tokens, kind, token, settings)));
    }
}
