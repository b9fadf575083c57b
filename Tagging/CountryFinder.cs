using System.Buffers;

namespace Feed.Tagging;

/// <summary>
/// Finds the countries a text is about in one pass over its tokens: country names, aliases, demonyms and capitals,
/// places below the country (resolved to their country), a parsed dateline, and blockers that hide false
/// friends. Each mention is judged by its neighbours (<see cref="MentionFilter"/>) and weighed by its position
/// (<see cref="MentionWeighting"/>).
/// </summary>
public sealed class CountryFinder
{
    private readonly PhraseIndex<GeoTerm> _index;
    // Each country's veto phrases, searched for all at once (any case, anywhere in the text).
    private readonly Dictionary<string, SearchValues<string>> _vetoes;
    private readonly Gazetteer _gazetteer;
    private readonly DatelineParser _datelines;
    private readonly MentionFilter _filter;
    private readonly TaggingOptions _options;

    public CountryFinder(TaggingData data, TaggingOptions options)
    {
        _options = options;
        _vetoes = data.Countries.Where(c => c.Veto.Count > 0)
            .ToDictionary(c => c.Code, c => SearchValues.Create(c.Veto.ToArray(), StringComparison.OrdinalIgnoreCase));
        _gazetteer = new Gazetteer(data.Places, options.PlaceDominanceRatio);
        _filter = new MentionFilter(data.Cues);
        var countryByTerm = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in data.Countries)
        foreach (var t in c.Terms.Where(t => t.Kind != CountryTermKind.Demonym))
            countryByTerm.TryAdd(t.Text, c.Code);
        _datelines = new DatelineParser(t => countryByTerm.GetValueOrDefault(t.Trim()), data.DatelineRegions, _gazetteer,
            options.DatelineMaxCharacters, options.DatelineDominanceRatio);
        _index = new PhraseIndex<GeoTerm>(GeoTerm.All(data, _gazetteer), caseSensitive: true);
    }

    public Gazetteer Gazetteer => _gazetteer;

    /// <param name="bodyStart">Where the text after the headline starts: the lead, where a dateline may be.</param>
    public IReadOnlyList<string> Find(string text, List<Token> tokens, int headlineEnd, int bodyStart, int secondStart)
    {
        var dateline = _datelines.Parse(text, bodyStart) ?? (secondStart > bodyStart ? _datelines.Parse(text, secondStart) : null);
        var leadEnd = (dateline?.End ?? bodyStart) + _options.LeadCharacters;
        var mentions = new List<Mention>();
        HashSet<string>? partOfNames = null;
        for (var i = 0; i < tokens.Count;)
        {
            if (dateline is { } d && tokens[i].Start >= d.Start && tokens[i].Start < d.End
                || !_index.TryMatch(text, tokens, i, out var phrase))
            {
                i++;
                continue;
            }
            var term = phrase.Target;
            if (!term.IsBlocker)
            {
                var nameLike = term.Places is not null || term.Kind != CountryTermKind.Demonym;
                var role = _filter.Judge(text, tokens, i, phrase.Length, nameLike, checkBefore: term.Places is not null || term.Weak);
                if (role == MentionRole.PartOfName) (partOfNames ??= new(StringComparer.OrdinalIgnoreCase)).Add(Span(text, tokens, i, phrase.Length));
                else if (role != MentionRole.Thing) mentions.Add(new Mention(i, phrase.Length, term, role));
            }
            i += phrase.Length;
        }
        if (partOfNames is not null) // once "Andrew Jackson", every later "Jackson" is the man
            mentions.RemoveAll(m => partOfNames.Contains(Span(text, tokens, m.At, m.Length)));

        // Countries the text names outright, and those its unambiguous places name: a shared place name is settled by
        // them, but never by its own most populous reading ("Victoria" in a story about the Seychelles is not Australia's).
        var named = new HashSet<string>(StringComparer.Ordinal);
        List<(Place[] Places, string Country)>? placeCountries = null;
        foreach (var m in mentions)
        {
            if (m.Term.Code is { } code && !m.Term.Weak) named.Add(code);
            else if (m.Term.Places is { } places && _gazetteer.Resolve(places) is { } where) (placeCountries ??= []).Add((places, where));
        }
        if (dateline is { Certain: true } sure) named.Add(sure.Countries[0]);
        var namedOutright = placeCountries is null ? named : new HashSet<string>(named, StringComparer.Ordinal);
        if (placeCountries is not null) foreach (var (_, where) in placeCountries) named.Add(where);
        Func<string, bool> NamedBesides(Place[] places) => placeCountries is null ? named.Contains
            : c => namedOutright.Contains(c) || placeCountries.Exists(p => p.Country == c && !ReferenceEquals(p.Places, places));

        var weighting = new MentionWeighting(_options);
        if (dateline is { } line)
        {
            var code = line.Certain ? line.Countries[0] : line.Countries.FirstOrDefault(named.Contains);
            if (code is not null) weighting.AddDateline(code);
        }
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            // "than Chile or Argentina": a comparison covers the whole list.
            if (m.Role == MentionRole.Subject && k > 0 && mentions[k - 1].Role == MentionRole.Passing
                && mentions[k - 1].At + mentions[k - 1].Length + 1 == m.At && tokens[m.At - 1].In(text) is "or" or "and" or "nor")
                mentions[k] = m = m with { Role = MentionRole.Passing };
            var code = m.Term.Places is { } places ? ResolvePlace(text, tokens, mentions, k, places, NamedBesides) : m.Term.Code;
            if (code is null) continue;
            if (m.Term.Weak && !named.Contains(code) && !WeakCountryIsMeant(text, tokens, m, mentions)) continue;
            weighting.AddMention(code, weighting.PositionWeight(tokens[m.At].Start, headlineEnd, leadEnd), m.Role, m.Term.Places is not null);
        }
        return weighting.Chosen();
    }

    // "Victoria, British Columbia", "Paris, Texas": a place followed by a comma and a region or country lies there.
    private string? ResolvePlace(string text, List<Token> tokens, List<Mention> mentions, int k, Place[] places,
        Func<Place[], Func<string, bool>> namedBesides)
    {
        var m = mentions[k];
        // "Iraq's Kurdistan", "Pakistan's Punjab": the possessive country says where the place is.
        if (k > 0 && mentions[k - 1] is { Term.Code: { } owner } before && before.At + before.Length + 1 == m.At
            && tokens[m.At - 1].Has(TokenShape.AfterApostrophe) && tokens[m.At - 1].In(text) is "s")
            return places.Any(p => p.Country == owner) ? owner : null;
        if (k + 1 < mentions.Count && mentions[k + 1] is { } next && next.At == m.At + m.Length
            && text.AsSpan(tokens[next.At - 1].Start + tokens[next.At - 1].Length, tokens[next.At].Start - tokens[next.At - 1].Start - tokens[next.At - 1].Length).Trim() is ",")
        {
            var where = next.Term.Places is { } regionPlaces ? _gazetteer.Resolve(regionPlaces, namedBesides(regionPlaces)) : next.Term.Code;
            if (where is not null) return where;
        }
        return _gazetteer.Resolve(places, namedBesides(places));
    }

    // A weak name (Georgia, Jordan, Chad) counts with a place context ("in Chad", "Jordan's king"), beside other
    // countries in a list ("Israel, Jordan and Egypt"), and never when a veto phrase of that country appears.
    private bool WeakCountryIsMeant(string text, List<Token> tokens, Mention m, List<Mention> mentions)
    {
        // The context is cheap to check; the veto phrases scan the whole text, so they come last.
        var supported = WeakContext.IsPlaceContext(text, tokens, m.At, m.Length, m.Term.Kind)
                        || WeakContext.IsListedWithCountries(text, tokens, m.At, m.Length,
                            mentions.Where(o => o.Term.Code is not null && !o.Term.Weak).Select(o => (o.At, o.Length)));
        return supported && !(_vetoes.TryGetValue(m.Term.Code!, out var veto) && text.AsSpan().ContainsAny(veto));
    }

    private static string Span(string text, List<Token> tokens, int at, int length) =>
        text[tokens[at].Start..(tokens[at + length - 1].Start + tokens[at + length - 1].Length)];

    private readonly record struct Mention(int At, int Length, GeoTerm Term, MentionRole Role);
}
