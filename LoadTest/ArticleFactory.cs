namespace Feed.LoadTest;

/// <summary>
/// Makes article n of a run: id <c>lt-{runId}-{n}</c> (so a delivery names its article), its planned
/// countries given explicitly with automatic tagging off (so its feeds are known), and a body of a fixed size.
/// </summary>
public sealed class ArticleFactory
{
    private const string Filler =
        "Officials from both delegations met on Tuesday to review the timetable for the next round of talks. "
        + "Trade figures released this week show steady growth in shipments of machinery, grain and textiles, "
        + "while analysts expect the new agreement to lower tariffs on a range of household goods next spring. ";

    private readonly string _prefix;
    private readonly byte[] _prefixUtf8;
    private readonly string _body;
    private readonly LoadPlan _plan;

    public ArticleFactory(string runId, LoadPlan plan, int bodyChars)
    {
        RunId = runId;
        _prefix = $"lt-{runId}-";
        _prefixUtf8 = System.Text.Encoding.UTF8.GetBytes(_prefix);
        _plan = plan;
        var body = new System.Text.StringBuilder(bodyChars + Filler.Length);
        while (body.Length < bodyChars) body.Append(Filler);
        _body = body.ToString(0, bodyChars);
    }

    public string RunId { get; }

    public string IdOf(int n) => _prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The article number in an id of this run, or -1 for anything else (another run, the demo publisher).</summary>
    public int NumberOf(string? id)
    {
        if (id is null || !id.StartsWith(_prefix, StringComparison.Ordinal)) return -1;
        return int.TryParse(id.AsSpan(_prefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>The same for an id read straight from a message as UTF-8 bytes, without making a string of it.</summary>
    public int NumberOf(ReadOnlySpan<byte> id)
    {
        if (id.Length <= _prefixUtf8.Length || !id.StartsWith(_prefixUtf8)) return -1;
        return System.Buffers.Text.Utf8Parser.TryParse(id[_prefixUtf8.Length..], out int n, out var used) && used == id.Length - _prefixUtf8.Length && n >= 0
            ? n : -1;
    }

    /// <summary>Warm-up articles: delivered like the others, but their ids are not this run's numbers, so they are not counted.</summary>
    public string WarmupIdOf(int n) => _prefix + "w" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string[] CountriesOf(int n) => _plan.ArticleCountries[n].Select(f => CountryFeeds.Codes[f]).ToArray();

    /// <summary>Article n, or warm-up article n (which borrows the countries of article n modulo the run's count).</summary>
    public ArticleSubmission Create(int n, bool warmup = false)
    {
        var countries = CountriesOf(warmup ? n % _plan.ArticleCountries.Length : n);
        return new ArticleSubmission
        {
            Id = warmup ? WarmupIdOf(n) : IdOf(n),
            Headline = $"Load test article {n} on {string.Join(" and ", countries)}",
            Summary = "A generated article of the Feed load tool; its countries are set by the tool, not by tagging.",
            Body = _body,
            Url = $"https://loadtest.invalid/{RunId}/{n}",
            Source = "Feed load tool",
            Countries = countries,
            AutoTag = false,
        };
    }
}
