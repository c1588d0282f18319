using System.Globalization;
using CommitteePapers.Diagnostics;
using CommitteePapers.Layout;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;
using CpTableLayout = CommitteePapers.Layout.TableLayout;

namespace CommitteePapers.Tests;

/// <summary>
/// Table columns are measured in the style's own font, read from the installed font file (scripts/test.sh installs
/// fonts-liberation2, fonts-noto-core and fonts-noto-cjk), and with Arial's proportions when the font is absent.
/// </summary>
public sealed class FontTests
{
    private static readonly FontLocator Installed = new(FontLocator.StandardFolders());

    private static readonly PageGeometry A4 = new(11906, 16838, 1134, 1134, 1134, 1134);

    /// <summary>Every release before fonts were read measured each UTF-16 character with these figures, CJK and Arabic included.</summary>
    private static double OldEm(char c) => c switch
    {
        ' ' or '.' or ',' or ':' or ';' or 'i' or 'l' or 'j' or '\'' or '|' or '!' => 0.28,
        'f' or 't' or 'r' or '(' or ')' or '-' or 'I' => 0.36,
        'm' or 'w' or 'M' or 'W' or '%' or '@' => 0.86,
        >= 'A' and <= 'Z' => 0.70,
        >= '0' and <= '9' or '£' or '$' => 0.56,
        _ => 0.53,
    };

    /// <summary>The old measure as a font: every BMP character at its old Latin-proportion figure.</summary>
    private static readonly TextMetrics LatinProportions = new(() => new FontAdvances("old figures", "Arial proportions",
        Enumerable.Range(0, 0x10000).Select(c => (float)OldEm((char)c)).ToArray()));

    private const string Chinese = "财务委员会预算审查报告";
    private const string Urdu = "بجٹ کی نظرثانی رپورٹ";

    private static IReadOnlyList<int> Widths(TextMetrics metrics, params string[] cells) =>
        CpTableLayout.Widths(metrics, A4, landscape: false, 10, ["Name", "Notes"], [[cells[0], "A long note that wraps across the rest of the page, so the first column gets only what it needs and no more than that."], .. cells.Skip(1).Select(c => new[] { c, "Short" })], [false, false]);

    [Fact]
    public void Arial_is_measured_with_Liberation_Sans_as_LibreOffice_substitutes_it()
    {
        var arial = Installed.Find("Arial");
        Assert.NotNull(arial);
        Assert.Equal("Liberation Sans", arial.Family);
        // Liberation Sans is metric-compatible with Arial: a digit is 1139/2048 em, 'i' 455/2048.
        Assert.Equal(1139 / 2048.0, arial.Advance('0'), 4);
        Assert.Equal(455 / 2048.0, arial.Advance('i'), 4);
        Assert.True(double.IsNaN(arial.Advance('财')), "Liberation Sans has no CJK ideographs");
    }

    [Fact]
    public void A_Chinese_cell_in_a_CJK_font_gets_a_wider_column_than_the_Latin_proportions_gave()
    {
        var metrics = Installed.For(HouseStyles.York with { Font = "Noto Sans CJK SC" });
        Assert.Equal("Noto Sans CJK SC", metrics.Font?.Family);
        Assert.Equal(Chinese.Length, metrics.Em(Chinese), 2); // every ideograph is one em
        Assert.True(Widths(metrics, Chinese)[0] > Widths(LatinProportions, Chinese)[0]);
    }

    [Fact]
    public void Chinese_in_a_font_without_ideographs_is_measured_full_width()
    {
        var metrics = Installed.For(HouseStyles.York); // Arial → Liberation Sans, which has no CJK
        Assert.Equal(Chinese.Length, metrics.Em(Chinese), 2);
        Assert.True(Widths(metrics, Chinese)[0] > Widths(LatinProportions, Chinese)[0]);
    }

    [Fact]
    public void An_Urdu_cell_in_an_Urdu_font_gets_a_wider_column_than_the_Latin_proportions_gave()
    {
        var metrics = Installed.For(HouseStyles.York with { Font = "Noto Nastaliq Urdu" });
        Assert.Equal("Noto Nastaliq Urdu", metrics.Font?.Family);
        var longestWord = Urdu.Split(' ').MaxBy(w => w.Length)!;
        Assert.True(metrics.Em(longestWord) > longestWord.Sum(OldEm), $"{metrics.Em(longestWord)} em");
        Assert.True(Widths(metrics, Urdu)[0] > Widths(LatinProportions, Urdu)[0]);
    }

    [Fact]
    public void A_font_that_is_not_installed_falls_back_to_the_old_figures_exactly()
    {
        var metrics = Installed.For(HouseStyles.York with { Font = "No Such Font Family" });
        Assert.Null(metrics.Font);
        string[] texts = ["Revised budget £", "Front Door", "1,234,567", "(12.5%)", "Children's Services — Ofsted action plan", "Mw@ il|!"];
        foreach (var text in texts) Assert.Equal(text.Sum(OldEm), metrics.Em(text), 10);
        Assert.Equal(Widths(LatinProportions, texts), Widths(metrics, texts));
        Assert.Equal(Widths(LatinProportions, texts), Widths(TextMetrics.ArialProportions, texts));
    }

    [Fact]
    public void Latin_widths_in_Arial_change_little_from_the_old_figures()
    {
        var metrics = Installed.For(HouseStyles.York);
        foreach (var text in new[] { "Revised budget £", "Front Door Services", "1,234,567", "(12.5%)", "Children and Education Scrutiny" })
        {
            var old = text.Sum(OldEm);
            Assert.InRange(metrics.Em(text) / old, 0.9, 1.05);
        }
    }

    [Fact]
    public void Widths_are_the_same_from_two_locators_and_two_builds()
    {
        var other = new FontLocator(FontLocator.StandardFolders());
        foreach (var font in new[] { "Arial", "Noto Sans CJK SC", "Noto Nastaliq Urdu", "No Such Font Family" })
        {
            var style = HouseStyles.York with { Font = font };
            Assert.Equal(Widths(Installed.For(style), Chinese, Urdu, "Front Door"), Widths(other.For(style), Chinese, Urdu, "Front Door"));
        }

        var paper = Papers.Parse(ChinesePaper).Paper!;
        var cjk = HouseStyles.York with { Font = "Noto Sans CJK SC" };
        Assert.Equal(Grid(Docx.Render(paper, cjk)), Grid(Docx.Render(paper, cjk)));
        var mtfp = Papers.Load(Repo.Example("north-somerset-mtfp")).Paper!;
        Assert.Equal(Grid(Docx.Render(mtfp, HouseStyles.NorthSomerset)), Grid(Docx.Render(mtfp, HouseStyles.NorthSomerset)));
    }

    private const string ChinesePaper = """
        paper: report
        meeting: Cabinet
        date: 2024-03-12
        report-of: Director of Resources
        title: Translated summaries
        summary:
          - table:
              caption: Summaries in community languages
              columns: [Language, Title, Notes]
              rows:
                - [Chinese, 财务委员会预算审查报告, Printed in the community language section of the pack for residents who asked for it.]
                - [Urdu, بجٹ کی نظرثانی رپورٹ, Printed in the community language section of the pack for residents who asked for it.]
        """;

    [Fact]
    public void A_paper_in_a_CJK_font_gives_its_Chinese_column_room_and_a_valid_document()
    {
        var paper = Papers.Parse(ChinesePaper);
        Assert.True(paper.Succeeded, string.Join("\n", paper.Diagnostics));
        var grid = Grid(Docx.Render(paper.Paper!, HouseStyles.York with { Font = "Noto Sans CJK SC" })); // validator: 0 errors
        var old = CpTableLayout.Widths(LatinProportions, A4Of(HouseStyles.York), landscape: false, HouseStyles.York.BodySize - 2,
            ["Language", "Title", "Notes"],
            [["Chinese", Chinese, "Printed in the community language section of the pack for residents who asked for it."], ["Urdu", Urdu, "Printed in the community language section of the pack for residents who asked for it."]],
            [false, false, false]);
        Assert.True(grid[1] > old[1], $"Title column {grid[1]} twips, {old[1]} with the old figures");
    }

    [Fact]
    public void A_style_names_a_font_file_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("cp-font-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "fonts"));
            File.Copy(Installed.Find("Liberation Sans")!.Source, Path.Combine(folder, "fonts", "council.ttf"));
            File.WriteAllText(Path.Combine(folder, "fonts", "not-a-font.ttf"), "hello");
            var loaded = HouseStyles.Parse("name: borsetshire\nextends: york\ntext:\n  font: Council Sans\n  font-file: fonts/council.ttf\n", "style.yaml", folder);
            Assert.True(loaded.Style is not null && loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics));
            Assert.False(loaded.Style.FontFile.IsEmpty);
            var metrics = Installed.For(loaded.Style);
            Assert.Equal("Liberation Sans", metrics.Font?.Family);
            Assert.Equal(1139 / 2048.0, metrics.Font!.Advance('0'), 4);

            var bad = HouseStyles.Parse("name: borsetshire\nextends: york\ntext:\n  font-file: fonts/not-a-font.ttf\n", "style.yaml", folder);
            var error = Assert.Single(bad.Diagnostics);
            Assert.Equal(DiagnosticCode.BadFile.Id, error.Code);
            Assert.Equal(4, error.Position.Line);

            var outside = HouseStyles.Parse("name: borsetshire\nextends: york\ntext:\n  font-file: ../elsewhere.ttf\n", "style.yaml", folder);
            Assert.Contains(outside.Diagnostics, d => d.Code == DiagnosticCode.PathOutsideFolder.Id);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static PageGeometry A4Of(Styles.HouseStyle style)
    {
        static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);
        return new PageGeometry(Twips(style.PageWidthMm), Twips(style.PageHeightMm), Twips(style.MarginTopMm), Twips(style.MarginRightMm), Twips(style.MarginBottomMm), Twips(style.MarginLeftMm));
    }

    private static List<int> Grid(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<Table>()
            .SelectMany(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>())
            .Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
    }
}
