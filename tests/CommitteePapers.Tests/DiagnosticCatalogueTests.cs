using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Packs;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// Keeps docs/diagnostics.md and the codes in step: every code has a section in the page, and every code is raised
/// from a small input with a position in that input. A new code needs a section in the page and a case in
/// <see cref="Cases"/>.
/// </summary>
public partial class DiagnosticCatalogueTests
{
    private static readonly string Catalogue = Path.Combine(Repo.Root, "docs", "diagnostics.md");

    /// <summary>The start every report case adds to: a report with nothing wrong with it (lines 1 to 5).</summary>
    private const string Report = """
        paper: report
        meeting: Cabinet
        date: 2024-03-12
        report-of: Director of Children's Services
        title: Budget update

        """;

    /// <summary>The start of every minutes case: a meeting with nothing wrong with it, up to its items (lines 1 to 4).</summary>
    private const string MinutesHead = """
        paper: minutes
        committee: Cabinet
        date: 2024-03-12
        items:

        """;

    /// <summary>
    /// What raises a code: input files (name and text), written to a fresh folder, and what is done with them there.
    /// Every diagnostic of the code must point into one of the inputs.
    /// </summary>
    private sealed record Trigger(IReadOnlyDictionary<string, string> Inputs, Func<string, IReadOnlyList<Diagnostic>> Run)
    {
        /// <summary>
        /// The code is about a file the caller named (the output, a file given on the command line) rather than a place
        /// in an input: its diagnostics name that file and give no line.
        /// </summary>
        public bool Unpositioned { get; init; }
    }

    /// <summary>One input per code that raises it. Keys must match <see cref="DiagnosticCode.All"/>.</summary>
    private static readonly IReadOnlyDictionary<string, Trigger> Cases = new Dictionary<string, Trigger>(StringComparer.Ordinal)
    {
        ["CP0001"] = Paper(Report + "subtitle: Reason: to keep Members informed\n"),
        ["CP0002"] = Paper(Report + "subtitel: Quarter 3\n"),
        ["CP0003"] = Paper(Report + "key-decision: perhaps\n"),
        ["CP0004"] = Paper("paper: report\ndate: 2024-03-12\nreport-of: Director of Children's Services\ntitle: Budget update\n"),
        ["CP0005"] = Paper(Report.Replace("2024-03-12", "2024-02-30", StringComparison.Ordinal)),
        ["CP0006"] = Paper(Report + "title: Budget update 2024/25\n"),
        ["CP0007"] = Paper("paper: reprot\ntitle: Budget update\n"),
        ["CP0008"] = Paper(Report, new ReaderLimits { MaxFileBytes = 64 }),
        ["CP0009"] = Paper(Report + "sections:\n  - heading: Background\n    paragraphs:\n      - text: The budget\n        items: [first, second]\n", new ReaderLimits { MaxDepth = 4 }),
        ["CP0010"] = Paper(Report.Replace("Cabinet", "&meeting Cabinet", StringComparison.Ordinal) + "summary:\n  - *meeting\n  - *meeting\n", new ReaderLimits { MaxAliases = 1 }),
        ["CP0011"] = Paper(Report + "subtitle: *quarter\n"),
        ["CP0012"] = Paper(Report + "summary:\n  - \"\"\n"),
        ["CP0013"] = Paper(Report + "summary:\n  - table:\n      columns:\n        - {heading: Budget, type: moeny}\n      rows:\n        - [100]\n"),
        ["CP0014"] = Paper(Report + "summary:\n  - The figures are in [@budget-table].\n"),
        ["CP0015"] = Paper(Report + "summary:\n  - {id: outturn, text: The forecast outturn.}\n  - {id: outturn, text: The savings.}\n"),
        ["CP0016"] = Paper(Report + "summary:\n  - The forecast has improved.[^source]\n"),
        ["CP0017"] = Paper(Report + "summary:\n  - See [the spreadsheet](budget.xlsx).\n"),
        ["CP0018"] = Paper(Report + "summary:\n  - \"The forecast\\u0007 has improved.\"\n"),
        ["CP0019"] = Paper(Report + "summary:\n  - The forecast has improved.\nfootnotes:\n  source: Finance team, December 2023.\n"),
        ["CP0020"] = Paper(Report + "summary:\n  - \"![Council logo](https://example.org/logo.png)\"\n"),
        ["CP0021"] = Style("name: my-council\nextends: yrok\n"),
        ["CP0022"] = Paper(Report, new ReaderLimits { MaxElements = 5 }),
        ["CP0023"] = Paper(Report + "summary:\n  - table:\n      columns:\n        - Service\n        - {heading: Budget, type: money, unit: \"£\"}\n      rows:\n        - [Front Door, n/a]\n"),
        ["CP0024"] = Paper(Report + "summary:\n  - table:\n      columns: [Service, Budget]\n      rows:\n        - [Front Door, 583258, 659604]\n"),
        ["CP0025"] = Paper(Report + "summary:\n  - table:\n      columns:\n        - Service\n        - {heading: Budget, type: money, unit: \"£\"}\n      rows:\n        - [Front Door, 100]\n        - [Corporate Parenting, 200]\n        - total: [Total, 400]\n"),
        ["CP0026"] = Paper(Report + Kpi("              rag: GREEN\n")),
        ["CP0027"] = Paper(Report + Kpi("              dot: NEGATIVE\n")),
        ["CP0028"] = Paper(Report + Kpi(string.Empty).Replace("              polarity: higher\n", string.Empty, StringComparison.Ordinal)),
        ["CP0029"] = Style("name: my-council\npage:\n  logo:\n    file: ../logo.png\n    alt: Council logo\n"),
        ["CP0030"] = Style("name: my-council\npage:\n  logo:\n    file: logo.png\n    alt: Council logo\n"),
        ["CP0031"] = Style("name: my-council\npage:\n  logo:\n    file: logo.png\n    alt: Council logo\n", ("logo.png", "not an image")),
        ["CP0032"] = PaperInStyle(Report + "policy:\n  - The Council Plan sets the priorities.\n", "name: my-council\nextends: york\norder: [summary, body, recommendations]\n"),
        ["CP0033"] = MinutesFile(
            ("previous.yaml", Minutes("2024-01-10", "first-minute: 10\n")),
            ("minutes.yaml", Minutes("2024-02-14", "follows: previous.yaml\nfirst-minute: 15\n"))),
        ["CP0034"] = MinutesFile(
            ("previous.yaml", Minutes("2024-03-20", "first-minute: 10\n")),
            ("minutes.yaml", Minutes("2024-02-14", "follows: previous.yaml\n"))),
        ["CP0035"] = SavedAsLatin1(Report + "summary:\n  - Budget £100 for the year.\n"),
        ["CP0036"] = StyleIsAFifo(Report.Replace("paper: report\n", "paper: report\nstyle: council.yaml\n", StringComparison.Ordinal)),
        ["CP0037"] = new Trigger(new Dictionary<string, string> { ["report.yaml"] = Report }, _ =>
            Papers.RenderToFile(Papers.Parse(Report, "report.yaml").Paper!, HouseStyles.York, "/dev/null").Diagnostics) { Unpositioned = true },
        ["CP0038"] = Paper(Report + "summary:\n  - table:\n      columns:\n        - Service\n        - {heading: Budget, type: money, unit: \"£\"}\n      rows:\n        - [Front Door, 79228162514264337593543950335]\n        - [Corporate Parenting, 1]\n"),
        ["CP0040"] = Paper(Report + "wards: List wards or tick box to indicate all\n"),
        ["CP0041"] = Paper(Report + "recommendations:\n  items: [Note the forecast outturn.]\n"),
        ["CP0042"] = Paper(Report + "summary:\n  - CSC referred the case to the LADO.\nabbreviations:\n  CSC: Children's Social Care\n"),
        ["CP0043"] = Paper(Report + "summary:\n  - The forecast has improved.\nabbreviations:\n  SEND: Special Educational Needs and Disabilities\n"),
        ["CP0044"] = Paper(Report + "exempt: true\n"),
        ["CP0045"] = Paper(Report + "key-decision: true\n"),
        ["CP0046"] = Paper(Report + "implications:\n  financial: ~\n  legal: There are no legal implications.\n"),
        ["CP0060"] = Paper(Report + "summary:\n  - See [the dashboard](http://127.0.0.1:8080/budget).\n"),
        ["CP0061"] = PaperInStyle(Report + "fields:\n  final-decison-maker: Cabinet\n",
            "name: council\nfields:\n  final-decision-maker: {type: text}\n"),
        ["CP0070"] = Paper(MinutesHead + "  - title: Budget update\n    decision: {kind: resolvd, items: That the update be noted.}\n"),
        ["CP0071"] = Paper(MinutesHead + "  - title: Contract award\n    exempt: 3\n    resolved: That the contract be awarded.\n"),
        ["CP0072"] = new Trigger(new Dictionary<string, string> { ["report.yaml"] = MinutesHead + "  - title: Budget update\n    resolved: That the update be noted.\n" }, _ =>
            Papers.Render(Papers.Parse(MinutesHead + "  - title: Budget update\n    resolved: That the update be noted.\n", "report.yaml").Paper!, HouseStyles.York, Stream.Null,
                new RenderOptions { Private = true }).Diagnostics),
        ["CP0073"] = Paper(MinutesHead + "  - title: Budget update\n    public:\n      resolved: That the update be noted.\n"),
        ["CP0100"] = WordDocument("The budget is balanced.\n"),
        ["CP0101"] = WordDocument("The budget is balanced.\n"),
        ["CP0080"] = Paper(Report + "summary:\n  - The pressures include\n    - increased contract prices;\n"),
        ["CP0081"] = Paper(Report + "summary:\n  - text: >-\n      The budget is under pressure.\n      id: pressures\n"),
        ["CP0082"] = Paper(Report + "subtitle: 1.10\n"),
        ["CP0083"] = Paper(Report + "subtitle: 2024-03-31\n"),
        ["CP0084"] = Paper(Report + "acknowledge:\n  CP0042: The original never spells out CSC.\n"),
        ["CP0050"] = Pack(PackFile("papers: [report.yaml]"), ("report.yaml", "paper: report\nmeeting: Cabinet\n")),
        ["CP0051"] = Pack(PackFile("papers: []", "publication-date: 2024-03-11\n")),
        ["CP0052"] = Pack(PackFile("papers: []")),
        ["CP0053"] = Pack(PackFile("papers: [report.yaml]", "page-convention: run-on\n"), OnePageSoffice, ("report.yaml", Report)),
        ["CP0054"] = Pack(PackFile("papers: [notes.txt]"), ("notes.txt", "Notes of the briefing.\n")),
        ["CP0120"] = Pack(PackFile("papers: [{to-follow: 2024-03-08}]", "publication-date: 2024-03-01\n")),
        ["CP0121"] = Pack(PackFile("supplement: 1\n    papers: []", Supplement1)),
        ["CP0122"] = Pack(PackFile("supplement: 1\n    urgent: The contract must be let before the next meeting.\n    papers: [{file: report.yaml, to-follow: 2024-03-08}]", Supplement1), ("report.yaml", Report)),
        ["CP0123"] = Pack(PackFile("papers: [{file: report.yaml, supplement: 2}]", Supplement1), ("report.yaml", Report)),
        ["CP0124"] = Pack(PackFile("papers: [report.yaml]", Supplement1), new PackOptions { Supplement = 1 }, ("report.yaml", Report)),
        ["CP0125"] = Pack(PackFile("papers: [report.yaml]", "republished: 2024-03-08\n"), new PackOptions { Republish = true }, ("report.yaml", Report)),
        ["CP0126"] = Published(PackFile("papers: [report.yaml]", "republished: 2024-03-08\n"), new PackOptions { Republish = true }, "other.yaml", ("report.yaml", Report)),
        ["CP0127"] = Published(PackFile("papers: [report.yaml]"), new PackOptions { Manifest = true }, "report.yaml", ("report.yaml", Report)),
    };

    /// <summary>A pack's supplement 1, declared.</summary>
    private const string Supplement1 = "supplements: [{number: 1, publication-date: 2024-03-08}]\n";

    /// <summary>
    /// Codes that have a number and a section in the page but that nothing in src/ raises yet, with what is done
    /// instead; their inputs in <see cref="Cases"/> show what should raise them. Their cases are skipped, and
    /// <see cref="Codes_not_raised_yet_are_still_not_raised"/> fails once one is raised, to move it back.
    /// </summary>
    public static TheoryData<string> RaisedCodes() => Data(Cases.Keys);

    [Fact]
    public void Every_code_has_a_section_in_the_catalogue_and_every_section_is_a_code()
    {
        var headings = Headings().Select(h => h.Code).ToList();
        var codes = DiagnosticCode.All.Select(c => c.Id).ToList();
        var undocumented = codes.Except(headings).ToList();
        var unknown = headings.Except(codes).ToList();
        var twice = headings.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(undocumented.Count == 0, $"docs/diagnostics.md has no '## CPnnnn' section for: {string.Join(", ", undocumented)}");
        Assert.True(unknown.Count == 0, $"docs/diagnostics.md has sections for codes that do not exist: {string.Join(", ", unknown)}");
        Assert.True(twice.Count == 0, $"docs/diagnostics.md has more than one section for: {string.Join(", ", twice)}");
    }

    [Fact]
    public void Catalogue_sections_give_each_code_its_title_in_order()
    {
        var headings = Headings();
        var wrong = DiagnosticCode.All
            .Select(c => (Code: c, Heading: headings.FirstOrDefault(h => h.Code == c.Id).Line))
            .Where(x => x.Heading is not null && x.Heading != $"## {x.Code.Id} — {x.Code.Title}")
            .Select(x => $"'{x.Heading}' should be '## {x.Code.Id} — {x.Code.Title}'")
            .ToList();
        Assert.True(wrong.Count == 0, "docs/diagnostics.md headings differ from the titles in DiagnosticCode:\n" + string.Join("\n", wrong));
        var ids = DiagnosticCode.All.Select(c => c.Id).ToList();
        var documented = headings.Select(h => h.Code).Where(ids.Contains).ToList();
        Assert.Equal(ids.Where(documented.Contains), documented);
    }

    [Theory]
    [MemberData(nameof(RaisedCodes))]
    public void Code_is_raised_from_a_small_input_with_a_position_in_it(string code)
    {
        var trigger = Cases[code];
        var diagnostics = Run(trigger);
        var raised = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(raised.Count > 0, $"{code} was not raised; got: {(diagnostics.Count == 0 ? "nothing" : string.Join("; ", diagnostics))}");
        foreach (var d in raised)
        {
            if (trigger.Unpositioned)
            {
                Assert.True(!d.Position.IsKnown && d.Position.File.Length > 0, $"'{d}' should name a file and no place in it");
                continue;
            }

            Assert.True(trigger.Inputs.TryGetValue(Path.GetFileName(d.Position.File), out var input), $"'{d}' does not point into the input ({string.Join(", ", trigger.Inputs.Keys)})");
            Assert.True(d.Position.Line >= 1 && d.Position.Line <= input.Split('\n').Length, $"'{d}' points outside {Path.GetFileName(d.Position.File)}");
            Assert.True(d.Position.Column >= 1, $"'{d}' has no column");
        }
    }

    [Fact]
    public void Every_code_has_a_case()
    {
        var codes = DiagnosticCode.All.Select(c => c.Id).ToList();
        var missing = codes.Where(c => !Cases.ContainsKey(c)).ToList();
        var unknown = Cases.Keys.Where(c => !codes.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"DiagnosticCatalogueTests.Cases has no case for: {string.Join(", ", missing)}; add a small input that raises each.");
        Assert.True(unknown.Count == 0, $"DiagnosticCatalogueTests.Cases has cases for codes that do not exist: {string.Join(", ", unknown)}");
    }

    // ---- the kinds of input -----------------------------------------------------------------------------------

    /// <summary>A paper read from text and, if it loads, rendered in the York style.</summary>
    private static Trigger Paper(string yaml, ReaderLimits? limits = null) => new(
        new Dictionary<string, string> { ["report.yaml"] = yaml },
        _ => limits is null ? DiagnosticTests.AllDiagnostics(yaml, "report.yaml") : Papers.Parse(yaml, "report.yaml", limits).Diagnostics);

    /// <summary>A Word document with one paragraph per line of <paramref name="text"/>, imported in the York style.</summary>
    private static Trigger WordDocument(string text) => new(
        new Dictionary<string, string> { ["paper.docx"] = text },
        _ =>
        {
            using var stream = new MemoryStream(ImportTests.MakeDocx(text.TrimEnd('\n').Split('\n')));
            return Papers.Import(stream, "paper.docx").Diagnostics;
        });

    /// <summary>A paper saved as Latin-1 (its '£' the single byte A3), loaded from its file.</summary>
    private static Trigger SavedAsLatin1(string yaml) => new(
        new Dictionary<string, string> { ["report.yaml"] = yaml },
        folder =>
        {
            var path = Path.Combine(folder, "report.yaml");
            File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(yaml));
            return Papers.Load(path).Diagnostics;
        });

    /// <summary>A paper whose 'style:' names a FIFO beside it, loaded and its style resolved.</summary>
    private static Trigger StyleIsAFifo(string yaml) => new(
        new Dictionary<string, string> { ["report.yaml"] = yaml },
        folder =>
        {
            Tools.Run("mkfifo", Path.Combine(folder, "council.yaml"));
            var loaded = Papers.Load(Path.Combine(folder, "report.yaml"));
            Papers.ResolveStyle(loaded.Paper!, null, folder, out var diagnostics);
            return [.. loaded.Diagnostics, .. diagnostics];
        });

    /// <summary>A style file read from text, with <paramref name="files"/> in its folder.</summary>
    private static Trigger Style(string yaml, params (string Name, string Text)[] files) => new(
        Inputs(("style.yaml", yaml), files),
        folder => HouseStyles.Parse(yaml, "style.yaml", folder).Diagnostics);

    /// <summary>A paper rendered in a style read from a style file.</summary>
    private static Trigger PaperInStyle(string paper, string style) => new(
        Inputs(("report.yaml", paper), [("style.yaml", style)]),
        folder =>
        {
            var loadedStyle = HouseStyles.Parse(style, "style.yaml", folder);
            var loaded = Papers.Parse(paper, "report.yaml");
            if (loadedStyle.Style is null || !loaded.Succeeded) return [.. loadedStyle.Diagnostics, .. loaded.Diagnostics];
            return [.. loadedStyle.Diagnostics, .. loaded.Diagnostics, .. Papers.Render(loaded.Paper!, loadedStyle.Style, Stream.Null).Diagnostics];
        });

    /// <summary>Minutes loaded from the last of <paramref name="files"/> (so 'follows:' finds the others).</summary>
    private static Trigger MinutesFile(params (string Name, string Text)[] files) => new(
        Inputs(files[^1], files[..^1]),
        folder => Papers.Load(Path.Combine(folder, files[^1].Name)).Diagnostics);

    /// <summary>Minutes of one meeting with two items.</summary>
    private static string Minutes(string date, string extra) =>
        $"paper: minutes\ncommittee: Children, Education and Communities Policy and Scrutiny Committee\ndate: {date}\n{extra}"
        + "items:\n  - standard: declarations-of-interest\n  - title: Budget update\n    resolved: That the update be noted.\n";

    /// <summary>
    /// An agenda pack built from pack.yaml beside <paramref name="files"/>, with no LibreOffice (so conversion fails at
    /// once, after the pack and its papers have been checked) or with <paramref name="soffice"/> written beside it.
    /// </summary>
    private static Trigger Pack(string pack, params (string Name, string Text)[] files) => Pack(pack, (Func<string, string>?)null, files);

    private static Trigger Pack(string pack, Func<string, string>? soffice, params (string Name, string Text)[] files) => new(
        Inputs(("pack.yaml", pack), files),
        folder => AgendaPacks.Build(Path.Combine(folder, "pack.yaml"), Path.Combine(folder, "out"), new PackOptions
        {
            SofficePath = soffice?.Invoke(folder) ?? Path.Combine(folder, "no-libreoffice-here"),
            TimeLimit = TimeSpan.FromSeconds(30),
        }).Diagnostics);

    /// <summary>An agenda pack built with <paramref name="options"/> (and no LibreOffice).</summary>
    private static Trigger Pack(string pack, PackOptions options, params (string Name, string Text)[] files) => new(
        Inputs(("pack.yaml", pack), files),
        folder => AgendaPacks.Build(Path.Combine(folder, "pack.yaml"), Path.Combine(folder, "out"), options with
        {
            SofficePath = Path.Combine(folder, "no-libreoffice-here"),
            TimeLimit = TimeSpan.FromSeconds(30),
        }).Diagnostics);

    /// <summary>
    /// An agenda pack built with <paramref name="options"/> after it was published: the manifest of its publication is in
    /// the output folder, recording a version of <paramref name="recorded"/> that is not the one beside it now.
    /// </summary>
    private static Trigger Published(string pack, PackOptions options, string recorded, params (string Name, string Text)[] files) => new(
        Inputs(("pack.yaml", pack), files),
        folder =>
        {
            var name = Path.GetFileName(folder);
            Directory.CreateDirectory(Path.Combine(folder, "out"));
            File.WriteAllText(Path.Combine(folder, "out", name + ".manifest.json"), $$$"""
                {
                  "manifest": 1, "pack": "{{{name}}}", "committee": "Cabinet", "date": "2024-03-12",
                  "publications": [{"edition": "agenda", "date": "2024-03-01", "firstPage": 1, "lastPage": 4, "files": []}],
                  "items": [{"number": 2, "title": "Budget update", "papers": [{"key": "2:{{{recorded}}}", "file": "{{{recorded}}}", "status": "published",
                    "sha256": "00", "published": "2024-03-01", "in": "agenda", "pages": {"first": 1, "last": 3, "addedPages": 0, "lastPrinted": "3", "through": 4}}]}]
                }
                """);
            return AgendaPacks.Build(Path.Combine(folder, "pack.yaml"), Path.Combine(folder, "out"), options with
            {
                SofficePath = Path.Combine(folder, "no-libreoffice-here"),
                TimeLimit = TimeSpan.FromSeconds(30),
            }).Diagnostics;
        });

    private static string PackFile(string papers, string extra = "") =>
        $"pack: agenda\ncommittee: Cabinet\ndate: 2024-03-12\n{extra}items:\n  - standard: declarations-of-interest\n  - title: Budget update\n    {papers}\n";

    /// <summary>
    /// A stand-in for LibreOffice that makes each paper and front sheet it measures two pages long and the whole pack
    /// one page, so the pack comes out shorter than its parts measured. Returns its path.
    /// </summary>
    private static string OnePageSoffice(string folder)
    {
        string Pdf(string name, int pages)
        {
            var path = Path.Combine(folder, name);
            using var document = new PdfSharp.Pdf.PdfDocument();
            for (var i = 0; i < pages; i++) document.AddPage();
            document.Save(path);
            return path;
        }

        var one = Pdf("one-page.pdf", 1);
        var two = Pdf("two-pages.pdf", 2);
        var script = Path.Combine(folder, "one-page-soffice");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            out=
            previous=
            for argument in "$@"; do
              if [ "$previous" = "--outdir" ]; then out="$argument"; fi
              case "$argument" in
                */front-sheet-*.docx|*/paper-*.docx) cp '{{two}}' "$out/$(basename "$argument" .docx).pdf" ;;
                *.docx) cp '{{one}}' "$out/$(basename "$argument" .docx).pdf" ;;
              esac
              previous="$argument"
            done

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static string Kpi(string extra) => """
        summary:
          - kpi-table:
              periods: [Q2 23-24, Q3 23-24]
              groups:
                - area: Early Help
                  indicators:
                    - name: Assessments completed within 45 working days
                      type: percent
                      values: [70, 75]
                      target: 80
                      polarity: higher

        """ + extra;

    private static Dictionary<string, string> Inputs((string Name, string Text) main, (string Name, string Text)[] others)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { [main.Name] = main.Text };
        foreach (var (name, text) in others) inputs[name] = text;
        return inputs;
    }

    // ---- running ----------------------------------------------------------------------------------------------

    /// <summary>Writes the inputs to a fresh folder (one below a temporary folder, so '../' leaves it), runs, and cleans up.</summary>
    private static IReadOnlyList<Diagnostic> Run(Trigger trigger)
    {
        var temporary = Directory.CreateTempSubdirectory("committee-papers-catalogue-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(temporary.FullName, "inputs")).FullName;
            foreach (var (name, text) in trigger.Inputs) File.WriteAllText(Path.Combine(folder, name), text);
            return trigger.Run(folder);
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
    }

    private static TheoryData<string> Data(IEnumerable<string> codes)
    {
        var data = new TheoryData<string>();
        foreach (var code in codes.Order(StringComparer.Ordinal)) data.Add(code);
        return data;
    }

    [GeneratedRegex(@"^## (?<code>CP\d{4})\b.*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    private static List<(string Code, string Line)> Headings() =>
        HeadingPattern().Matches(File.ReadAllText(Catalogue).ReplaceLineEndings("\n"))
            .Select(m => (m.Groups["code"].Value, m.Value.TrimEnd()))
            .ToList();
}
