using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// How a part's pages are numbered: restarting at a number, without a footer (an unnumbered front sheet), or lettered
/// after a number ("14a", "14b": pages a republished paper added after its last).
/// </summary>
internal sealed record PartPages
{
    /// <summary>The number the part's first page restarts at; null to continue.</summary>
    public int? Start { get; init; }

    /// <summary>Whether the part's pages carry no footer.</summary>
    public bool NoFooter { get; init; }

    /// <summary>The page number the part's pages are lettered after ("14" for 14a, 14b); null for plain numbers.</summary>
    public int? LetteredAfter { get; init; }
}

/// <summary>One part of a combined pack document: a laid-out paper, a blank page, or pages kept for a supplied PDF.</summary>
internal abstract record PackPart
{
    /// <summary>How the part's pages are numbered.</summary>
    public PartPages Numbering { get; init; } = new();
}

/// <summary>A paper of ours, laid out; bookmarked at its first and last paragraph for PAGEREF.</summary>
internal sealed record PaperPart(LaidOutPaper Paper, string StartBookmark, string EndBookmark) : PackPart
{
    /// <summary>
    /// The body block where the paper's pages that have letters begin (a republished paper that grew past its pages):
    /// the blocks from here are a section of their own, numbered as <see cref="OverflowPages"/> says.
    /// </summary>
    public int? SplitAt { get; init; }

    /// <summary>How the pages after <see cref="SplitAt"/> are numbered.</summary>
    public PartPages OverflowPages { get; init; } = new();

    /// <summary>Blank pages before the split, where the pages before it came out shorter than the pages the paper had.</summary>
    public int GapAtSplit { get; init; }

    /// <summary>What those blank pages say.</summary>
    public string GapText { get; init; } = string.Empty;
}

/// <summary>"This page is intentionally left blank".</summary>
internal sealed record BlankPart(string Text) : PackPart;

/// <summary>Pages kept for a supplied document, drawn onto them after conversion.</summary>
internal sealed record SuppliedPart(string Title, int Pages, string StartBookmark, string EndBookmark) : PackPart;

/// <summary>
/// Puts the parts of a pack into one laid-out document: each part its own section starting on a new page, list and
/// footnote numbers and bookmark names made unique, page numbers restarting, lettered or left off as each part says.
/// </summary>
internal static class PackLayout
{
    /// <param name="info">The combined document's title, author and subject.</param>
    /// <param name="geometry">The page size and margins of every part.</param>
    /// <param name="footer">What every numbered page's footer shows.</param>
    /// <param name="letteredFooter">The footer of lettered pages after a page number: "14" and the page's letter, in the style's words.</param>
    /// <param name="parts">The parts, in order.</param>
    public static LaidOutPaper Combine(DocumentInfo info, PageGeometry geometry, IReadOnlyList<LInline> footer, Func<int, IReadOnlyList<LInline>> letteredFooter, IReadOnlyList<PackPart> parts)
    {
        var body = new List<LBlock>();
        var definitions = new List<ListDefinition>();
        var lists = new List<ListInstance>();
        var footnotes = new List<LFootnote>();
        var sectionFooters = new List<IReadOnlyList<LInline>>();
        var footerOf = new Dictionary<int, int>();

        // Each section ends with a break that says how its own pages are numbered (Word keeps a section's settings at its end).
        var current = (Pages: (PartPages?)null, Landscape: false);
        LSectionBreak Break(PartPages pages, bool landscape)
        {
            int? footerIndex = null;
            if (pages.LetteredAfter is { } after)
            {
                if (!footerOf.TryGetValue(after, out var index))
                {
                    index = sectionFooters.Count;
                    footerOf[after] = index;
                    sectionFooters.Add(letteredFooter(after));
                }

                footerIndex = index;
            }

            return new LSectionBreak(landscape) { StartPageNumber = pages.Start, NoFooter = pages.NoFooter, FooterIndex = footerIndex, Lettered = pages.LetteredAfter is not null };
        }

        void Begin(PartPages pages)
        {
            if (current.Pages is { } previous) body.Add(Break(previous, current.Landscape));
            current = (pages, false);
        }

        for (var index = 0; index < parts.Count; index++)
        {
            Begin(parts[index].Numbering);
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
                    for (var b = 0; b < blocks.Count; b++)
                    {
                        // The lettered pages start a section of their own, in the orientation of the section they split.
                        if (b == paper.SplitAt && b > 0)
                        {
                            body.Add(Break(current.Pages!, Landscape(paper.Paper, b)));
                            for (var gap = 0; gap < paper.GapAtSplit; gap++)
                            {
                                body.Add(new LParagraph(ParaStyle.Normal, [new LText(paper.GapText)]) { Align = Align.Centre });
                                body.Add(Break(current.Pages! with { Start = null }, false));
                            }

                            current = (paper.OverflowPages, false);
                        }

                        // A section inside the paper (a landscape table) takes the part's numbering: its first section
                        // restarts, the ones after it continue.
                        if (blocks[b] is LSectionBreak inner)
                        {
                            body.Add(Break(current.Pages!, inner.Landscape));
                            current = (current.Pages! with { Start = null }, false);
                            continue;
                        }

                        body.Add(blocks[b]);
                    }

                    current = (current.Pages, paper.Paper.EndsLandscape);
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

        var last = current.Pages ?? new PartPages();
        var lastBreak = Break(last, current.Landscape);
        return new LaidOutPaper(info, body, footnotes, definitions, lists, geometry)
        {
            EndsLandscape = current.Landscape,
            LastSectionStartPage = lastBreak.StartPageNumber,
            LastSectionFooterIndex = lastBreak.FooterIndex,
            LastSectionLettered = lastBreak.Lettered,
            Footer = footer,
            SectionFooters = sectionFooters,
        };
    }

    /// <summary>Whether the body block at <paramref name="index"/> is on a landscape page: as the section break after it says, or the paper's end.</summary>
    internal static bool Landscape(LaidOutPaper paper, int index)
    {
        for (var i = index; i < paper.Body.Count; i++)
        {
            if (paper.Body[i] is LSectionBreak br) return br.Landscape;
        }

        return paper.EndsLandscape;
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
