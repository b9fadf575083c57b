namespace Feed.Tests;

public sealed class FeedKeyTests
{
    [Theory]
    [InlineData("country:AZ", "country:AZ")]
    [InlineData("Country:az", "country:AZ")]
    [InlineData("topic:economy", "topic:economy")]
    [InlineData("TOPIC:Human-Interest", "topic:human-interest")]
    [InlineData("relation:AZ-KR", "relation:AZ-KR")]
    [InlineData("relation:KR-AZ", "relation:AZ-KR")]
    [InlineData("Relation:az-kr", "relation:AZ-KR")]
    [InlineData(" relation: kr-az ", "relation:AZ-KR")]
    [InlineData("all", "all")]
    [InlineData(" ALL ", "all")]
    public void Parses_any_case_and_order_into_the_canonical_form(string text, string canonical)
    {
        Assert.Equal(canonical, FeedKey.Parse(text).ToString());
        Assert.Equal(FeedKey.Parse(canonical), FeedKey.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AZ")]
    [InlineData("country:")]
    [InlineData("country:AZE")]
    [InlineData("country:A1")]
    [InlineData("relation:AZ")]
    [InlineData("relation:AZ-AZ")]
    [InlineData("relation:AZ_KR")]
    [InlineData("relation:AZ-KR-TR")]
    [InlineData("topic:")]
    [InlineData("topic:eco nomy")]
    [InlineData("planet:mars")]
    [InlineData("all:")]
    [InlineData("allx")]
    public void Rejects_anything_else_with_a_message(string? text)
    {
        Assert.False(FeedKey.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => FeedKey.Parse(text!));
    }

    [Fact]
    public void Builds_relations_in_sorted_order_and_refuses_a_country_paired_with_itself()
    {
        Assert.Equal("relation:AZ-KR", FeedKey.Relation("kr", "az").ToString());
        Assert.Equal(FeedKind.Relation, FeedKey.Relation("KR", "AZ").Kind);
        Assert.Throws<ArgumentException>(() => FeedKey.Relation("AZ", "az"));
    }
}
