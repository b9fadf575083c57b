namespace Feed.Tagging;

/// <summary>
/// Adds up how much a text is about each country: a mention counts more in the headline and the lead, less when it
/// is a passing reference, and the dateline counts most. A country is tagged when its weight reaches
/// <see cref="TaggingOptions.CountryMinScore"/> and a share of the best country's weight, and is more than a passing
/// reference at least once: "exports to India" and "buyers in India" together still leave the story about Malaysia.
/// </summary>
public sealed class MentionWeighting(TaggingOptions options)
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subjects = new(StringComparer.Ordinal);

    /// <summary>How much one mention at <paramref name="start"/> counts before its role is considered.</summary>
    public double PositionWeight(int start, int headlineEnd, int leadEnd) =>
        start < headlineEnd ? options.HeadlineMentionWeight : start < leadEnd ? options.LeadMentionWeight : 1.0;

    public void AddMention(string code, double positionWeight, MentionRole role, bool isPlace)
    {
        var weight = positionWeight * (role == MentionRole.Passing ? options.PassingMentionWeight : 1.0)
                                    * (isPlace ? options.PlaceMentionWeight : 1.0);
        if (role != MentionRole.Passing) _subjects.Add(code);
        Add(code, weight);
    }

    public void AddDateline(string code)
    {
        _subjects.Add(code);
        Add(code, options.DatelineWeight);
    }

    /// <summary>The weight gathered so far for a country (0 if none).</summary>
    public double Score(string code) => _scores.GetValueOrDefault(code);

    /// <summary>The countries that pass both thresholds, sorted by code.</summary>
    public string[] Chosen()
    {
        var best = 0.0;
        foreach (var s in _scores.Values) best = Math.Max(best, s);
        var floor = Math.Max(options.CountryMinScore, best * options.CountryMinShareOfBest);
        var codes = _scores.Where(s => s.Value >= floor - 1e-9 && _subjects.Contains(s.Key)).Select(s => s.Key).ToArray();
        Array.Sort(codes, StringComparer.Ordinal);
        return codes;
    }

    private void Add(string code, double weight) =>
        _scores[code] = _scores.GetValueOrDefault(code) + weight;
}
