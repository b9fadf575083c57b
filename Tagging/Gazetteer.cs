namespace Feed.Tagging;

/// <summary>
/// Places below the country by name, and the one rule that picks a country when a name is shared
/// ("Victoria", "Córdoba", "Hyderabad"): a country the text already names wins; otherwise the most populous
/// place wins only if it dwarfs the rest; otherwise the name is left out.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place[]> _byName;
    private readonly double _dominanceRatio;

    public Gazetteer(IEnumerable<Place> places, double dominanceRatio)
    {
        _dominanceRatio = dominanceRatio;
        _byName = places.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Population).ThenBy(p => p.Country, StringComparer.Ordinal).ToArray(),
                StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every name with its places, most populous first.</summary>
    public IEnumerable<KeyValuePair<string, Place[]>> Names => _byName;

    /// <summary>The places of a name, any case ("SACRAMENTO" in a dateline), most populous first; empty if none.</summary>
    public IReadOnlyList<Place> Find(string name) => _byName.TryGetValue(name.Trim(), out var places) ? places : [];

    /// <summary>
    /// The country of a place among <paramref name="places"/> (most populous first): one the text names
    /// (<paramref name="named"/>), else the only one, else a dominant one; null when still ambiguous.
    /// </summary>
    public string? Resolve(IReadOnlyList<Place> places, Func<string, bool>? named = null) => Resolve(places, _dominanceRatio, named);

    /// <summary>As <see cref="Resolve(IReadOnlyList{Place}, Func{string, bool}?)"/> with another dominance ratio (datelines name well-known cities).</summary>
    public string? Resolve(IReadOnlyList<Place> places, double dominanceRatio, Func<string, bool>? named = null)
    {
        if (places.Count == 0) return null;
        if (named is not null)
        {
            foreach (var p in places)
                if (named(p.Country)) return p.Country;
        }
        var first = places[0];
        var rival = places.FirstOrDefault(p => p.Country != first.Country);
        if (rival is null) return first.Country;
        return first.Population >= dominanceRatio * Math.Max(1, rival.Population) ? first.Country : null;
    }

    /// <summary>True when the name is the same country wherever it is used, or one use dwarfs the others.</summary>
    public bool IsUnambiguous(IReadOnlyList<Place> places) => Resolve(places) is not null;
}
