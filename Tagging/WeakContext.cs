namespace Feed.Tagging;

/// <summary>
/// The words around a weak country name (Georgia, Jordan, Chad: also people, a US state, other things) that
/// show the country is meant.
/// </summary>
public static class WeakContext
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

    public static bool IsPlaceContext(string text, List<Token> tokens, int at, int length, CountryTermKind kind)
    {
        if (kind == CountryTermKind.Demonym) return false;
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

    /// <summary>"Israel, Jordan and Egypt": a weak name right beside a strong country mention in a list.</summary>
    public static bool IsListedWithCountries(string text, List<Token> tokens, int at, int length, IEnumerable<(int At, int Length)> strong)
    {
        var before = at - 1;
        if (before >= 0 && IsListJoiner(tokens[before].In(text))) before--;
        var after = at + length;
        if (after < tokens.Count && IsListJoiner(tokens[after].In(text))) after++;
        foreach (var (s, l) in strong)
        {
            if (s + l - 1 == before || s == after) return true;
        }
        return false;
    }

    private static bool IsListJoiner(ReadOnlySpan<char> word) => word is "and" or "or" or "und" or "y" or "et";
}
