namespace Feed.Tagging;

/// <summary>One ISO 3166-1 country or territory and the words news uses for it.</summary>
public sealed record Country(
    string Code,
    string Name,
    IReadOnlyList<CountryTerm> Terms,
    IReadOnlyList<string> Veto);

/// <summary>
/// A way of naming a country. A weak term (written <c>~term</c> in the data) is also a common name of
/// something else (a person, a US state, a city elsewhere), so it counts only with support from the text.
/// </summary>
public sealed record CountryTerm(string Text, CountryTermKind Kind, bool Weak);

public enum CountryTermKind
{
    Name,
    Alias,
    Demonym,
    Capital,
}
