namespace Feed.Cluster.Tests;

/// <summary>Where the built Silo and WebFront are: the same configuration as these tests, beside them in the repo.</summary>
public static class Binaries
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Silo => Output("Silo", "Feed.Silo.dll");
    public static string WebFront => Output("WebFront", "Feed.WebFront.dll");
    public static string WebFrontContent => Path.Combine(RepoRoot, "WebFront");

    private static string Output(string project, string dll)
    {
        var path = Path.Combine(RepoRoot, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build Feed.sln ({Configuration}) first.", path);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feed.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Feed.sln not found above " + AppContext.BaseDirectory);
    }
}
