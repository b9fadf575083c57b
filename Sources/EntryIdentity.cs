using System.Security.Cryptography;
using System.Text;
using Feed.Sources.Parsing;

namespace Feed.Sources;

/// <summary>
/// The article id of a source's entry: the source id and a hash of the entry's own guid/id, else its link, else its
/// title (its text when it has none) and date. The same entry gets the same id on every poll and after restarts, so it is published once even if
/// its text changes later; two sources carrying the same guid stay two articles.
/// </summary>
public static class EntryIdentity
{
    public static string ArticleIdOf(string sourceId, SourceEntry entry)
    {
        var key = entry.Id is { Length: > 0 } id ? "id:" + id
            : entry.Link is { } link ? "link:" + link.AbsoluteUri
            : "text:" + (entry.Title ?? entry.Summary ?? entry.Body) + "\n" + entry.PublishedAt?.UtcDateTime.ToString("O");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{sourceId}-{Convert.ToHexStringLower(hash, 0, 12)}";
    }
}
