using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Feed.Tagging;

namespace Feed.EndToEnd.Tests;

/// <summary>
/// The README's configuration table checked against the code: every public setting of every options class (a class
/// with a <c>Section</c> constant in Feed's assemblies) has a row, and the row states the default the class has.
/// </summary>
public sealed class ConfigurationTableTests
{
    private static readonly string ReadmePath = Path.Combine(RepoRoot(), "README.md");

    [Fact]
    public void Every_setting_is_in_the_README_table_with_the_default_the_code_has()
    {
        var rows = TableRows(File.ReadAllText(ReadmePath));
        var problems = new List<string>();
        foreach (var (section, type) in OptionsClasses())
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var key = $"{section}:{property.Name}";
                var row = rows.FirstOrDefault(r => Names(r.Setting, section).Contains(property.Name));
                if (row.Setting is null)
                {
                    problems.Add($"{key} has no row");
                    continue;
                }
                var expected = Format(property.GetValue(defaults), property.Name);
                var cell = row.Default.Replace(",", "").Replace("\u00a0", " ");
                if (!Regex.IsMatch(cell, $@"(?<![\w.]){Regex.Escape(expected.Replace(",", ""))}(?![\w.])"))
                    problems.Add($"{key}: the code's default is '{expected}', the README says '{row.Default}'");
            }
        }
        Assert.True(problems.Count == 0, "README.md, section Configuration:\n" + string.Join("\n", problems));
    }

    private static IEnumerable<(string Section, Type Type)> OptionsClasses()
    {
        var assemblies = new[]
        {
            typeof(Feed.WebFront.FeedWebApp).Assembly, typeof(Feed.Grains.FeedOptions).Assembly, typeof(Feed.Operations.FeedOperations).Assembly,
            typeof(Feed.Sources.SourcesOptions).Assembly,
        };
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && type.Name.EndsWith("Options", StringComparison.Ordinal))
                yield return ((string)field.GetValue(null)!, type);
        }
        yield return (Feed.Grains.TaggingOptionsValidator.Section, typeof(TaggingOptions));
    }

    /// <summary>The setting names a row's first cell gives for a section: <c>`Section:A`, `B`, `C`</c> names A, B and C.</summary>
    private static HashSet<string> Names(string setting, string section)
    {
        var names = new HashSet<string>();
        var ticks = Regex.Matches(setting, "`([^`]+)`").Select(m => m.Groups[1].Value).ToArray();
        if (ticks.Length == 0 || !ticks[0].StartsWith(section + ":", StringComparison.Ordinal)) return names;
        var first = ticks[0][(section.Length + 1)..];
        if (first.Contains(':')) return names; // a deeper section's row
        names.Add(first);
        foreach (var more in ticks.Skip(1)) names.Add(more);
        return names;
    }

    private static string Format(object? value, string name) => value switch
    {
        null => "—",
        bool b => b ? "true" : "false",
        string { Length: 0 } => "—",
        string s when s.Length > 40 => "`" + s.Split(' ')[0], // long texts are shown by their start
        string s => $"`{s}`",
        Enum e => $"`{e}`",
        TimeSpan t => Duration(t),
        long n when name.EndsWith("Bytes", StringComparison.Ordinal) && n % (1024 * 1024) == 0 => $"{n / (1024 * 1024)} MiB",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => "none",
        _ => value.ToString()!,
    };

    private static string Duration(TimeSpan t) =>
        t.TotalDays >= 2 && t.TotalDays % 1 == 0 ? $"{t.TotalDays:0} days"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours:0} h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes:0} min"
        : t.TotalSeconds % 1 == 0 ? $"{t.TotalSeconds:0} s"
        : $"{t.TotalMilliseconds:0} ms";

    private static List<(string Setting, string Default)> TableRows(string readme)
    {
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Configuration section");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|'))
            .Select(c => (c[1].Trim(), c[2].Trim()))
            .ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feed.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Feed.sln not found above " + AppContext.BaseDirectory);
    }
}
