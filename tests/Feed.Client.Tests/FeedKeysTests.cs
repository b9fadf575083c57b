namespace Feed.Client.Tests;

public sealed class FeedKeysTests
{
    [Theory]
    [InlineData("country:az", "country:AZ")]
    [InlineData(" Country : kr ", "country:KR")]
    [InlineData("topic:Economy", "topic:economy")]
    [InlineData("relation:KR-AZ", "relation:AZ-KR")]
    [InlineData("Relation:az-kr", "relation:AZ-KR")]
    public void Keys_are_canonical(string given, string canonical) => Assert.Equal(canonical, FeedKeys.Canonical(given));

    [Theory]
    [InlineData("")]
    [InlineData("country")]
    [InlineData("country:AZE")]
    [InlineData("relation:AZ-AZ")]
    [InlineData("relation:AZ")]
    [InlineData("planet:mars")]
    [InlineData("topic:9lives")]
    public void Malformed_keys_are_refused_with_a_message(string given)
    {
        Assert.False(FeedKeys.TryCanonical(given, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
