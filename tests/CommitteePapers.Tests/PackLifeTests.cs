using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using CommitteePapers.Packs;
using CommitteePapers.Tests.Support;
using Json.Schema;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// The life of an agenda pack after publication (issue 20), built for real through LibreOffice and read back from
/// the PDFs: a paper to follow, the supplement that publishes it with pages numbered after the agenda's, the agenda
/// left byte for byte as it was, a republication after a paper grew that keeps every other paper's page numbers
/// (lettered pages after the grown one), and the manifest that records it all, checked against its JSON Schema.
/// Both example packs go through it, and the Southwark example (a real late paper) is built with its supplement.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class PackLifeTests : IClassFixture<PackLifeFixture>
{
    private readonly PackLifeFixture life;

    public PackLifeTests(PackLifeFixture life) => this.life = life;

    public static TheoryData<string> ExamplePacks() => new() { PackFixture.York, PackFixture.NorthSomerset };

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void The_agenda_prints_the_late_paper_as_to_follow_with_no_pages_and_leaves_it_out(string name)
    {
        var run = life[name];
        var agenda = Flat(PdfText.Text(run.Before.Pdf));
        Assert.Contains($"{run.Case.LateTitle} (Report to follow)", agenda, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Case.LatePaperText, agenda, StringComparison.Ordinal);
        Assert.Contains(run.Before.Result.Diagnostics, d => d.Code == "CP0120" && d.Position.File.EndsWith("pack.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Before.Result.Pages, p => p.Title == run.Case.LateTitle);
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void The_agenda_is_the_same_bytes_before_the_late_paper_arrives_and_after_and_a_supplement_build_leaves_it_alone(string name)
    {
        var run = life[name];
        Assert.Equal(File.ReadAllBytes(run.Before.Pdf), File.ReadAllBytes(run.After.Pdf));
        Assert.Equal(File.ReadAllBytes(run.Before.Docx), File.ReadAllBytes(run.After.Docx));

        // The supplement was built into the agenda's folder afterwards: the agenda's files are as they were.
        Assert.Equal(run.AgendaBytesBeforeSupplement, run.AgendaBytesAfterSupplement);
        Assert.DoesNotContain(run.Supplement.Result.Files, f => Path.GetFileName(f) == Path.GetFileName(run.After.Pdf) || Path.GetFileName(f) == Path.GetFileName(run.After.Docx));
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void The_supplement_holds_the_late_paper_on_pages_numbered_after_the_agendas_last_as_its_front_sheet_says(string name)
    {
        var run = life[name];
        var pages = PdfText.Pages(run.Supplement.Pdf);
        var front = Flat(string.Join(" ", pages[0]));
        Assert.Contains("Supplementary Agenda", front, StringComparison.Ordinal);
        Assert.Contains("Supplement 1", front, StringComparison.Ordinal);

        // The agenda's last printed page, read from its PDF; the supplement's first numbered page is the next (its
        // front sheet's, where the style numbers front sheets; its paper's, where it does not).
        Assert.Equal(LastPrinted(run.After.Pdf) + 1, FirstPrinted(run.Supplement.Pdf));
        var item = Assert.Single(run.Supplement.Result.Pages, p => p.Title == run.Case.LateTitle);
        Assert.Equal(run.Case.Urgent is null ? 1 : 2, run.Supplement.Result.Pages.Count);

        // "(Pages a - b)" on the supplement's front sheet are the numbers printed on the late paper's pages.
        var range = Regex.Match(Flat(PdfText.Text(run.Supplement.Pdf)), Regex.Escape(run.Case.LateTitle) + @" \(Pages (\d+) - (\d+)\)");
        Assert.True(range.Success, "the supplement's agenda prints the late paper's pages");
        var (first, last) = (int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal((item.First, item.Last), (first, last));
        var firstPage = pages.Single(p => Footer(p) == first);
        Assert.Contains(run.Case.LatePaperText, Flat(string.Join(" ", firstPage)), StringComparison.Ordinal);
        Assert.Contains(pages, p => Footer(p) == last);
        Assert.All(pages.Select(Footer).OfType<int>(), n => Assert.True(n > LastPrinted(run.After.Pdf), $"page {n} of the supplement repeats a number of the agenda's"));
    }

    [Fact]
    public void An_urgent_item_is_in_the_supplement_only_numbered_after_the_agendas_items_with_the_chairs_reason()
    {
        var run = life[PackFixture.York];
        var (_, number) = run.Case.Urgent!.Value;
        var urgent = Assert.Single(run.Supplement.Result.Pages, p => p.Title == UrgentTitle);
        Assert.Equal(number, urgent.Number);
        var late = run.Supplement.Result.Pages.Single(p => p.Title == run.Case.LateTitle);
        Assert.True(urgent.First > late.Last, "the urgent item's paper follows the late paper");

        // The supplement's agenda: the late item with its agenda number, then the urgent one after the agenda's last
        // item, with its pages and the Chair's reason in the style's words; real Word numbering, read back from the PDF.
        var supplement = Flat(PdfText.Text(run.Supplement.Pdf));
        Assert.Contains($"{late.Number}. {run.Case.LateTitle} (Pages {late.First} - {late.Last})", supplement, StringComparison.Ordinal);
        Assert.Contains($"{number}. {UrgentTitle} (Page {urgent.First})", supplement, StringComparison.Ordinal);
        Assert.Contains($"By reason of special circumstances, the Chair is of the opinion that this item should be considered at the meeting as a matter of urgency: {UrgentReason}", supplement, StringComparison.Ordinal);

        // The agenda never lists it: it is the same bytes as before the item was added.
        Assert.DoesNotContain(UrgentTitle, Flat(PdfText.Text(run.After.Pdf)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void A_republication_after_a_paper_grew_keeps_every_other_papers_pages_and_letters_the_added_ones(string name)
    {
        var run = life[name];
        var before = run.After.Result.Pages.ToDictionary(p => p.Number);
        var after = run.Republished.Result.Pages.ToDictionary(p => p.Number);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());

        // The grown paper, as the manifest records it: lettered pages after the last it had ("4a", "4b").
        var manifest = JsonNode.Parse(run.Manifests[^1])!;
        var grownItem = (int)manifest["items"]!.AsArray().Single(i => i!["papers"]!.AsArray().Any(p => (string?)p!["file"] == run.Case.GrownFile))!["number"]!;
        var paper = manifest["items"]!.AsArray().SelectMany(i => i!["papers"]!.AsArray()).Single(p => (string?)p!["file"] == run.Case.GrownFile)!["pages"]!;

        // Every other item: the same pages in the agenda as when it was published; the grown one starts where it did.
        var agenda = Flat(PdfText.Text(run.Republished.Pdf));
        foreach (var item in after.Values)
        {
            if (item.Number == grownItem) Assert.Equal(before[item.Number].First, item.First);
            else Assert.Equal((before[item.Number].First, before[item.Number].Last), (item.First, item.Last));
            Assert.Contains($"{item.Title} (Pages {item.First} - {item.LastPrinted})", agenda, StringComparison.Ordinal);
        }

        var (last, added, lastPrinted) = ((int)paper["last"]!, (int)paper["addedPages"]!, (string)paper["lastPrinted"]!);
        Assert.True(added > 0, run.Republished.Result.ChangeNote);
        Assert.Equal(last.ToString(CultureInfo.InvariantCulture) + NoticeLetters(added), lastPrinted);

        // In the PDF: every number of the published pack printed again, once and in order, and the lettered pages
        // straight after the grown paper's last numbered one, the last of its text on the page the manifest says.
        var pages = PdfText.Pages(run.Republished.Pdf);
        var printed = pages.Select(FooterText).OfType<string>().ToList();
        var plain = printed.Where(p => p.All(char.IsAsciiDigit)).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(plain[0], plain.Count), plain);
        var published = PdfText.Pages(run.After.Pdf).Select(FooterText).OfType<string>().ToList();
        Assert.Equal(published.Where(p => p.All(char.IsAsciiDigit)), printed.Where(p => p.All(char.IsAsciiDigit)));
        var lettered = printed.Where(p => !p.All(char.IsAsciiDigit)).ToList();
        Assert.Equal(Enumerable.Range(1, lettered.Count).Select(i => last.ToString(CultureInfo.InvariantCulture) + NoticeLetters(i)), lettered);
        Assert.Equal(printed.IndexOf(last.ToString(CultureInfo.InvariantCulture)) + 1, printed.IndexOf(lettered[0]));
        Assert.Contains(lastPrinted, lettered);

        // The front sheet says it was republished, and the change note says what changed and that nothing moved.
        Assert.Contains("This agenda has been amended from the version published on", agenda, StringComparison.Ordinal);
        var note = run.Republished.Result.ChangeNote!;
        Assert.Contains(run.Case.GrownFile, note, StringComparison.Ordinal);
        Assert.Contains($"-> {(int)paper["first"]!} - {lastPrinted}", note, StringComparison.Ordinal);
        Assert.Contains("nothing: every other paper keeps its page numbers", note, StringComparison.Ordinal);
        Assert.Equal(note, File.ReadAllText(Path.Combine(run.Output, run.Name + "-changes.txt")));
        Assert.DoesNotContain(run.Republished.Result.Diagnostics, d => d.Code == "CP0126");
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void The_manifest_records_each_publication_and_paper_and_validates_against_its_schema(string name)
    {
        var run = life[name];
        foreach (var manifest in run.Manifests)
        {
            var result = PackLifeFixture.ManifestSchema.Value.Evaluate(JsonDocument.Parse(manifest).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, JsonSerializer.Serialize(result));
        }

        // The schema is not a formality: a paper published with no pages, or an edition it does not know, fails it.
        var broken = JsonNode.Parse(run.Manifests[^1])!;
        broken["items"]!.AsArray().SelectMany(i => i!["papers"]!.AsArray()).First()!.AsObject().Remove("pages");
        Assert.False(PackLifeFixture.ManifestSchema.Value.Evaluate(JsonDocument.Parse(broken.ToJsonString()).RootElement).IsValid);
        var unknown = JsonNode.Parse(run.Manifests[^1])!;
        unknown["publications"]![0]!["edition"] = "draft";
        Assert.False(PackLifeFixture.ManifestSchema.Value.Evaluate(JsonDocument.Parse(unknown.ToJsonString()).RootElement).IsValid);

        var last = JsonNode.Parse(run.Manifests[^1])!;
        var editions = last["publications"]!.AsArray().Select(p => (string)p!["edition"]!).ToList();
        Assert.Equal(["agenda", "supplement", "republished"], editions);
        var supplement = last["publications"]![1]!;
        Assert.Equal(FirstPrinted(run.Supplement.Pdf), (int)supplement["firstPage"]!);
        Assert.Equal(LastPrinted(run.Supplement.Pdf), (int)supplement["lastPage"]!);

        // Each paper: published with its checksum and pages; the late one in supplement 1; the grown one republished.
        var papers = last["items"]!.AsArray().SelectMany(i => i!["papers"]!.AsArray()).ToList();
        Assert.All(papers, p => Assert.Equal("published", (string)p!["status"]!));
        var late = papers.Single(p => (string?)p!["file"] == run.Case.LateFile);
        Assert.Equal("supplement 1", (string)late!["in"]!);
        var grown = papers.Single(p => (string?)p!["file"] == run.Case.GrownFile);
        Assert.NotNull(grown!["firstPublished"]);
        Assert.NotEqual((string)grown["firstPublished"]!, (string)grown["published"]!);
        Assert.True((int)grown["pages"]!["addedPages"]! > 0);

        // Building the same edition again records it once, and the manifest is the same bytes.
        if (run.AgendaManifestRebuilt is { } rebuilt) Assert.Equal(run.Manifests[0], rebuilt);
    }

    [Theory]
    [MemberData(nameof(ExamplePacks))]
    public void Every_docx_the_life_of_the_pack_writes_passes_the_validator(string name)
    {
        var run = life[name];
        foreach (var file in new[] { run.After, run.Supplement, run.Republished }.SelectMany(b => b.Result.Files).Where(f => f.EndsWith(".docx", StringComparison.Ordinal)))
        {
            Docx.AssertValid(File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void The_Southwark_example_builds_its_agenda_with_the_report_to_follow_and_its_supplement_after_it()
    {
        var southwark = life.Southwark;
        Assert.True(southwark.Agenda.Succeeded, string.Join("\n", southwark.Agenda.Diagnostics));
        Assert.True(southwark.Supplement.Succeeded, string.Join("\n", southwark.Supplement.Diagnostics));
        Assert.All(southwark.Agenda.Diagnostics.Concat(southwark.Supplement.Diagnostics), d => Assert.Equal("CP0120", d.Code));
        var agendaPdf = southwark.Agenda.Files.Single(f => f.EndsWith("pack.pdf", StringComparison.Ordinal));
        Assert.Contains("Fostering Annual Report 2024-25 (Report to follow)", Flat(PdfText.Text(agendaPdf)), StringComparison.Ordinal);
        var item = Assert.Single(southwark.Supplement.Pages);
        Assert.Equal(LastPrinted(agendaPdf) + 1, item.First);
        Assert.Equal(item.First, FirstPrinted(southwark.Supplement.Files.Single(f => f.EndsWith("pack-supplement-1.pdf", StringComparison.Ordinal))));
    }

    // ==== helpers ==================================================================================================

    internal const string UrgentTitle = "Holiday Activities and Food Programme";

    internal const string UrgentReason = "the grant for the summer was confirmed after the agenda was published, and the programme must be agreed before the summer holiday.";

    private static string NoticeLetters(int n) => CommitteePapers.Layout.NoticeLayout.Letters(n);

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The footer's page number, as printed: the page's last line when it is a number or a number and letters.</summary>
    private static string? FooterText(IReadOnlyList<string> page) => page.Count > 0 && FooterPattern().IsMatch(page[^1]) ? page[^1] : null;

    /// <summary>
    /// The number a pack's last page carries: the last page with a number in its footer, counted on to the end (a
    /// supplied file's pages carry the pack's number too, but its own text may come after it).
    /// </summary>
    private static int LastPrinted(string pdf)
    {
        var pages = PdfText.Pages(pdf);
        var last = pages.Select((p, i) => (Number: Footer(p), Index: i)).Last(p => p.Number is not null);
        return last.Number!.Value + (pages.Count - 1 - last.Index);
    }

    /// <summary>The number a pack's first numbered page carries.</summary>
    private static int FirstPrinted(string pdf) => PdfText.Pages(pdf).Select(Footer).OfType<int>().First();

    private static int? Footer(IReadOnlyList<string> page) => FooterText(page) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^\d+[a-z]*$")]
    private static partial Regex FooterPattern();
}

/// <summary>How one example pack goes through its life: which paper is late, and which grows.</summary>
/// <param name="Folder">The example's folder.</param>
/// <param name="LateLine">The pack file's line naming the paper that will be late.</param>
/// <param name="LateFile">That paper's file.</param>
/// <param name="LateTitle">Its item's title.</param>
/// <param name="LatePaperText">Text on its first page.</param>
/// <param name="Expected">When it is expected (and its supplement published).</param>
/// <param name="GrownFile">The paper that grows after publication (a paper with an even number of pages).</param>
/// <param name="Republished">The date of the republication.</param>
/// <param name="Paragraphs">How many paragraphs the paper grows by: enough to need more pages than it had, blank ones included.</param>
public sealed record LifeCase(string Folder, string LateLine, string LateFile, string LateTitle, string LatePaperText, string Expected, string GrownFile, string Republished, int Paragraphs)
{
    /// <summary>An item the supplement adds as urgent, before the given line of the pack file (and its number on the agenda), if any.</summary>
    public (string Before, int Number)? Urgent { get; init; }
}

/// <summary>One built pack: what the library said and its PDF and Word files.</summary>
public sealed record LifeBuild(PackResult Result, string Pdf, string Docx);

/// <summary>An example pack through its life.</summary>
public sealed record LifeRun(string Name, LifeCase Case, string Output, LifeBuild Before, LifeBuild After, byte[] AgendaBytesBeforeSupplement, byte[] AgendaBytesAfterSupplement, LifeBuild Supplement, LifeBuild Republished, IReadOnlyList<string> Manifests, string? AgendaManifestRebuilt);

/// <summary>The Southwark example's agenda and supplement.</summary>
public sealed record SouthwarkRun(PackResult Agenda, PackResult Supplement);

/// <summary>
/// Builds each example pack through its life once for the class, with one LibreOffice: a copy of the example with
/// one paper to follow (before it arrives), the same after it arrived (the agenda, with its manifest, and then its
/// supplement, into one folder), the agenda rebuilt (the manifest unchanged), and a republication after one paper grew.
/// </summary>
public sealed class PackLifeFixture : IDisposable
{
    /// <summary>Built once: JsonSchema.Net registers a schema by its $id, and refuses to register it twice.</summary>
    public static readonly Lazy<JsonSchema> ManifestSchema = new(() => JsonSchema.FromFile(Path.Combine(Repo.Root, "schema", "pack-manifest.schema.json")));

    private static readonly Dictionary<string, LifeCase> Cases = new()
    {
        [PackFixture.York] = new("york-scrutiny-pack", "      - papers/ofsted-action-plan.yaml", "papers/ofsted-action-plan.yaml",
            "Children's Services Ofsted Report", "(ILACS) and action plan", "2022-06-24", "papers/minutes-2022-04-13.yaml", "2022-06-23", 14)
        {
            Urgent = ("  - standard: urgent-business\n", 6),
        },
        [PackFixture.NorthSomerset] = new("north-somerset-panel-pack", "      - papers/work-plan.yaml", "papers/work-plan.yaml",
            "The CYPS Panel's Work Plan", "Work Programme February 2024", "2024-02-19", "papers/minutes-2023-10-19.yaml", "2024-02-16", 30),
    };

    private readonly string folder = Directory.CreateTempSubdirectory("cp-pack-life-").FullName;
    private readonly Dictionary<string, LifeRun> runs = [];

    public PackLifeFixture()
    {
        using var builder = new PackBuilder();
        foreach (var (name, life) in Cases.AsParallel().Select(c => (c.Key, c.Value)).Select(c => (c.Key, Run(builder, c.Key, c.Value))).ToList())
        {
            runs[name] = life;
        }

        var southwark = Path.Combine(Repo.Examples, "southwark-corporate-parenting-pack", "pack.yaml");
        var output = Path.Combine(folder, "southwark");
        Southwark = new SouthwarkRun(builder.Build(southwark, output), builder.Build(southwark, output, new PackOptions { Supplement = 1 }));
    }

    public LifeRun this[string name] => runs[name];

    public SouthwarkRun Southwark { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private LifeRun Run(PackBuilder builder, string name, LifeCase life)
    {
        // A copy of the example, whose pack file and papers the life changes.
        var copy = Path.Combine(folder, name, "pack");
        CopyFolder(Path.Combine(Repo.Examples, life.Folder), copy);
        var packFile = Path.Combine(copy, "pack.yaml");
        var text = File.ReadAllText(packFile).ReplaceLineEndings("\n");
        Assert.Contains(life.LateLine + "\n", text);
        var published = Regex.Match(text, @"^publication-date: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.NotEmpty(published);
        string Late(string paper, string extra) => text
            .Replace(life.LateLine + "\n", $"      - {paper}\n", StringComparison.Ordinal)
            .Replace($"publication-date: {published}\n", $"publication-date: {published}\n{extra}", StringComparison.Ordinal);

        var output = Path.Combine(folder, name, "out");
        var manifest = Path.Combine(output, "pack.manifest.json");
        var builds = 0;
        LifeBuild Build(string packText, PackOptions options, string into, string suffix = "")
        {
            File.WriteAllText(packFile, packText);
            var result = builder.Build(packFile, into, options);
            Assert.True(result.Succeeded, $"{name}: " + string.Join("\n", result.Diagnostics));

            // A copy of the pack as this build wrote it: later builds into the same folder write over it.
            var kept = Path.Combine(folder, name, $"build-{++builds}");
            Directory.CreateDirectory(kept);
            var pdf = Path.Combine(kept, $"pack{suffix}.pdf");
            var docx = Path.Combine(kept, $"pack{suffix}.docx");
            File.Copy(Path.Combine(into, $"pack{suffix}.pdf"), pdf);
            File.Copy(Path.Combine(into, $"pack{suffix}.docx"), docx);
            return new LifeBuild(result, pdf, docx);
        }

        // Before the paper arrives: the agenda prints it as to follow. After: it has its file and its supplement.
        var before = Build(Late($"{{to-follow: {life.Expected}}}", string.Empty), PackOptions.Default, Path.Combine(folder, name, "before"));
        var arrived = Late($"{{file: {life.LateFile}, to-follow: {life.Expected}, supplement: 1}}", $"supplements: [{{number: 1, publication-date: {life.Expected}}}]\n");
        if (life.Urgent is { } urgent)
        {
            // An item the Chair accepts as urgent after publication: in the supplement only, numbered after the agenda's.
            Assert.Contains(urgent.Before, arrived);
            arrived = arrived.Replace(urgent.Before, $"  - title: {PackLifeTests.UrgentTitle}\n    supplement: 1\n    urgent: {PackLifeTests.UrgentReason}\n    papers: [papers/urgent.yaml]\n" + urgent.Before, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(copy, "papers", "urgent.yaml"),
                $"paper: report\nmeeting: The committee\ndate: {life.Expected}\nreport-of: Director\ntitle: {PackLifeTests.UrgentTitle}\nsummary:\n  - The programme's grant was confirmed after the agenda was published.\n");
        }

        var after = Build(arrived, new PackOptions { Manifest = true }, output);
        var manifests = new List<string> { File.ReadAllText(manifest) };
        // Built again (one pack is enough: it is the same code for both), the agenda's entry is replaced, not repeated.
        string? rebuilt = null;
        if (life.Urgent is not null)
        {
            Build(arrived, new PackOptions { Manifest = true }, output);
            rebuilt = File.ReadAllText(manifest);
        }

        var agendaBytes = File.ReadAllBytes(Path.Combine(output, "pack.pdf"));
        var supplement = Build(arrived, new PackOptions { Manifest = true, Supplement = 1 }, output, "-supplement-1");
        var agendaAfterSupplement = File.ReadAllBytes(Path.Combine(output, "pack.pdf"));
        manifests.Add(File.ReadAllText(manifest));

        // After publication, one paper grows (by more than a page of new paragraphs) and the pack is republished.
        var grown = Path.Combine(copy, life.GrownFile);
        var paper = File.ReadAllText(grown).ReplaceLineEndings("\n");
        var at = paper.IndexOf("    paragraphs:\n", StringComparison.Ordinal) + "    paragraphs:\n".Length;
        Assert.True(at > "    paragraphs:\n".Length, $"{life.GrownFile} has a minute with paragraphs");
        var added = string.Concat(Enumerable.Range(1, life.Paragraphs).Select(i =>
            $"      - A correction made after publication, number {i}: the committee asked that this note be added to the minute so that the record of the discussion is complete, and that the officers report back to the next meeting on each of the points raised.\n"
                .Replace(": the", ", the", StringComparison.Ordinal)));
        File.WriteAllText(grown, paper[..at] + added + paper[at..]);
        var republished = Build(arrived.Replace($"publication-date: {published}\n", $"publication-date: {published}\nrepublished: {life.Republished}\n", StringComparison.Ordinal),
            new PackOptions { Manifest = true, Republish = true }, output);
        manifests.Add(File.ReadAllText(manifest));
        return new LifeRun("pack", life, output, before, after, agendaBytes, agendaAfterSupplement, supplement, republished, manifests, rebuilt);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
