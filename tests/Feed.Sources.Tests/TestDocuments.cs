using System.Text;
using Feed.Sources.Parsing;

namespace Feed.Sources.Tests;

/// <summary>Reads the hand-written documents under Documents/ and parses documents the way the fetcher would.</summary>
internal static class TestDocuments
{
    /// <summary>Where the documents were "fetched" from; relative links without any other base resolve here.</summary>
    public static readonly Uri Address = new("https://fetched.example.com/feeds/main.xml");

    public static SourceDocument Parse(string fileName, string? contentType = null) =>
        FeedDocumentParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", fileName)), contentType, Address);

    public static SourceDocument ParseText(string text, string? contentType = null) =>
        FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(text), contentType, Address);

    public static string FailureOf(string text, string? contentType = null) =>
        FailureOf(Encoding.UTF8.GetBytes(text), contentType);

    public static string FailureOf(byte[] content, string? contentType = null) =>
        Assert.Throws<SourceDocumentException>(() => FeedDocumentParser.Parse(content, contentType, Address)).Message;

    public static SourceEntry Entry(this SourceDocument document, string title) =>
        document.Entries.Single(e => e.Title == title);
}
