using System.Text.RegularExpressions;
using ProcurementGraph.Api.Tests.TestKit;

namespace ProcurementGraph.Api.Tests.Docs;

/// <summary>
/// No link leaves the repository: in its text files (docs, READMEs, code comments, scripts) every relative Markdown link
/// and every cited <c>NAME.md</c> names a file of the checkout, and no relative path climbs out of it. Public URLs are fine.
/// </summary>
public sealed partial class RepositoryLinkTests
{
    private static readonly string Root = Path.GetFullPath(RepositoryRoot.Path);

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".cs", ".csproj", ".props", ".sln", ".sh", ".mjs", ".js", ".ts", ".jq", ".json", ".yml", ".yaml", ".graphql", ".env", ".http", "",
    };

    // Generated, vendored or ignored content: build output, packages, bundles, caches, snapshots, generated EF code.
    private static readonly string[] SkippedFolders =
    [
        ".git", "bin", "obj", "node_modules", "TestResults", ".cache", "artifacts", ".generated", "__snapshots__", "__mismatch__",
        "CompiledModels", "Migrations", "Assets", "data",
    ];

    // The dev container mounts the checkout's parent as its workspace folder (the Dev Containers convention).
    // This file names the patterns it looks for.
    private static readonly string[] SkippedFiles = [".devcontainer/docker-compose.yml", "ide/package-lock.json", "tests/ProcurementGraph.Api.Tests/Docs/RepositoryLinkTests.cs"];

    [Fact]
    public void Links_and_cited_files_stay_in_the_repository()
    {
        var problems = Files().SelectMany(file => Problems(file).Select(problem => $"{file}: {problem}")).ToList();

        Assert.True(problems.Count == 0, $"Links that leave the repository or go nowhere:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void A_link_out_of_the_repository_or_to_a_missing_file_is_found()
    {
        const string Text = "See [the design](../../design/SECURITY.md), [a gap](MISSING.md), `../../elsewhere/x.md`, NOWHERE.md\n"
            + "and these, which are fine: [security](SECURITY.md), ../README.md, docs/RECIPES.md, https://example.com/A/B.md.\n";

        var problems = Problems("docs/EXAMPLE.md", Text);

        Assert.Contains(problems, p => p.Contains("'../../design/SECURITY.md' leaves the repository", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("link (MISSING.md)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'../../elsewhere/x.md' leaves", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cites NOWHERE.md", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("README", StringComparison.Ordinal) || p.Contains("RECIPES", StringComparison.Ordinal)
            || p.Contains("B.md", StringComparison.Ordinal) || p.Contains("(SECURITY.md)", StringComparison.Ordinal));
    }

    private static List<string> Problems(string file, string? content = null)
    {
        var text = content ?? File.ReadAllText(Path.Combine(Root, file));
        var folder = Path.GetDirectoryName(Path.Combine(Root, file))!;
        var problems = new List<string>();
        var withoutUrls = Url().Replace(text, " ");

        if (withoutUrls.Contains("shared/design", StringComparison.Ordinal))
        {
            problems.Add("cites shared/design, which a clone does not have (link into docs/ instead)");
        }

        foreach (Match climb in ParentPath().Matches(withoutUrls))
        {
            if (!Inside(Path.GetFullPath(Path.Combine(folder, climb.Value))))
            {
                problems.Add($"'{climb.Value}' leaves the repository");
            }
        }

        if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (target.StartsWith('#') || Scheme().IsMatch(target))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target.Split('#')[0])));
                if (!Inside(path) || !(File.Exists(path) || Directory.Exists(path)))
                {
                    problems.Add($"link ({target}) goes to no file of the repository");
                }
            }
        }

        foreach (Match cited in CitedMarkdown().Matches(Citations(file, withoutUrls)))
        {
            var name = cited.Value;
            if (!File.Exists(Path.Combine(folder, name)) && !File.Exists(Path.Combine(Root, name)))
            {
                problems.Add($"cites {name}, which is neither beside it nor at the repository root (docs/{Path.GetFileName(name)}?)");
            }
        }

        return [.. problems.Distinct()];
    }

    [Fact]
    public void The_scan_covers_the_docs_the_code_and_the_scripts()
    {
        var files = Files().ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/SECURITY.md", files);
        Assert.Contains("bench/run.sh", files);
        Assert.Contains("src/ProcurementGraph.Api/Security/CallerRowRules.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("node_modules", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/')[..^1].Any(part => SkippedFolders.Contains(part, StringComparer.Ordinal)))
            .Where(f => !SkippedFiles.Contains(f, StringComparer.Ordinal) && TextExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !f.EndsWith(".min.js", StringComparison.Ordinal) && new FileInfo(Path.Combine(Root, f)).Length < 2_000_000)
            .Order(StringComparer.Ordinal);

    /// <summary>Where a file cites documents: all of a Markdown or XML file, the comment lines of code and scripts.</summary>
    private static string Citations(string file, string text)
    {
        if (Path.GetExtension(file) is ".md" or ".props" or ".csproj" or ".sln" or ".yml" or ".yaml" or ".json")
        {
            return text;
        }

        var comments = text.Split('\n').Where(line => line.TrimStart() is var code
            && (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('#') || code.StartsWith('*') || code.StartsWith("/*", StringComparison.Ordinal)));
        return string.Join('\n', comments);
    }

    private static bool Inside(string fullPath) =>
        fullPath == Root || fullPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^\s)\]>""'`]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    // ../x, ../../x/y (a relative path that climbs), as written in prose, comments and scripts.
    [GeneratedRegex(@"(?<![\w./$-])(?:\.\./)+[\w.\-/]*")]
    private static partial Regex ParentPath();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    // SECURITY.md, docs/SECURITY.md, ../docs/X.md: a cited Markdown file in capitals, with or without its folder.
    [GeneratedRegex(@"(?<![\w./-])(?:[\w.-]+/)*[A-Z][A-Z0-9-]*\.md\b")]
    private static partial Regex CitedMarkdown();
}
