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

    /// <summary>The keys of the two words of a pair-of-words feature name ("minimum wage"); null for any other name.</summary>
    public static (ulong First, ulong Second)? PairWords(string name)
    {
        var space = name.IndexOf(' ');
        if (space < 0 || name.StartsWith(HeadlinePrefix, StringComparison.Ordinal)) return null;
        return (WordKey(name.AsSpan(0, space)), WordKey(name.AsSpan(space + 1)));
    }

    /// <summary>FNV-1a over the lower-cased characters (16 bits at a time): stable across processes, unlike string hash codes.</summary>
    public static ulong WordKey(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            var lower = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);
            hash = (hash ^ lower) * FnvPrime; // a whole UTF-16 unit at a time: one multiply per character
        }
        return hash;
    }

    public static ulong BigramKey(ulong first, ulong second) => (first * BigramMix + 1) ^ ((second << 29) | (second >> 35));

    public static ulong HeadlineKey(ulong word) => (word ^ HeadlineSalt) * BigramMix;

    // A plural falls back to its singular ("tariffs", "tariff"); "ss" stays ("press"). Digits all read as one word.
    internal static ReadOnlySpan<char> Word(string text, Token token, bool foldPlurals)
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
    internal static bool SameSentence(string text, Token left, Token right)
    {
        foreach (var c in text.AsSpan(left.Start + left.Length, right.Start - left.Start - left.Length))
            if (c is '.' or '!' or '?' or ';' or ':' or '\n' or '—' or '(' or ')') return false;
        return true;
    }
}
