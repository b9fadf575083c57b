using System.Net.Http.Json;

namespace Feed.Testing;

/// <summary>Publishing over the REST API as tests do: the answer, or an exception saying what the server said.</summary>
public static class Publishing
{
    public static async Task<PublishAnswer> PublishAsync(HttpClient http, object article)
    {
        var response = await http.PostAsJsonAsync("api/articles", article);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Publish answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PublishAnswer>())!;
    }
}

/// <summary>The body of a publish answer (contract: id, countries, topics, feeds, duplicate).</summary>
public sealed record PublishAnswer(string Id, string[] Countries, string[] Topics, string[] Feeds, bool Duplicate);
