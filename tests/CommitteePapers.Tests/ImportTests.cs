using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Import;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// <c>committee-papers import</c>: Word papers read back into YAML. Every example built and imported again builds to
/// the same numbered outline; a pandoc document and a paper typed by hand in LibreOffice import well; no word of the
/// source is lost; bad files are refused with CP0031.
/// </summary>
public partial class ImportTests
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    internal static ImportResult Import(byte[] docx, HouseStyle style, string name = "paper.docx", string? reference = null)
    {
        using var stream = new MemoryStream(docx);
        return Papers.Import(stream, name, new ImportOptions { Style = style, StyleReference = reference });
    }

    /// <summary>The numbered outline: headings and every paragraph that carries a number, with the number and text Word shows.</summary>
    internal static List<string> NumberedOutline(byte[] docx) => DocumentOutline.Read(docx)
        .Where(l => l.Number is not null || l.Style.StartsWith("Heading", StringComparison.Ordinal))
        .Select(l => $"{(l.Style.StartsWith("Heading", StringComparison.Ordinal) ? l.Style + " " : string.Empty)}{l.Number} {l.Text}".Trim())
        .ToList();

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void Every_example_built_and_imported_builds_again_to_the_same_numbered_outline(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var loaded = Papers.Load(path);
        var style = Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(path), out _)!;
        var original = Docx.Build(path, style);

        var imported = Import(original, style, Path.GetFileName(example).Replace(".yaml", ".docx", StringComparison.Ordinal));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Diagnostics));
        var again = Papers.Parse(imported.Yaml!, "imported.yaml");
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics) + "\n" + imported.Yaml);
        Assert.Equal(loaded.Paper!.GetType(), again.Paper!.GetType());
        var rebuilt = Docx.Render(again.Paper!, style);

        Assert.Equal(NumberedOutline(original), NumberedOutline(rebuilt));
    }

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void No_word_of_an_example_is_lost_on_import(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var loaded = Papers.Load(path);
        var style = Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(path), out _)!;
        var original = Docx.Build(path, style);
        var imported = Import(original, style);
        AssertNoWordLost(original, imported.Yaml!, style);
    }

    private static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "Import", name);

    /// <summary>The paragraphs a document numbers with decimals ("12.", not "a)" or "i."), with the numbers Word shows.</summary>
    private static List<(string Number, string Text)> DecimalParagraphs(byte[] docx) => DocumentOutline.Read(docx)
        .Where(l => l.Number is { } n && Regex.IsMatch(n, @"^\d+\.$") && !l.Style.StartsWith("Heading", StringComparison.Ordinal))
        .Select(l => (l.Number!, Importer.Normal(l.Text)))
        .ToList();

    [Fact]
    public void The_York_report_as_pandoc_writes_it_gives_60_numbered_paragraphs_in_order_the_recommendations_with_their_reason_and_the_contact_details()
    {
        var source = File.ReadAllBytes(Fixture("york-safeguarding-pandoc.docx"));
        var imported = Import(source, HouseStyles.York, "york-safeguarding-pandoc.docx");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Diagnostics));
        Assert.Equal(0, imported.Summary.Uncertain);
        var report = Assert.IsType<Report>(Papers.Parse(imported.Yaml!, "imported.yaml").Paper);

        // pandoc's own numbers, counted from its numbering.xml by the importer's counter (a list per heading, each with
        // its own w:start), are the numbers the Markdown typed: 1 to 60. The rebuilt paper, read by the tests' own
        // counter, prints the same numbers on the same paragraphs.
        var before = DocxReader.Read(source, "pandoc.docx", new CommitteePapers.Diagnostics.DiagnosticBag())!.Body.OfType<SourceParagraph>()
            .Where(p => p.Number is { IsOutline: true } && p.HeadingLevel is null)
            .Select(p => (Number: p.Number!.Text, Text: Importer.Normal(p.Text.Plain)))
            .ToList();
        var after = DecimalParagraphs(Docx.Render(report, HouseStyles.York));
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{n}."), before.Select(p => p.Number));
        Assert.Equal(before, after);

        Assert.Equal("Bi-Annual Safeguarding Update", report.Title);
        Assert.Equal("Learning & Culture Policy & Scrutiny Committee", report.Meeting);
        Assert.Equal(new DateOnly(2017, 1, 11), report.Date);
        Assert.Equal("The Committee is invited to:", report.Recommendations!.Intro!.PlainText);
        Assert.Equal(7, report.Recommendations.Items.Count);
        Assert.StartsWith("note the revised Children Social Care structure", report.Recommendations.Items[0].Text.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("To allow Members to be fully informed", report.Recommendations.Reason!.PlainText, StringComparison.Ordinal);
        var author = Assert.Single(report.Contact!.Authors);
        Assert.Equal("Eoin Rush", author.Name);
        Assert.Equal("Tel: 01904 554212", author.Phone);
        var chief = Assert.Single(report.Contact.ChiefOfficers);
        Assert.Equal("Jon Stonehouse", chief.Name);
        Assert.Equal(new DateOnly(2017, 1, 6), chief.Approved);
        Assert.Equal(["All"], report.Wards);
        Assert.Equal(3, report.Annexes.Count);
        Assert.Equal(11, report.Abbreviations.Count);
        Assert.Equal(3, report.Footnotes.Count);
        Assert.Contains(report.Sections.SelectMany(s => s.Sections).SelectMany(s => s.Sections), s => s.Lettered && s.Heading.PlainText == "Childrens Social Care Service Restructure");
        AssertNoWordLost(source, imported.Yaml!, HouseStyles.York);
    }

    [Fact]
    public void A_paper_typed_by_hand_gives_its_paragraphs_and_headings_with_the_typed_numbers_dropped()
    {
        var source = File.ReadAllBytes(Fixture("hand-typed-report.docx"));
        ATypedPaperImports(source);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_fresh_LibreOffice_conversion_of_the_hand_typed_paper_imports_the_same()
    {
        var folder = Directory.CreateTempSubdirectory("cp-import-").FullName;
        try
        {
            Tools.Run("soffice", $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "docx", "--outdir", folder, Fixture("hand-typed-report.fodt"));
            ATypedPaperImports(File.ReadAllBytes(Path.Combine(folder, "hand-typed-report.docx")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void ATypedPaperImports(byte[] source)
    {
        var imported = Import(source, HouseStyles.York, "hand-typed-report.docx");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Diagnostics));
        Assert.Equal(0, imported.Summary.Uncertain);
        var report = Assert.IsType<Report>(Papers.Parse(imported.Yaml!, "imported.yaml").Paper);
        Assert.Equal("Housing and Communities Scrutiny Committee", report.Meeting);
        Assert.Equal(new DateOnly(2024, 3, 14), report.Date);
        Assert.Equal("Director of Housing", report.ReportOf);
        Assert.Equal("Empty Homes Review", report.Title);
        Assert.Equal(["Background", "Findings"], report.Sections.Select(s => s.Heading.PlainText));
        Assert.Single(report.Summary);
        Assert.Equal(["why homes stand empty;", "what other councils have done; and", "what the council's own powers allow."],
            report.Sections[0].Paragraphs.OfType<Paragraph>().Last().Items.Select(i => i.Text.PlainText));
        Assert.Equal(2, report.Recommendations!.Items.Count);
        Assert.Equal("To bring more empty homes back into use.", report.Recommendations.Reason!.PlainText);
        Assert.Equal("Priya Shah", report.Contact!.Authors[0].Name);
        Assert.Equal("priya.shah@example.gov.uk", report.Contact.Authors[0].Email);
        Assert.Contains("*an increase*", report.Sections[0].Paragraphs.OfType<Paragraph>().First().Text.Source, StringComparison.Ordinal);

        // The typed "1." to "6." are gone from the text, and York's numbering prints them again, on the same paragraphs.
        var typed = ParagraphsWithTabs(source).Where(t => Regex.IsMatch(t, @"^\d+\.\t")).Select(t => Importer.Normal(t[(t.IndexOf('\t') + 1)..])).ToList();
        Assert.Equal(6, typed.Count);
        var rebuilt = DecimalParagraphs(Docx.Render(report, HouseStyles.York));
        Assert.Equal(typed.Select((t, i) => ($"{i + 1}.", t)), rebuilt);
        Assert.DoesNotContain(imported.Yaml!.Split('\n'), l => Regex.IsMatch(l, @"^\s*-\s+'?\d+\."));
        AssertNoWordLost(source, imported.Yaml!, HouseStyles.York);
    }

    /// <summary>
    /// Every word of the document's body (paragraphs, tables and footnotes) is in the YAML, unless the house style prints
    /// it itself (its headings and wording: "Wards Affected:", "Report of the", "Annex 1"), or it is a number Word shows.
    /// </summary>
    internal static void AssertNoWordLost(byte[] docx, string yaml, HouseStyle style)
    {
        var source = Words(BodyText(docx));
        var kept = Words(yaml);
        var styleWords = Words(string.Join(" ", style.Headings.Values.Concat(style.Words.Values.Select(w => w.PlainText))
            .Concat(style.StandardItems.Values.SelectMany(s => new[] { s.Title, s.Agenda?.PlainText ?? string.Empty, s.Minutes?.PlainText ?? string.Empty }))
            .Concat(style.FrontBlocks.Values.Concat(style.EndBlocks.Values).SelectMany(b => b).SelectMany(l => (l.Table ?? []).SelectMany(r => r).Append(l.Text)).Select(t => t.PlainText))
            .Concat(style.Blocks.Values.SelectMany(b => b.Lines.Select(l => l.Text.PlainText).Append(b.Heading ?? string.Empty)))
            .Append(style.Council).Append(style.BodyHeading ?? string.Empty)
            .Concat([style.Members.One, style.Members.Many, style.Members.Chair, style.Members.ViceChair, .. style.AmPm])
            // Dates and times are printed by the style from the values the YAML gives as 2024-02-22 and 17:30.
            .Concat(CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames)
            .Concat(CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.DayNames)));
        var lost = source.Where(w => !kept.Contains(w) && !styleWords.Contains(w) && !w.All(char.IsDigit) && w.Length > 1 && !IsNumeral(w)).Order(StringComparer.Ordinal).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} words lost: {string.Join(", ", lost.Take(40))}\n{yaml}");
    }

    private static bool IsNumeral(string w) => Regex.IsMatch(w, "^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$") || Regex.IsMatch(w, "^[a-z]$") || Regex.IsMatch(w, @"^\d+(st|nd|rd|th)$");

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> ParagraphsWithTabs(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e is DocumentFormat.OpenXml.Wordprocessing.Text t ? t.Text : e is DocumentFormat.OpenXml.Wordprocessing.TabChar ? "\t" : string.Empty)))
            .ToList();
    }

    /// <summary>The text of the body and the footnotes, a line break or tab read as a space.</summary>
    internal static string BodyText(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var parts = new List<DocumentFormat.OpenXml.OpenXmlElement> { doc.MainDocumentPart!.Document!.Body! };
        if (doc.MainDocumentPart.FootnotesPart?.Footnotes is { } notes) parts.Add(notes);
        var sb = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            foreach (var e in part.Descendants())
            {
                if (e is DocumentFormat.OpenXml.Wordprocessing.Text t) sb.Append(t.Text);
                else if (e is DocumentFormat.OpenXml.Wordprocessing.Break or DocumentFormat.OpenXml.Wordprocessing.TabChar or DocumentFormat.OpenXml.Wordprocessing.Paragraph) sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
