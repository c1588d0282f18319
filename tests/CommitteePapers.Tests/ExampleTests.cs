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
            data.Add(Path.GetRelativePath(Repo.Examples, file).Replace('\\', '/'));
        }

        return data;
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
