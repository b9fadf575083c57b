using Feed.Client;

namespace Feed.Cli;

/// <summary>How items and times read on a terminal.</summary>
internal static class ItemText
{
    /// <summary><c>relation:AZ-KR #13  5m ago  Headline  [country:AZ country:KR relation:AZ-KR]</c></summary>
    public static string Line(FeedItem item, DateTime now) =>
        $"{item.Feed} #{item.Seq}  {Age(item.Article.PublishedAt, now)}  {item.Article.Headline}  [{string.Join(' ', item.Article.Feeds)}]";

    /// <summary>How long ago, in the largest whole unit: "12s ago", "5m ago", "3h ago", "2d ago".</summary>
    public static string Age(DateTime publishedAt, DateTime now)
    {
        var age = now - DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc);
        if (age < TimeSpan.Zero) return "in the future";
        if (age < TimeSpan.FromMinutes(1)) return $"{(int)age.TotalSeconds}s ago";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes}m ago";
        if (age < TimeSpan.FromHours(48)) return $"{(int)age.TotalHours}h ago";
        return $"{(int)age.TotalDays}d ago";
    }
}
