namespace Feed.Tagging;

/// <summary>
/// What a phrase of the country index stands for: a country term (<see cref="Code"/>), a place name that may
/// lie in several countries (<see cref="Places"/>), or a blocker (neither) that hides a false friend.
/// </summary>
public sealed record GeoTerm(string? Code, bool Weak, CountryTermKind Kind, Place[]? Places)
{
    public bool IsBlocker => Code is null && Places is null;

    /// <summary>
    /// Every phrase of the index. A country's own term wins over a place of the same name, except a capital that
    /// other countries also have ("Santiago", "San José"): that becomes a place, settled by the text.
    /// </summary>
    public static IEnumerable<(string Text, GeoTerm Term)> All(TaggingData data, Gazetteer gazetteer)
    {
        var byKey = new Dictionary<string, (string Text, GeoTerm Term)>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in data.Countries)
        foreach (var t in c.Terms)
            byKey.TryAdd(Key(t.Text), (t.Text, new GeoTerm(c.Code, t.Weak, t.Kind, null)));
        foreach (var b in data.Blockers) byKey.TryAdd(Key(b), (b, new GeoTerm(null, false, CountryTermKind.Name, null)));
        foreach (var (name, all) in gazetteer.Names)
        {
            // Places that are also common words count only in a dateline.
            var places = all.Where(p => p.Kind != PlaceKind.Word).ToArray();
            if (places.Length == 0) continue;
            var key = Key(name);
            if (!byKey.TryGetValue(key, out var existing))
            {
                byKey[key] = (name, new GeoTerm(null, false, CountryTermKind.Name, places));
                continue;
            }
            if (existing.Term is { Kind: CountryTermKind.Capital, Code: { } capitalOf }
                && places.Any(p => p.Country == capitalOf) && places.Any(p => p.Country != capitalOf))
                byKey[key] = (existing.Text, new GeoTerm(null, false, CountryTermKind.Capital, places));
        }
        return byKey.Values;
    }

    private static string Key(string text) =>
        string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.In(text).ToString()));
}
