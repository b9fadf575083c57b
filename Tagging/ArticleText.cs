namespace Feed.Tagging;

/// <summary>
/// An article's headline, summary and body joined into one text and tokenized once, with where each part starts:
/// the tagger and the training program read articles the same way.
/// </summary>
public sealed class ArticleText
{
    private ArticleText(string text, List<Token> tokens, int headlineEnd, int bodyStart, int secondStart)
    {
        Text = text;
        Tokens = tokens;
        HeadlineEnd = headlineEnd;
        BodyStart = bodyStart;
        SecondStart = secondStart;
    }

    public string Text { get; }
    public List<Token> Tokens { get; }

    /// <summary>Where the headline ends; headline words count more.</summary>
    public int HeadlineEnd { get; }

    /// <summary>Where the text after the headline starts: the lead, where a dateline may be.</summary>
    public int BodyStart { get; }

    /// <summary>Where the body starts: a dateline opens the summary, or the body when the summary does not have one.</summary>
    public int SecondStart { get; }

    public static ArticleText Of(string? headline, string? summary, string? body)
    {
        var text = string.Concat(headline, "\n", summary, "\n", body);
        var headlineEnd = headline?.Length ?? 0;
        var bodyStart = headlineEnd + 1;
        var secondStart = bodyStart + (summary?.Length ?? 0) + 1;
        var tokens = new List<Token>(text.Length / 5);
        Tokenizer.Tokenize(text, tokens);
        return new ArticleText(text, tokens, headlineEnd, bodyStart, secondStart);
    }
}
