namespace Feed.Benchmarks;

/// <summary>
/// A realistic article of about 1,500 characters for the tagger benchmark, written for it: several countries
/// (by name, capital and demonym) and several topics (economy, energy, politics, sport, weather).
/// </summary>
public static class SampleArticle
{
    public const string Headline = "Kazakhstan and Germany sign energy deal as Astana hosts regional summit";

    public const string Summary =
        "Leaders from Central Asia and the European Union met in Astana to discuss gas pipelines, trade routes "
        + "and investment in renewable power.";

    public const string Body =
        "ASTANA — The presidents of Kazakhstan and Uzbekistan welcomed the German chancellor on Thursday for a two-day "
        + "summit on energy and trade, the first such meeting since the war in Ukraine disrupted supply routes across "
        + "the region. Officials said the agreement covers green hydrogen projects near the Caspian Sea, a new rail "
        + "corridor through Azerbaijan and Georgia, and loans from European banks worth several billion euros.\n\n"
        + "Kazakh ministers told reporters that exports of oil and uranium rose sharply last year, while inflation "
        + "slowed and the central bank cut interest rates twice. German companies, they said, would build wind farms "
        + "in the steppe and train engineers at a new technical university in Almaty. Opposition members of "
        + "parliament in Berlin asked the government to publish the full text.\n\n"
        + "Turkmenistan and Kyrgyzstan sent observers. Chinese and Russian diplomats followed the talks closely, as "
        + "both countries compete for influence in Central Asia. A spokesman for the Russian foreign ministry said "
        + "Moscow had no objection to the new corridor.\n\n"
        + "Away from the conference hall, heavy snow and freezing temperatures closed roads around the capital, and the "
        + "national football team's match against Norway was postponed. Forecasters expect the cold weather to last "
        + "until the weekend, when the delegations travel on to Tashkent for talks on water sharing and climate change.";
}
