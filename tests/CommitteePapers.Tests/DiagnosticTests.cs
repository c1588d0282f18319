using System.Diagnostics;
using CommitteePapers.Definition;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace CommitteePapers.Tests;

public class DiagnosticTests
{
    /// <summary>
    /// An abbreviation counts as used in its plural and possessive ("CSCs", "CSC's"), and one not defined is named
    /// without its ending: the words are cut from each match, not taken from a regex group.
    /// </summary>
    [Theory]
    [InlineData("The CSCs met.", null)]
    [InlineData("The CSC's view.", null)]
    [InlineData("The CSC met the LADOs.", "LADO")]
    [InlineData("The CSC met the LADO's team.", "LADO")]
    public void Abbreviations_in_the_plural_or_possessive_count_as_used_and_are_named_without_the_ending(string summary, string? undefined)
    {
        var yaml = $"paper: report\nmeeting: Cabinet\ndate: 2024-03-12\nreport-of: Director\ntitle: Budget update\nsummary:\n  - {summary}\nabbreviations:\n  CSC: Children's Social Care\n";
        var diagnostics = AllDiagnostics(yaml, "report.yaml");
        Assert.DoesNotContain(diagnostics, d => d.Code == "CP0043");
        var named = diagnostics.Where(d => d.Code == "CP0042").Select(d => d.Message).ToList();
        if (undefined is null) Assert.Empty(named);
        else Assert.Equal($"'{undefined}' is used", Assert.Single(named)[..($"'{undefined}' is used".Length)]);
    }

    private static readonly string Broken = Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "BrokenPapers");

    public static TheoryData<string> BrokenPapers()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Broken, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>Loads and, if it loaded, renders: every diagnostic a user would see from 'build'.</summary>
    internal static IReadOnlyList<Diagnostics.Diagnostic> AllDiagnostics(string yaml, string name)
    {
        var loaded = Papers.Parse(yaml, name);
        if (!loaded.Succeeded) return loaded.Diagnostics;
        var rendered = Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
        return [.. loaded.Diagnostics, .. rendered.Diagnostics];
    }

    [Theory]
    [MemberData(nameof(BrokenPapers))]
    public void Broken_paper_gives_positioned_errors_matching_snapshot(string file)
    {
        var text = File.ReadAllText(Path.Combine(Broken, file));
        var diagnostics = AllDiagnostics(text, file);
        Assert.Contains(diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        var lines = text.Split('\n').Length;
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(file, d.Position.File);
            Assert.InRange(d.Position.Line, 1, lines);
            Assert.Matches(@"^CP\d{4}$", d.Code);
        });
        Snapshot.Match(diagnostics.Select(d => d.ToString()).ToArray(), SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
    }

    [Fact]
    public void Misspelt_key_suggests_the_right_one()
    {
        var diagnostics = AllDiagnostics(File.ReadAllText(Path.Combine(Broken, "misspelt-key.yaml")), "r.yaml");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CP0002", d.Code);
        Assert.Equal((8, 1), (d.Position.Line, d.Position.Column));
        Assert.Contains("did you mean 'recommendations'?", d.Message);
    }

    [Fact]
    public void Billion_laughs_is_rejected_quickly()
    {
        var watch = Stopwatch.StartNew();
        var result = Papers.Parse(File.ReadAllText(Path.Combine(Broken, "billion-laughs.yaml")), "laughs.yaml");
        Assert.Contains(result.Diagnostics, d => d.Code == "CP0010");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Deep_nesting_is_rejected_with_a_position()
    {
        var yaml = "paper: report\nsummary: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var result = Papers.Parse(yaml, "deep.yaml");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("CP0009", d.Code);
        Assert.Equal(2, d.Position.Line);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var yaml = "paper: report\ntitle: " + new string('x', 5 * 1024 * 1024);
        var result = Papers.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml)), "big.yaml");
        Assert.Equal("CP0008", Assert.Single(result.Diagnostics).Code);
        var smaller = Papers.Parse("paper: report\n", "small.yaml", new ReaderLimits { MaxFileBytes = 8 });
        Assert.Equal("CP0008", Assert.Single(smaller.Diagnostics).Code);
    }

    [Fact]
    public void Forbidden_characters_are_dropped_with_a_warning()
    {
        var yaml = "paper: report\nmeeting: M\ndate: 2017-01-11\nreport-of: D\ntitle: \"T\\u0001itle\"\nsummary: [\"Bell\\u0007 here\"]\n";
        var loaded = Papers.Parse(yaml, "c.yaml");
        Assert.True(loaded.Succeeded);
        using var stream = new MemoryStream();
        var result = Papers.Render(loaded.Paper!, HouseStyles.York, stream);
        Assert.True(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == "CP0018" && d.Position.Line == 6);
        Docx.AssertValid(stream.ToArray());
        Assert.Contains("Bell here", Docx.ParagraphTexts(stream.ToArray()));
    }
}
