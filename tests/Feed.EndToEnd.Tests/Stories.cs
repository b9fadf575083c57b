using System.Net.Http.Json;

namespace Feed.EndToEnd.Tests;

/// <summary>Articles the tests publish, written for these tests.</summary>
public static class Stories
{
    /// <summary>Our own short retelling of the story Feed started from.</summary>
    public static object SpeakersMeet(string id) => new
    {
        id,
        headline = "Parliament speakers of Azerbaijan and South Korea meet in Seoul",
        summary = "The heads of the Milli Majlis and the National Assembly talked about peace, trade and students.",
        body = "Kim Jin-pyo, Speaker of the South Korean National Assembly, received Sahiba Gafarova, Speaker of "
               + "Azerbaijan's Milli Majlis. He praised Baku's efforts for peace in the region, and she briefed him "
               + "on reconstruction in the Azerbaijani territories and on recent security measures. Both speakers said "
               + "economic cooperation and growing trade turnover are central to relations between the two countries. "
               + "Gafarova noted that about two hundred Azerbaijani students study at Korean universities and that "
               + "exchange and dual degree programmes link universities in both countries; they agreed to deepen "
               + "cooperation in education, science and culture and between the two parliaments.",
        source = "Feed tests",
        url = $"https://example.com/tests/{id}",
    };

    /// <summary>A small article about Azerbaijan and Korea whose tags are given, not inferred.</summary>
    public static object Tagged(string id, string headline, string[] countries, string[]? topics = null) => new
    {
        id,
        headline,
        body = "A short note for the tests.",
        countries,
        topics = topics ?? [],
        autoTag = false,
    };

    public static Task<PublishAnswer> PublishAsync(HttpClient http, object article) => Publishing.PublishAsync(http, article);
}
