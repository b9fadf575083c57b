namespace Feed.Tagging;

/// <summary>What a single mention of a country or place is, judged from the words right around it.</summary>
public enum MentionRole
{
    /// <summary>The story may be about it.</summary>
    Subject,
    /// <summary>A comparison or a reference ("than France", "the former colonial power, Britain"): counts less.</summary>
    Passing,
    /// <summary>A thing named after the country ("Panama hat", "Congo River", "German shepherd"): not the country.</summary>
    Thing,
    /// <summary>Part of a longer proper name ("India Walton", "Andrew Jackson"): a person or a firm, not the place.</summary>
    PartOfName,
}

/// <summary>
/// Tells a mention that is about a country from false friends and passing references, by looking only at the
/// neighbouring tokens, so it costs a few lookups per mention.
/// </summary>
public sealed class MentionFilter
{
    // Filler words allowed between a passing cue and the name: "than in France", "compared with the Dutch".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Filler =
        new HashSet<string>(["in", "the", "with", "to", "of", "a", "that", "those", "its", "by", "one", "ones", "neighbouring", "neighboring"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Span lookups, so judging a mention allocates nothing.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _thingAfter, _titleAfter, _titleBefore, _passingAfter, _passingNext;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _passingByLastWord;

    public MentionFilter(MentionCues cues)
    {
        static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IEnumerable<string> words) =>
            new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _thingAfter = Lookup(cues.ThingAfter);
        _titleAfter = Lookup(cues.TitleAfter);
        _titleBefore = Lookup(cues.TitleBefore);
        _passingAfter = Lookup(cues.PassingAfter);
        _passingNext = Lookup(cues.PassingNext);
        _passingByLastWord = cues.Passing.GroupBy(c => c[^1], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <param name="nameLike">True for names, aliases, capitals and places (which people and firms share); false for demonyms.</param>
    /// <param name="checkBefore">Also treat a capitalised word just before as a first name ("Andrew Jackson"): places and weak names.</param>
    public MentionRole Judge(string text, List<Token> tokens, int at, int length, bool nameLike, bool checkBefore)
    {
        var next = at + length;
        if (next < tokens.Count && OnlySpaceOrHyphenBetween(text, tokens[next - 1], tokens[next]))
        {
            var word = tokens[next].In(text);
            if (_thingAfter.Contains(word)) return MentionRole.Thing;
            if (nameLike && IsNameWord(tokens[next]) && !_titleAfter.Contains(word) && OnlySpaceBetween(text, tokens[next - 1], tokens[next]))
                return MentionRole.PartOfName;
            if (_passingAfter.Contains(word) && text[tokens[next].Start - 1] == '-') return MentionRole.Passing;
            // "the Venezuelan border", "Chinese buyers": where the story's goods go or its people come from, not where it is.
            if (_passingNext.Contains(word)) return MentionRole.Passing;
        }
        // "beats Tunisia's,", "modelled on Singapore's.": a possessive with nothing after it compares with that country.
        if (next < tokens.Count && tokens[next].Has(TokenShape.AfterApostrophe) && tokens[next].In(text) is "s"
            && EndsPhrase(text, tokens, next + 1))
            return MentionRole.Passing;
        // "taught in Russian", "mainly in French, and": a demonym after "in" that ends its phrase is a language.
        if (!nameLike && at > 0 && tokens[at - 1].In(text) is "in" && EndsPhrase(text, tokens, next)) return MentionRole.Thing;
        if (checkBefore && at > 0 && OnlySpaceBetween(text, tokens[at - 1], tokens[at]))
        {
            var before = tokens[at - 1];
            // A sentence may open with a first name too ("Andrew Jackson said"), so only the listed words are let through.
            if (IsNameWord(before) && !_titleBefore.Contains(before.In(text)))
                return MentionRole.PartOfName;
        }
        return IsAfterPassingCue(text, tokens, at) ? MentionRole.Passing : MentionRole.Subject;
    }

    private static bool EndsPhrase(string text, List<Token> tokens, int next) =>
        next >= tokens.Count || !OnlySpaceOrHyphenBetween(text, tokens[next - 1], tokens[next]) || tokens[next].In(text) is "and" or "or";

    private bool IsAfterPassingCue(string text, List<Token> tokens, int at)
    {
        // The cue may end right before the name or up to two filler words earlier.
        for (var end = at - 1; end >= 0 && end >= at - 3; end--)
        {
            if (_passingByLastWord.TryGetValue(tokens[end].In(text), out var cues))
            {
                foreach (var cue in cues)
                    if (EndsWith(text, tokens, end, cue)) return true;
            }
            if (!Filler.Contains(tokens[end].In(text))) break;
        }
        return false;
    }

    private static bool EndsWith(string text, List<Token> tokens, int end, string[] cue)
    {
        var start = end - cue.Length + 1;
        if (start < 0) return false;
        for (var k = 0; k < cue.Length; k++)
        {
            if (!tokens[start + k].In(text).Equals(cue[k], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    // A capitalised word that is not shouting (ALL CAPS datelines and acronyms prove nothing).
    private static bool IsNameWord(Token token) => token.Has(TokenShape.Capitalized) && !token.Has(TokenShape.AllCaps);

    private static bool OnlySpaceBetween(string text, Token left, Token right)
    {
        var gap = text.AsSpan(left.Start + left.Length, right.Start - left.Start - left.Length);
        return gap is " ";
    }

    private static bool OnlySpaceOrHyphenBetween(string text, Token left, Token right)
    {
        var gap = text.AsSpan(left.Start + left.Length, right.Start - left.Start - left.Length);
        return gap is " " or "-";
    }
}
