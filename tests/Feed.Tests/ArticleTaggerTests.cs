using Feed.Tagging;

namespace Feed.Tests;

public sealed class ArticleTaggerTests
{
    private static readonly ArticleTagger Tagger = new(TaggingData.Default);

    private static IReadOnlyList<string> Countries(string text) => Tagger.Tag(null, null, text).Countries;

    [Fact]
    public void The_speakers_story_is_about_Azerbaijan_and_Korea_politics_economy_and_education()
    {
        var tags = Tagger.Tag(
            "Speakers of Azerbaijan's and South Korea's parliaments meet",
            null,
            "The Speaker of the South Korean National Assembly, Kim Jin-pyo, welcomed Sahiba Gafarova, who chairs "
            + "Azerbaijan's Milli Majlis. He said Azerbaijan works hard for peace in the region. The two discussed trade "
            + "turnover and economic cooperation, which both called central to their countries' relations. Gafarova said "
            + "some two hundred Azerbaijani students attend Korean universities under exchange and dual degree "
            + "programmes, and the speakers agreed to widen cooperation in education, science and culture.");

        Assert.Equal(["AZ", "KR"], tags.Countries);
        Assert.Superset(new HashSet<string> { "politics", "economy", "education" }, tags.Topics.ToHashSet());
    }

    [Theory]
    [InlineData("Officials from the Republic of Korea met their counterparts.", "KR")]
    [InlineData("The ROK navy held drills.", "KR")]
    [InlineData("Britain announced new visa rules.", "GB")]
    [InlineData("Holland beat the hosts on penalties.", "NL")]
    [InlineData("Türkiye hosted the talks.", "TR")]
    [InlineData("The Azerbaijani delegation arrived.", "AZ")]
    [InlineData("South Korean exporters welcomed the deal.", "KR")]
    [InlineData("Seoul said it would respond calmly.", "KR")]
    [InlineData("Moscow rejected the proposal.", "RU")]
    [InlineData("Dutch farmers protested again.", "NL")]
    [InlineData("Talks resumed in the U.S. capital.", "US")]
    public void Finds_countries_by_alias_demonym_and_capital(string text, string code)
    {
        Assert.Contains(code, Countries(text));
    }

    [Theory]
    [InlineData("Storms hit Atlanta, Georgia, where the governor declared an emergency.", "GE")]
    [InlineData("Families roasted a turkey for the holiday dinner.", "TR")]
    [InlineData("Michael Jordan scored forty points in the final.", "JO")]
    [InlineData("Chad Smith signed a new contract with the club.", "TD")]
    [InlineData("She set the table with her grandmother's fine china.", "CN")]
    [InlineData("Wildfires spread across New Mexico.", "MX")]
    [InlineData("The New Jersey senator spoke.", "JE")]
    [InlineData("Please let us know by Friday.", "US")]
    public void False_friends_do_not_tag(string text, string code)
    {
        Assert.DoesNotContain(code, Countries(text));
    }

    [Theory]
    [InlineData("Protesters gathered in Tbilisi as Georgia's parliament debated the bill.", "GE")]
    [InlineData("King Abdullah said Jordan would keep its border open; Amman hosts many refugees.", "JO")]
    [InlineData("Soldiers were deployed in Chad after the attack near N'Djamena.", "TD")]
    public void The_same_words_tag_when_the_country_is_meant(string text, string code)
    {
        Assert.Contains(code, Countries(text));
    }

    [Fact]
    public void Every_pair_of_countries_is_a_relation_and_multilateral_stories_keep_all_countries()
    {
        var countries = Countries("Leaders of France, Germany and Italy met in Brussels with Belgium's prime minister.");
        Assert.Equal(["BE", "DE", "FR", "IT"], countries);
    }

    [Fact]
    public void Stays_linear_on_long_texts()
    {
        var text = string.Concat(Enumerable.Repeat("Seoul and Baku signed a trade deal while markets in Tokyo rose. ", 2000));
        var tags = Tagger.Tag("Long", null, text);
        Assert.Equal(["AZ", "JP", "KR"], tags.Countries);
    }
}
