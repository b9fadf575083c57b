namespace Feed.Tagging;

/// <summary>One IPTC Media Topics top-level category and the keywords that signal it.</summary>
public sealed record Topic(string Slug, string Code, string Title, IReadOnlyList<TopicKeyword> Keywords);

public sealed record TopicKeyword(string Text, double Weight);
