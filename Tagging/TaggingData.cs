using System.Globalization;
using System.Reflection;

namespace Feed.Tagging;

/// <summary>
/// The country, place, topic, blocker and cue tables, read from the data files embedded in this assembly
/// (see the header of each file for its source).
/// </summary>
public sealed class TaggingData
{
    private static readonly Lazy<TaggingData> Embedded = new(LoadEmbedded);

    public TaggingData(IReadOnlyList<Country> countries, IReadOnlyList<Topic> topics, IReadOnlyList<string> blockers,
        IReadOnlyList<Place>? places = null, MentionCues? cues = null, IReadOnlyDictionary<string, string>? datelineRegions = null, TopicWeights? topicWeights = null)
    {
        Countries = countries;
        Topics = topics;
        Blockers = blockers;
        Places = places ?? [];
        Cues = cues ?? MentionCues.Parse([]);
        DatelineRegions = datelineRegions ?? new Dictionary<string, string>();
        TopicWeights = topicWeights;
    }

    /// <summary>The data shipped with Feed; loaded once per process.</summary>
    public static TaggingData Default => Embedded.Value;

    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>Phrases that contain a country's name but are not about it ("New Mexico", "guinea pig").</summary>
    public IReadOnlyList<string> Blockers { get; }

    /// <summary>First-order divisions and cities with their countries (places.tsv, from GeoNames).</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Words around a name that make it a thing, a person's name or a passing reference.</summary>
    public MentionCues Cues { get; }

    /// <summary>Region abbreviations of datelines without dots ("Calif" → US), any case.</summary>
    public IReadOnlyDictionary<string, string> DatelineRegions { get; }

    /// <summary>The learned topic model's weights (topic-weights.tsv, trained by Tagging.Training); null: keywords only.</summary>
    public TopicWeights? TopicWeights { get; }

    /// <summary>The same data with other topic weights (null: the keyword model alone).</summary>
    public TaggingData WithTopicWeights(TopicWeights? weights) => new(Countries, Topics, Blockers, Places, Cues, DatelineRegions, weights);

    private static TaggingData LoadEmbedded() => new(
        ParseCountries(ReadResource("countries.tsv")),
        ParseTopics(ReadResource("topics.tsv")),
        ParseBlockers(ReadResource("not-countries.tsv")),
        ParsePlaces(ReadResource("places.tsv")),
        MentionCues.Parse(Rows(ReadResource("mention-cues.tsv"), "role").Select(r => (r.Cells[0].Trim(), r.Cells[1].Trim()))),
        Rows(ReadResource("dateline-regions.tsv"), "abbreviation")
            .ToDictionary(r => r.Cells[0].Trim(), r => r.Cells[1].Trim(), StringComparer.OrdinalIgnoreCase),
        ReadOptionalResource("topic-weights.tsv") is { } weights ? TopicWeights.Parse(weights) : null);

    /// <summary>Columns: name, country, kind (capital|region|city|word), population.</summary>
    public static IReadOnlyList<Place> ParsePlaces(string tsv)
    {
        var places = new List<Place>(8192);
        foreach (var (cells, line) in Rows(tsv, "name"))
        {
            if (cells.Length != 4 || !Enum.TryParse<PlaceKind>(cells[2], ignoreCase: true, out var kind)
                || !long.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var population))
                throw new FormatException($"places.tsv line {line}: expected name, country, kind, population.");
            places.Add(new Place(cells[0], cells[1], kind, population));
        }
        return places;
    }

    private static string ReadResource(string file) =>
        ReadOptionalResource(file) ?? throw new InvalidOperationException($"Embedded data file Feed.Tagging.Data.{file} is missing.");

    private static string? ReadOptionalResource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Feed.Tagging.Data." + file);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Columns: code, name, aliases, demonyms, capitals, veto; lists are '|'-separated; '~' marks a weak term.</summary>
    public static IReadOnlyList<Country> ParseCountries(string tsv)
    {
        var countries = new List<Country>();
        foreach (var (cells, line) in Rows(tsv, "code"))
        {
            if (cells.Length != 6) throw new FormatException($"countries.tsv line {line}: expected 6 columns, found {cells.Length}.");
            var code = cells[0].Trim().ToUpperInvariant();
            var name = cells[1].Trim();
            var aliases = List(cells[2]).Select(t => Term(t, CountryTermKind.Alias)).ToList();
            var terms = new List<CountryTerm>();
            // A name repeated as a weak alias ("~Jordan") is weak: the name column stays clean for titles.
            if (!aliases.Any(a => a.Weak && a.Text.Equals(name, StringComparison.OrdinalIgnoreCase)))
                terms.Add(Term(name, CountryTermKind.Name));
            terms.AddRange(aliases);
            terms.AddRange(List(cells[3]).Select(t => Term(t, CountryTermKind.Demonym)));
            terms.AddRange(List(cells[4]).Select(t => Term(t, CountryTermKind.Capital)));
            countries.Add(new Country(code, name.TrimStart('~'), terms, List(cells[5]).ToArray()));
        }
        return countries;
    }

    /// <summary>Columns: slug, code, title, keywords; a keyword may end in ':weight'.</summary>
    public static IReadOnlyList<Topic> ParseTopics(string tsv)
    {
        var topics = new List<Topic>();
        foreach (var (cells, line) in Rows(tsv, "slug"))
        {
            if (cells.Length != 4) throw new FormatException($"topics.tsv line {line}: expected 4 columns, found {cells.Length}.");
            var keywords = List(cells[3]).Select(ParseKeyword).ToArray();
            topics.Add(new Topic(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), keywords));
        }
        return topics;
    }

    public static IReadOnlyList<string> ParseBlockers(string tsv) =>
        Rows(tsv, header: null).Select(r => r.Cells[0].Trim()).Where(p => p.Length > 0).ToArray();

    private static CountryTerm Term(string text, CountryTermKind kind) =>
        text.StartsWith('~') ? new(text[1..].Trim(), kind, Weak: true) : new(text, kind, Weak: false);

    private static TopicKeyword ParseKeyword(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon > 0 && double.TryParse(text[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            return new(text[..colon].Trim(), weight);
        return new(text, 1);
    }

    private static IEnumerable<string> List(string cell) =>
        cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The TAB-separated cells of each line that is neither empty nor a '#' comment (nor the header), with its line number.</summary>
    internal static IEnumerable<(string[] Cells, int Line)> Rows(string tsv, string? header)
    {
        var number = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (header is not null && cells[0].Trim().Equals(header, StringComparison.OrdinalIgnoreCase)) continue;
            yield return (cells, number);
        }
    }
}
