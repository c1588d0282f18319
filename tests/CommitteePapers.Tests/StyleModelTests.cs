using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;
using Diagnostic = CommitteePapers.Diagnostics.Diagnostic;

namespace CommitteePapers.Tests;

/// <summary>
/// What a council can say in a style file alone: extending another style file, the numbering model, its own fields and
/// blocks, body slots, wording, page size, dates and times. Each check builds a paper and reads the .docx back.
/// </summary>
public sealed class StyleModelTests : IDisposable
{
    private const string Report = """
        paper: report
        meeting: Cabinet
        date: 2024-03-12
        report-of: Director of Place
        title: Parking

        """;

    private readonly string folder = Directory.CreateTempSubdirectory("cp-style-model-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private StyleLoadResult Style(string name, string yaml, params (string File, string Text)[] others)
    {
        foreach (var (file, text) in others) File.WriteAllText(Path.Combine(folder, file), text);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml);
        return HouseStyles.Load(path);
    }

    private static (byte[]? Docx, IReadOnlyList<Diagnostic> Diagnostics) Build(string paperYaml, Styles.HouseStyle style)
    {
        var loaded = Papers.Parse(paperYaml, "report.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        using var output = new MemoryStream();
        var result = Papers.Render(loaded.Paper!, style, output);
        if (!result.Written) return (null, result.Diagnostics);
        var bytes = output.ToArray();
        Docx.AssertValid(bytes);
        return (bytes, result.Diagnostics);
    }

    [Fact]
    public void A_style_file_can_extend_another_style_file_beside_it_and_override_part_of_it()
    {
        var loaded = Style("cabinet.yaml", "name: cabinet\nextends: council.yaml\nheadings: {summary: Executive Summary}\n",
            ("council.yaml", "name: council\nextends: york\ncouncil: Borsetshire Council\nheadings: {summary: Summary of Report, policy: Policy Context}\n"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var style = loaded.Style!;
        Assert.Equal("cabinet", style.Name);
        Assert.Equal("Borsetshire Council", style.Council);
        Assert.Equal("Executive Summary", style.HeadingFor("summary"));
        Assert.Equal("Policy Context", style.HeadingFor("policy"));
        Assert.Equal(HouseStyles.York.Numbering.Outline.Count, style.Numbering.Outline.Count);
    }

    [Fact]
    public void Style_files_that_extend_each_other_in_a_circle_are_an_error_at_the_extends_line()
    {
        var loaded = Style("a.yaml", "name: a\nextends: b.yaml\n", ("b.yaml", "name: b\nextends: a.yaml\n"));
        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Diagnostics, d => d.Message.Contains("cannot extend itself", StringComparison.Ordinal));
        Assert.Equal(("CP0013", 2, 10), (error.Code, error.Position.Line, error.Position.Column));
        Assert.EndsWith("b.yaml", error.Position.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_council_field_is_checked_against_its_declaration()
    {
        var style = Style("council.yaml", """
            name: council
            fields:
              decision-maker: {type: text, required: true}
              purpose: {type: choice, values: [Decision, Noting]}
              decided: {type: date}
            front-blocks:
              report:
                - "Decision-maker: {decision-maker}"
            """).Style!;
        var (_, missing) = Build(Report, style);
        Assert.Contains(missing, d => d.Code == "CP0004" && d.Message.Contains("'decision-maker'", StringComparison.Ordinal));

        var (_, wrong) = Build(Report + "fields:\n  decision-maker: Cabinet\n  purpose: Decided\n  decided: 12/03/2024\n  decision-maler: x\n", style);
        Assert.Contains(wrong, d => d.Code == "CP0013" && d.Position.Line == 8 && d.Message.Contains("Decision, Noting", StringComparison.Ordinal));
        Assert.Contains(wrong, d => d.Code == "CP0005" && d.Position.Line == 9);
        Assert.Contains(wrong, d => d.Code == "CP0061" && d.Position.Line == 10 && d.Message.Contains("did you mean 'decision-maker'?", StringComparison.Ordinal));

        var (docx, none) = Build(Report + "fields:\n  decision-maker: Cabinet\n", style);
        Assert.Empty(none);
        Assert.Contains("Decision-maker: Cabinet", Docx.ParagraphTexts(docx!));
    }

    [Fact]
    public void A_council_block_prints_its_heading_and_a_table_from_a_rows_field_where_the_order_puts_it_and_not_when_empty()
    {
        var style = Style("council.yaml", """
            name: council
            fields:
              timetable: {type: rows}
              purpose: {type: choice, values: [Decision, Discussion, Noting]}
            blocks:
              purpose: {heading: Purpose of Report, lines: ["{purpose}"]}
              timetable: {heading: Timetable, lines: [{table: [[Meeting, Date]], rows: timetable}]}
            order: [summary, block.purpose, block.timetable, recommendations]
            """).Style!;
        var paper = Report + "summary: [The summary.]\nrecommendations: {items: [Note the report.], reason: To inform.}\nfields:\n  timetable:\n    - [Cabinet, 12 March 2024]\n    - [Council, 10 April 2024]\n";
        var (docx, diagnostics) = Build(paper, style);
        Assert.Empty(diagnostics);
        var texts = Docx.ParagraphTexts(docx!).Where(t => t.Length > 0).ToList();
        var summary = texts.IndexOf("The summary.");
        var timetable = texts.IndexOf("Timetable");
        Assert.True(summary >= 0 && timetable > summary && texts.IndexOf("Recommendations") > timetable, string.Join(" | ", texts));
        Assert.DoesNotContain("Purpose of Report", texts); // no purpose given: the block and its heading are left out
        using var doc = Docx.Open(docx!);
        var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>().Single(t => t.InnerText.StartsWith("MeetingDate", StringComparison.Ordinal));
        Assert.Equal(["MeetingDate", "Cabinet12 March 2024", "Council10 April 2024"], table.Elements<TableRow>().Select(r => r.InnerText));
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
    }

    [Fact]
    public void Body_sections_go_in_the_slots_the_style_orders_and_a_slot_it_lacks_is_warned_at_the_section()
    {
        var style = Style("council.yaml", "name: council\nextends: york\norder: [summary, body, options-considered, body.next-steps, recommendations]\n").Style!;
        var paper = Report + """
            summary: [The summary.]
            options-considered: [Option one.]
            sections:
              - {heading: Background, paragraphs: [The background.]}
              - {heading: Next steps, slot: next-steps, paragraphs: [What happens next.]}
              - {heading: Elsewhere, slot: nowhere, paragraphs: [Placed anyway.]}
            recommendations: {items: [Note the report.], reason: To inform.}
            """;
        var (docx, diagnostics) = Build(paper, style);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("CP0032", 11), (warning.Code, warning.Position.Line));
        var headings = DocumentOutline.Read(docx!).Where(l => l.Style == "Heading1").Select(l => l.Text).ToList();
        Assert.Equal(["Summary", "Background", "Options", "Next steps", "Recommendations", "Elsewhere"], headings);
    }

    [Fact]
    public void Page_size_times_and_dates_come_from_the_style()
    {
        var style = Style("council.yaml", """
            name: council
            extends: york
            page: {size: A5, margins: {top: 15, right: 15, bottom: 15, left: 15}}
            time-format: "h.mm tt"
            am-pm: [a.m., p.m.]
            date-format: "dddd Do MMMM yyyy"
            front-blocks:
              notice:
                - "{committee} – {date}, {time}"
            """).Style!;
        var notice = "paper: notice\ncommittee: Cabinet\ndate: 2024-03-12\ntime: \"18:00\"\nitems: [{title: Budget}]\n";
        var loaded = Papers.Parse(notice, "notice.yaml");
        var docx = Docx.Render(loaded.Paper!, style);
        Assert.Contains("Cabinet – Tuesday 12th March 2024, 6.00 p.m.", Docx.ParagraphTexts(docx));
        using var doc = Docx.Open(docx);
        var size = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((8391u, 11906u), (size.Width!.Value, size.Height!.Value)); // 148 × 210 mm
    }

    [Fact]
    public void Every_phrase_is_the_styles_and_an_unknown_word_or_placeholder_is_an_error_where_it_is_written()
    {
        var loaded = Style("council.yaml", "name: council\nwords:\n  none: Nil\n  pages: \"(pp. {first}–{lst})\"\n  nonesuch: x\n");
        Assert.Contains(loaded.Diagnostics, d => d.Code == "CP0013" && d.Position.Line == 4 && d.Position.Column == 24 && d.Message.Contains("did you mean 'last'?", StringComparison.Ordinal));
        Assert.Contains(loaded.Diagnostics, d => d.Code == "CP0002" && d.Position.Line == 5);

        var style = Style("good.yaml", "name: good\nextends: york\nwords:\n  none: Nil\n").Style!;
        var (docx, _) = Build(Report + "background-papers: []\n", style);
        Assert.Contains("Background Papers: Nil", Docx.ParagraphTexts(docx!));
    }

    [Fact]
    public void Implications_can_be_a_cross_cutting_issues_table_with_the_councils_own_kinds_and_sign_off()
    {
        var style = Style("council.yaml", """
            name: council
            extends: york
            implications: table
            implication-kinds: [procurement]
            headings: {procurement: Procurement, issue: Issue, sign-off: Sign-off}
            """).Style!;
        var paper = Report + """
            implications:
              financial: {paragraphs: [There are no financial implications.], sign-off: Section 151 Officer}
              procurement: The contract is let under the council's rules.
              staffing: None.
            """;
        var (_, unknown) = Build(paper, style);
        var error = Assert.Single(unknown, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal(("CP0002", 9), (error.Code, error.Position.Line));

        var (docx, diagnostics) = Build(paper.Replace("\n  staffing: None.", string.Empty, StringComparison.Ordinal), style);
        Assert.Empty(diagnostics);
        using var doc = Docx.Open(docx!);
        var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Table>().Single(t => t.InnerText.StartsWith("Issue", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["Issue", "Implications", "Sign-off"], rows[0]);
        Assert.Equal(["Financial", "There are no financial implications.", "Section 151 Officer"], rows[1]);
        Assert.Equal(["Procurement", "The contract is let under the council's rules.", string.Empty], rows[2]);
    }

    [Fact]
    public void A_numbering_pattern_shows_the_counters_it_names_and_bullets_are_symbols()
    {
        var style = Style("council.yaml", """
            name: council
            numbering:
              outline: ["1", "1.1"]
              headings: [true]
              paragraphs: [2]
              sub-items: ["(1)", "(a)"]
              bullets: ["–"]
            """).Style!;
        var paper = Report + "sections:\n  - heading: Background\n    paragraphs:\n      - text: Text\n        items: [{text: one, items: [inner]}, two]\n        bullets: [dash]\n";
        var (docx, _) = Build(paper, style);
        var numbers = DocumentOutline.Read(docx!).Where(l => l.Number is not null).Select(l => l.Number).ToList();
        Assert.Equal(["1", "1.1", "(1)", "(a)", "(2)", "•"], numbers);
        using var doc = Docx.Open(docx!);
        Assert.Contains(doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!.Descendants<LevelText>(), t => t.Val == "–");
    }

    [Fact]
    public void Ratings_print_in_the_styles_words_with_the_ratings_shading()
    {
        var style = Style("council.yaml", "name: council\nextends: york\nwords: {rating-green: Green, rating-red: Red}\n").Style!;
        var paper = Report + "summary:\n  - table:\n      columns: [Saving, {heading: RAG, type: rag}]\n      rows: [[Posts, G], [Fees, R], [Rents, A]]\n";
        var (docx, _) = Build(paper, style);
        using var doc = Docx.Open(docx!);
        var cells = doc.MainDocumentPart!.Document!.Body!.Descendants<TableCell>().Skip(3).Where((_, i) => i % 2 == 0).ToList();
        Assert.Equal(["Green", "Red", "AMBER"], cells.Select(c => c.InnerText));
        Assert.Equal(["C6EFCE", "FFC7CE", "FFEB9C"], cells.Select(c => c.TableCellProperties!.Shading!.Fill!.Value));
    }

    [Fact]
    public void A_one_row_label_value_table_prints_and_exempt_and_classification_are_placeholders()
    {
        var style = Style("council.yaml", """
            name: council
            extends: york
            front-blocks:
              report:
                - table: [["Classification", "{classification}"]]
                  header: false
                - "{exempt}"
                - table: [["Wards affected", "{wards}"]]
                  header: false
            """);
        Assert.True(style.Succeeded, string.Join("\n", style.Diagnostics));
        var (open, openDiagnostics) = Build(Report + "wards: [All]\n", style.Style!);
        Assert.Empty(openDiagnostics); // the wards are placed by the front table: no wards section, no CP0032
        using (var doc = Docx.Open(open!))
        {
            var rows = doc.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Select(r => r.InnerText).ToList();
            Assert.Equal(["ClassificationPublic", "Wards affectedAll"], rows);
        }

        Assert.DoesNotContain(Docx.ParagraphTexts(open!), t => t.Contains("Schedule 12A", StringComparison.Ordinal));
        var (exempt, _) = Build(Report + "exempt: 3\n", style.Style!);
        var texts = Docx.ParagraphTexts(exempt!);
        Assert.Contains(texts, t => t.StartsWith("This item is exempt under paragraph 3 of Schedule 12A", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Exempt under paragraph 3 of Schedule 12A", StringComparison.Ordinal));
    }
}
