namespace Feed.Grains.Hosting;

/// <summary>
/// Where a Feed process finds its appsettings.json: beside its own binaries, so <c>dotnet path/to/Feed.Silo.dll</c>
/// behaves the same from any working directory (.NET's default, the working directory, silently skips the file).
/// An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>/<c>DOTNET_CONTENTROOT</c> still wins.
/// </summary>
public static class ContentRoot
{
    public static string? For(string[] args)
    {
        if (args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))) return null;
        return AppContext.BaseDirectory;
    }
}
