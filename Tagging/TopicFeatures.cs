namespace Feed.Tagging;

/// <summary>What a feature of the learned topic model is.</summary>
public enum TopicFeatureKind : byte
{
    /// <summary>A lower-cased word ("strike"), a plural folded to its singular when the settings say so.</summary>
    Word,
    /// <summary>Two words next to each other in one sentence ("minimum wage").</summary>
    Bigram,
    /// <summary>A word of the headline, besides its plain <see cref="Word"/> feature ("h:strike").</summary>
    HeadlineWord,
}

/// <summary>Which of the keyword model's per-topic figures the learned model reads (each for every topic).</summary>
[Flags]
public enum KeywordFeatures : byte
{
    None = 0,
    /// <summary>ln(1 + score): "kw-log:economy".</summary>
    Log = 1,
    /// <summary>The score as a share of the best topic's: "kw-share:economy".</summary>
    Share = 2,
    /// <summary>1 when the keyword rule would tag the topic: "kw-chosen:economy".</summary>
    Chosen = 4,
}

/// <summary>Which features the learned topic model reads; written in the weights file, so training and tagging agree.</summary>
/// <param name="LengthCap">In a text of n tokens, more than this many, word features weigh √(cap/n): a long article
/// gathers more stray words than the short stories the model learnt from, and should not gain evidence merely by
/// its length (0: never).</param>
public sealed record TopicFeatureSettings(bool Bigrams, bool HeadlineWords, bool FoldPlurals, int LengthCap, KeywordFeatures Keywords)
{
    public static readonly TopicFeatureSettings Default = new(Bigrams: true, HeadlineWords: true, FoldPlurals: true,
        LengthCap: 100, Keywords: KeywordFeatures.Log | KeywordFeatures.Share);

    /// <summary>How much each word feature of a text of <paramref name="tokens"/> tokens weighs (see <see cref="LengthCap"/>).</summary>
    public double WordWeight(int tokens) => LengthCap > 0 && tokens > LengthCap ? Math.Sqrt(LengthCap / (double)tokens) : 1.0;

    /// <summary>"kw-log:economy" and the like, for each chosen figure and topic, in the order <see cref="KeywordValues"/> fills.</summary>
    public IEnumerable<string> KeywordNames(IReadOnlyList<string> slugs)
    {
        foreach (var (flag, name) in new[] { (KeywordFeatures.Log, "kw-log"), (KeywordFeatures.Share, "kw-share"), (KeywordFeatures.Chosen, "kw-chosen") })
            if (Keywords.HasFlag(flag))
                foreach (var slug in slugs) yield return $"{name}:{slug}";
    }

    public int KeywordCount(int topics) => topics * System.Numerics.BitOperations.PopCount((uint)Keywords);

    /// <summary>The keyword figures of one text from its scores and the keyword rule's choice.</summary>
    public void KeywordValues(ReadOnlySpan<double> scores, ReadOnlySpan<bool> chosen, Span<double> values)
    {
        var best = 0.0;
        foreach (var s in scores) best = Math.Max(best, s);
        var k = 0;
        if (Keywords.HasFlag(KeywordFeatures.Log)) foreach (var s in scores) values[k++] = Math.Log(1 + s);
        if (Keywords.HasFlag(KeywordFeatures.Share)) foreach (var s in scores) values[k++] = best > 0 ? s / best : 0;
        if (Keywords.HasFlag(KeywordFeatures.Chosen)) foreach (var c in chosen) values[k++] = c ? 1 : 0;
    }
}

/// <summary>Receives the features of a text one by one (a struct, so the calls inline; a ref struct may hold spans).</summary>
public interface ITopicFeatureSink
{
    /// <param name="token">The feature's (first) token.</param>
    void Add(ulong key, TopicFeatureKind kind, int token);
}

/// <summary>
/// The features of the learned topic model, read from tokens the tagger already has: each is a stable 64-bit key (the
/// same in every process), computed without allocating. <see cref="KeyOf"/> gives the key of a feature's written name
/// ("strike", "minimum wage", "h:strike"), so the weights file can name its features in words.
/// </summary>
public static class TopicFeatures
{
    public const string HeadlinePrefix = "h:";
    private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;
    private const ulong BigramMix = 0x9E3779B97F4A7C15UL, HeadlineSalt = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Calls <paramref name="sink"/> for every feature of the text, repeats included, in text order.</summary>
    public static void Extract<TSink>(string text, List<Token> tokens, int headlineEnd, TopicFeatureSettings settings, ref TSink sink)
        where TSink : struct, ITopicFeatureSink, allows ref struct
    {
        var previous = 0UL;
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = WordKey(Word(text, tokens[i], settings.FoldPlurals));
            sink.Add(key, TopicFeatureKind.Word, i);
            if (settings.HeadlineWords && tokens[i].Start < headlineEnd) sink.Add(HeadlineKey(key), TopicFeatureKind.HeadlineWord, i);
            if (settings.Bigrams && i > 0 && SameSentence(text, tokens[i - 1], tokens[i]))
                sink.Add(BigramKey(previous, key), TopicFeatureKind.Bigram, i - 1);
            previous = key;
        }
    }

    /// <summary>The written name of a feature found by <see cref="Extract{TSink}"/>: what <see cref="KeyOf"/> reads back.</summary>
    public static string NameOf(string text, List<Token> tokens, TopicFeatureKind kind, int token, TopicFeatureSettings settings)
    {
        string W(int i) => Lower(Word(text, tokens[i], settings.FoldPlurals));
        return kind switch
        {
            TopicFeatureKind.Word => W(token),
            TopicFeatureKind.Bigram => W(token) + " " + W(token + 1),
            _ => HeadlinePrefix + W(token),
        };
    }

    /// <summary>The key of a written feature name: "strike", "minimum wage" or "h:strike" (already lower case and folded).</summary>
    public static ulong KeyOf(string name)
    {
        if (name.StartsWith(HeadlinePrefix, StringComparison.Ordinal)) return HeadlineKey(WordKey(name.AsSpan(HeadlinePrefix.Length)));
        var space = name.IndexOf(' ');
        return space < 0 ? WordKey(name) : BigramKey(WordKey(name.AsSpan(0, space)), WordKey(name.AsSpan(space + 1)));
    }

    /// <summary>FNV-1a over the lower-cased characters: stable across processes, unlike string hash codes.</summary>
    public static ulong WordKey(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            var lower = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
            hash = (hash ^ (byte)lower) * FnvPrime;
            hash = (hash ^ (byte)(lower >> 8)) * FnvPrime;
        }
        return hash;
    }

    public static ulong BigramKey(ulong first, ulong second) => (first * BigramMix + 1) ^ ((second << 29) | (second >> 35));

    public static ulong HeadlineKey(ulong word) => (word ^ HeadlineSalt) * BigramMix;

    // A plural falls back to its singular ("tariffs", "tariff"); "ss" stays ("press"). Digits all read as one word.
    private static ReadOnlySpan<char> Word(string text, Token token, bool foldPlurals)
    {
        var word = token.In(text);
        if (char.IsDigit(word[0])) return "0";
        return foldPlurals && word.Length > 3 && word[^1] is 's' or 'S' && word[^2] is not ('s' or 'S') ? word[..^1] : word;
    }

    private static string Lower(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++) lower[i] = char.ToLowerInvariant(word[i]);
        return new string(lower);
    }

    // Words on either side of a full stop, a colon or a line break are not a phrase.
    private static bool SameSentence(string text, Token left, Token right)
    {
        foreach (var c in text.AsSpan(left.Start + left.Length, right.Start - left.Start - left.Length))
            if (c is '.' or '!' or '?' or ';' or ':' or '\n' or '—' or '(' or ')') return false;
        return true;
    }
}
