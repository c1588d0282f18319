using System.Globalization;
using CommitteePapers.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace CommitteePapers.Tests;

public class ExampleTests
{
    public static TheoryData<string> AllExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Agenda packs (pack.yaml) are not papers, and the papers inside a pack's folder are copies of examples:
            // PackTests builds the packs, checks them against their own schema, and checks the copies against their originals.
            if (InAPack(file) || IsStyleFile(file)) continue;
            data.Add(Path.GetRelativePath(Repo.Examples, file).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>A council's style file kept beside its example (it names the house-style schema on its first line).</summary>
    public static bool IsStyleFile(string file) => File.ReadLines(file).First().EndsWith("house-style.schema.json", StringComparison.Ordinal);

    private static bool InAPack(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > Repo.Examples.Length; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "pack.yaml"))) return true;
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Every_example_builds_into_a_valid_document(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var loaded = Papers.Load(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Docx.Build(path);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Example_outline_matches_its_snapshot(string example)
    {
        var docx = Docx.Build(Path.Combine(Repo.Examples, example));
        var outline = DocumentOutline.Render(docx).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Snapshot.Match(outline, SnapshotNameExtension.Create(example.Replace('/', '_').Replace(".yaml", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Building_twice_gives_identical_bytes(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var first = Docx.Build(path);
        var second = Docx.Build(path);
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void The_language_of_the_machine_changes_nothing(string example)
    {
        // Under LANG=en_GB.UTF-8 Humanizer joined lists with an Oxford comma; Turkish upper-cases i as İ. A paper's bytes
        // must not depend on where it is built (the NativeAOT tool runs with no cultures at all).
        var path = Path.Combine(Repo.Examples, example);
        var expected = Docx.Build(path);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var name in new[] { "en-GB", "en-US", "de-DE", "tr-TR", "cy-GB" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                Assert.True(expected.SequenceEqual(Docx.Build(path)), $"{example} differs when built under {name}");
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void Every_example_starts_with_the_schema_line()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(file).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first);
        }
    }
}
