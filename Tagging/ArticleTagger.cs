namespace Feed.Tagging;

/// <summary>
/// Finds an article's countries and topics. The text is tokenized once; countries and topics are then each
/// found in one pass over the tokens with a <see cref="PhraseIndex{T}"/>, so the cost grows with the length
/// of the text, not with the number of countries or keywords. Thread-safe; build one per process.
/// </summary>
public sealed class ArticleTagger
{
    // Words before a place name that show it is a place ("in Jordan"), not a person ("Michael Jordan").
    private static readonly HashSet<string> PlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "to", "from", "into", "across", "throughout", "near", "visit", "visited", "visiting", "visits",
        "toward", "towards", "inside", "within", "via", "of", "between", "against", "with", "neighbouring",
        "neighboring", "landlocked",
    };

    private static readonly HashSet<string> CompassWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeastern", "northwestern", "southeastern", "southwestern", "rural", "neighbouring", "neighboring",
    };

    // Nouns after a place name (or its possessive) that show a state is meant ("Chad's army", "Jordan government").
    private static readonly HashSet<string> StateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "government", "president", "king", "queen", "monarch", "prince", "army", "military", "forces", "troops",
        "ministry", "minister", "ministers", "foreign", "prime", "parliament", "cabinet", "authorities", "capital",
        "embassy", "ambassador", "border", "borders", "leader", "leaders", "officials", "economy", "central",
        "defence", "defense", "election", "elections", "opposition", "junta", "regime", "national", "state",
        "constitution", "currency", "refugees", "delegation",
    };

    private readonly PhraseIndex<CountryHit?> _countries;
    private readonly PhraseIndex<TopicHit> _topics;
    private readonly Dictionary<string, Country> _byCode;
    private readonly string[] _topicSlugs;
    private readonly TaggingOptions _options;

    public ArticleTagger(TaggingData data, TaggingOptions? options = null)
    {
        _options = options ?? new TaggingOptions();
        _byCode = data.Countries.ToDictionary(c => c.Code);
        var countryPhrases = data.Countries
            .SelectMany(c => c.Terms.Select(t => (t.Text, (CountryHit?)new CountryHit(c.Code, t.Weak, t.Kind))))
            .Concat(data.Blockers.Select(b => (b, (CountryHit?)null)));
        _countries = new PhraseIndex<CountryHit?>(countryPhrases, caseSensitive: true);
        _topicSlugs = data.Topics.Select(t => t.Slug).ToArray();
        var topicPhrases = data.Topics.SelectMany((t, i) => t.Keywords.Select(k => (k.Text, new TopicHit(i, k.Weight))));
        _topics = new PhraseIndex<TopicHit>(topicPhrases, caseSensitive: false);
    }

    public TagResult Tag(string? headline, string? summary, string? body)
    {
        var text = string.Concat(headline, "\n", summary, "\n", body);
        var headlineEnd = headline?.Length ?? 0;
        var tokens = new List<Token>(text.Length / 5);
        Tokenizer.Tokenize(text, tokens);
        return new TagResult(FindCountries(text, tokens), FindTopics(text, tokens, headlineEnd));
    }

    private IReadOnlyList<string> FindCountries(string text, List<Token> tokens)
    {
        var strong = new HashSet<string>();
        List<(CountryHit Hit, int At, int Length)>? weak = null;
        // Token positions where a strong country mention ends or starts: a weak name listed beside one
        // ("Israel, Jordan and Egypt") is a country too.
        HashSet<int>? strongEdges = null;
        for (var i = 0; i < tokens.Count;)
        {
            if (!_countries.TryMatch(text, tokens, i, out var phrase))
            {
                i++;
                continue;
            }
            if (phrase.Target is { } hit)
            {
                if (hit.Weak) (weak ??= []).Add((hit, i, phrase.Length));
                else
                {
                    strong.Add(hit.Code);
                    strongEdges ??= [];
                    strongEdges.Add(-(i + phrase.Length - 1) - 1); // ends here (negative to keep apart from starts)
                    strongEdges.Add(i);
                }
            }
            i += phrase.Length;
        }
        if (weak is not null)
        {
            foreach (var (hit, at, length) in weak)
            {
                if (strong.Contains(hit.Code)
                    || ((IsPlaceContext(hit, text, tokens, at, length) || IsListedWithCountries(text, tokens, at, length, strongEdges))
                        && !IsVetoed(hit.Code, text)))
                    strong.Add(hit.Code);
            }
        }
        var codes = strong.ToArray();
        Array.Sort(codes, StringComparer.Ordinal);
        return codes;
    }

    private static bool IsListedWithCountries(string text, List<Token> tokens, int at, int length, HashSet<int>? strongEdges)
    {
        if (strongEdges is null) return false;
        var before = at - 1;
        if (before >= 0 && IsListJoiner(tokens[before].In(text))) before--;
        var after = at + length;
        if (after < tokens.Count && IsListJoiner(tokens[after].In(text))) after++;
        return (before >= 0 && strongEdges.Contains(-before - 1)) || (after < tokens.Count && strongEdges.Contains(after));
    }

    private static bool IsListJoiner(ReadOnlySpan<char> word) => word is "and" or "or" or "und" or "y" or "et";

    private static bool IsPlaceContext(CountryHit hit, string text, List<Token> tokens, int at, int length)
    {
        if (hit.Kind == CountryTermKind.Demonym) return false;
        var before = at - 1;
        if (before >= 0)
        {
            var word = tokens[before].In(text).ToString();
            if (PlaceWords.Contains(word)) return true;
            // "into eastern Chad": a compass word between the place word and the name.
            if (before > 0 && CompassWords.Contains(word) && PlaceWords.Contains(tokens[before - 1].In(text).ToString())) return true;
        }
        var next = at + length;
        if (next < tokens.Count && tokens[next].Has(TokenShape.AfterApostrophe) && tokens[next].In(text) is "s" or "S") next++;
        return next < tokens.Count && StateWords.Contains(tokens[next].In(text).ToString());
    }

    private bool IsVetoed(string code, string text) =>
        _byCode[code].Veto.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<string> FindTopics(string text, List<Token> tokens, int headlineEnd)
    {
        Span<double> scores = stackalloc double[_topicSlugs.Length];
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            var word = token.In(text);
            // A plural falls back to its singular: "tariffs" finds "tariff".
            var singular = word.Length > 3 && word[^1] is 's' or 'S' ? word[..^1] : default;
            if (!_topics.TryMatch(text, tokens, i, out var phrase, singular))
            {
                i++;
                continue;
            }
            scores[phrase.Target.Topic] += phrase.Target.Weight * (token.Start < headlineEnd ? 2 : 1);
            i += phrase.Length;
        }
        var best = 0.0;
        foreach (var s in scores) best = Math.Max(best, s);
        var floor = Math.Max(_options.TopicMinScore, best * _options.TopicMinShareOfBest);
        var chosen = new List<(string Slug, double Score)>();
        for (var t = 0; t < scores.Length; t++)
        {
            if (scores[t] >= floor) chosen.Add((_topicSlugs[t], scores[t]));
        }
        return chosen.OrderByDescending(c => c.Score).Take(_options.MaxTopics)
            .Select(c => c.Slug).Order(StringComparer.Ordinal).ToArray();
    }

    private sealed record CountryHit(string Code, bool Weak, CountryTermKind Kind);

    private readonly record struct TopicHit(int Topic, double Weight);
}
