namespace Feed.Tagging;

/// <summary>The word lists of mention-cues.tsv: what the words around a name say about the mention.</summary>
public sealed record MentionCues(
    IReadOnlySet<string> ThingAfter,
    IReadOnlySet<string> TitleAfter,
    IReadOnlySet<string> TitleBefore,
    IReadOnlyList<string[]> Passing,
    IReadOnlySet<string> PassingAfter,
    IReadOnlySet<string> PassingNext)
{
    public static MentionCues Parse(IEnumerable<(string Role, string Phrase)> rows)
    {
        HashSet<string> Set() => new(StringComparer.OrdinalIgnoreCase);
        var (thing, titleAfter, titleBefore, passingAfter, passingNext) = (Set(), Set(), Set(), Set(), Set());
        var passing = new List<string[]>();
        foreach (var (role, phrase) in rows)
        {
            switch (role)
            {
                case "thing-after": thing.Add(phrase); break;
                case "title-after": titleAfter.Add(phrase); break;
                case "title-before": titleBefore.Add(phrase); break;
                case "passing": passing.Add(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                case "passing-after": passingAfter.Add(phrase); break;
                case "passing-next": passingNext.Add(phrase); break;
                default: throw new FormatException($"mention-cues.tsv: unknown role '{role}'.");
            }
        }
        return new MentionCues(thing, titleAfter, titleBefore, passing, passingAfter, passingNext);
    }
}
