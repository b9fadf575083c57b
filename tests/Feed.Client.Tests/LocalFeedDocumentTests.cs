using System.Net;
using System.Xml.Linq;

namespace Feed.Client.Tests;

/// <summary>The local feed document the source tests follow serves what they expect (checked here, as those tests need a server with sources).</summary>
public sealed class LocalFeedDocumentTests
{
    [Fact]
    public async Task It_serves_well_formed_rss_at_its_url_and_404_elsewhere()
    {
        await using var document = new LocalFeedDocument(LocalFeedDocument.Rss("Local & Wire", "One <b>", "Two"));
        using var http = new HttpClient();

        using var response = await http.GetAsync(document.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var channel = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("channel")!;
        Assert.Equal("Local & Wire", channel.Element("title")!.Value);
        Assert.Equal(["One <b>", "Two"], channel.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.All(channel.Elements("item"), i => Assert.True(DateTimeOffset.TryParse(i.Element("pubDate")!.Value, out _)));

        using var elsewhere = await http.GetAsync(new Uri(document.Url, "/other.rss"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(1, document.Fetches);
    }
}
