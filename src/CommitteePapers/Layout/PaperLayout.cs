using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// What every paper's layout shares: pending blocks whose text is parsed once every cross-reference target is
/// known, list instances, bookmarks, footnotes, sub-items and tables. A subclass walks its paper in the order the
/// house style gives and decides every number; nothing after layout decides one.
/// </summary>
internal abstract class PaperLayout
{
    protected static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly List<PendingBlock> blocks = [];
    private readonly List<ListInstance> lists = [];
    private readonly Dictionary<string, Target> targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> bookmarkNames = new(StringComparer.Ordinal);
    private readonly List<LFootnote> footnotes = [];
    private readonly HashSet<string> usedFootnotes = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Footnote> paperFootnotes;
    private readonly SourcePosition paperAt;
    private InlineText? inlineText;
    private int tableNumber;
    private bool landscape;

    protected PaperLayout(Paper paper, HouseStyle style, DiagnosticBag diagnostics)
    {
        paperAt = paper.At;
        Style = style;
        Diagnostics = diagnostics;
        paperFootnotes = paper.Footnotes;
    }

    protected HouseStyle Style { get; }

    protected DiagnosticBag Diagnostics { get; }

    /// <summary>Lays out the paper's content by adding blocks; called once.</summary>
    protected abstract void LayContent();

    protected abstract DocumentInfo Info { get; }

    public LaidOutPaper Lay()
    {
        LayContent();
        inlineText = new InlineText(Diagnostics, ResolveReference, ResolveFootnote);
        var body = new List<LBlock>(blocks.Count);
        foreach (var block in blocks) body.Add(Resolve(block));
        foreach (var note in paperFootnotes.Where(f => !usedFootnotes.Contains(f.Name)))
        {
            Diagnostics.Warning(DiagnosticCode.UnusedFootnote, note.At,
                $"The footnote '{note.Name}' is never referred to; add '[^{note.Name}]' where it belongs, or remove it.");
        }

        return new LaidOutPaper(Info, body, footnotes, lists) { EndsLandscape = landscape };
    }

    // ---- adding blocks ----------------------------------------------------------------------------------

    protected PendingBlock Add(ParaStyle style, string markdown, SourcePosition at)
    {
        var block = new PendingBlock(style, markdown, at);
        blocks.Add(block);
        return block;
    }

    protected void AddPlain(ParaStyle style, string text, SourcePosition at) => Add(style, EscapeMarkdown(text), at);

    protected void AddPending(PendingBlock block) => blocks.Add(block);

    /// <summary>The style's front block for this kind of paper, placeholders filled from <paramref name="fields"/>.</summary>
    protected void FrontLines(string kind, IReadOnlyDictionary<string, object?> fields) =>
        Lines(Style.FrontBlocks.TryGetValue(kind, out var lines) ? lines : [], fields);

    /// <summary>The style's end block for this kind of paper.</summary>
    protected void EndLines(string kind, IReadOnlyDictionary<string, object?> fields) =>
        Lines(Style.EndBlocks.TryGetValue(kind, out var lines) ? lines : [], fields);

    private void Lines(IReadOnlyList<FrontLine> lines, IReadOnlyDictionary<string, object?> fields)
    {
        foreach (var line in lines)
        {
            if (line.Table is { } rows)
            {
                // A row whose placeholders are all empty is left out (a label | value table with nothing to say).
                var filled = rows.Select(r => r.Select(c => FrontBlock.Fill(c, fields, line.UpperCase)).ToArray())
                    .Where((r, i) => (i == 0 && line.TableHeader) || r.Skip(1).Any(c => c is not null) || (r.Length == 1 && r[0] is not null))
                    .Select(r => r.Select(c => c ?? string.Empty).ToArray()).ToList();
                if (filled.Count == 0 || (line.TableHeader && filled.Count == 1)) continue;
                var header = line.TableHeader ? filled[0] : filled[0].Select(_ => string.Empty).ToArray();
                var widths = TableLayout.Widths(Style, landscape: false, Style.BodySize, header, filled, filled[0].Select(_ => false).ToList());
                AddTable(new PendingTable(widths, filled.Select((r, i) => new PendingRow(
                    r.Select((c, j) => new PendingCell(i == 0 && line.TableHeader ? ParaStyle.TableHeading : ParaStyle.TableText, [(c, paperAt)])
                    {
                        Bold = !line.TableHeader && j == 0,
                    }).ToList(), IsHeader: i == 0 && line.TableHeader)).ToList(),
                    Borders: line.TableHeader, Description: null));
                continue;
            }

            if (FrontBlock.Fill(line.Text, fields, line.UpperCase) is not { } text) continue;
            var style = line.Role switch
            {
                "title" => ParaStyle.Title,
                "subtitle" => ParaStyle.Subtitle,
                "council" => ParaStyle.Council,
                _ => ParaStyle.FrontMatter,
            };
            // A problem in a filled-in value (a character Word cannot hold) points at the paper.
            var block = Add(style, text, paperAt);
            block.Language = line.Language;
            block.RightToLeft = line.RightToLeft;
        }
    }

    protected void AddTable(PendingTable table) => blocks.Add(new PendingBlock(table));

    protected void AddSectionBreak(bool landscapeBefore) => blocks.Add(new PendingBlock(new LSectionBreak(landscapeBefore)));

    protected PendingBlock Heading(string markdown, int level, string? id, SourcePosition at, ListRef? list = null, string? label = null)
    {
        var style = level switch { 1 => ParaStyle.Heading1, 2 => ParaStyle.Heading2, 3 => ParaStyle.Heading3, _ => ParaStyle.Heading4 };
        var block = Add(style, markdown, at);
        block.List = list;
        block.Label = label;
        block.KeepWithNext = true;
        if (id is not null) block.Bookmark = Register(id, at, TargetKind.Section, label?.TrimEnd('.') ?? InlineText.PlainText(markdown));
        return block;
    }

    protected ListInstance NewList(ListKind kind, bool restart)
    {
        var instance = new ListInstance(lists.Count + 1, kind, restart);
        lists.Add(instance);
        return instance;
    }

    /// <summary>Replaces a list instance made by <see cref="NewList"/> with a changed copy (a different start).</summary>
    protected void ReplaceList(ListInstance changed) => lists[changed.NumId - 1] = changed;

    /// <summary>A paragraph's sub-items and bullets, each list its own instance so it counts from a) again.</summary>
    protected void Items(IReadOnlyList<ListItem> items, IReadOnlyList<ListItem> bullets, int depth)
    {
        if (items.Count > 0) ListLevel(items, NewList(ListKind.SubItems, restart: true), depth, level: 0);
        if (bullets.Count > 0) ListLevel(bullets, NewList(ListKind.Bullets, restart: true), depth, level: 0);
    }

    private void ListLevel(IReadOnlyList<ListItem> items, ListInstance instance, int depth, int level)
    {
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var label = LabelFor(instance.Kind, level, n);
            var block = Add(ParaStyle.ListItem, item.Text, item.At);
            block.List = new ListRef(instance.NumId, level);
            block.Label = label;
            block.Depth = depth;
            if (item.Id is not null) block.Bookmark = Register(item.Id, item.At, TargetKind.Item, label.Trim('.', ')', '('));
            // Nested sub-items are the next level of the same list, so Word restarts them under each item.
            if (item.Items.Count > 0) ListLevel(item.Items, instance, depth + 1, level + 1);
            if (item.Bullets.Count > 0) ListLevel(item.Bullets, NewList(ListKind.Bullets, restart: true), depth + 1, 0);
        }
    }

    protected void Recommendations(IReadOnlyList<Recommendation> items, int depth)
    {
        var instance = NewList(ListKind.Recommendations, restart: true);
        var n = 0;
        foreach (var rec in items)
        {
            n++;
            var label = LabelFor(ListKind.Recommendations, 0, n);
            var block = Add(ParaStyle.ListItem, rec.Text, rec.At);
            block.List = new ListRef(instance.NumId, 0);
            block.Label = label;
            block.Depth = depth;
            if (rec.Id is not null) block.Bookmark = Register(rec.Id, rec.At, TargetKind.Recommendation, label.Trim('.', ')', '('));
        }
    }

    protected string LabelFor(ListKind kind, int level, int n) => (kind, level % 2) switch
    {
        (ListKind.SubItems, 0) => ItemPattern.Parse(Style.SubItems).Label(n),
        (ListKind.SubItems, _) => ItemPattern.Parse(Style.NestedItems).Label(n),
        (ListKind.Bullets, 0) => "•",
        (ListKind.Bullets, _) => ItemPattern.Parse(Style.NestedItems).Label(n),
        (ListKind.Recommendations, _) => ItemPattern.Parse(Style.RecommendationItems).Label(n),
        (ListKind.HeadingLetters, _) => ListLabels.LowerLetter(n) + ")",
        _ => ListLabels.Decimal(n) + ".",
    };

    /// <summary>A run of blocks: paragraphs, tables, continuation text; back to portrait pages after them.</summary>
    protected void Blocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks) Block(block, ParaStyle.Continuation, asParagraph: true);
        EndLandscape();
    }

    /// <summary>A paragraph; unnumbered unless the paper kind numbers them.</summary>
    protected virtual void Paragraph(Paragraph p)
    {
        var block = Add(ParaStyle.Normal, p.Text, p.At);
        if (p.Id is not null) block.Bookmark = Register(p.Id, p.At, TargetKind.Paragraph, InlineText.PlainText(p.Text));
        Items(p.Items, p.Bullets, depth: 0);
        More(p.More, ParaStyle.Normal);
    }

    /// <summary>Continuation blocks (text or tables) of a paragraph: a paragraph among them is plain text.</summary>
    protected void More(IReadOnlyList<Block> more, ParaStyle textStyle)
    {
        foreach (var block in more) Block(block, textStyle, asParagraph: false);
    }

    private void Block(Block block, ParaStyle textStyle, bool asParagraph)
    {
        switch (block)
        {
            case Paragraph p when asParagraph:
                Paragraph(p);
                break;
            case Paragraph p:
                Add(textStyle, p.Text, p.At);
                break;
            case TextBlock t:
                Add(textStyle, t.Text, t.At);
                break;
            case Table t:
                Table(t);
                break;
            case KpiTable k:
                KpiTable(k);
                break;
        }
    }

    // ---- tables -------------------------------------------------------------------------------------------

    protected void Table(Table table)
    {
        var laid = TableLayout.Lay(table, Style, Diagnostics, out var landscape);
        PlaceTable(laid, table.Caption, table.Id, table.At, landscape);
    }

    protected void KpiTable(KpiTable table) =>
        PlaceTable(TableLayout.LayKpi(table, Style, Diagnostics), table.Caption, table.Id, table.At, landscape: true);

    private void PlaceTable(PendingTable table, string? caption, string? id, SourcePosition at, bool landscape)
    {
        if (landscape != this.landscape)
        {
            AddSectionBreak(this.landscape);
            this.landscape = landscape;
        }

        tableNumber++;
        PendingBlock? captionBlock = null;
        if (caption is not null || id is not null)
        {
            var name = "Table " + ListLabels.Decimal(tableNumber);
            var bookmark = id is null ? NewBookmark("table" + tableNumber) : Register(id, at, TargetKind.Table, name);
            captionBlock = new PendingBlock(ParaStyle.Caption, caption is null ? string.Empty : caption, at)
            {
                Prefix =
                [
                    new Bookmarked(bookmark, [new TextRun("Table "), new Field(" SEQ Table \\* ARABIC ", [new TextRun(ListLabels.Decimal(tableNumber))])]),
                    new TextRun(caption is null ? string.Empty : ": "),
                ],
                KeepWithNext = Style.CaptionsAbove,
            };
        }

        if (captionBlock is not null && Style.CaptionsAbove) blocks.Add(captionBlock);
        AddTable(table);
        if (captionBlock is not null && !Style.CaptionsAbove) blocks.Add(captionBlock);
    }

    /// <summary>Returns to portrait pages after a landscape table.</summary>
    protected void EndLandscape()
    {
        if (!landscape) return;
        AddSectionBreak(true);
        landscape = false;
    }

    // ---- targets, bookmarks, references -------------------------------------------------------------------

    protected enum TargetKind { Paragraph, Item, Recommendation, Section, Annex, Table }

    protected sealed record Target(TargetKind Kind, string Text, string Bookmark);

    protected string Register(string id, SourcePosition at, TargetKind kind, string text)
    {
        var bookmark = NewBookmark(id);
        if (!targets.TryAdd(id, new Target(kind, text, bookmark)))
        {
            Diagnostics.Error(DiagnosticCode.DuplicateId, at, $"The id '{id}' is used twice; give each paragraph, table or annex its own id.");
        }

        return bookmark;
    }

    protected string NewBookmark(string id)
    {
        // Word: bookmark names at most 40 characters, unique, letters/digits/underscore; "_Ref" hides them.
        var clean = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = "_Ref_" + clean;
        if (name.Length > 32) name = name[..32];
        var unique = name;
        for (var i = 2; !bookmarkNames.Add(unique); i++) unique = $"{name}_{i}";
        return unique;
    }

    private IReadOnlyList<Inline>? ResolveReference(string id, SourcePosition at)
    {
        if (!targets.TryGetValue(id, out var target))
        {
            var suggestion = Suggest.Nearest(id, targets.Keys);
            Diagnostics.Error(DiagnosticCode.UnknownReference, at,
                $"Nothing has the id '{id}'; " + (suggestion is null ? "give the paragraph, table or annex 'id: " + id + "', or correct the reference." : $"did you mean '[@{suggestion}]'?"));
            return null;
        }

        var numbered = new Field($" REF {target.Bookmark} \\n \\h ", [new TextRun(target.Text)]);
        return target.Kind switch
        {
            TargetKind.Paragraph => [new TextRun("paragraph "), numbered],
            TargetKind.Recommendation => [new TextRun("recommendation "), numbered],
            TargetKind.Item => [numbered],
            TargetKind.Section when target.Text.Length > 0 && char.IsDigit(target.Text[0]) => [new TextRun("section "), numbered],
            TargetKind.Section when target.Text.EndsWith(')') => [numbered],
            _ => [new Field($" REF {target.Bookmark} \\h ", [new TextRun(target.Text)])],
        };
    }

    private Inline? ResolveFootnote(string name, SourcePosition at)
    {
        var note = paperFootnotes.FirstOrDefault(f => f.Name == name);
        if (note is null)
        {
            var suggestion = Suggest.Nearest(name, paperFootnotes.Select(f => f.Name));
            Diagnostics.Error(DiagnosticCode.UnknownFootnote, at,
                $"There is no footnote '{name}'; " + (suggestion is null ? $"add it under 'footnotes:' as '{name}: …'." : $"did you mean '[^{suggestion}]'?"));
            return null;
        }

        usedFootnotes.Add(name);
        var id = footnotes.Count + 1;
        // Footnote text has no footnotes or references of its own, to keep it simple and finite.
        var content = new InlineText(Diagnostics, (_, _) => null, (_, _) => null).Parse(note.Text, note.At);
        footnotes.Add(new LFootnote(id, content));
        return new FootnoteMark(id);
    }

    // ---- resolving pending blocks -------------------------------------------------------------------------

    private LBlock Resolve(PendingBlock pending)
    {
        if (pending.Ready is { } ready) return ready;
        if (pending.Table is { } table)
        {
            return new LTable(table.Widths, table.Rows.Select(r => new LRow(r.Cells.Select(ResolveCell).ToList(), r.IsHeader)).ToList(), table.Borders)
            {
                Description = table.Description is { } d ? Plain(d) : null,
            };
        }

        var content = new List<Inline>(pending.Prefix);
        content.AddRange(inlineText!.Parse(pending.Markdown, pending.At));
        return new LParagraph(pending.Style, content)
        {
            List = pending.List,
            Label = pending.Label,
            Bookmark = pending.Bookmark,
            Depth = pending.Depth,
            KeepWithNext = pending.KeepWithNext,
            Language = pending.Language,
            RightToLeft = pending.RightToLeft,
        };
    }

    private LCell ResolveCell(PendingCell cell)
    {
        // A cell always holds at least one paragraph: Word refuses a cell without one.
        IReadOnlyList<(string Text, SourcePosition At)> lines = cell.Lines.Count == 0 ? [(string.Empty, SourcePosition.None)] : cell.Lines;
        return new LCell(lines.Select(l => new LParagraph(cell.Style, inlineText!.Parse(l.Text, l.At))
        {
            Align = cell.Align,
            Bold = cell.Bold,
            Size = cell.Size,
        }).ToList())
        {
            Fill = cell.Fill,
            NoWrap = cell.NoWrap,
        };
    }

    protected static string EscapeMarkdown(string s) =>
        string.Concat(s.Select(c => "\\`*_{}[]()#+-.!<>|~^".Contains(c) ? "\\" + c : c.ToString()));

    /// <summary>Text for document properties: without the characters XML cannot hold.</summary>
    protected static string Plain(string s) => s.Any(InlineText.IsForbidden) ? new string(s.Where(c => !InlineText.IsForbidden(c)).ToArray()) : s;

    internal sealed record PendingCell(ParaStyle Style, IReadOnlyList<(string Text, SourcePosition At)> Lines)
    {
        public Align Align { get; init; }
        public bool Bold { get; init; }
        public string? Fill { get; init; }
        public bool NoWrap { get; init; }
        public double? Size { get; init; }
    }

    internal sealed record PendingRow(IReadOnlyList<PendingCell> Cells, bool IsHeader);

    internal sealed record PendingTable(IReadOnlyList<int> Widths, IReadOnlyList<PendingRow> Rows, bool Borders, string? Description);

    protected sealed class PendingBlock
    {
        public PendingBlock(ParaStyle style, string markdown, SourcePosition at)
        {
            Style = style;
            Markdown = markdown;
            At = at;
        }

        public PendingBlock(PendingTable table)
        {
            Table = table;
            Markdown = string.Empty;
        }

        public PendingBlock(LBlock ready)
        {
            Ready = ready;
            Markdown = string.Empty;
        }

        public ParaStyle Style { get; }
        public string Markdown { get; }
        public SourcePosition At { get; }
        public PendingTable? Table { get; }
        public LBlock? Ready { get; }
        public ListRef? List { get; set; }
        public string? Label { get; set; }
        public string? Bookmark { get; set; }
        public int Depth { get; set; }
        public bool KeepWithNext { get; set; }
        public IReadOnlyList<Inline> Prefix { get; init; } = [];
        public string? Language { get; set; }
        public bool RightToLeft { get; set; }
    }
}
