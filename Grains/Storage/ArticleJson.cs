using System.Text.Json;

namespace Feed.Grains.Storage;

/// <summary>How stores write an article: the same camelCase JSON the API speaks.</summary>
public static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Article article) => JsonSerializer.Serialize(article, Options);

    public static Article Deserialize(string json) =>
        JsonSerializer.Deserialize<Article>(json, Options) ?? throw new InvalidDataException("A stored article is empty.");
}
