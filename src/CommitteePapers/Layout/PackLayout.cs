using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>One part of a combined pack document: a laid-out paper, a blank page, or pages kept for a supplied PDF.</summary>
internal abstract record PackPart;

/// <summary>A paper of ours, laid out; bookmarked at its first and last paragraph for PAGEREF.</summary>
internal sealed record PaperPart(LaidOutPaper Paper, string StartBookmark, string EndBookmark) : PackPart;

/// <summary>"This page is intentionally left blank".</summary>
internal sealed record BlankPart(string Text) : PackPart;

/// <summary>Pages kept for a supplied document, drawn onto them after conversion.</summary>
internal sealed record SuppliedPart(string Title, int Pages, string StartBookmark, string EndBookmark) : PackPart;

/// <summary>
/// Puts the parts of a pack into one laid-out document: each part its own section starting on a new page, list and
/// footnote numbers and bookmark names made unique, page numbers restarting where the pack's convention says.
/// </summary>
internal static class PackLayout
{
    /// <param name="info">The combined document's title, author and subject.</param>
    /// <param name="geometry">The page size and margins of every part.</param>
    /// <param name="footer">What every numbered page's footer shows.</param>
    /// <param name="parts">The parts, in order.</param>
    /// <param name="firstNumberedPart">The part whose first page is page 1; null when the first part's is.</param>
    /// <param name="firstPageNumber">
    /// The number the first part's pages count from when it is not 1. LibreOffice treats odd page numbers as right-hand
    /// pages and puts an empty page between two right-hand pages, so unnumbered pages before page 1 that are odd in
    /// number must count from 0 (their last is then even) or the pack gains a page no one planned.
    /// </param>
    public static LaidOutPaper Combine(DocumentInfo info, PageGeometry geometry, IReadOnlyList<LInline> footer, IReadOnlyList<PackPart> parts, int? firstNumberedPart, int? firstPageNumber = null)
    {
        var body = new List<LBlock>();
        var definitions = new List<ListDefinition>();
        var lists = new List<ListInstance>();
        var footnotes = new List<LFootnote>();
        var previousLandscape = false;
        for (var index = 0; index < parts.Count; index++)
        {
            // The section that ends at this part's start is the previous part; it restarts numbering if numbering
            // begins with it, and has no footer if it comes before the numbered pages.
            if (index > 0)
            {
                body.Add(new LSectionBreak(previousLandscape)
                {
                    StartPageNumber = index - 1 == firstNumberedPart ? 1 : index == 1 ? firstPageNumber : null,
                    NoFooter = firstNumberedPart is { } f && index - 1 < f,
                });
            }

            previousLandscape = false;
            switch (parts[index])
            {
                case PaperPart paper:
                    var listOffset = lists.Count;
                    var definitionOffset = definitions.Count;
                    var noteOffset = footnotes.Count;
                    var prefix = $"P{index}";
                    // Each paper keeps its own list definitions, so two papers' paragraph lists never share a counter
                    // and the second report does not begin at paragraph 12.
                    definitions.AddRange(paper.Paper.Lists.Select(d => d with { Id = d.Id + definitionOffset }));
                    lists.AddRange(paper.Paper.Instances.Select(l => l with { NumId = l.NumId + listOffset, DefinitionId = l.DefinitionId + definitionOffset }));
                    footnotes.AddRange(paper.Paper.Footnotes.Select(n => n with { Id = n.Id + noteOffset, Content = Rewrite(n.Content, prefix, noteOffset) }));
                    var blocks = paper.Paper.Body.Select(b => Rewrite(b, prefix, listOffset, noteOffset)).ToList();
                    Mark(blocks, paper.StartBookmark, first: true);
                    Mark(blocks, paper.EndBookmark, first: false);
                    body.AddRange(blocks);
                    previousLandscape = paper.Paper.EndsLandscape;
                    break;
                case BlankPart blank:
                    body.Add(new LParagraph(ParaStyle.Normal, [new LText(blank.Text)]) { Align = Align.Centre });
                    break;
                case SuppliedPart supplied:
                    // A heading (for the PDF bookmark and the navigation pane) in white, under the supplied page.
                    body.Add(new LParagraph(ParaStyle.Heading1, [new LText(supplied.Title)]) { Bookmark = supplied.StartBookmark, Size = 1, Hidden = true });
                    for (var page = 1; page < supplied.Pages; page++) body.Add(new LPageBreak());
                    body.Add(new LParagraph(ParaStyle.Normal, []) { Bookmark = supplied.EndBookmark });
                    break;
            }
        }

        return new LaidOutPaper(info, body, footnotes, definitions, lists, geometry)
        {
            EndsLandscape = previousLandscape,
            LastSectionStartPage = parts.Count - 1 == firstNumberedPart ? 1 : parts.Count == 1 ? firstPageNumber : null,
            Footer = footer,
        };
    }

    private static void Mark(List<LBlock> blocks, string bookmark, bool first)
    {
        var index = first ? blocks.FindIndex(b => b is LParagraph) : blocks.FindLastIndex(b => b is LParagraph);
        if (index < 0 || blocks[index] is not LParagraph p) return;
        // A paragraph that already has a bookmark gets the pack's around its content instead.
        blocks[index] = p.Bookmark is null ? p with { Bookmark = bookmark } : p with { Content = [new LBookmark(bookmark, p.Content)] };
    }

    private static LBlock Rewrite(LBlock block, string prefix, int listOffset, int noteOffset) => block switch
    {
        LParagraph p => p with
        {
            List = p.List is { } l ? l with { NumId = l.NumId + listOffset } : null,
            Bookmark = p.Bookmark is { } b ? Rename(b, prefix) : null,
            Content = Rewrite(p.Content, prefix, noteOffset),
        },
        LTable t => t with
        {
            Rows = t.Rows.Select(r => r with
            {
                Cells = r.Cells.Select(c => c with { Paragraphs = c.Paragraphs.Select(p => (LParagraph)Rewrite(p, prefix, listOffset, noteOffset)).ToList() }).ToList(),
            }).ToList(),
        },
        _ => block,
    };

    private static IReadOnlyList<LInline> Rewrite(IReadOnlyList<LInline> inlines, string prefix, int noteOffset) =>
        inlines.Select(i => Rewrite(i, prefix, noteOffset)).ToList();

    private static LInline Rewrite(LInline inline, string prefix, int noteOffset) => inline switch
    {
        LNoteMark m => m with { Id = m.Id + noteOffset },
        LField f => f with
        {
            Instruction = f.Instruction.Contains("_Ref", StringComparison.Ordinal)
                ? string.Join(' ', f.Instruction.Split(' ').Select(w => w.StartsWith("_Ref", StringComparison.Ordinal) ? Rename(w, prefix) : w))
                : f.Instruction,
            Result = Rewrite(f.Result, prefix, noteOffset),
        },
        LBookmark b => b with { Name = Rename(b.Name, prefix), Content = Rewrite(b.Content, prefix, noteOffset) },
        LLink h => h with { Content = Rewrite(h.Content, prefix, noteOffset) },
        _ => inline,
    };

    /// <summary>"_Ref_x" of part 3 becomes "_R3_x": unique across the pack and still at most 40 characters.</summary>
    private static string Rename(string bookmark, string prefix)
    {
        var name = "_R" + prefix[1..] + "_" + (bookmark.StartsWith("_Ref_", StringComparison.Ordinal) ? bookmark[5..] : bookmark.TrimStart('_'));
        return name.Length <= 40 ? name : name[..40];
    }
}
