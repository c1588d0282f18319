using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using CommitteePapers.Packs;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Json.Schema;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace CommitteePapers.Tests;

/// <summary>
/// Agenda packs, built for real through LibreOffice and read back in-process with PdfPig (text, page counts, title, tags) and PDFsharp: the
/// "(Pages a - b)" the agenda prints are the numbers printed on those pages, papers start on odd pages with blank-page
/// padding (or run on), bookmarks, tags, public and private packs, confined paths, batches, and the statutory calendar.
/// The two example packs are built once for the whole class (<see cref="PackFixture"/>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackTests : IClassFixture<PackFixture>
{
    private const string BlankText = "This page is intentionally left blank";

    /// <summary>Built once: JsonSchema.Net registers a schema by its $id, and refuses to register it twice.</summary>
    private static readonly Lazy<JsonSchema> PackSchema = new(() => JsonSchema.FromText(Papers.PackJsonSchema));

    private readonly PackFixture packs;

    public PackTests(PackFixture packs) => this.packs = packs;

    public static TheoryData<string> ExamplePacks() => new() { PackFixture.York, PackFixture.NorthSomerset };

    public static TheoryData<string> AllBuilds() => new() { PackFixture.York, PackFixture.NorthSomerset, PackFixture.YorkRunOn };

    // ==== one LibreOffice start for a batch of packs (issue 17) =====================================================

    [Fact]
    public void A_batch_of_packs_starts_LibreOffice_once_and_every_conversion_goes_through_it()
    {
        // Each pack converts twice (measuring, then building; a third time only when the front sheet's length moves).
        Assert.Equal(1, packs.LibreOfficeStarts);
        Assert.InRange(packs.ServedConversions, 6, 9);
    }

    // ==== (a) "(Pages a - b)" in the agenda = the numbers printed on the papers' pages =============================

    [Theory]
    [MemberData(nameof(AllBuilds))]
    public void Agenda_page_ranges_are_the_numbers_printed_on_the_papers_pages(string name)
    {
        var pack = packs[name];
        var layout = pack.Layout;

        // What the agenda prints, what the pages show, and what the library says it printed: all the same.
        var printedOnPages = layout.Items.ToDictionary(i => i.Number, i => (i.Pages[0].Printed!.Value, i.Pages[^1].Printed!.Value));
        Assert.Equal(printedOnPages.OrderBy(p => p.Key), layout.AgendaRanges.OrderBy(p => p.Key));
        Assert.Equal(printedOnPages.OrderBy(p => p.Key), pack.Result.Pages.ToDictionary(p => p.Number, p => (p.First, p.Last)).OrderBy(p => p.Key));
        Assert.Equal(pack.Expected.Items.Where(i => i.Papers.Count > 0).Select(i => i.Number), layout.AgendaRanges.Keys.Order());

        foreach (var item in layout.Items)
        {
            foreach (var paper in item.Papers)
            {
                // Each paper's first page starts with the paper's own first front-block line.
                Assert.Contains(paper.Expected.FirstLine, paper.Pages[0].Lines.Take(2)); // after its hidden bookmark title
                Assert.All(paper.Pages, p => Assert.False(p.IsBlank, $"{name}: page {p.Physical} inside '{paper.Expected.File}' is a padding page"));
            }
        }

        // Every page from the first numbered one on carries the next number, with no gaps.
        var offset = pack.Expected.NumbersFromFrontSheet ? 0 : layout.FrontPages;
        Assert.All(layout.Pages.Where(p => p.Physical > offset), p => Assert.Equal(p.Physical - offset, p.Printed));
        if (!pack.Expected.NumbersFromFrontSheet)
        {
            Assert.All(layout.Pages.Take(layout.FrontPages), p => Assert.Null(p.Printed));
            Assert.Equal(1, layout.Items[0].Pages[0].Printed);
        }
    }

    [Theory]
    [MemberData(nameof(AllBuilds))]
    public void The_example_packs_build_without_errors_and_are_published_in_time(string name)
    {
        var pack = packs[name];
        Assert.DoesNotContain(pack.Result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(pack.Result.Diagnostics, d => d.Code == "CP0051");
    }

    // ==== (b) odd-page convention ==================================================================================

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void Every_paper_starts_on_an_odd_page_and_padding_pages_say_only_that_they_are_blank(string name)
    {
        var layout = packs[name].Layout;
        var papers = layout.Items.SelectMany(i => i.Papers).ToList();
        Assert.All(papers, p => Assert.True(p.Pages[0].Physical % 2 == 1, $"{name}: '{p.Expected.File}' starts on page {p.Pages[0].Physical}"));

        var blanks = layout.Pages.Where(p => p.Text.Contains("intentionally left blank", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blanks);
        foreach (var blank in blanks)
        {
            Assert.Equal([BlankText, blank.Printed?.ToString(CultureInfo.InvariantCulture) ?? "(no number)"], blank.Lines);
            // Padding only where it is needed: before a paper that would otherwise start on an even page, or at the end.
            Assert.True(blank.Physical % 2 == 0, $"{name}: the blank page {blank.Physical} is an odd page");
            var next = layout.Pages.ElementAtOrDefault(blank.Physical);
            Assert.True(next is null || papers.Any(p => p.Pages[0] == next), $"{name}: the blank page {blank.Physical} is not followed by a paper");
        }

        // Exactly one blank page after the front sheet or a paper that ends on an odd page, none after an even one.
        var ends = new[] { layout.FrontPages }.Concat(papers.Select(p => p.Pages[^1].Physical)).ToList();
        Assert.Equal(ends.Where(e => e % 2 == 1).Select(e => e + 1), blanks.Select(b => b.Physical));
        Assert.True(layout.Pages.Count % 2 == 0, $"{name}: {layout.Pages.Count} pages; an odd-page pack ends on an even page");
    }

    // ==== (c) tagged PDF with a title ==============================================================================

    [Fact]
    public void The_York_pack_is_a_tagged_pdf_with_a_title()
    {
        var info = PdfText.Info(packs[PackFixture.York].Pdf);
        Assert.True(info.Tagged);
        Assert.Equal("Children, Education and Communities Policy and Scrutiny Committee- Commissioned Slot, 28 June 2022", info.Title?.Trim());
    }

    // ==== (d) bookmarks ============================================================================================

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void Every_agenda_item_has_a_bookmark_with_its_page_range(string name)
    {
        var pack = packs[name];
        var outline = Outline(pack.Pdf);
        foreach (var item in pack.Expected.Items)
        {
            var range = pack.Layout.AgendaRanges.TryGetValue(item.Number, out var r) ? PagesText(r) : null;
            var expected = $"{item.Number}. {item.Title}" + (range is null ? string.Empty : " " + range);
            Assert.Contains(expected, outline);
        }
    }

    [Fact]
    public void The_supplied_pdf_has_a_bookmark_with_its_title()
    {
        var pack = packs[PackFixture.NorthSomerset];
        var supplied = Assert.Single(pack.Expected.Items.SelectMany(i => i.Papers), p => p.File.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal("Children's and Young People's Social Worker Recruitment and Retention", supplied.Title);
        Assert.Contains(supplied.Title, Outline(pack.Pdf));
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void Every_paper_has_a_bookmark_with_its_title(string name)
    {
        var pack = packs[name];
        var outline = Outline(pack.Pdf);
        Assert.All(pack.Expected.Items.SelectMany(i => i.Papers), paper => Assert.Contains(paper.Title, outline));
    }

    // ==== (e) run-on ===============================================================================================

    [Fact]
    public void A_run_on_pack_has_no_blank_pages_and_its_papers_follow_each_other()
    {
        var runOn = packs[PackFixture.YorkRunOn];
        var layout = runOn.Layout;
        Assert.DoesNotContain(layout.Pages, p => p.Text.Contains("intentionally left blank", StringComparison.Ordinal));
        var papers = layout.Items.SelectMany(i => i.Papers).ToList();
        Assert.Equal(layout.FrontPages + 1, papers[0].Pages[0].Physical);
        for (var i = 1; i < papers.Count; i++) Assert.Equal(papers[i - 1].Pages[^1].Physical + 1, papers[i].Pages[0].Physical);
        Assert.Equal(layout.Pages.Count, papers[^1].Pages[^1].Physical);

        // The same papers, the same lengths: only the padding is gone.
        var oddPage = packs[PackFixture.York].Layout.Items.SelectMany(i => i.Papers).Select(p => p.Pages.Count);
        Assert.Equal(oddPage, papers.Select(p => p.Pages.Count));
        Assert.False(File.Exists(Path.Combine(Repo.Examples, "york-scrutiny-pack", PackFixture.RunOnFile)), "the run-on copy of the pack file was left behind");
    }

    // ==== (j) every .docx a pack writes is valid ===================================================================

    [Theory]
    [MemberData(nameof(AllBuilds))]
    public void Every_docx_the_pack_writes_passes_the_validator(string name)
    {
        var pack = packs[name];
        var documents = pack.Result.Files.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)).ToList();
        // The combined pack, the agenda on its own, and each of our papers.
        Assert.Equal(2 + pack.Expected.Items.SelectMany(i => i.Papers).Count(p => p.File.EndsWith(".yaml", StringComparison.Ordinal)), documents.Count);
        Assert.All(documents, f => Docx.AssertValid(File.ReadAllBytes(f)));
    }

    [Fact]
    public void The_North_Somerset_pack_has_five_papers_with_ranges_the_work_plan_its_own_and_the_letter_lists_the_other_members()
    {
        var pack = packs[PackFixture.NorthSomerset];
        // Seed 004: Minutes (7 - 10), Q3 Performance Monitor (11 - 22), MTFP (23 - 32), recruitment (33 - 40), work plan (41 - 44).
        Assert.Equal([4, 6, 7, 8, 9], pack.Layout.AgendaRanges.Keys.Order());
        var workPlan = Assert.Single(pack.Layout.Items.Single(i => i.Number == 9).Papers);
        Assert.Equal("papers/work-plan.yaml", workPlan.Expected.File);
        Assert.Contains(workPlan.Pages.SelectMany(p => p.Lines), l => l.StartsWith("Section One – planned panel working groups.", StringComparison.Ordinal));

        // Lines the PDF wraps are joined again.
        var letter = string.Join(" ", pack.Layout.Pages.Take(pack.Layout.FrontPages).SelectMany(p => p.Lines));
        Assert.Contains("Added Members: Claire Hudson (Church of England Representative),", letter);
        Assert.Contains("Vacancies: Primary and Secondary/Special School Parent Governor Representative", letter);
        Assert.Contains("Right to Speak: Fiona Waters (Weston College), Kenton Mee, North Somerset Parent Carers Working Together,", letter);
        Assert.True(letter.IndexOf("Martin Williams.", StringComparison.Ordinal) < letter.IndexOf("Added Members:", StringComparison.Ordinal),
            "the groups follow the councillors, as the covering letter prints them");
    }

    [Fact]
    public void Each_report_in_a_pack_numbers_its_sections_from_1()
    {
        var reports = packs[PackFixture.NorthSomerset].Layout.Items.SelectMany(i => i.Papers)
            .Where(p => p.Expected.File is "papers/q3-performance.yaml" or "papers/mtfp.yaml").ToList();
        Assert.Equal(2, reports.Count);
        foreach (var report in reports)
        {
            var summary = report.Pages.SelectMany(p => p.Lines).Select(l => Regex.Match(l, @"^(\d+)\.\s+SUMMARY OF REPORT$")).First(m => m.Success);
            Assert.Equal("1", summary.Groups[1].Value);
        }
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void The_pages_the_library_reports_carry_the_items_titles(string name)
    {
        var pack = packs[name];
        var titles = pack.Expected.Items.ToDictionary(i => i.Number, i => i.Title);
        Assert.All(pack.Result.Pages, p => Assert.Equal(titles[p.Number], p.Title));
    }

    [Fact]
    public void The_North_Somerset_pack_builds_without_a_diagnostic()
    {
        // Its Q3 report acknowledges the KPI rows its original contradicts (CP0026 to CP0028, issue 16), so the pack
        // has nothing to say. How a paper's diagnostics are named inside a pack: A_batch_with_a_broken_pack_….
        Assert.Empty(packs[PackFixture.NorthSomerset].Result.Diagnostics);
    }

    // ==== helpers ==================================================================================================

    /// <summary>Text with every run of white space made one space, so line breaks do not matter.</summary>
    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static string PagesText((int First, int Last) range) =>
        range.First == range.Last ? $"(Page {range.First})" : $"(Pages {range.First} - {range.Last})";

    /// <summary>Every bookmark title of a PDF, depth first.</summary>
    internal static IReadOnlyList<string> Outline(string pdf)
    {
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        var titles = new List<string>();
        void Walk(PdfOutlineCollection outlines)
        {
            foreach (var outline in outlines)
            {
                titles.Add(outline.Title);
                Walk(outline.Outlines);
            }
        }

        Walk(document.Outlines);
        return titles;
    }

    /// <summary>Small packs written for one test each: exempt items, confinement, a batch on the command line, the calendar warning.</summary>
    [Trait("Category", "Slow")]
    public sealed class SmallPacks : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("cp-pack-test-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        // ==== (f) exempt items: public and private packs ===============================================================

        [Fact]
        public void An_exempt_papers_text_stays_out_of_the_public_pack_and_is_marked_in_the_private_one()
        {
            const string Secret = "The preferred bidder is Acme Removals Limited at 412,000 pounds.";
            const string Public = "The library opening hours are extended from September.";
            WriteReport("contract.yaml", "Contract award for removals", Secret);
            WriteReport("library.yaml", "Library opening hours", Public);
            var packFile = Write("pack.yaml", """
                pack: agenda
                style: york
                page-convention: odd-page
                page-numbers: from-first-paper
                committee: Test Committee
                date: 2022-06-28
                items:
                  - title: Library opening hours
                    papers: [library.yaml]
                  - title: Contract award
                    exempt: 3
                    papers: [contract.yaml]
                """);
            var output = Path.Combine(folder, "out");

            var result = AgendaPacks.Build(packFile, output);

            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var name = Path.GetFileName(folder);
            var publicPdf = Path.Combine(output, name + ".pdf");
            var privatePdf = Path.Combine(output, name + "-private.pdf");
            Assert.Contains(publicPdf, result.Files);
            Assert.Contains(privatePdf, result.Files);
            Assert.Contains(Path.Combine(output, name + "-private.docx"), result.Files);

            var wording = Flat(HouseStyles.York.WordFor("exempt").Source.Replace("{paragraph}", "3", StringComparison.Ordinal));
            var publicText = Flat(PdfText.Text(publicPdf));
            Assert.Contains(Public, publicText);
            Assert.DoesNotContain(Secret, publicText);
            Assert.DoesNotContain("NOT FOR PUBLICATION", publicText);
            Assert.Contains(wording, publicText);
            Assert.Equal([(1, 1, 1)], result.Pages.Select(p => (p.Number, p.First, p.Last)));

            var privateText = Flat(PdfText.Text(privatePdf));
            Assert.Contains(Secret, privateText);
            Assert.Contains(Public, privateText);
            Assert.Contains("NOT FOR PUBLICATION", privateText);
            Assert.Contains(wording, privateText);
            Assert.True(privateText.IndexOf("NOT FOR PUBLICATION", StringComparison.Ordinal) < privateText.IndexOf(Secret, StringComparison.Ordinal));
            Assert.Contains("(not for publication)", PdfText.Info(privatePdf).Title, StringComparison.Ordinal);
            Assert.All(result.Files.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)), f => Docx.AssertValid(File.ReadAllBytes(f)));
        }

        [Fact]
        public void Minutes_with_an_exempt_minute_go_into_the_public_pack_as_public_minutes_and_into_the_private_pack_in_full()
        {
            Write("minutes.yaml", ExemptMinutes.Yaml);
            WriteReport("library.yaml", "Library opening hours", "The library opening hours are extended from September.");
            var packFile = Write("pack.yaml", """
                pack: agenda
                style: york
                page-convention: odd-page
                page-numbers: from-first-paper
                committee: Executive
                date: 2024-04-16
                items:
                  - standard: minutes
                    papers: [minutes.yaml]
                  - title: Library opening hours
                    papers: [library.yaml]
                """);
            var output = Path.Combine(folder, "out");

            var result = AgendaPacks.Build(packFile, output);

            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var name = Path.GetFileName(folder);
            Assert.Contains(Path.Combine(output, "minutes.docx"), result.Files);
            Assert.Contains(Path.Combine(output, "minutes-private.docx"), result.Files);
            var publicText = Flat(PdfText.Text(Path.Combine(output, name + ".pdf")));
            var privateText = Flat(PdfText.Text(Path.Combine(output, name + "-private.pdf")));
            Assert.All(ExemptMinutes.Texts, text => Assert.DoesNotContain(text, publicText, StringComparison.Ordinal));
            Assert.All(ExemptMinutes.Texts, text => Assert.Contains(text, privateText, StringComparison.Ordinal));
            var wording = Flat(HouseStyles.York.WordFor("exempt-minute").Source.Replace("{paragraph}", "3", StringComparison.Ordinal));
            Assert.Contains(wording, publicText, StringComparison.Ordinal);
            foreach (var text in new[] { "Contract award for removals", "The library opening hours are extended from September." })
            {
                Assert.Contains(text, publicText, StringComparison.Ordinal);
                Assert.Contains(text, privateText, StringComparison.Ordinal);
            }

            // Both items have their papers in the public pack: the minutes (in their public version) and the report.
            Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
            Assert.All(result.Files.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)), f => Docx.AssertValid(File.ReadAllBytes(f)));
            Assert.DoesNotContain("Acme", string.Join("\n", Docx.ParagraphTexts(File.ReadAllBytes(Path.Combine(output, "minutes.docx")))), StringComparison.Ordinal);
        }

        // ==== (g) a paper outside the pack's folder ====================================================================

        [Fact]
        public void A_paper_outside_the_packs_folder_is_CP0029_at_its_line_and_column_and_nothing_is_written()
        {
            var text = """
                pack: agenda
                committee: Test Committee
                date: 2022-06-28
                items:
                  - title: Passwords
                    papers:
                      - ../../etc/passwd
                """;
            var packFile = Write("pack.yaml", text);
            var lines = text.Split('\n');
            var line = Array.FindIndex(lines, l => l.Contains("../../etc/passwd", StringComparison.Ordinal));
            var output = Path.Combine(folder, "out");

            var result = AgendaPacks.Build(packFile, output);

            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Diagnostics, d => d.Code == "CP0029");
            Assert.Equal(Severity.Error, error.Severity);
            Assert.Equal(Path.GetFullPath(packFile), Path.GetFullPath(error.Position.File));
            Assert.Equal((line + 1, lines[line].IndexOf("../", StringComparison.Ordinal) + 1), (error.Position.Line, error.Position.Column));
            Assert.Empty(result.Files);
            Assert.Empty(result.Pages);
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "something was written");
        }

        // ==== (h) a batch on the command line with one broken pack =====================================================

        [Fact]
        public void A_batch_with_a_broken_pack_builds_the_good_one_and_exits_1()
        {
            Directory.CreateDirectory(Path.Combine(folder, "good"));
            Directory.CreateDirectory(Path.Combine(folder, "broken"));
            WriteReport(Path.Combine("good", "report.yaml"), "A good report", "All is well.");
            WriteReport(Path.Combine("broken", "report.yaml"), "A broken report", "All is not well.");
            var broken = Path.Combine(folder, "broken", "report.yaml");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("summary:", "sumary:", StringComparison.Ordinal));
            const string Pack = """
                pack: agenda
                style: york
                committee: Test Committee
                date: 2022-06-28
                items:
                  - title: A report
                    papers: [report.yaml]
                """;
            Write(Path.Combine("good", "pack.yaml"), Pack);
            Write(Path.Combine("broken", "pack.yaml"), Pack);

            var (code, stdout, stderr) = CliTests.Run(folder, "pack", "good/pack.yaml", "broken/pack.yaml", "-o", "out");

            Assert.Equal(1, code);
            Assert.True(File.Exists(Path.Combine(folder, "out", "good", "good.pdf")), stdout + stderr);
            Assert.False(Directory.Exists(Path.Combine(folder, "out", "broken")) && Directory.EnumerateFiles(Path.Combine(folder, "out", "broken"), "*.pdf").Any());
            Assert.Matches(new Regex(@"^1 built, \d+ warnings?, 1 failed in [\d.,]+ s\.$", RegexOptions.Multiline), stdout);

            // Each pack's details under its own heading, in the order given, with the paths as typed.
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var good = lines.IndexOf("built good/pack.yaml");
            var bad = lines.IndexOf("FAILED broken/pack.yaml");
            Assert.True(good >= 0 && bad > good, stdout);
            Assert.Contains("wrote out/good/good.pdf", lines[good..bad]);
            Assert.Contains(lines[good..bad], l => l.Contains("A report (Pages ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines[bad..], l => l.StartsWith("wrote", StringComparison.Ordinal));
            Assert.Contains("error CP0002", stderr);
            Assert.Contains("report.yaml(", stderr);
            Assert.Contains("error CP0050", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public void A_pack_published_too_late_gets_CP0051_naming_the_last_day_to_publish()
        {
            var packFile = Write("pack.yaml", """
                pack: agenda
                style: york
                committee: Test Committee
                date: 2022-06-28
                publication-date: 2022-06-24
                items:
                  - title: An item without papers
                """);

            var result = AgendaPacks.Build(packFile, Path.Combine(folder, "out"));

            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var warning = Assert.Single(result.Diagnostics, d => d.Code == "CP0051");
            Assert.Equal(Severity.Warning, warning.Severity);
            Assert.Equal(Path.GetFullPath(packFile), Path.GetFullPath(warning.Position.File));
            Assert.True(warning.Position.IsKnown);
            Assert.Contains("1 clear working day ", warning.Message);
            Assert.Contains("Monday 20 June 2022", warning.Message);
            Assert.Empty(result.Pages);
        }

        [Fact]
        public void A_council_in_scotland_does_not_count_st_andrews_day_as_a_clear_day()
        {
            Write("scottish.yaml", """
                name: scottish
                extends: york
                nation: scotland
                """);
            var packFile = Write("pack.yaml", """
                pack: agenda
                style: scottish.yaml
                committee: Test Committee
                date: 2022-12-06
                publication-date: 2022-11-28
                items:
                  - title: An item without papers
                """);

            var result = AgendaPacks.Build(packFile, Path.Combine(folder, "out"));

            // Five clear days in England (29 November to 5 December); four in Scotland, where 30 November is off.
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            var warning = Assert.Single(result.Diagnostics, d => d.Code == "CP0051");
            Assert.Contains("4 clear working days ", warning.Message);
            // The latest day with five clear days after it; a Sunday, as the count allows.
            Assert.True(warning.Message.Contains("Publish by Sunday 27 November 2022.", StringComparison.Ordinal), warning.Message);
        }

        // ==== (j) a pack whose front sheet fills its pages exactly ========================================================

        /// <summary>
        /// Issue 15, point 9. With 20 mm margins and York's notice end-block, one item's front sheet takes one page, and
        /// page 1 (a right-hand page to LibreOffice) followed it, also right-hand: LibreOffice put an empty page between
        /// (CP0053, "3 pages, not the 2 measured"). With twelve items the agenda was measured with "(Page 888)", wider
        /// than the real "(Page 7)", and came out a page shorter (CP0053, "14 pages, not the 15 measured").
        /// </summary>
        [Theory]
        [InlineData(1)]
        [InlineData(12)]
        public void A_run_on_pack_with_an_odd_or_long_front_sheet_builds_with_the_ranges_it_prints(int items)
        {
            Write("style.yaml", """
                name: twenty
                extends: york
                page:
                  margins: {top: 20, right: 20, bottom: 20, left: 20}
                """);
            Write("report.yaml", """
                paper: report
                meeting: Cabinet
                date: 2024-03-12
                report-of: Director of Children's Services
                title: Budget update
                summary:
                  - The forecast has improved.
                """);
            var pack = new StringBuilder("""
                pack: agenda
                style: style.yaml
                page-convention: run-on
                committee: Cabinet
                date: 2024-03-12
                time: "17:30"
                venue: West Offices
                democracy-officer: {name: Jane Meller, phone: (01904) 555209, email: jane.meller@york.gov.uk}
                items:
                  - standard: declarations-of-interest

                """);
            for (var i = 1; i <= items; i++)
            {
                pack.Append(CultureInfo.InvariantCulture, $"  - title: Budget update number {i} for the year with a rather long title to wrap\n    papers: [report.yaml]\n");
            }

            var packFile = Write("pack.yaml", pack.ToString());

            var result = AgendaPacks.Build(packFile, Path.Combine(folder, "out"));

            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Equal(Enumerable.Range(1, items).Select(i => (i + 1, i, i)), result.Pages.Select(p => (p.Number, p.First, p.Last)));
            var pdf = result.Files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal));
            var pages = PdfText.Pages(pdf).Select(lines => string.Join("\n", lines)).ToList();
            Assert.All(pages, text => Assert.False(string.IsNullOrWhiteSpace(text), "the pack has an empty page"));
            var front = pages.Count - items;
            Assert.All(pages.Skip(front).Select((text, i) => (text, i)), p =>
            {
                Assert.Contains("The forecast has improved.", p.text);
                Assert.Matches(new Regex($@"^\s*{p.i + 1}\s*$", RegexOptions.Multiline), p.text);
            });
            Assert.All(pages.Take(front), text => Assert.DoesNotContain("The forecast has improved.", text));
            var agenda = Flat(string.Concat(pages.Take(front)));
            for (var i = 1; i <= items; i++) Assert.Contains($"number {i} for the year with a rather long title to wrap (Page {i})", agenda);
        }

        private string Write(string relative, string text)
        {
            var path = Path.Combine(folder, relative);
            File.WriteAllText(path, text);
            return path;
        }

        private void WriteReport(string relative, string title, string summary) => Write(relative, $"""
            paper: report
            style: york
            meeting: Test Committee
            date: 2022-06-28
            report-of: Director of Testing
            title: {title}
            summary:
              - {summary}
            """);

    }

    /// <summary>Clear working days, bank holidays and Easter (no LibreOffice needed).</summary>
    public sealed class Calendar
    {
        // ==== (i) the statutory calendar ===============================================================================

        private static readonly WorkingDays England = new(Nation.England);

        private static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

        private static Nation NationNamed(string name) => name switch
        {
            "england" => Nation.England,
            "wales" => Nation.Wales,
            "scotland" => Nation.Scotland,
            "northern-ireland" => Nation.NorthernIreland,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        [Theory]
        [InlineData("2022-06-20", "2022-06-28", 5)] // Tue 21 to Mon 27: five working days
        [InlineData("2022-06-21", "2022-06-28", 4)]
        [InlineData("2022-06-24", "2022-06-28", 1)] // a Friday for a Tuesday: only Monday is clear
        [InlineData("2022-06-27", "2022-06-28", 0)]
        [InlineData("2022-06-28", "2022-06-28", 0)]
        [InlineData("2022-06-01", "2022-06-09", 3)] // the Platinum Jubilee: 2 and 3 June are bank holidays
        [InlineData("2022-09-15", "2022-09-22", 3)] // the State Funeral, Monday 19 September
        [InlineData("2023-05-04", "2023-05-11", 3)] // Monday 1 May and the Coronation, Monday 8 May
        [InlineData("2022-12-22", "2023-01-04", 5)] // Christmas and New Year on Sundays: 26, 27 December and 2 January are off
        [InlineData("2024-02-14", "2024-02-22", 5)] // North Somerset's panel
        public void Clear_working_days_leave_out_weekends_bank_holidays_and_both_end_days(string published, string meeting, int expected) =>
            Assert.Equal(expected, England.ClearBetween(Day(published), Day(meeting)));

        [Theory]
        [InlineData("england", "2022-06-02")] // the Platinum Jubilee
        [InlineData("england", "2022-06-03")]
        [InlineData("england", "2022-09-19")] // the State Funeral
        [InlineData("england", "2023-05-08")] // the Coronation
        [InlineData("england", "2012-06-04")] // the Diamond Jubilee: the late May holiday moved to 4 June, and 5 June added
        [InlineData("england", "2012-06-05")]
        [InlineData("england", "2020-05-08")] // VE Day: the early May holiday moved to Friday 8 May
        [InlineData("england", "2022-04-15")] // Good Friday
        [InlineData("england", "2022-04-18")] // Easter Monday
        [InlineData("england", "2022-05-02")]
        [InlineData("england", "2022-08-29")]
        [InlineData("england", "2022-12-26")]
        [InlineData("england", "2022-12-27")] // Christmas Day fell on a Sunday
        [InlineData("england", "2023-01-02")] // New Year's Day fell on a Sunday
        [InlineData("england", "2023-05-01")]
        [InlineData("england", "2023-05-29")]
        [InlineData("england", "2022-06-25")] // a Saturday
        [InlineData("wales", "2022-04-18")] // Wales keeps England's days
        [InlineData("wales", "2022-08-29")]
        [InlineData("wales", "2022-09-19")]
        [InlineData("scotland", "2022-11-30")] // St Andrew's Day
        [InlineData("scotland", "2023-01-02")] // New Year's Day fell on a Sunday: 2 and 3 January are off
        [InlineData("scotland", "2023-01-03")]
        [InlineData("scotland", "2022-08-01")] // the summer bank holiday is the first Monday of August
        [InlineData("scotland", "2022-04-15")] // Good Friday
        [InlineData("scotland", "2022-06-02")] // the one-off days are the United Kingdom's
        [InlineData("scotland", "2022-06-03")]
        [InlineData("scotland", "2022-09-19")]
        [InlineData("scotland", "2023-05-08")]
        [InlineData("northern-ireland", "2022-03-17")] // St Patrick's Day
        [InlineData("northern-ireland", "2022-07-12")] // the Battle of the Boyne
        [InlineData("northern-ireland", "2023-03-17")]
        [InlineData("northern-ireland", "2023-07-12")]
        [InlineData("northern-ireland", "2022-04-18")] // Easter Monday
        [InlineData("northern-ireland", "2022-06-02")]
        [InlineData("northern-ireland", "2022-06-03")]
        [InlineData("northern-ireland", "2022-09-19")]
        [InlineData("northern-ireland", "2023-05-08")]
        public void Bank_holidays_and_weekends_are_not_working_days(string nation, string day) =>
            Assert.False(new WorkingDays(NationNamed(nation)).IsWorkingDay(Day(day)));

        [Theory]
        [InlineData("england", "2022-05-30")] // the late May bank holiday of 2022 moved to 2 June
        [InlineData("england", "2022-06-01")]
        [InlineData("england", "2022-06-06")]
        [InlineData("england", "2022-09-20")]
        [InlineData("england", "2023-05-09")]
        [InlineData("england", "2012-05-28")] // moved to 4 June 2012
        [InlineData("england", "2020-05-04")] // moved to 8 May 2020
        [InlineData("england", "2022-11-30")] // St Andrew's Day is Scotland's
        [InlineData("england", "2022-07-12")] // 12 July is Northern Ireland's
        [InlineData("england", "2022-03-17")] // St Patrick's Day is Northern Ireland's
        [InlineData("england", "2023-01-03")] // 2 January is Scotland's
        [InlineData("wales", "2022-11-30")]
        [InlineData("scotland", "2022-04-18")] // Easter Monday is not a Scottish bank holiday
        [InlineData("scotland", "2022-08-29")] // nor the last Monday of August
        [InlineData("scotland", "2022-07-12")]
        [InlineData("northern-ireland", "2022-11-30")]
        [InlineData("northern-ireland", "2022-08-01")]
        public void Ordinary_weekdays_are_working_days(string nation, string day) =>
            Assert.True(new WorkingDays(NationNamed(nation)).IsWorkingDay(Day(day)));

        [Theory]
        [InlineData("england", 5)]
        [InlineData("wales", 5)]
        [InlineData("scotland", 4)] // St Andrew's Day, Wednesday 30 November 2022
        [InlineData("northern-ireland", 5)]
        public void The_nation_decides_which_days_are_clear(string nation, int expected) =>
            Assert.Equal(expected, new WorkingDays(NationNamed(nation)).ClearBetween(Day("2022-11-28"), Day("2022-12-06")));

    }

    /// <summary>The example pack files against the pack schema, and the committed schema against the generated one.</summary>
    public sealed class Files
    {
        [Theory]
        [MemberData(nameof(ExamplePacks), MemberType = typeof(PackTests))]
        public void Example_pack_files_are_valid_against_the_pack_schema_and_name_it(string name)
        {
            var path = PackFixture.FileOf(name);
            var schemaRef = File.ReadLines(path).First()["# yaml-language-server: $schema=".Length..];
            Assert.Equal(Path.Combine(Repo.Root, "schema", "agenda-pack.schema.json"), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaRef)));
            var result = PackSchema.Value.Evaluate(
                JsonSerializer.SerializeToElement(YamlJson.Convert(File.ReadAllText(path))), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, JsonSerializer.Serialize(result));
            Assert.Empty(AgendaPacks.Check(File.ReadAllText(path), path));
        }

        /// <summary>Every paper in a pack's folder is a copy of an example (named on its second line), and has not drifted from it.</summary>
        [Theory]
        [MemberData(nameof(ExamplePacks), MemberType = typeof(PackTests))]
        public void The_papers_in_a_pack_folder_are_copies_of_the_examples(string name)
        {
            var copies = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(PackFixture.FileOf(name))!, "papers"), "*.yaml");
            Assert.NotEmpty(copies);
            foreach (var copy in copies)
            {
                var lines = File.ReadAllLines(copy);
                Assert.Equal("# yaml-language-server: $schema=../../../schema/committee-paper.schema.json", lines[0]);
                var original = Regex.Match(lines[1], @"^# A copy of examples/(\S+\.yaml) for the agenda pack");
                Assert.True(original.Success, $"{copy}: the second line does not say which example it copies");
                var source = File.ReadAllLines(Path.Combine(Repo.Examples, original.Groups[1].Value));
                // Only 'follows:' differs: the copy names the copied previous minutes beside it.
                static string Follows(string line) => line.StartsWith("follows:", StringComparison.Ordinal) ? "follows: (the previous minutes)" : line;
                Assert.Equal(source.Skip(1).Select(Follows), lines.Skip(2).Select(Follows));
            }
        }

        [Fact]
        public void Committed_pack_schema_equals_the_generated_one() =>
            Assert.Equal(Papers.PackJsonSchema, File.ReadAllText(Path.Combine(Repo.Root, "schema", "agenda-pack.schema.json")).ReplaceLineEndings("\n"));
    }
}

/// <summary>
/// Builds the York and North Somerset example packs, and a run-on copy of the York pack, once for all of
/// <see cref="PackTests"/>, at the same time and with one <see cref="PackBuilder"/> (one LibreOffice for the three).
/// </summary>
public sealed class PackFixture : IDisposable
{
    public const string York = "york";
    public const string NorthSomerset = "north-somerset";
    public const string YorkRunOn = "york-run-on";

    /// <summary>
    /// The run-on copy of the York pack file lies beside it (its papers' paths are relative to it), for the length of
    /// the build. It ends in .yml, not .yaml, so that other test classes listing examples/**/*.yaml meanwhile never see it.
    /// </summary>
    public const string RunOnFile = "pack-run-on.yml";

    private readonly string folder = Directory.CreateTempSubdirectory("cp-packs-").FullName;
    private readonly Dictionary<string, BuiltPack> built;

    public PackFixture()
    {
        var yorkFile = FileOf(York);
        var runOnFile = FileOf(YorkRunOn);
        var text = File.ReadAllText(yorkFile);
        Assert.Contains("page-convention: odd-page\n", text.ReplaceLineEndings("\n"));
        File.WriteAllText(runOnFile, text.Replace("page-convention: odd-page", "page-convention: run-on", StringComparison.Ordinal));
        try
        {
            var jobs = new (string Name, string File)[]
            {
                (York, yorkFile),
                (NorthSomerset, FileOf(NorthSomerset)),
                (YorkRunOn, runOnFile),
            };
            // One builder for the three, as the command line builds a batch: LibreOffice starts once for all of them.
            using var builder = new PackBuilder();
            var results = jobs.AsParallel().Select(job =>
            {
                var output = Path.Combine(folder, job.Name);
                return (job.Name, Pack: new BuiltPack(job.File, builder.Build(job.File, output)));
            }).ToList();
            built = results.ToDictionary(r => r.Name, r => r.Pack);
            LibreOfficeStarts = builder.LibreOfficeStarts;
            ServedConversions = builder.ServedConversions;
        }
        finally
        {
            File.Delete(runOnFile);
        }
    }

    /// <summary>How many times the builder started LibreOffice for the three packs.</summary>
    public int LibreOfficeStarts { get; }

    /// <summary>How many conversions the kept LibreOffice made (the rest, if any, fell back to one of their own).</summary>
    public int ServedConversions { get; }

    /// <summary>A built pack; a pack that failed to build fails the test that asks for it (and only that test).</summary>
    public BuiltPack this[string name]
    {
        get
        {
            var pack = built[name];
            Assert.True(pack.Result.Succeeded, $"the pack {name} was not built:\n" + string.Join("\n", pack.Result.Diagnostics));
            return pack;
        }
    }

    public static string FileOf(string name) => name switch
    {
        York => Path.Combine(Repo.Examples, "york-scrutiny-pack", "pack.yaml"),
        NorthSomerset => Path.Combine(Repo.Examples, "north-somerset-panel-pack", "pack.yaml"),
        YorkRunOn => Path.Combine(Repo.Examples, "york-scrutiny-pack", RunOnFile),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an example pack"),
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>A built pack: what the library said, and its PDF read back page by page.</summary>
public sealed class BuiltPack
{
    private readonly Lazy<ExpectedPack> expected;
    private readonly Lazy<PackLayout> layout;

    internal BuiltPack(string packFile, PackResult result)
    {
        PackFile = packFile;
        Result = result;
        var text = File.ReadAllText(packFile); // now: the run-on copy is deleted once it is built
        expected = new Lazy<ExpectedPack>(() => ExpectedPack.Read(packFile, text));
        layout = new Lazy<PackLayout>(() => PackLayout.Read(Pdf, Expected));
    }

    public string PackFile { get; }

    public PackResult Result { get; }

    internal ExpectedPack Expected => expected.Value;

    /// <summary>The public pack's PDF.</summary>
    public string Pdf => Result.Files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal) && !f.EndsWith("-private.pdf", StringComparison.Ordinal));

    internal PackLayout Layout => layout.Value;
}

/// <summary>What the pack file asks for, read with YamlDotNet (not with the library): items, their papers, and what each paper's first line is.</summary>
internal sealed record ExpectedPack(IReadOnlyList<ExpectedItem> Items, bool NumbersFromFrontSheet)
{
    public static ExpectedPack Read(string packFile, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var style = HouseStyles.Find(Scalar(root, "style") ?? "york")!;
        var folder = Path.GetDirectoryName(packFile)!;
        var items = new List<ExpectedItem>();
        foreach (var (node, index) in ((YamlSequenceNode)root.Children[new YamlScalarNode("items")]).Children.Select((n, i) => (n, i)))
        {
            var item = (YamlMappingNode)node;
            var standard = Scalar(item, "standard");
            var title = Scalar(item, "title") ?? style.StandardItems[standard!].Title;
            var papers = new List<ExpectedPaper>();
            if (item.Children.TryGetValue(new YamlScalarNode("papers"), out var list))
            {
                foreach (var entry in ((YamlSequenceNode)list).Children)
                {
                    var file = entry is YamlScalarNode s ? s.Value! : Scalar((YamlMappingNode)entry, "file")!;
                    var given = entry is YamlMappingNode m ? Scalar(m, "title") : null;
                    papers.Add(ExpectedPaper.For(Path.Combine(folder, file), file, given));
                }
            }

            items.Add(new ExpectedItem(index + 1, title, papers));
        }

        return new ExpectedPack(items, Scalar(root, "page-numbers") == "from-front-sheet");
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;
}

internal sealed record ExpectedItem(int Number, string Title, IReadOnlyList<ExpectedPaper> Papers);

/// <summary>A paper of the pack: its file, the title it should be bookmarked with, and the first line its first page shows.</summary>
internal sealed record ExpectedPaper(string File, string Title, string FirstLine)
{
    public static ExpectedPaper For(string path, string file, string? title)
    {
        if (path.EndsWith(".pdf", StringComparison.Ordinal))
        {
            var first = Lines(string.Join("\n", PdfText.Page(path, 1)))[0];
            return new ExpectedPaper(file, title ?? Path.GetFileNameWithoutExtension(path), first);
        }

        // Our paper, built on its own: its first paragraph is its first front-block line; its title is the document's.
        var docx = Docx.Build(path);
        using var document = Docx.Open(docx);
        var own = document.PackageProperties.Title!;
        return new ExpectedPaper(file, title ?? own, Docx.ParagraphTexts(docx).First(t => t.Trim().Length > 0).Trim());
    }

    /// <summary>The non-empty lines of a page's text, trimmed.</summary>
    public static string[] Lines(string text) =>
        text.Split('\n').Select(l => l.Replace("\f", string.Empty, StringComparison.Ordinal).Trim()).Where(l => l.Length > 0).ToArray();
}

/// <summary>A page of the pack's PDF as <see cref="PdfText"/> reads it.</summary>
internal sealed record PdfPageText(int Physical, IReadOnlyList<string> Lines)
{
    public string First => Lines.Count > 0 ? Lines[0] : string.Empty;

    public string Text => string.Join("\n", Lines);

    /// <summary>The page number in the footer: the last line, when it is a number.</summary>
    public int? Printed => Lines.Count > 0 && int.TryParse(Lines[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool IsBlank => Lines.Count == 2 && Lines[0] == "This page is intentionally left blank" && Printed is not null;
}

internal sealed record FoundPaper(ExpectedPaper Expected, IReadOnlyList<PdfPageText> Pages);

internal sealed record FoundItem(int Number, IReadOnlyList<FoundPaper> Papers)
{
    public IReadOnlyList<PdfPageText> Pages => Papers.SelectMany(p => p.Pages).ToList();
}

/// <summary>
/// The pack's PDF, page by page (<see cref="PdfText"/>): where each paper starts (its first front-block line at the top of a
/// page, in the order of the pack file), its pages up to the next paper less any padding, and the agenda's "(Pages a - b)".
/// </summary>
internal sealed record PackLayout(IReadOnlyList<PdfPageText> Pages, int FrontPages, IReadOnlyList<FoundItem> Items, IReadOnlyDictionary<int, (int, int)> AgendaRanges)
{
    public static PackLayout Read(string pdf, ExpectedPack expected)
    {
        var pages = PdfText.Pages(pdf)
            .Select((lines, i) => new PdfPageText(i + 1, ExpectedPaper.Lines(string.Join("\n", lines))))
            .ToList();

        // Where each paper starts, in order.
        var papers = expected.Items.SelectMany(i => i.Papers.Select(p => (Item: i.Number, Paper: p))).ToList();
        var starts = new List<int>();
        var at = 0;
        foreach (var (_, paper) in papers)
        {
            // A paper's first page may open with its bookmark title (a hidden heading) before its own first line.
            while (at < pages.Count && pages[at].First != paper.FirstLine && !(pages[at].Lines.Count > 1 && pages[at].Lines[1] == paper.FirstLine)) at++;
            Assert.True(at < pages.Count, $"no page starts with '{paper.FirstLine}', the first line of '{paper.File}'");
            starts.Add(at);
            at++;
        }

        var found = new List<(int Item, FoundPaper Paper)>();
        for (var k = 0; k < papers.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : pages.Count;
            var span = pages.Skip(starts[k]).Take(end - starts[k]).ToList();
            while (span.Count > 1 && span[^1].IsBlank) span.RemoveAt(span.Count - 1);
            found.Add((papers[k].Item, new FoundPaper(papers[k].Paper, span)));
        }

        var frontPages = starts.Count == 0 ? pages.Count : starts[0];
        while (frontPages > 0 && pages[frontPages - 1].IsBlank) frontPages--;
        var items = found.GroupBy(f => f.Item).Select(g => new FoundItem(g.Key, g.Select(f => f.Paper).ToList())).ToList();

        // The agenda: each "(Pages a - b)" (or "(Page a)") belongs to the item whose number starts the nearest line above it.
        var agenda = string.Join("\n", pages.Take(frontPages).SelectMany(p => p.Lines));
        var ranges = new Dictionary<int, (int, int)>();
        foreach (Match m in Regex.Matches(agenda, @"\(Pages? (\d+)(?: - (\d+))?\)"))
        {
            var heading = Regex.Matches(agenda[..m.Index], @"^(\d+)\.\s", RegexOptions.Multiline)[^1];
            var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first;
            ranges.Add(int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture), (first, last));
        }

        return new PackLayout(pages, frontPages, items, ranges);
    }
}
