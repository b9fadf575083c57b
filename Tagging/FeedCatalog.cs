namespace Feed.Tagging;

/// <summary>
/// Which feeds exist, what they are called, and which feeds words or tags lead to. Feed keys are checked for
/// shape by <see cref="FeedKey"/>; the catalog adds whether the country code or topic slug is real.
/// </summary>
public sealed class FeedCatalog
{
    private readonly Dictionary<string, Country> _countries;
    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, string> _countryByTerm = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _topicByTerm = new(StringComparer.OrdinalIgnoreCase);
    // Every (lower-case word sequence, target) a person might type, for suggestions.
    private readonly List<(string Words, FeedKey Feed)> _searchTerms = [];

    public FeedCatalog(TaggingData data)
    {
        _countries = data.Countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _topics = data.Topics.ToDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);
        Topics = data.Topics;
        foreach (var c in data.Countries)
        {
            _countryByTerm.TryAdd(c.Code, c.Code);
            foreach (var term in c.Terms)
            {
                // Weak terms name other things too, but a person choosing a country means the country.
                _countryByTerm.TryAdd(term.Text, c.Code);
                _searchTerms.Add((Normalize(term.Text), FeedKey.Country(c.Code)));
            }
        }
        // Places below the country ("Manitoba", "Texas", "Winnipeg") lead to their country's feed, after the
        // country terms so that "Georgia" stays the country; a name several countries share and none dominates is left out.
        var gazetteer = new Gazetteer(data.Places, new TaggingOptions().PlaceDominanceRatio);
        foreach (var (name, places) in gazetteer.Names)
        {
            if (_countryByTerm.ContainsKey(name) || places.All(p => p.Kind == PlaceKind.Word)) continue;
            if (gazetteer.Resolve(places) is { } code) _searchTerms.Add((Normalize(name), FeedKey.Country(code)));
        }
        foreach (var t in data.Topics)
        {
            _topicByTerm.TryAdd(t.Slug, t.Slug);
            _topicByTerm.TryAdd(t.Title, t.Slug);
            _topicByTerm.TryAdd(t.Code, t.Slug);
            _searchTerms.Add((Normalize(t.Slug.Replace('-', ' ')), FeedKey.Topic(t.Slug)));
            _searchTerms.Add((Normalize(t.Title), FeedKey.Topic(t.Slug)));
        }
    }

    public static FeedCatalog Default { get; } = new(TaggingData.Default);

    public IEnumerable<string> CountryCodes => _countries.Keys;
    public IEnumerable<string> TopicSlugs => _topics.Keys;

    /// <summary>Every topic of the taxonomy, in the order of its data file (IPTC's own order).</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>True when the key names a real country, topic or pair of countries; otherwise says why not.</summary>
    public bool IsKnown(FeedKey key, out string? error)
    {
        error = key.Kind switch
        {
            FeedKind.Topic when !_topics.ContainsKey(key.First) =>
                $"'{key.First}' is not a topic. Topics are: {string.Join(", ", _topics.Keys.Order())}.",
            FeedKind.Country or FeedKind.Relation when !_countries.ContainsKey(key.First) =>
                $"'{key.First}' is not an ISO 3166-1 alpha-2 country code.",
            FeedKind.Relation when !_countries.ContainsKey(key.Second!) =>
                $"'{key.Second}' is not an ISO 3166-1 alpha-2 country code.",
            _ => null,
        };
        return error is null;
    }

    /// <summary>Parses and checks a feed key in one step: the way every API entry point takes a key.</summary>
    public bool TryParseKey(string? text, out FeedKey key, out string? error) =>
        FeedKey.TryParse(text, out key, out error) && IsKnown(key, out error);

    public string Title(FeedKey key) => key.Kind switch
    {
        FeedKind.Country => _countries[key.First].Name,
        FeedKind.Topic => _topics[key.First].Title,
        FeedKind.Relation => $"{_countries[key.First].Name} – {_countries[key.Second!].Name} relations",
        FeedKind.All => "Latest from everywhere",
        _ => key.ToString(),
    };

    public string CountryName(string code) => _countries[code].Name;

    /// <summary>A country by code, name, alias, demonym or capital ("KR", "Republic of Korea", "Seoul").</summary>
    public bool TryResolveCountry(string text, out string code) =>
        _countryByTerm.TryGetValue(text.Trim(), out code!);

    /// <summary>A topic by slug, IPTC title or medtop code.</summary>
    public bool TryResolveTopic(string text, out string slug) =>
        _topicByTerm.TryGetValue(text.Trim(), out slug!);

    /// <summary>
    /// The feeds an article with these tags goes to: each country, each pair of countries, each topic, and
    /// <c>all</c>. Pairs are formed only while the article names at most <paramref name="maxRelationCountries"/>
    /// countries: a summit of thirty states is not news of 435 bilateral relations (and would cost 435 feed writes).
    /// <c>all</c> costs one more append per article; in return a first-time reader sees news at once, with the
    /// same seq, history and resume as any feed.
    /// </summary>
    public IReadOnlyList<string> FeedsFor(IReadOnlyList<string> countries, IReadOnlyList<string> topics, int maxRelationCountries = int.MaxValue)
    {
        var pairs = countries.Count <= maxRelationCountries ? countries.Count * (countries.Count - 1) / 2 : 0;
        var feeds = new List<string>(countries.Count + pairs + topics.Count + 1);
        foreach (var c in countries) feeds.Add(FeedKey.Country(c).ToString());
        if (pairs > 0)
        {
            for (var i = 0; i < countries.Count; i++)
            for (var j = i + 1; j < countries.Count; j++)
                feeds.Add(FeedKey.Relation(countries[i], countries[j]).ToString());
        }
        foreach (var t in topics) feeds.Add(FeedKey.Topic(t).ToString());
        feeds.Add(FeedKey.All.ToString());
        return feeds;
    }

    /// <summary>
    /// Feeds for words a person types: "azerbaijan korea" gives the relation first, then each country;
    /// the last word may be unfinished ("azerb"). A feed key typed as such is offered as it is.
    /// </summary>
    public IReadOnlyList<FeedSuggestion> Suggest(string? query, int max)
    {
        if (string.IsNullOrWhiteSpace(query) || max <= 0) return [];
        if (TryParseKey(query.Trim(), out var exact, out _)) return [Suggestion(exact)];

        var words = Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("and" or "relations" or "relation" or "between" or "the" or "of" or "ties")).ToArray();
        var countries = new List<(string Code, int Score)>();
        var topics = new List<(string Slug, int Score)>();
        // Match the typed words, left to right, against each name: a whole name scores above a prefix.
        // The country each word most plainly names ("korea" → South Korea, not a region of another country).
        var named = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var isLast = i == words.Length - 1;
            (string Code, int Score) best = ("", 0);
            foreach (var (term, feed) in _searchTerms)
            {
                var score = MatchScore(term, words, i, isLast);
                if (score == 0) continue;
                if (feed.Kind == FeedKind.Country)
                {
                    countries.Add((feed.First, score));
                    if (score > best.Score) best = (feed.First, score);
                }
                else topics.Add((feed.First, score));
            }
            if (best.Score >= 2 && !named.Contains(best.Code)) named.Add(best.Code);
        }
        var bestCountries = countries.GroupBy(c => c.Code).Select(g => (Code: g.Key, Score: g.Max(x => x.Score)))
            .OrderByDescending(c => c.Score).ThenBy(c => _countries[c.Code].Name).Select(c => c.Code).ToList();
        var bestTopics = topics.GroupBy(t => t.Slug).Select(g => (Slug: g.Key, Score: g.Max(x => x.Score)))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Slug).Select(t => t.Slug).ToList();

        var result = new List<FeedSuggestion>();
        // Relations only among the countries the person plainly named (at most three), not every partial hit.
        named = named.Take(3).ToList();
        if (named.Count > 1)
        {
            for (var a = 0; a < named.Count; a++)
            for (var b = a + 1; b < named.Count; b++)
                result.Add(Suggestion(FeedKey.Relation(named[a], named[b])));
        }
        result.AddRange(named.Concat(bestCountries).Select(c => Suggestion(FeedKey.Country(c))));
        result.AddRange(bestTopics.Select(t => Suggestion(FeedKey.Topic(t))));
        return result.DistinctBy(s => s.Feed).Take(max).ToArray();
    }

    private FeedSuggestion Suggestion(FeedKey key) =>
        new(key.ToString(), key.Kind.ToString().ToLowerInvariant(), Title(key));

    // 3: the term equals the typed word(s); 2: the term starts with the word; 1: a later word of the term does.
    private static int MatchScore(string term, string[] words, int at, bool isLast)
    {
        var word = words[at];
        if (term == word) return 3;
        // Multi-word terms typed in full: "south korea", "milli majlis".
        var joined = word;
        for (var k = at + 1; k < words.Length && joined.Length < term.Length; k++)
        {
            joined += " " + words[k];
            if (term == joined) return 3;
        }
        if (word.Length < 2) return 0;
        if (term.StartsWith(word + " ", StringComparison.Ordinal)) return 2;
        if (isLast && word.Length >= 3 && term.StartsWith(word, StringComparison.Ordinal)) return 2;
        if (word.Length >= 4 && term.Contains(" " + word, StringComparison.Ordinal)) return 1;
        return 0;
    }

    private static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', new string(chars.ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
