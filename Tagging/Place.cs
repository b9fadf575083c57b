namespace Feed.Tagging;

/// <summary>A place below the country (a first-order division or a city) and the country it lies in.</summary>
public sealed record Place(string Name, string Country, PlaceKind Kind, long Population);

public enum PlaceKind
{
    /// <summary>A national capital (GeoNames PPLC).</summary>
    Capital,
    /// <summary>A first-order administrative division: a state, province, region.</summary>
    Region,
    /// <summary>A city above the population threshold of places.tsv.</summary>
    City,
    /// <summary>A place whose name is also a common English word ("Delta", "Nice"): trusted only in a dateline.</summary>
    Word,
}
