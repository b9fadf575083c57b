using System.Collections.Frozen;

namespace Feed.Tagging;

/// <summary>
/// Phrases keyed by their first token, so a text is matched in one pass over its tokens: at each token only
/// the phrases starting with that word are tried, longest first. Words compare without regard to case;
/// each phrase then says which case the text must have (see <see cref="CaseRule"/>).
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    // Only the phrases whose first word may be written in lower case: a token without a capital can start no other
    // phrase, so it is looked up in this much smaller table (most tokens of a text are lower case).
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordAnyCase;

    public PhraseIndex(IEnumerable<(string Text, T Target)> phrases, bool caseSensitive)
    {
        var groups = new Dictionary<string, List<Phrase>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, target) in phrases)
        {
            var tokens = Tokenizer.Tokenize(text);
            if (tokens.Count == 0) continue;
            var words = tokens.Select(t => t.In(text).ToString()).ToArray();
            var rules = tokens.Select(t => caseSensitive ? CaseRuleOf(t) : CaseRule.Any).ToArray();
            var first = words[0];
            if (!groups.TryGetValue(first, out var list)) groups[first] = list = [];
            list.Add(new Phrase(words, rules, target));
        }
        var byFirstWord = groups
            .ToFrozenDictionary(g => g.Key, g => g.Value.OrderByDescending(p => p.Words.Length).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _byFirstWordAnyCase = byFirstWord
            .Select(g => (g.Key, Phrases: g.Value.Where(p => p.Rules[0] == CaseRule.Any).ToArray()))
            .Where(g => g.Phrases.Length > 0)
            .ToFrozenDictionary(g => g.Key, g => g.Phrases, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="at"/> whose words and case fit the text;
    /// <paramref name="fallback"/> is tried as the first word when the token itself starts nothing.
    /// </summary>
    public bool TryMatch(string text, List<Token> tokens, int at, out Phrase match, ReadOnlySpan<char> fallback = default)
    {
        match = null!;
        // A Capitalized or Exact first word only fits a token with a capital (see Phrase.Fits).
        var index = tokens[at].Has(TokenShape.Capitalized | TokenShape.AllCaps) ? _byFirstWord : _byFirstWordAnyCase;
        if (!index.TryGetValue(tokens[at].In(text), out var candidates)
            && (fallback.IsEmpty || !index.TryGetValue(fallback, out candidates)))
            return false;
        foreach (var phrase in candidates)
        {
            if (phrase.Fits(text, tokens, at))
            {
                match = phrase;
                return true;
            }
        }
        return false;
    }

    private static CaseRule CaseRuleOf(Token token)
    {
        if (token.Has(TokenShape.AllCaps) && (token.Length >= 2 || token.Has(TokenShape.Capitalized))) return CaseRule.Exact;
        return token.Has(TokenShape.Capitalized) ? CaseRule.Capitalized : CaseRule.Any;
    }

    public sealed record Phrase(string[] Words, CaseRule[] Rules, T Target)
    {
        public int Length => Words.Length;

        internal bool Fits(string text, List<Token> tokens, int at)
        {
            if (at + Words.Length > tokens.Count) return false;
            for (var k = 0; k < Words.Length; k++)
            {
                var token = tokens[at + k];
                var span = token.In(text);
                // The first word was found by lookup (possibly through a fallback form); check the rest.
                if (k > 0 && !span.Equals(Words[k], StringComparison.OrdinalIgnoreCase)) return false;
                var ok = Rules[k] switch
                {
                    CaseRule.Exact => span.SequenceEqual(Words[k]),
                    CaseRule.Capitalized => token.Has(TokenShape.Capitalized) || token.Has(TokenShape.AllCaps),
                    _ => true,
                };
                if (!ok) return false;
            }
            return true;
        }
    }
}

/// <summary>How a word of a phrase must be written in the text.</summary>
public enum CaseRule : byte
{
    /// <summary>Any case: topic keywords, "of", "the".</summary>
    Any,
    /// <summary>Starts with a capital: proper names, so "turkey" the bird and "china" the porcelain never match.</summary>
    Capitalized,
    /// <summary>Exactly as written: abbreviations such as "US" (not "us") and "ROK".</summary>
    Exact,
}
