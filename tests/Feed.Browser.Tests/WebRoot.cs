namespace Feed.Browser.Tests;

/// <summary>
/// Where the web front hosted in this test process finds the live page. Hosted here its content root is
/// the test's output folder, which has no wwwroot; ASP.NET Core's <c>ASPNETCORE_WEBROOT</c> points it at
/// the page's source (<c>WebFront/wwwroot</c>), so the tests always run the page as it is in the tree.
/// </summary>
public static class WebRoot
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Path.Combine(RepoRoot(), "WebFront", "wwwroot");
        if (!File.Exists(Path.Combine(folder, "index.html")))
            throw new InvalidOperationException($"The live page is not at {folder}.");
        Environment.SetEnvironmentVariable("ASPNETCORE_WEBROOT", folder);
        return folder;
    });

    /// <summary>Makes web fronts started from now on serve the page's source; returns its folder.</summary>
    public static string Use() => Folder.Value;

    /// <summary>The folder holding Feed.sln, above the test's output folder.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Feed.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Feed.sln above {AppContext.BaseDirectory}.");
    }
}
