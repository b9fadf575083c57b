namespace Feed.Tagging;

/// <summary>
/// Finds an article's countries (<see cref="CountryFinder"/>) and topics (<see cref="LearnedTopicModel"/> when the data
/// has topic weights, else the keywords of <see cref="TopicModel"/>). The text is
/// tokenized once; each then makes one pass over the tokens with a phrase index, so the cost grows with the length
/// of the text, not with the number of names or keywords. Thread-safe; build one per process.
/// </summary>
public sealed class ArticleTagger
{
    private readonly CountryFinder _countries;
    private readonly TopicModel _topics;
    private readonly LearnedTopicModel? _learnedTopics;

    public ArticleTagger(TaggingData data, TaggingOptions? options = null)
    {
        options ??= new TaggingOptions();
        _countries = new CountryFinder(data, options);
        _topics = new TopicModel(data.Topics, options);
        if (options.LearnedTopics && data.TopicWeights is { } weights) _learnedTopics = new LearnedTopicModel(weights, _topics, options);
    }

    public TagResult Tag(string? headline, string? summary, string? body)
    {
        var article = ArticleText.Of(headline, summary, body);
        return new TagResult(
            _countries.Find(article.Text, article.Tokens, article.HeadlineEnd, article.BodyStart, article.SecondStart),
            _learnedTopics?.Find(article.Text, article.Tokens, article.HeadlineEnd)
            ?? _topics.Find(article.Text, article.Tokens, article.HeadlineEnd));
    }
}
