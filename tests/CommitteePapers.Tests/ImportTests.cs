using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Import;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

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

    /// <summary>A Word document with one plain paragraph per text.</summary>
    internal static byte[] MakeDocx(IEnumerable<string> paragraphs, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, type))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p))))));
        }

        return stream.ToArray();
    }

    private static byte[] Zip(string entry, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var e = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            e.Write(content);
        }

        return stream.ToArray();
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "not-a-zip", "not a Word document (not a zip package)" },
        { "zip-bomb", "zip bomb" },
        { "macro-enabled", "macro-enabled document" },
        { "encrypted", "encrypted (password-protected) Word document" },
        { "zip-without-a-document", "no Word document in it" },
        { "nested-too-deep", "more than 256 deep" },
    };

    private static byte[] Bad(string kind) => kind switch
    {
        "not-a-zip" => System.Text.Encoding.UTF8.GetBytes("Minutes of the meeting held on 3 May 2022\n"),
        "zip-bomb" => Zip("word/document.xml", new byte[10 * 1024 * 1024]),
        "macro-enabled" => MakeDocx(["Budget"], WordprocessingDocumentType.MacroEnabledDocument),
        // An encrypted document is an OLE compound file (as an old .doc is): its signature, then sectors.
        "encrypted" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]],
        // Runs are read recursively: 30,000 nested smart tags (750 KB, under the zip-bomb check) must be refused, not exhaust the stack.
        "nested-too-deep" => WithDocumentXml(MakeDocx(["Budget"]),
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
            + string.Concat(Enumerable.Repeat("<w:smartTag>", 30_000)) + "<w:r><w:t>deep</w:t></w:r>"
            + string.Concat(Enumerable.Repeat("</w:smartTag>", 30_000)) + "</w:p></w:body></w:document>"),
        _ => Zip("notes.txt", System.Text.Encoding.UTF8.GetBytes("not a document")),
    };

    private static byte[] WithDocumentXml(byte[] docx, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_file_that_is_not_a_usable_Word_document_is_CP0031_at_line_1_and_no_YAML(string kind, string message)
    {
        var result = Import(Bad(kind), HouseStyles.York, kind + ".docx");
        Assert.False(result.Succeeded);
        Assert.Null(result.Yaml);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CP0031", error.Code);
        Assert.Equal(new CommitteePapers.Diagnostics.SourcePosition(kind + ".docx", 1, 1), error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_50_MiB_is_refused_one_byte_past_the_limit()
    {
        using var endless = new EndlessStream();
        var result = Papers.Import(endless, "huge.docx");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CP0031", error.Code);
        Assert.Contains("larger than 50 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal((50L * 1024 * 1024) + 1, endless.Position);
    }

    [Fact]
    public void Importing_twice_gives_the_same_YAML()
    {
        var source = File.ReadAllBytes(Fixture("york-safeguarding-pandoc.docx"));
        Assert.Equal(Import(source, HouseStyles.York).Yaml, Import(source, HouseStyles.York).Yaml);
    }

    [Fact]
    public void Text_before_any_heading_is_kept_as_the_summary_with_a_comment_and_a_warning_and_a_missing_meeting_has_a_stand_in()
    {
        var result = Import(MakeDocx(["The budget is balanced.", "Reserves stand at £2m."]), HouseStyles.York, "board.docx");
        Assert.True(result.Succeeded);
        Assert.True(result.Uncertain);
        Assert.Contains(result.Diagnostics, d => d.Code == "CP0100" && d.Position == new CommitteePapers.Diagnostics.SourcePosition("board.docx", 1, 1));
        Assert.Contains(result.Diagnostics, d => d.Code == "CP0101" && d.Message.Contains("meeting", StringComparison.Ordinal));
        Assert.Contains("# import: Text before any heading", result.Yaml, StringComparison.Ordinal);
        Assert.Contains("meeting: TBC", result.Yaml, StringComparison.Ordinal);
        var report = Assert.IsType<Report>(Papers.Parse(result.Yaml!, "board.yaml").Paper);
        Assert.Equal(["The budget is balanced.", "Reserves stand at £2m."], report.Summary.OfType<Paragraph>().Select(p => p.Text.PlainText));
    }

    [Fact]
    public void Markdown_characters_in_the_text_are_escaped_so_it_builds_back_the_same()
    {
        var texts = new[] { "Costs rose by 5* [see note] and *not* 10_000 <as> `planned` # \\ done", "# Not a heading", "[^1] and [@id] are text here" };
        var result = Import(MakeDocx(["Cabinet", "12 March 2024", "Report of the Director of Finance", "Summary", .. texts]), HouseStyles.York);
        var report = Assert.IsType<Report>(Papers.Parse(result.Yaml!, "x.yaml").Paper);
        var rebuilt = Docx.ParagraphTexts(Docx.Render(report, HouseStyles.York));
        foreach (var text in texts) Assert.Contains(text, rebuilt);
    }

    [Fact]
    public void The_command_imports_a_document_prints_its_summary_and_the_YAML_builds()
    {
        var folder = Directory.CreateTempSubdirectory("cp-import-").FullName;
        try
        {
            File.Copy(Fixture("york-safeguarding-pandoc.docx"), Path.Combine(folder, "safeguarding.docx"));
            var (code, stdout, stderr) = CliTests.Run(folder, "import", "safeguarding.docx");
            Assert.True(code == 0, stderr);
            Assert.Contains("safeguarding.docx: report, 129 paragraphs, 2 tables, 3 footnotes.", stdout, StringComparison.Ordinal);
            Assert.Contains("wrote safeguarding.yaml", stdout, StringComparison.Ordinal);
            var (built, _, buildErr) = CliTests.Run(folder, "build", "safeguarding.yaml", "-o", "again.docx");
            Assert.True(built == 0, buildErr);

            // An existing YAML is never overwritten.
            Assert.Equal(2, CliTests.Run(folder, "import", "safeguarding.docx").Code);
            Assert.Equal(2, CliTests.Run(folder, "import", "missing.docx").Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_command_exits_1_on_a_bad_document_and_with_strict_on_an_uncertain_one_writing_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("cp-import-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "locked.docx"), Bad("encrypted"));
            var (code, _, stderr) = CliTests.Run(folder, "import", "locked.docx");
            Assert.Equal(1, code);
            Assert.Contains("locked.docx(1,1): error CP0031:", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);

            File.WriteAllBytes(Path.Combine(folder, "loose.docx"), MakeDocx(["The budget is balanced."]));
            var strict = CliTests.Run(folder, "import", "loose.docx", "--strict");
            Assert.Equal(1, strict.Code);
            Assert.Contains("error CP0100", strict.Err, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder, "*.yaml"));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

            var (lenient, stdout, _) = CliTests.Run(folder, "import", "loose.docx");
            Assert.Equal(0, lenient);
            Assert.Contains("1 paragraph, 0 tables, 0 footnotes; 1 block kept as plain text: see comments", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A stream that never ends, and counts what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'P', offset, count);
            read += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
