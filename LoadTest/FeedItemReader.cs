using System.Text;
using System.Text.Json;

namespace Feed.LoadTest;

/// <summary>
/// Reads the little the load tool needs of a feed item — <c>{feed, seq, article: {id, …}, …}</c> — straight off the
/// UTF-8 bytes, for every transport: which followed feed (its slot), its seq, and the article's number.
/// </summary>
internal sealed class FeedItemReader(IEnumerable<string> feeds, ArticleFactory articles)
{
    private readonly byte[][] _feeds = feeds.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>
    /// Reads the properties of an object whose start the reader is on. True when it had a <c>seq</c>, i.e. it was a feed
    /// item (a gap notice <c>{feed, complete}</c> has none). Unknown feeds give slot -1.
    /// </summary>
    public bool Read(ref Utf8JsonReader json, out int feedSlot, out long seq, out int article)
    {
        feedSlot = -1;
        seq = 0;
        article = -1;
        var isItem = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("feed"u8))
            {
                json.Read();
                for (var i = 0; i < _feeds.Length; i++)
                {
                    if (json.ValueTextEquals(_feeds[i])) { feedSlot = i; break; }
                }
            }
            else if (json.ValueTextEquals("seq"u8)) { json.Read(); seq = json.GetInt64(); isItem = true; }
            else if (json.ValueTextEquals("article"u8))
            {
                json.Read();
                if (json.TokenType != JsonTokenType.StartObject) { json.Skip(); continue; }
                article = ReadArticleNumber(ref json);
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }
        return isItem;
    }

    private int ReadArticleNumber(ref Utf8JsonReader json)
    {
        var article = -1;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isId = json.ValueTextEquals("id"u8);
            json.Read();
            if (!isId) json.Skip();
            else article = json.ValueIsEscaped || json.HasValueSequence ? articles.NumberOf(json.GetString()) : articles.NumberOf(json.ValueSpan);
        }
        return article;
    }
}
