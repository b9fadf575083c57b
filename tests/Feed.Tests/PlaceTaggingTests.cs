using Feed.Tagging;

namespace Feed.Tests;

/// <summary>Places below the country, datelines, false friends and passing mentions (issue 12).</summary>
public sealed class PlaceTaggingTests
{
    private static readonly ArticleTagger Tagger = new(TaggingData.Default);
    private static readonly Gazetteer Places = new(TaggingData.Default.Places, dominanceRatio: 10);

    private static IReadOnlyList<string> Countries(string body, string? headline = null) => Tagger.Tag(headline, null, body).Countries;

    [Theory]
    [InlineData("SACRAMENTO, Calif. (AP) — The budget passed late on Friday.", "US")]
    [InlineData("WINNIPEG, Manitoba — Nurses walked out on Monday.", "CA")]
    [InlineData("PARIS, Texas — A tornado damaged homes.", "US")]
    [InlineData("ALEXANDRIA, Egypt — The library marked its anniversary.", "EG")]
    [InlineData("ALEXANDRIA, Va. — The council approved a sea wall.", "US")]
    [InlineData("Nairobi, Kenya, March 3 (Reuters) - Traders counted their losses.", "KE")]
    [InlineData("ATLANTA, Georgia — The governor signed the bill.", "US")]
    [InlineData("TBILISI, Georgia — Protesters marched.", "GE")]
    public void A_dateline_says_where_the_story_is(string body, string code)
    {
        Assert.Equal([code], Countries(body));
    }

    [Fact]
    public void The_dateline_parser_reads_city_region_date_and_agency()
    {
        var parser = new DatelineParser(_ => null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Calif"] = "US" },
            Places, maxLength: 80, dominanceRatio: 3);
        var text = "SACRAMENTO, Calif., May 4 (AP) — Lawmakers met.";
        var line = parser.Parse(text, 0);
        Assert.NotNull(line);
        Assert.Equal(["US"], line.Value.Countries);
        Assert.True(line.Value.Certain);
        Assert.Equal(" Lawmakers met.", text[line.Value.End..]);
        Assert.Null(parser.Parse("Officials said on Monday — after a long wait — that talks had failed.", 0));
    }

    [Theory]
    [InlineData("The Texas legislature voted on school funding.", "US")]
    [InlineData("Tens of thousands rallied in Manitoba and Saskatchewan.", "CA")]
    [InlineData("Floods hit Kerala and Tamil Nadu.", "IN")]
    [InlineData("A quake shook Sichuan province.", "CN")]
    [InlineData("Farmers in Punjab and Haryana marched on New Delhi.", "IN")]
    [InlineData("Smog closed schools in Lahore, in Pakistan's Punjab.", "PK")]
    public void Places_below_the_country_tag_their_country(string body, string code)
    {
        Assert.Equal([code], Countries(body));
    }

    [Fact]
    public void A_shared_place_name_is_left_out_unless_the_text_or_population_settles_it()
    {
        Assert.Null(Places.Resolve(Places.Find("Córdoba")));
        Assert.Equal("AR", Places.Resolve(Places.Find("Córdoba"), c => c == "AR"));
        Assert.Equal("AU", Places.Resolve(Places.Find("Victoria")));
        Assert.Empty(Countries("Students marched in Córdoba on Tuesday."));
    }

    [Theory]
    [InlineData("Seychelles votes", "The count in Victoria went smoothly.", "SC")]
    [InlineData("Museum returns pole", "VICTORIA, British Columbia — A museum in Victoria returned a carved pole.", "CA")]
    public void A_country_the_text_names_settles_a_shared_place_before_its_most_populous_reading(string headline, string body, string code)
    {
        Assert.Equal([code], Tagger.Tag(headline, null, body).Countries);
    }

    [Theory]
    [InlineData("She wore a Panama hat on the Congo River.", "PA")]
    [InlineData("A German shepherd was rescued from the lake.", "DE")]
    [InlineData("Community organiser India Walton will run for council.", "IN")]
    [InlineData("Actor Austin Butler will star in a Western.", "US")]
    [InlineData("Andrew Jackson was the seventh president. Jackson said no.", "US")]
    [InlineData("The Liberian-flagged tanker was seized.", "LR")]
    public void Things_and_people_named_after_a_country_or_place_do_not_tag(string body, string code)
    {
        Assert.DoesNotContain(code, Countries(body));
    }

    [Fact]
    public void Passing_references_count_less_than_the_countries_a_story_is_about()
    {
        var countries = Countries("LA PAZ — Bolivia has produced far less lithium than Chile or Argentina, a report said.");
        Assert.Equal(["BO"], countries);
        Assert.Equal(["DZ"], Countries("ALGIERS — Veterans recalled the war against the former colonial power, France."));
    }

    [Fact]
    public void The_mention_filter_names_the_role_of_a_mention()
    {
        var filter = new MentionFilter(TaggingData.Default.Cues);
        MentionRole Judge(string text, int at, bool checkBefore = false) =>
            filter.Judge(text, Tokenizer.Tokenize(text), at, 1, nameLike: true, checkBefore);
        Assert.Equal(MentionRole.Thing, Judge("a Panama hat", 1));
        Assert.Equal(MentionRole.PartOfName, Judge("India Walton won", 0));
        Assert.Equal(MentionRole.Subject, Judge("Texas Governor Abbott", 0));
        Assert.Equal(MentionRole.PartOfName, Judge("Andrew Jackson said", 1, checkBefore: true));
        Assert.Equal(MentionRole.Passing, Judge("more than France did", 2));
        Assert.Equal(MentionRole.Subject, Judge("talks in France began", 2));
    }

    [Theory]
    [InlineData("MANDALAY — Police seized pills in a lorry near the Thai border.", "TH")]
    [InlineData("HANOI — Most of the raw nuts are shipped to processors in India.", "IN")]
    [InlineData("QUITO — Thousands of migrants from Venezuela slept in parks.", "VE")]
    [InlineData("TEHRAN — The rial fell to a record low against the US dollar.", "US")]
    [InlineData("LUANDA — The bank warned of a bout of Dutch disease.", "NL")]
    [InlineData("TALLINN — Schools that teach mainly in Russian or Estonian will switch.", "RU")]
    [InlineData("RABAT — Morocco's economy grew faster than forecast, beating Tunisia's.", "TN")]
    [InlineData("NAZARE, Portugal — A German surfer rode a wave of 26 metres.", "DE")]
    public void Where_goods_go_people_come_from_languages_and_things_named_after_a_country_do_not_tag(string body, string code)
    {
        Assert.DoesNotContain(code, Countries(body));
    }

    [Fact]
    public void A_language_reading_needs_the_demonym_to_end_its_phrase()
    {
        Assert.Contains("RU", Countries("The deal leaves the plant in Russian hands, officials said."));
    }

    [Fact]
    public void A_country_far_below_the_best_one_is_left_out()
    {
        var weighting = new MentionWeighting(new TaggingOptions { CountryMinShareOfBest = 0.15 });
        weighting.AddDateline("VN");
        weighting.AddMention("VN", 2.0, MentionRole.Subject, isPlace: false);
        weighting.AddMention("VN", 1.5, MentionRole.Subject, isPlace: false);
        weighting.AddMention("VN", 1.0, MentionRole.Subject, isPlace: false);
        weighting.AddMention("BR", 1.0, MentionRole.Subject, isPlace: false);
        Assert.Equal(["VN"], weighting.Chosen());
    }

    [Fact]
    public void Weighting_counts_headline_and_dateline_more_and_passing_mentions_less()
    {
        var weighting = new MentionWeighting(new TaggingOptions());
        Assert.Equal(2.0, weighting.PositionWeight(start: 5, headlineEnd: 40, leadEnd: 300));
        Assert.Equal(1.5, weighting.PositionWeight(start: 100, headlineEnd: 40, leadEnd: 300));
        Assert.Equal(1.0, weighting.PositionWeight(start: 400, headlineEnd: 40, leadEnd: 300));
        weighting.AddDateline("KE");
        weighting.AddMention("FR", 1.0, MentionRole.Passing, isPlace: false);
        weighting.AddMention("US", 1.0, MentionRole.Subject, isPlace: true);
        Assert.Equal(["KE", "US"], weighting.Chosen());
    }

    [Fact]
    public void The_place_data_parses_into_thousands_of_places()
    {
        var places = TaggingData.ParsePlaces(File.ReadAllText(Path.Combine(SourceRoot(), "Tagging", "Data", "places.tsv")));
        Assert.True(places.Count > 5000, $"only {places.Count} places");
    }

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "Tagging", "Data"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root");
    }
}
