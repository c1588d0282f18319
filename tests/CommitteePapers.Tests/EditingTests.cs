using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>Numbers and references that must move when a paper is edited, and outputs that must survive concurrent builds.</summary>
public sealed class EditingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-editing-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string Paper = """
        paper: report
        meeting: Scrutiny Committee
        date: 2017-01-11
        report-of: Director
        title: Update
        summary:
          - As [@target] explains, and [@plan] shows, see [@annex-a] and [@second].
        sections:
          - heading: Background
            paragraphs:
        EXTRA
              - id: target
                text: The paragraph the others refer to.
                items:
                  - first
                  - id: second
                    text: second
              - table:
                  id: plan
                  caption: The plan
                  columns: [Item, {heading: Cost, type: money, unit: "£"}]
                  rows: [[A, 1], [B, 2]]
        annexes:
          - {id: annex-a, title: The annex}
        """;

    private static (IReadOnlyList<string> Texts, IReadOnlyList<string> Fields) Build(string extra)
    {
        var yaml = Paper.Replace("EXTRA\n", extra, StringComparison.Ordinal);
        var loaded = Papers.Parse(yaml, "edit.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var docx = Docx.Render(loaded.Paper!, HouseStyles.York);
        using var doc = Docx.Open(docx);
        var fields = doc.MainDocumentPart!.Document!.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        return (Docx.ParagraphTexts(docx), fields);
    }

    [Fact]
    public void Inserting_a_paragraph_before_the_target_moves_every_reference()
    {
        var before = Build(string.Empty);
        var after = Build("      - A paragraph inserted before the target.\n      - And another.\n");
        Assert.Contains(before.Texts, t => t.StartsWith("As paragraph 2 explains, and Table 1 shows, see Annex 1 and b.", StringComparison.Ordinal));
        Assert.Contains(after.Texts, t => t.StartsWith("As paragraph 4 explains, and Table 1 shows, see Annex 1 and b.", StringComparison.Ordinal));
        // The references are REF fields to bookmarks, so Word moves them too when the reader edits the document.
        Assert.Equal(4, after.Fields.Count(f => f.StartsWith("REF ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Changing_the_first_minutes_item_count_renumbers_the_second()
    {
        Directory.CreateDirectory(Path.Combine(folder, "2022-04-13"));
        Directory.CreateDirectory(Path.Combine(folder, "2022-05-03"));
        string First(int items) => "paper: minutes\ncommittee: C\ndate: 2022-04-13\nfirst-minute: 28\nitems:\n" +
            string.Concat(Enumerable.Range(1, items).Select(i => $"  - {{title: Item {i}, paragraphs: [Text {i}.]}}\n"));
        var second = Path.Combine(folder, "2022-05-03", "minutes.yaml");
        File.WriteAllText(second, "paper: minutes\ncommittee: C\ndate: 2022-05-03\nfollows: ../2022-04-13/minutes.yaml\nitems:\n  - {title: Next, paragraphs: [Text.]}\n");

        string FirstNumberOfSecond(int firstItems)
        {
            File.WriteAllText(Path.Combine(folder, "2022-04-13", "minutes.yaml"), First(firstItems));
            var docx = Docx.Build(second);
            return DocumentOutline.Read(docx).First(l => l.Text == "Next").Number!;
        }

        Assert.Equal("36.", FirstNumberOfSecond(8));
        Assert.Equal("31.", FirstNumberOfSecond(3));
    }

    [Fact]
    public void Minutes_that_follow_a_missing_file_or_a_later_meeting_are_positioned_errors()
    {
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        var path = Path.Combine(folder, "a", "minutes.yaml");
        File.WriteAllText(path, "paper: minutes\ncommittee: C\ndate: 2022-05-03\nfollows: ../b/minutes.yaml\nitems: [{title: T}]\n");
        var missing = Papers.Load(path);
        Assert.Contains(missing.Diagnostics, d => d.Code == "CP0030" && d.Position.Line == 4 && d.Position.Column == 10);

        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "b", "minutes.yaml"), "paper: minutes\ncommittee: C\ndate: 2022-06-01\nfirst-minute: 5\nitems: [{title: T}]\n");
        var backwards = Papers.Load(path);
        Assert.Contains(backwards.Diagnostics, d => d.Code == "CP0034" && d.Position.Line == 4);
    }

    [Fact]
    public void Many_builds_to_one_output_at_once_leave_a_whole_valid_document()
    {
        var loaded = Papers.Load(Repo.Example("york-safeguarding-update"));
        var target = Path.Combine(folder, "same.docx");
        Parallel.For(0, 8, _ => Assert.True(Papers.RenderToFile(loaded.Paper!, HouseStyles.York, target).Written));
        Docx.AssertValid(File.ReadAllBytes(target));
        Assert.Single(Directory.GetFiles(folder));
    }
}
