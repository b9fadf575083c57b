namespace Feed.Tagging;

/// <summary>A run of letters or digits in a text, with the facts about its case that matching needs.</summary>
public readonly record struct Token(int Start, int Length, TokenShape Shape)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
    public bool Has(TokenShape shape) => (Shape & shape) != 0;
}

[Flags]
public enum TokenShape : byte
{
    None = 0,
    /// <summary>Starts with an upper-case letter.</summary>
    Capitalized = 1,
    /// <summary>Every letter is upper case ("US", "ROK", or the "U" of "U.S.").</summary>
    AllCaps = 2,
    /// <summary>First word of a sentence, where capitals prove nothing.</summary>
    SentenceStart = 4,
    /// <summary>Follows an apostrophe, like the "s" of a possessive.</summary>
    AfterApostrophe = 8,
}
