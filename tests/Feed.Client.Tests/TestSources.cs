using System.Text.Json;

namespace Feed.Client.Tests;

/// <summary>Sources as the server describes them, for tests that answer the client themselves.</summary>
public static class TestSources
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public static Source Polled(string id = "src-1", string title = "Example News", int status = 200, long articles = 12, string? error = null) => new()
    {
        Id = id,
        Url = $"https://news.example/{id}.rss",
        Title = title,
        PollSeconds = 300,
        LastPolledAt = Now.AddMinutes(-5),
        NextPollAt = Now.AddMinutes(4),
        LastStatus = status,
        LastError = error,
        ArticlesIngested = articles,
    };

    public static Source NeverPolled(string id = "src-new") => new()
    {
        Id = id,
        Url = $"https://news.example/{id}.rss",
        Title = "Not yet polled",
        PollSeconds = 600,
    };

    /// <summary>The source's JSON as the server writes it (camelCase, nulls written).</summary>
    public static string Json(Source source) => JsonSerializer.Serialize(source, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static string ListJson(params Source[] sources) =>
        JsonSerializer.Serialize(new { sources }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
