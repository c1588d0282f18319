using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Packs;
using CommitteePapers.Tests.Support;
using CsCheck;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// Issue 15, point 9: a valid pack must never be refused. CsCheck generates packs — house styles with their own
/// margins, fonts, sizes and notice end-blocks; items with long and short titles and none to three papers each, ours
/// of one to several pages or supplied PDFs; both page conventions and both ways of numbering — and every one must
/// build, with every "(Pages a - b)" the agenda prints equal to the numbers printed on the pages. Each pack costs
/// LibreOffice some seconds, so the default run is short; COMMITTEE_PAPERS_PACK_CASES runs more (docs/fuzzing.md).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PackPropertyTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2;

    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("COMMITTEE_PAPERS_PACK_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;

    private static readonly string[] Words = ["budget", "review", "children", "services", "annual", "report", "scrutiny", "update", "plan", "housing", "transport", "education", "performance", "monitoring", "quarter", "strategy"];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Sentence = Gen.Int[0, Words.Length - 1].Array[3, 40].Select(a => string.Join(' ', a.Select(i => Words[i])) + ".");

    private static readonly Gen<GeneratedStyle> Style = Gen.Select(
        Pick("york", "north-somerset", "sefton"),
        Gen.Int[8, 40].Array[4, 4],
        Pick("Arial", "Times New Roman", "DejaVu Sans", "Liberation Serif", "Verdana"),
        Gen.Int[9, 14],
        Gen.Frequency((1, Gen.Const(() => (string[]?)null)), (3, Sentence.Array[0, 14].Select(a => (string[]?)a))),
        (extends, margins, font, size, end) => new GeneratedStyle(extends, margins, font, size, end));

    private static readonly Gen<GeneratedPaper> Paper = Gen.Frequency(
        (4, Gen.Int[1, 45].Select(paragraphs => new GeneratedPaper(paragraphs, 0))),
        (1, Gen.Int[1, 3].Select(pages => new GeneratedPaper(0, pages))));

    private static readonly Gen<GeneratedItem> Item = Gen.Select(
        Gen.Int[0, Words.Length - 1].Array[1, 24].Select(a => string.Join(' ', a.Select(i => Words[i]))),
        Gen.Frequency((2, Paper.Array[0, 0]), (5, Paper.Array[1, 1]), (1, Paper.Array[2, 3])),
        (title, papers) => new GeneratedItem(char.ToUpperInvariant(title[0]) + title[1..], papers));

    private static readonly Gen<GeneratedPack> Pack = Gen.Select(Style, Gen.Bool, Gen.Bool, Item.Array[1, 8],
        (style, oddPage, fromFrontSheet, items) => new GeneratedPack(style, oddPage, fromFrontSheet, items));

    [Fact]
    public void Every_generated_pack_builds_and_every_range_it_prints_is_the_pages_its_papers_print()
    {
        var built = 0;
        Pack.Sample(pack =>
        {
            var problem = Problem(pack);
            Interlocked.Increment(ref built);
            if (problem is not null) throw new Xunit.Sdk.XunitException(problem);
        }, iter: Cases, threads: 2, print: p => p.ToString(), writeLine: output.WriteLine);
        output.WriteLine($"{built} generated packs built and checked against their PDFs (COMMITTEE_PAPERS_PACK_CASES={Cases}).");
    }

    /// <summary>What is wrong with the pack <paramref name="pack"/> builds, or null.</summary>
    private static string? Problem(GeneratedPack pack)
    {
        var folder = Directory.CreateTempSubdirectory("cp-pack-property-").FullName;
        try
        {
            var packFile = pack.WriteTo(folder);
            var result = AgendaPacks.Build(packFile, Path.Combine(folder, "out"));
            if (!result.Succeeded) return "not built:\n" + string.Join("\n", result.Diagnostics);
            var pdf = result.Files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal));
            var pages = PdfText.Pages(pdf).Select(p => p.Select(l => l.Trim()).Where(l => l.Length > 0).ToList()).ToList();

            // Where each paper starts: the first page that shows its marker (its hidden bookmark heading and title).
            var starts = new List<(int Item, int Page)>();
            var from = 0;
            var k = 0;
            foreach (var (item, index) in pack.Items.Select((item, i) => (item, i)))
            {
                foreach (var paper in item.Papers)
                {
                    var marker = GeneratedPack.Marker(paper, ++k);
                    var page = pages.FindIndex(from, p => p.Any(l => l.Contains(marker, StringComparison.Ordinal)));
                    if (page < 0) return $"no page shows '{marker}' after page {from + 1}";
                    starts.Add((index + 1, page));
                    from = page + 1;
                }
            }

            static bool IsPadding(List<string> page) => page.Any(l => l.Contains("intentionally left blank", StringComparison.Ordinal));
            var empty = pages.FindIndex(p => p.Count == 0);
            if (empty >= 0) return $"page {empty + 1} is empty (a page no one planned)";
            var front = starts.Count == 0 ? pages.Count : starts[0].Page;
            while (front > 0 && IsPadding(pages[front - 1])) front--;
            var offset = pack.FromFrontSheet ? 0 : starts.Count == 0 ? 0 : starts[0].Page;

            int? Printed(int page) => pages[page].Count > 0 && int.TryParse(pages[page][^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            for (var page = offset; page < pages.Count && starts.Count > 0; page++)
            {
                if (Printed(page) != page + 1 - offset) return $"page {page + 1} prints {Printed(page)?.ToString(CultureInfo.InvariantCulture) ?? "no number"}, not {page + 1 - offset}";
            }

            // Each item: from its first paper's first page to the page before the next paper (padding left out).
            var expected = new Dictionary<int, (int First, int Last)>();
            for (var j = 0; j < starts.Count; j++)
            {
                var end = j + 1 < starts.Count ? starts[j + 1].Page : pages.Count;
                while (end - 1 > starts[j].Page && IsPadding(pages[end - 1])) end--;
                if (pack.OddPage && (starts[j].Page - offset) % 2 != 0) return $"a paper of item {starts[j].Item} starts on page {starts[j].Page + 1}, an even page";
                if (!pack.OddPage && end < (j + 1 < starts.Count ? starts[j + 1].Page : pages.Count)) return $"a run-on pack has a blank page after page {end}";
                var range = (First: starts[j].Page + 1 - offset, Last: end - offset);
                expected[starts[j].Item] = expected.TryGetValue(starts[j].Item, out var r) ? (r.First, range.Last) : range;
            }

            var agenda = string.Join("\n", pages.Take(front).SelectMany(p => p));
            var printed = new Dictionary<int, (int First, int Last)>();
            // A long title can wrap inside its range: "(Pages 1 -" at the end of one line, "4)" on the next.
            foreach (Match m in Regex.Matches(agenda, @"\(Pages?\s+(\d+)(?:\s+-\s+(\d+))?\)"))
            {
                var heading = Regex.Matches(agenda[..m.Index], @"^(\d+)\.\s", RegexOptions.Multiline)[^1];
                var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                printed[int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture)] = (first, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first);
            }

            var reported = result.Pages.ToDictionary(p => p.Number, p => (p.First, p.Last));
            string Show(Dictionary<int, (int First, int Last)> d) => string.Join(", ", d.OrderBy(x => x.Key).Select(x => $"{x.Key}: {x.Value.First}-{x.Value.Last}"));
            if (Show(printed) != Show(expected)) return $"the agenda prints {Show(printed)} but the papers are on pages {Show(expected)}";
            if (Show(reported) != Show(expected)) return $"the library reports {Show(reported)} but the papers are on pages {Show(expected)}";
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal sealed record GeneratedStyle(string Extends, int[] Margins, string Font, int Size, string[]? NoticeEnd)
    {
        public override string ToString() => $"style extends {Extends}, {Font} {Size}";

        public string Yaml()
        {
            var yaml = new StringBuilder($"name: generated\nextends: {Extends}\ntext:\n  font: {Font}\n  size: {Size}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"page:\n  margins: {{top: {Margins[0]}, right: {Margins[1]}, bottom: {Margins[2]}, left: {Margins[3]}}}\n");
            if (NoticeEnd is { } end)
            {
                yaml.Append(end.Length == 0 ? "end-blocks:\n  notice: []\n" : "end-blocks:\n  notice:\n");
                foreach (var line in end) yaml.Append("    - \"").Append(line).Append("\"\n");
            }

            return yaml.ToString();
        }
    }

    /// <summary>One of our reports of <paramref name="Paragraphs"/> paragraphs, or (when 0) a supplied PDF of <paramref name="SuppliedPages"/> pages.</summary>
    internal sealed record GeneratedPaper(int Paragraphs, int SuppliedPages);

    internal sealed record GeneratedItem(string Title, GeneratedPaper[] Papers);

    internal sealed record GeneratedPack(GeneratedStyle Style, bool OddPage, bool FromFrontSheet, GeneratedItem[] Items)
    {
        /// <summary>The text only the k-th paper's first page shows: the title of our report, the file name of a supplied PDF.</summary>
        public static string Marker(GeneratedPaper paper, int k) => paper.Paragraphs > 0 ? $"Marker P{k} ends" : $"m{k}-supplied";

        public string WriteTo(string folder)
        {
            File.WriteAllText(Path.Combine(folder, "style.yaml"), Style.Yaml());
            var pack = new StringBuilder($"pack: agenda\nstyle: style.yaml\npage-convention: {(OddPage ? "odd-page" : "run-on")}\n");
            pack.Append(CultureInfo.InvariantCulture, $"page-numbers: {(FromFrontSheet ? "from-front-sheet" : "from-first-paper")}\n");
            pack.Append("committee: Generated Committee\ndate: 2024-03-12\ntime: \"17:30\"\nvenue: West Offices\n");
            pack.Append("democracy-officer: {name: Jane Meller, phone: (01904) 555209, email: jane.meller@example.org}\nitems:\n");
            var k = 0;
            foreach (var item in Items)
            {
                pack.Append("  - title: ").Append(item.Title).Append('\n');
                if (item.Papers.Length == 0) continue;
                pack.Append("    papers:\n");
                foreach (var paper in item.Papers)
                {
                    k++;
                    var file = paper.Paragraphs > 0 ? $"p{k}.yaml" : $"m{k}-supplied.pdf";
                    if (paper.Paragraphs > 0) File.WriteAllText(Path.Combine(folder, file), Report(k, paper.Paragraphs));
                    else Supplied(Path.Combine(folder, file), paper.SuppliedPages);
                    pack.Append("      - ").Append(file).Append('\n');
                }
            }

            var path = Path.Combine(folder, "pack.yaml");
            File.WriteAllText(path, pack.ToString());
            return path;
        }

        public override string ToString() =>
            $"{Style}, {(OddPage ? "odd-page" : "run-on")}, {(FromFrontSheet ? "from-front-sheet" : "from-first-paper")}, items: " +
            string.Join("; ", Items.Select(i => $"'{i.Title}' [{string.Join(", ", i.Papers.Select(p => p.Paragraphs > 0 ? $"{p.Paragraphs} paragraphs" : $"PDF of {p.SuppliedPages}"))}]")) +
            $"; notice end: {(Style.NoticeEnd is null ? "the base style's" : $"{Style.NoticeEnd.Length} lines")}; margins {string.Join("/", Style.Margins)}";

        private static string Report(int k, int paragraphs)
        {
            var yaml = new StringBuilder($"paper: report\nmeeting: Generated Committee\ndate: 2024-03-12\nreport-of: Director of Testing\ntitle: Marker P{k} ends\nsummary:\n");
            for (var i = 0; i < paragraphs; i++) yaml.Append("  - ").Append(string.Join(' ', Enumerable.Range(0, 12 + ((i * 7) % 30)).Select(w => Words[(i + w) % Words.Length]))).Append(".\n");
            return yaml.ToString();
        }

        /// <summary>A PDF of <paramref name="pages"/> pages taken from the example pack's supplied paper (no fonts needed).</summary>
        private static void Supplied(string path, int pages)
        {
            using var source = PdfReader.Open(Path.Combine(Repo.Examples, "north-somerset-panel-pack", "papers", "social-worker-recruitment.pdf"), PdfDocumentOpenMode.Import);
            using var document = new PdfDocument();
            for (var i = 0; i < pages; i++) document.AddPage(source.Pages[i % source.PageCount]);
            document.Save(path);
        }
    }
}
