namespace Feed.Tagging;

/// <summary>Splits text into tokens: runs of letters and digits; everything else separates.</summary>
public static class Tokenizer
{
    public static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var upper = 0;
            var letters = 0;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsJoiner(text, i)))
            {
                if (char.IsLetter(text[i]))
                {
                    letters++;
                    if (char.IsUpper(text[i])) upper++;
                }
                i++;
            }
            var shape = TokenShape.None;
            if (char.IsUpper(text[start])) shape |= TokenShape.Capitalized;
            if (letters > 0 && upper == letters) shape |= TokenShape.AllCaps;
            if (StartsSentence(text, start)) shape |= TokenShape.SentenceStart;
            if (start > 0 && text[start - 1] is '\'' or '’') shape |= TokenShape.AfterApostrophe;
            tokens.Add(new Token(start, i - start, shape));
        }
    }

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    // Combining marks belong to the word they decorate.
    private static bool IsJoiner(string text, int i) =>
        char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool StartsSentence(string text, int start)
    {
        for (var j = start - 1; j >= 0; j--)
        {
            var c = text[j];
            if (char.IsWhiteSpace(c) && c != '\n') continue;
            if (c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '—' or '-') continue;
            return c is '.' or '!' or '?' or '\n' or ':';
        }
        return true;
    }
}
