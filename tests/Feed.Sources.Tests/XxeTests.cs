namespace Feed.Sources.Tests;

public sealed class XxeTests : IDisposable
{
    private const string Secret = "the-secret-only-a-file-holds";
    private readonly string secretPath = Path.Combine(Path.GetTempPath(), $"feed-xxe-{Guid.NewGuid():N}.txt");

    public XxeTests() => File.WriteAllText(secretPath, Secret);

    public void Dispose() => File.Delete(secretPath);

    [Fact]
    public void An_external_entity_does_not_read_a_local_file()
    {
        var document = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{new Uri(secretPath).AbsoluteUri}">]>
            <rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
            """;
        // The entity is never declared for our reader, so the document fails; above all the secret never shows.
        var failure = TestDocuments.FailureOf(document);
        Assert.StartsWith("not a feed: truncated or malformed XML", failure);
        Assert.DoesNotContain(Secret, failure);
    }

    [Fact]
    public void Internal_entity_expansion_is_not_performed()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><title>&c;</title></channel></rss>
            """;
        Assert.StartsWith("not a feed: truncated or malformed XML", TestDocuments.FailureOf(laughs));
    }

    [Fact]
    public void A_doctype_without_entities_is_skipped_and_the_feed_read()
    {
        var feed = TestDocuments.ParseText("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><item><title>Still here</title><link>https://old.example/1</link></item></channel></rss>
            """);
        Assert.Equal("Still here", Assert.Single(feed.Entries).Title);
    }
}
