using System.Globalization;
using System.Text;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Layout;
using CommitteePapers.Pdf;
using CommitteePapers.Styles;
using CommitteePapers.Word;

namespace CommitteePapers.Packs;

/// <summary>
/// Republishing a pack after a paper changed: where a paper that grew past the pages it had splits off the pages that
/// are lettered after them, and the note that says what changed and what moved.
/// </summary>
internal sealed class Republishing(LibreOfficeSession libreOffice, string work, HouseStyle style, DiagnosticBag diagnostics, SourcePosition at)
{
    /// <summary>How many places a paper is cut at in one request to LibreOffice.</summary>
    private const int Probes = 4;

    private int files;

    /// <summary>
    /// For each of our papers that grew past its pages, the last body block that still ends within them: found by
    /// converting the paper cut short at a few places at a time (LibreOffice decides where pages break, so it is asked),
    /// narrowing to the longest beginning that fits. The cut is never just after a heading or a line kept with the next.
    /// A paper with no such cut keeps none of its pages, and it and the papers after it are numbered afresh.
    /// </summary>
    public bool Split(IReadOnlyDictionary<AgendaPacks.PaperSource, AgendaPacks.Slot> slots)
    {
        foreach (var (paper, slot) in slots.Where(s => s.Key.IsOurs && s.Key.Pages > s.Value.Capacity).OrderBy(s => s.Value.First))
        {
            if (!Split(paper, slot)) return false;
        }

        return true;
    }

    private bool Split(AgendaPacks.PaperSource paper, AgendaPacks.Slot slot)
    {
        var laid = paper.Laid!;
        var body = laid.Body;
        var pages = new Dictionary<int, int> { [0] = 0, [body.Count] = paper.Pages };
        var low = 0;
        var high = body.Count;
        while (high - low > 1)
        {
            var cuts = Enumerable.Range(1, Probes).Select(i => low + (int)Math.Round((high - low) * i / (double)(Probes + 1))).Where(k => k > low && k < high).Distinct().ToList();
            if (!Measure(laid, cuts.Where(c => !pages.ContainsKey(c)).Select(c => (c, Cut(laid, c))).ToList(), pages)) return false;
            foreach (var cut in cuts)
            {
                if (pages[cut] <= slot.Capacity) low = Math.Max(low, cut);
                else high = Math.Min(high, cut);
            }
        }

        var split = low;
        while (split > 1 && body[split - 1] is LSectionBreak or LParagraph { KeepWithNext: true } or LParagraph { Style: ParaStyle.Heading1 or ParaStyle.Heading2 or ParaStyle.Heading3 or ParaStyle.Heading4 })
        {
            split--;
        }

        // The first block is the heading only bookmarks see: a paper whose first block alone is too long cannot keep its pages.
        if (split <= 1) return true;
        var whole = laid with { Body = [.. body.Take(split), new LSectionBreak(PackLayout.Landscape(laid, split)), .. body.Skip(split)] };
        var needed = new List<(int, LaidOutPaper)> { (-1, whole) };
        if (!pages.ContainsKey(split)) needed.Add((split, Cut(laid, split)));
        if (!Measure(laid, needed, pages)) return false;
        paper.SplitAt = split;
        paper.PagesBeforeSplit = pages[split];
        paper.PagesAfterSplit = pages[-1] - pages[split];
        return true;
    }

    /// <summary>The paper's first <paramref name="blocks"/> body blocks, ending in the orientation of the last of them.</summary>
    private static LaidOutPaper Cut(LaidOutPaper laid, int blocks) =>
        laid with { Body = laid.Body.Take(blocks).ToList(), EndsLandscape = PackLayout.Landscape(laid, blocks - 1) };

    private bool Measure(LaidOutPaper laid, IReadOnlyList<(int Key, LaidOutPaper Paper)> cuts, Dictionary<int, int> pages)
    {
        if (cuts.Count == 0) return true;
        var jobs = new List<PdfJob>();
        foreach (var (_, cut) in cuts)
        {
            var path = Path.Combine(work, $"split-{files++}.docx");
            using (var stream = File.Create(path)) WordPackage.Write(cut, style, stream);
            jobs.Add(new PdfJob(path, Path.ChangeExtension(path, ".pdf")));
        }

        var result = libreOffice.Convert(jobs);
        if (!result.Succeeded)
        {
            diagnostics.Error(DiagnosticCode.PdfFailed, at, result.Message);
            return false;
        }

        for (var i = 0; i < jobs.Count; i++) pages[cuts[i].Key] = AgendaPacks.PageCount(jobs[i].Pdf);
        return true;
    }

    /// <summary>
    /// The note a republication writes beside the pack: when it was published and republished, which papers changed
    /// (with their pages before and after) and which moved; every other paper kept its pages.
    /// </summary>
    public static string Note(Pack pack, PackManifest previous, IReadOnlyList<(AgendaPacks.PaperSource Source, int First, int Last, int Added, int Through)> placed,
        IReadOnlyCollection<AgendaPacks.PaperSource> moved, Func<AgendaPacks.PaperSource, string> describe)
    {
        var culture = English.Culture;
        var note = new StringBuilder();
        note.Append(CultureInfo.InvariantCulture, $"{pack.Notice.Committee}, {pack.Notice.Date.ToString("d MMMM yyyy", culture)}: the agenda pack republished on {pack.Republished!.Value.ToString("d MMMM yyyy", culture)}");
        note.Append(pack.Notice.PublicationDate is { } published ? $" (first published on {published.ToString("d MMMM yyyy", culture)}).\n" : ".\n");
        var changed = placed.Where(p => previous.Unchanged(pack, p.Source) is not true).ToList();
        note.Append("\nChanged since it was published:\n");
        if (changed.Count == 0) note.Append("  nothing.\n");
        foreach (var (source, first, last, added, _) in changed)
        {
            var now = new ItemPages(0, string.Empty, first, last) { AddedPages = added };
            var before = previous.PagesOf(pack, source);
            note.Append(CultureInfo.InvariantCulture, $"  {describe(source)}: pages {(before is { } b ? $"{b.First} - {b.Last}" : "new")} -> {first} - {now.LastPrinted}");
            if (added > 0) note.Append(CultureInfo.InvariantCulture, $" ({Counted.Of(added, "page")} added after page {last}, lettered {(added == 1 ? now.LastPrinted : $"{last}a - {now.LastPrinted}")})");
            note.Append(".\n");
        }

        var movedPlaced = placed.Where(p => moved.Contains(p.Source) && previous.Unchanged(pack, p.Source) is true).ToList();
        note.Append("\nMoved:\n");
        if (movedPlaced.Count == 0) note.Append("  nothing: every other paper keeps its page numbers.\n");
        foreach (var (source, first, last, added, _) in movedPlaced)
        {
            var before = previous.PagesOf(pack, source);
            note.Append(CultureInfo.InvariantCulture, $"  {describe(source)}: pages {(before is { } b ? $"{b.First} - {b.Last}" : "new")} -> {first} - {new ItemPages(0, string.Empty, first, last) { AddedPages = added }.LastPrinted}.\n");
        }

        return note.ToString();
    }
}
