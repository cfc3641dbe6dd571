using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Docs;

/// <summary>
/// The README's "Layout" tree is the checkout's: every top-level folder and every folder of each project under src/ is
/// listed, and every folder it lists exists.
/// </summary>
public sealed partial class ReadmeLayoutTests
{
    private static readonly string Root = RepositoryRoot.Path;

    // Local and ignored folders (build output, the embedded database, IDE state), never part of the layout.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { ".git", ".vs", ".idea", "bin", "obj", "data", "node_modules", "TestResults" };

    [Fact]
    public void Every_folder_the_layout_lists_exists()
    {
        var missing = Listed().Where(folder => !Directory.Exists(Path.Combine(Root, folder))).ToList();

        Assert.True(missing.Count == 0, $"The README's layout lists folders that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_layout_lists_every_top_level_folder_and_every_folder_of_each_src_project()
    {
        var listed = Listed().ToHashSet(StringComparer.Ordinal);
        var expected = Folders(string.Empty)
            .Concat(Folders("src").SelectMany(Folders))
            .ToList();

        var unlisted = expected.Where(folder => !listed.Contains(folder)).ToList();

        Assert.NotEmpty(expected);
        Assert.True(unlisted.Count == 0, $"The README's layout does not list: {string.Join(", ", unlisted)}");
    }

    private static IEnumerable<string> Folders(string relative) =>
        Directory.EnumerateDirectories(Path.Combine(Root, relative))
            .Select(Path.GetFileName)
            .Where(name => !Ignored.Contains(name!))
            .Select(name => relative.Length == 0 ? name! : $"{relative}/{name}")
            .Order(StringComparer.Ordinal);

    /// <summary>The folders of the layout block, as paths: nesting by two-space indentation, a folder's name ends with '/'.</summary>
    private static List<string> Listed()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = Section().Match(readme);
        Assert.True(section.Success, "README.md has no \"## Layout\" section with a code block.");
        var folders = new List<string>();
        var parents = new List<(int Indent, string Path)>();
        foreach (var line in section.Groups["tree"].Value.Split('\n'))
        {
            var entry = Entry().Match(line);
            if (!entry.Success)
            {
                continue;
            }

            var indent = entry.Groups["indent"].Length;
            parents.RemoveAll(p => p.Indent >= indent);
            var name = entry.Groups["name"].Value.TrimEnd('/');
            var path = parents.Count == 0 ? name : $"{parents[^1].Path}/{name}";
            folders.Add(path);
            parents.Add((indent, path));
        }

        return folders;
    }

    [GeneratedRegex(@"^## Layout\s*\n.*?```[a-z]*\n(?<tree>.*?)```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Section();

    // "  Querying/   the ..." : an indented name ending with '/', then (after two spaces) what it holds.
    [GeneratedRegex(@"^(?<indent> *)(?<name>[\w.<>-]+(?:/[\w.<>-]+)*/)(?:\s{2,}|$)")]
    private static partial Regex Entry();
}
