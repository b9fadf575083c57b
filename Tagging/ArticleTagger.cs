namespace Feed.Tagging;

/// <summary>
/// Finds an article's countries (<see cref="CountryFinder"/>) and topics (<see cref="TopicModel"/>). The text is
/// tokenized once; each then makes one pass over the tokens with a phrase index, so the cost grows with the length
/// of the text, not with the number of names or keywords. Thread-safe; build one per process.
/// </summary>
public sealed class ArticleTagger
{
    private readonly CountryFinder _countries;
    private readonly TopicModel _topics;

    public ArticleTagger(TaggingData data, TaggingOptions? options = null)
    {
        options ??= new TaggingOptions();
        _countries = new CountryFinder(data, options);
        _topics = new TopicModel(data.Topics, options);
    }

    public TagResult Tag(string? headline, string? summary, string? body)
    {
        var text = string.Concat(headline, "\n", summary, "\n", body);
        var headlineEnd = headline?.Length ?? 0;
        var bodyStart = headlineEnd + 1;
        // A dateline opens the summary, or the body when the summary does not have one.
        var secondStart = bodyStart + (summary?.Length ?? 0) + 1;
        var tokens = new List<Token>(text.Length / 5);
        Tokenizer.Tokenize(text, tokens);
        return new TagResult(
            _countries.Find(text, tokens, headlineEnd, bodyStart, secondStart),
            _topics.Find(text, tokens, headlineEnd));
    }
}
