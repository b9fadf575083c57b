namespace Feed.Tagging;

/// <summary>
/// Where a wire story says it was filed: "CITY, Region/Country, Date (Agency) —" at the start of the lead.
/// <see cref="Countries"/> holds the possible countries, best first; <see cref="Certain"/> is false when the
/// city alone was given and several countries have it, for the tagger to settle from the rest of the text.
/// </summary>
public readonly record struct Dateline(int Start, int End, IReadOnlyList<string> Countries, bool Certain);

/// <summary>Parses the dateline of a lead explicitly: the strongest single sign of where a story happens.</summary>
public sealed class DatelineParser
{
    private static readonly string[] Dashes = ["—", "–", " - ", " -- "];
    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug",
        "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private readonly Func<string, string?> _countryByTerm;
    private readonly IReadOnlyDictionary<string, string> _regionAbbreviations;
    private readonly Gazetteer _gazetteer;
    private readonly int _maxLength;
    private readonly double _dominanceRatio;

    /// <param name="countryByTerm">A country by its name, alias or capital, any case ("SEOUL" → KR).</param>
    /// <param name="regionAbbreviations">Dateline region abbreviations without dots or spaces ("Calif" → US).</param>
    public DatelineParser(Func<string, string?> countryByTerm, IReadOnlyDictionary<string, string> regionAbbreviations,
        Gazetteer gazetteer, int maxLength, double dominanceRatio)
    {
        _dominanceRatio = dominanceRatio;
        _countryByTerm = countryByTerm;
        _regionAbbreviations = regionAbbreviations;
        _gazetteer = gazetteer;
        _maxLength = maxLength;
    }

    /// <summary>The dateline at the start of <paramref name="text"/>[<paramref name="start"/>..], or null.</summary>
    public Dateline? Parse(string text, int start)
    {
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var window = text.AsSpan(start, Math.Min(_maxLength, text.Length - start));
        var dash = -1;
        var dashLength = 0;
        foreach (var d in Dashes)
        {
            var i = window.IndexOf(d, StringComparison.Ordinal);
            if (i > 0 && (dash < 0 || i < dash)) (dash, dashLength) = (i, d.Length);
        }
        if (dash < 0 || window[..dash].IndexOfAny('\n', '"', '“') >= 0) return null;
        var head = window[..dash].ToString();
        var paren = head.IndexOf('(');
        if (paren >= 0) head = head[..paren]; // "(AP)", "(Reuters)"
        var parts = head.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !LooksLikePlace(parts[0])) return null;
        var city = parts[0];
        var region = parts.Skip(1).FirstOrDefault(p => !IsDate(p));
        if (!IsAllCaps(city) && region is null) return null; // "Officials said — " is prose, not a dateline

        var countries = Resolve(city, region, out var certain);
        if (countries.Count == 0) return null;
        return new Dateline(start, start + dash + dashLength, countries, certain);
    }

    private IReadOnlyList<string> Resolve(string city, string? region, out bool certain)
    {
        var cityCountries = Countries(city, out var cityIsCountryTerm);
        if (region is not null && LooksLikePlace(region))
        {
            var regionCountries = Countries(region, out var regionIsCountryTerm);
            if (_regionAbbreviations.TryGetValue(Compact(region), out var abbreviated))
                regionCountries = [abbreviated, .. regionCountries.Where(c => c != abbreviated)];
            if (regionCountries.Count > 0)
            {
                // "ATLANTA, Georgia" and "TBILISI, Georgia": the city says which Georgia.
                var both = regionCountries.Where(cityCountries.Contains).ToArray();
                if (both.Length > 0) return Certain(both[0], out certain);
                if (regionCountries.Count == 1 || regionIsCountryTerm) return Certain(regionCountries[0], out certain);
                var dominant = _gazetteer.Resolve(_gazetteer.Find(region), _dominanceRatio);
                if (dominant is not null) return Certain(dominant, out certain);
                certain = false;
                return regionCountries;
            }
        }
        var places = _gazetteer.Find(city);
        // A capital other countries also have ("GEORGE TOWN": Cayman Islands or Penang) is settled like any place.
        if (cityIsCountryTerm && !places.Any(p => p.Country != cityCountries[0])) return Certain(cityCountries[0], out certain);
        var resolved = _gazetteer.Resolve(places, _dominanceRatio);
        if (resolved is not null) return Certain(resolved, out certain);
        certain = false;
        return cityCountries;
    }

    // Countries a dateline word may stand for: a country term first (capital, name), then places, most populous first.
    private List<string> Countries(string name, out bool isCountryTerm)
    {
        var list = new List<string>();
        var code = _countryByTerm(name);
        isCountryTerm = code is not null;
        if (code is not null) list.Add(code);
        foreach (var place in _gazetteer.Find(name))
            if (!list.Contains(place.Country)) list.Add(place.Country);
        return list;
    }

    private static IReadOnlyList<string> Certain(string code, out bool certain)
    {
        certain = true;
        return [code];
    }

    private static string Compact(string region) => region.Replace(".", "").Replace(" ", "");

    private static bool IsDate(string part) =>
        part.Any(char.IsDigit) || DateWords.Contains(part.Split(' ', '.')[0]);

    // One to four words, each starting with a capital ("SAN JOSE", "Port-au-Prince", "St. John's", "Calif.").
    private static bool LooksLikePlace(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 4) return false;
        foreach (var w in words)
        {
            if (!char.IsUpper(w[0]) && w is not ("de" or "do" or "da" or "del" or "la" or "el" or "al" or "of")) return false;
            foreach (var c in w)
                if (!(char.IsLetter(c) || c is '.' or '-' or '\'' or '’')) return false;
        }
        return true;
    }

    private static bool IsAllCaps(string part) => part.Any(char.IsLetter) && !part.Any(char.IsLower);
}
