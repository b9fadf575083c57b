using Feed.Tagging;

namespace Feed.Tests;

public sealed class FeedCatalogTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.Default;

    [Fact]
    public void Knows_every_ISO_code_and_the_seventeen_topics()
    {
        Assert.Equal(249, Catalog.CountryCodes.Count());
        Assert.Equal(
            ["conflict", "crime", "culture", "disaster", "economy", "education", "environment", "health", "human-interest",
             "labour", "lifestyle", "politics", "religion", "science", "society", "sport", "weather"],
            Catalog.TopicSlugs.Order());
    }

    [Theory]
    [InlineData("country:ZZ")]
    [InlineData("relation:AZ-ZZ")]
    [InlineData("topic:gossip")]
    public void Well_formed_keys_of_things_that_do_not_exist_are_refused(string key)
    {
        Assert.False(Catalog.TryParseKey(key, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Titles_read_like_a_person_would_say_them()
    {
        Assert.Equal("Azerbaijan – South Korea relations", Catalog.Title(FeedKey.Parse("relation:KR-AZ")));
        Assert.Equal("Economy, business and finance", Catalog.Title(FeedKey.Parse("topic:economy")));
        Assert.Equal("South Korea", Catalog.Title(FeedKey.Parse("country:KR")));
    }

    [Theory]
    [InlineData("azerbaijan korea", "relation:AZ-KR")]
    [InlineData("Azerbaijan and South Korea", "relation:AZ-KR")]
    [InlineData("Korea", "country:KR")]
    [InlineData("Seoul", "country:KR")]
    [InlineData("economy", "topic:economy")]
    [InlineData("azerb", "country:AZ")]
    [InlineData("relation:kr-az", "relation:AZ-KR")]
    public void Suggests_the_feed_a_person_means_first(string query, string expected)
    {
        var suggestions = Catalog.Suggest(query, 10);
        Assert.Equal(expected, suggestions[0].Feed);
    }

    [Theory]
    [InlineData("Manitoba", "country:CA")]
    [InlineData("Texas", "country:US")]
    [InlineData("Winnipeg", "country:CA")]
    [InlineData("Sacramento", "country:US")]
    [InlineData("Bavaria", "country:DE")]
    [InlineData("Kerala", "country:IN")]
    [InlineData("Georgia", "country:GE")]
    public void A_city_or_region_suggests_its_country_first(string query, string expected)
    {
        Assert.Equal(expected, Catalog.Suggest(query, 10)[0].Feed);
    }

    [Fact]
    public void Two_countries_suggest_their_relation_then_each_country()
    {
        var feeds = Catalog.Suggest("azerbaijan korea", 10).Select(s => s.Feed).ToArray();
        Assert.Equal("relation:AZ-KR", feeds[0]);
        Assert.Equal(["country:AZ", "country:KR"], feeds[1..3].Order());
    }

    [Fact]
    public void Feeds_of_an_article_are_its_countries_their_pairs_its_topics_and_all()
    {
        Assert.Equal(
            ["country:AZ", "country:KR", "country:TR", "relation:AZ-KR", "relation:AZ-TR", "relation:KR-TR", "topic:politics", "all"],
            Catalog.FeedsFor(["AZ", "KR", "TR"], ["politics"]));
    }

    [Fact]
    public void Articles_about_many_countries_form_no_relation_feeds()
    {
        string[] many = ["AZ", "DE", "FR", "IT", "KR", "TR"];
        Assert.Equal(6 + 15 + 1, Catalog.FeedsFor(many, [], maxRelationCountries: 6).Count);
        Assert.Equal(6 + 1, Catalog.FeedsFor(many, [], maxRelationCountries: 5).Count);
    }

    [Theory]
    [InlineData("KR", "KR")]
    [InlineData("kr", "KR")]
    [InlineData("Republic of Korea", "KR")]
    [InlineData("Azerbaijan", "AZ")]
    [InlineData("Türkiye", "TR")]
    public void Resolves_publisher_given_country_names_and_codes(string given, string code)
    {
        Assert.True(Catalog.TryResolveCountry(given, out var resolved));
        Assert.Equal(code, resolved);
    }

    [Theory]
    [InlineData("economy", "economy")]
    [InlineData("Economy, business and finance", "economy")]
    [InlineData("medtop:11000000", "politics")]
    public void Resolves_publisher_given_topics_by_slug_title_or_code(string given, string slug)
    {
        Assert.True(Catalog.TryResolveTopic(given, out var resolved));
        Assert.Equal(slug, resolved);
    }
}
