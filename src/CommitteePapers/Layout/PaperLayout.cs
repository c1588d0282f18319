using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>A piece of a paragraph's content before references are resolved: a paper's text, or laid-out inlines.</summary>
internal abstract record Piece;

/// <summary>Text whose references, footnotes and problems are resolved once every target is known.</summary>
internal sealed record TextPiece(RichText Text) : Piece;

/// <summary>Content laid out already (a filled-in placeholder, a field).</summary>
internal sealed record ReadyPiece(LInline Inline) : Piece;

/// <summary>Several lines of a value, printed with line breaks between them (two officers in one cell).</summary>
internal sealed record Lines(IReadOnlyList<RichText> Items);

/// <summary>
/// What every paper's layout shares: pending blocks whose text is resolved once every cross-reference target is
/// known, the numbering plan, bookmarks, footnotes, filled-in style wording, sub-items and tables. A subclass walks its
/// paper in the order the house style gives and decides every number; nothing after layout decides one.
/// </summary>
internal abstract class PaperLayout
{
    private readonly List<PendingBlock> blocks = [];
    private readonly Dictionary<string, Target> targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> bookmarkNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> anchors = new(StringComparer.Ordinal);
    private readonly List<LFootnote> footnotes = [];
    private readonly HashSet<string> usedFootnotes = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Footnote> paperFootnotes;
    private int tableNumber;
    private bool landscape;

    protected PaperLayout(Paper paper, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
    {
        Metrics = metrics;
        PaperAt = paper.At;
        Style = style;
        Diagnostics = diagnostics;
        paperFootnotes = paper.Footnotes;
        IndentStep = (int)Math.Round(style.IndentMm * 1440 / 25.4);
        Plan = new NumberingPlan(IndentStep);
        Page = new PageGeometry(Twips(style.PageWidthMm), Twips(style.PageHeightMm), Twips(style.MarginTopMm), Twips(style.MarginRightMm), Twips(style.MarginBottomMm), Twips(style.MarginLeftMm));
    }

    protected HouseStyle Style { get; }

    /// <summary>How wide text is in the style's font, for table column widths.</summary>
    protected TextMetrics Metrics { get; }

    protected DiagnosticBag Diagnostics { get; }

    protected NumberingPlan Plan { get; }

    protected PageGeometry Page { get; }

    protected SourcePosition PaperAt { get; }

    /// <summary>One level of indent, in twips.</summary>
    protected int IndentStep { get; }

    /// <summary>Lays out the paper's content by adding blocks; called once.</summary>
    protected abstract void LayContent();

    protected abstract DocumentInfo Info { get; }

    public LaidOutPaper Lay()
    {
        LayContent();
        var body = new List<LBlock>(blocks.Count);
        foreach (var block in blocks) body.Add(Resolve(block));
        foreach (var note in paperFootnotes.Where(f => !usedFootnotes.Contains(f.Name)))
        {
            Diagnostics.Warning(DiagnosticCode.UnusedFootnote, note.At,
                $"The footnote '{note.Name}' is never referred to; add '[^{note.Name}]' where it belongs, or remove it.");
        }

        body = WithHeadingLevels(body, out var titled);
        var notes = footnotes.Select(n => n with
        {
            BackText = Wording.Plain(Style, "web-note-back", new Dictionary<string, object?> { ["number"] = n.Id }),
            Anchor = NewAnchor($"note-{n.Id}"),
            ReferenceAnchor = NewAnchor($"note-ref-{n.Id}"),
        }).ToList();
        var notesHeading = notes.Count == 0 ? null : new LParagraph(ParaStyle.Heading1, Wording.Inlines(Style, "web-notes", new Dictionary<string, object?>()))
        {
            HeadingLevel = titled ? 2 : 1,
            Anchor = NewAnchor("notes"),
        };
        var footer = Style.Footer switch
        {
            FooterKind.Page => Ready(Style.WordFor("footer-page"), new Dictionary<string, object?> { ["page"] = Field(" PAGE ", "1") }),
            FooterKind.PageXOfY => Ready(Style.WordFor("footer-page-x-of-y"), new Dictionary<string, object?> { ["page"] = Field(" PAGE ", "1"), ["pages"] = Field(" NUMPAGES ", "1") }),
            _ => [],
        };
        return new LaidOutPaper(Info, body, notes, Plan.Definitions, Plan.Instances, Page)
        {
            EndsLandscape = landscape,
            Footer = footer,
            Header = Style.HeaderText,
            NotesHeading = notesHeading,
        };
    }

    /// <summary>
    /// Each heading's level in the paper's outline: the title is 1 and the headings below it one more than their style's
    /// level, but never more than one below the heading before them, so no level is skipped (a minute or an agenda item
    /// straight under the title is a level 2, not a 3).
    /// </summary>
    private static List<LBlock> WithHeadingLevels(List<LBlock> body, out bool titled)
    {
        var previous = 0;
        titled = false;
        var result = new List<LBlock>(body.Count);
        foreach (var block in body)
        {
            if (block is not LParagraph { Hidden: false } p || HeadingOf(p.Style) is not { } styleLevel)
            {
                result.Add(block);
                continue;
            }

            if (styleLevel == 0) titled = true;
            var level = Math.Min(Math.Min(styleLevel + (titled ? 1 : 0), previous + 1), 6);
            level = Math.Max(level, 1);
            previous = level;
            result.Add(p with { HeadingLevel = level });
        }

        return result;
    }

    private static int? HeadingOf(ParaStyle style) => style switch
    {
        ParaStyle.Title => 0,
        ParaStyle.Heading1 => 1,
        ParaStyle.Heading2 => 2,
        ParaStyle.Heading3 => 3,
        ParaStyle.Heading4 => 4,
        _ => null,
    };

    protected static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    private static IReadOnlyList<LInline> Field(string instruction, string result) => [new LField(instruction, [new LText(result)])];

    // ---- adding blocks ----------------------------------------------------------------------------------

    protected PendingBlock Add(ParaStyle style, RichText text)
    {
        var block = new PendingBlock(style, [new TextPiece(text)], text.At);
        blocks.Add(block);
        return block;
    }

    protected PendingBlock Add(ParaStyle style, IReadOnlyList<Piece> content, SourcePosition at)
    {
        var block = new PendingBlock(style, content, at);
        blocks.Add(block);
        return block;
    }

    /// <summary>Literal text, such as a name or a phrase put together from data.</summary>
    protected PendingBlock AddPlain(ParaStyle style, string text, SourcePosition at) => Add(style, [new ReadyPiece(new LText(text))], at);

    protected void AddPending(PendingBlock block) => blocks.Add(block);

    /// <summary>The style's front block for this kind of paper, placeholders filled from <paramref name="fields"/>.</summary>
    protected void FrontLines(string kind, IReadOnlyDictionary<string, object?> fields) =>
        StyleLines(Style.FrontBlocks.TryGetValue(kind, out var lines) ? lines : [], fields);

    /// <summary>The style's end block for this kind of paper.</summary>
    protected void EndLines(string kind, IReadOnlyDictionary<string, object?> fields) =>
        StyleLines(Style.EndBlocks.TryGetValue(kind, out var lines) ? lines : [], fields);

    /// <summary>Lines of a house style (front, end or council block), filled in; a line whose placeholders are all empty is left out.</summary>
    protected void StyleLines(IReadOnlyList<FrontLine> lines, IReadOnlyDictionary<string, object?> fields)
    {
        foreach (var line in lines)
        {
            if (line.Table is { } rows)
            {
                StyleTable(line, rows, fields);
                continue;
            }

            if (Fill(line.Text, fields, line.UpperCase) is not { } content) continue;
            var style = line.Role switch
            {
                "title" => ParaStyle.Title,
                "subtitle" => ParaStyle.Subtitle,
                "council" => ParaStyle.Council,
                "heading" => ParaStyle.Heading1,
                _ => ParaStyle.FrontMatter,
            };
            var block = Add(style, content, PaperAt);
            block.Language = line.Language;
            block.RightToLeft = line.RightToLeft;
            block.KeepWithNext = style == ParaStyle.Heading1;
        }
    }

    private void StyleTable(FrontLine line, IReadOnlyList<IReadOnlyList<RichText>> rows, IReadOnlyDictionary<string, object?> fields)
    {
        var filled = new List<IReadOnlyList<IReadOnlyList<Piece>>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Select(c => Fill(c, fields, line.UpperCase)).ToList();
            var isHeader = i == 0 && line.TableHeader;
            // A label | value row whose placeholders are all empty is left out.
            if (!isHeader && cells.Skip(rows[i].Count > 1 ? 1 : 0).All(c => c is null)) continue;
            filled.Add(cells.Select(c => c ?? []).ToList());
        }

        if (line.RowsFrom is { } field && fields.TryGetValue(field, out var value) && value is IReadOnlyList<IReadOnlyList<RichText>> fieldRows)
        {
            var columns = rows.Count > 0 ? rows[0].Count : 0;
            foreach (var row in fieldRows)
            {
                filled.Add(Enumerable.Range(0, columns).Select(c => c < row.Count ? (IReadOnlyList<Piece>)[new TextPiece(row[c])] : []).ToList());
            }
        }

        if (filled.Count == 0 || (line.TableHeader && filled.Count == 1)) return;
        var header = line.TableHeader ? filled[0] : filled[0].Select(_ => (IReadOnlyList<Piece>)[]).ToList();
        var plain = filled.Select(r => r.Select(PlainOf).ToArray()).ToList();
        var widths = TableLayout.Widths(Metrics, Page, landscape: false, Style.BodySize, header.Select(PlainOf).ToList(), plain, filled[0].Select(_ => false).ToList());
        AddTable(new PendingTable(widths, filled.Select((r, i) => new PendingRow(
            r.Select((c, j) => new PendingCell(i == 0 && line.TableHeader ? ParaStyle.TableHeading : ParaStyle.TableText, [c])
            {
                Bold = !line.TableHeader && j == 0,
            }).ToList(), IsHeader: i == 0 && line.TableHeader)).ToList(),
            Borders: line.TableHeader, Description: null)
        {
            // Without a header row, a style's table is label | value: the label names the row.
            RowHeaders = !line.TableHeader && filled[0].Count > 1,
        });
    }

    /// <summary>What a reader sees of some pieces, for measuring table columns.</summary>
    protected static string PlainOf(IReadOnlyList<Piece> pieces) => string.Concat(pieces.Select(p => p switch
    {
        TextPiece t => t.Text.PlainText,
        ReadyPiece { Inline: LText x } => x.Text,
        ReadyPiece { Inline: LField f } => string.Concat(f.Result.OfType<LText>().Select(x => x.Text)),
        _ => string.Empty,
    }));

    // ---- the council's own fields -------------------------------------------------------------------------

    /// <summary>
    /// The values of the fields the style declares for this kind of paper, checked against the declarations: a field
    /// the style does not declare, a required one missing, or a value of the wrong kind is an error at its place.
    /// </summary>
    protected IReadOnlyDictionary<string, object?> CouncilFields(string kind, IReadOnlyList<PaperField> given, SourcePosition paperAt)
    {
        var declared = Style.Fields.Where(f => f.Kinds.Count == 0 || f.Kinds.Contains(kind)).ToList();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in given)
        {
            var definition = declared.FirstOrDefault(d => d.Name == field.Name);
            if (definition is null)
            {
                var suggestion = Suggest.Nearest(field.Name, declared.Select(d => d.Name));
                Diagnostics.Error(DiagnosticCode.UnknownField, field.At, $"The house style '{Style.Name}' has no field '{field.Name}' for a {kind}; " + (suggestion is not null
                    ? $"did you mean '{suggestion}'?"
                    : declared.Count == 0 ? "remove it, or declare it under 'fields:' in the style." : $"its fields are: {string.Join(", ", declared.Select(d => d.Name))}."));
                continue;
            }

            values[field.Name] = FieldValue(definition, field);
        }

        foreach (var missing in declared.Where(d => d.Required && !given.Any(g => g.Name == d.Name)))
        {
            Diagnostics.Error(DiagnosticCode.MissingField, paperAt,
                $"The house style '{Style.Name}' needs the field '{missing.Name}' ({(missing.Description.Length > 0 ? missing.Description : missing.Type.ToString().ToLowerInvariant())}); add it under 'fields:'.");
        }

        return values;
    }

    private object? FieldValue(FieldDefinition definition, PaperField field)
    {
        string Shown() => field.Text?.Source ?? (field.Items.Count > 0 ? "a list" : "nothing");
        object? Wrong(string wanted)
        {
            Diagnostics.Error(DiagnosticCode.WrongType, field.At, $"The field '{field.Name}' holds {wanted}, not {Shown()}.");
            return null;
        }

        switch (definition.Type)
        {
            case FieldType.Text:
                return field.Text ?? Wrong("one line of text");
            case FieldType.Lines:
                return field.Text is { } one ? new Lines([one]) : field.Items.Count > 0 ? new Lines(field.Items) : Wrong("lines of text");
            case FieldType.Date:
                if (field.Text is { } d && DateOnly.TryParseExact(d.Source, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                Diagnostics.Error(DiagnosticCode.BadDate, field.At, $"The field '{field.Name}' must be a date written YYYY-MM-DD (for example 2024-02-22), not {Shown()}.");
                return null;
            case FieldType.YesNo:
                return YamlScalars.Boolean(field.Text?.Source ?? string.Empty) is { } yes ? yes : Wrong("yes or no (or true or false)");
            case FieldType.Choice:
                if (field.Text is { } choice && definition.Choices.Contains(choice.Source)) return choice;
                var suggestion = field.Text is null ? null : Suggest.Nearest(field.Text.Source, definition.Choices);
                Diagnostics.Error(DiagnosticCode.BadValue, field.At, $"The field '{field.Name}' must be one of: {string.Join(", ", definition.Choices)}" +
                    (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
                return null;
            case FieldType.Rows:
                return field.Rows.Count > 0 ? field.Rows : Wrong("rows, each a list of cells such as [Cabinet, 2024-03-20]");
            default:
                return field.Blocks.Count > 0 ? field.Blocks : Wrong("paragraphs");
        }
    }

    // ---- filling in style wording -------------------------------------------------------------------------

    /// <summary>
    /// Style wording with its placeholders filled in from <paramref name="fields"/>, in capitals when <paramref name="upper"/>;
    /// null when it has placeholders and every one of them is empty (the line is then left out).
    /// </summary>
    protected IReadOnlyList<Piece>? Fill(RichText wording, IReadOnlyDictionary<string, object?> fields, bool upper = false)
    {
        var pieces = new List<Piece>();
        var any = false;
        var filled = false;
        foreach (var inline in wording.Inlines)
        {
            if (inline is not Placeholder p)
            {
                pieces.Add(new TextPiece(wording.With([Upper(inline, upper)])));
                continue;
            }

            any = true;
            fields.TryGetValue(p.Name, out var value);
            var count = pieces.Count;
            Value(value, p, upper, pieces);
            if (pieces.Count > count) filled = true;
        }

        return any && !filled ? null : pieces;
    }

    /// <summary>Style wording filled in and laid out at once (for text that holds no references, such as a footer).</summary>
    protected IReadOnlyList<LInline> Ready(RichText wording, Dictionary<string, object?> fields) =>
        Fill(wording, fields) is { } pieces ? Resolve(pieces) : [];

    /// <summary>Style wording filled in as plain text (document properties).</summary>
    protected string FillPlain(RichText wording, Dictionary<string, object?> fields) =>
        Plain(PlainOf(Fill(wording, fields) ?? []));

    private void Value(object? value, Placeholder p, bool upper, List<Piece> pieces)
    {
        void Text(string text)
        {
            if (text.Length > 0) pieces.Add(new ReadyPiece(new LText(upper ? text.ToUpper(English.Culture) : text, p.Bold, p.Italic)));
        }

        switch (value)
        {
            case null:
                break;
            case string s:
                Text(s);
                break;
            case RichText rich when !rich.IsEmpty:
                pieces.Add(new TextPiece(rich.With(rich.Inlines.Select(i => Upper(Emphasise(i, p.Bold, p.Italic), upper)).ToList())));
                break;
            case Lines lines:
                for (var i = 0; i < lines.Items.Count; i++)
                {
                    if (i > 0) pieces.Add(new ReadyPiece(new LBreak()));
                    Value(lines.Items[i], p, upper, pieces);
                }

                break;
            case IReadOnlyList<LInline> ready:
                pieces.AddRange(ready.Select(r => new ReadyPiece(r)));
                break;
            case DateOnly d:
                Text(FormatDate(d, p.Format ?? Style.DateFormat));
                break;
            case TimeOnly t:
                Text(FormatTime(t));
                break;
            case bool b:
                Text(Style.WordFor(b ? "yes" : "no").PlainText);
                break;
            case int n:
                Text(n.ToString(English.Culture));
                break;
            case IEnumerable<string> list:
                Text(string.Join(", ", list));
                break;
            case IEnumerable<RichText> list:
                var first = true;
                foreach (var item in list)
                {
                    if (!first) Text(", ");
                    first = false;
                    Value(item, p, upper, pieces);
                }

                break;
        }
    }

    private static Inline Emphasise(Inline inline, bool bold, bool italic) => !bold && !italic ? inline : inline switch
    {
        Run r => r with { Bold = r.Bold || bold, Italic = r.Italic || italic },
        Link l => l with { Content = l.Content.Select(c => Emphasise(c, bold, italic)).ToList() },
        _ => inline,
    };

    private static Inline Upper(Inline inline, bool upper) => !upper ? inline : inline switch
    {
        Run r => r with { Text = r.Text.ToUpper(English.Culture) },
        Link l => l with { Content = l.Content.Select(c => Upper(c, true)).ToList() },
        _ => inline,
    };

    /// <summary>Heading text in capitals, when the style prints its headings so.</summary>
    protected RichText Capitals(RichText text, bool upper) => upper ? text.With(text.Inlines.Select(i => Upper(i, true)).ToList()) : text;

    /// <summary>A date in a .NET format with "Do" for the ordinal day (22nd), always in en-GB.</summary>
    public static string FormatDate(DateOnly date, string format)
    {
        var sb = new System.Text.StringBuilder();
        var parts = format.Split("Do");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) sb.Append(English.Ordinal(date.Day));
            var part = parts[i];
            if (part.Trim().Length == 0)
            {
                sb.Append(part);
                continue;
            }

            try
            {
                // A one-letter format would be a standard format ("d" is the short date): % makes it custom.
                sb.Append(date.ToString(part.Length == 1 ? "%" + part : part, English.Culture));
            }
            catch (FormatException)
            {
                sb.Append(date.ToString("d MMMM yyyy", English.Culture));
            }
        }

        return sb.ToString();
    }

    /// <summary>A time in the style's format, with its own words for before and after noon.</summary>
    protected string FormatTime(TimeOnly time)
    {
        var text = time.ToString(Style.TimeFormat, CultureInfo.InvariantCulture);
        return Style.AmPm.Count == 2
            ? text.Replace("AM", Style.AmPm[0], StringComparison.Ordinal).Replace("PM", Style.AmPm[1], StringComparison.Ordinal)
            : text;
    }

    // ---- sections and lists -------------------------------------------------------------------------------

    protected void AddTable(PendingTable table) => blocks.Add(new PendingBlock(table));

    protected void AddSectionBreak(bool landscapeBefore) => blocks.Add(new PendingBlock(new LSectionBreak(landscapeBefore)));

    /// <param name="text">The heading's text.</param>
    /// <param name="level">Its level, 1 to 4.</param>
    /// <param name="id">The author's id, if any.</param>
    /// <param name="at">Where it was written.</param>
    /// <param name="list">Its list, when numbered.</param>
    /// <param name="label">Its number, when numbered.</param>
    /// <param name="anchor">What a web page calls it ("para-3", "item-4"), when its number is citable; else its id.</param>
    protected PendingBlock Heading(RichText text, int level, string? id, SourcePosition at, ListRef? list = null, string? label = null, string? anchor = null) =>
        Heading([new TextPiece(text)], text.PlainText, level, id, at, list, label, anchor);

    protected PendingBlock Heading(IReadOnlyList<Piece> content, string plain, int level, string? id, SourcePosition at, ListRef? list = null, string? label = null, string? anchor = null)
    {
        var style = level switch { 1 => ParaStyle.Heading1, 2 => ParaStyle.Heading2, 3 => ParaStyle.Heading3, _ => ParaStyle.Heading4 };
        var block = Add(style, content, at);
        block.List = list;
        block.Label = label;
        block.KeepWithNext = true;
        block.Anchor = anchor is not null ? NewAnchor(anchor) : id is not null ? NewAnchor(id) : null;
        if (id is not null) block.Bookmark = Register(id, at, label is null ? TargetKind.Heading : TargetKind.Section, label is null ? plain : Reference(label), block.Anchor!);
        return block;
    }

    /// <summary>A number as a cross-reference quotes it: "12" for "12.", "3.1" for "3.1.", "a" for "a)".</summary>
    protected static string Reference(string label) => label.Trim().Trim('.', ')', '(', ' ');

    /// <summary>A list definition made from patterns, once per document.</summary>
    protected ListDefinition List(string name, IReadOnlyList<NumberPattern> patterns, Func<int, int>? indentSteps = null) =>
        Plan.Define(name, patterns.Count > 0 ? patterns : [NumberPattern.Parse("•")!], outline: false, indentSteps);

    /// <summary>The list a paragraph's items are numbered by: the style's sub-items, unless a kind of paper numbers its own points.</summary>
    protected virtual ListDefinition SubItemList => List("sub-items", Style.Numbering.SubItems);

    /// <summary>A paragraph's sub-items and bullets, each list its own instance so it counts from a) again.</summary>
    protected void Items(IReadOnlyList<ListItem> items, IReadOnlyList<ListItem> bullets, int depth)
    {
        if (items.Count > 0) ListLevel(items, Plan.NewInstance(SubItemList, restart: true), depth, level: 0);
        if (bullets.Count > 0) ListLevel(bullets, Plan.NewInstance(List("bullets", Style.Numbering.Bullets), restart: true), depth, level: 0);
    }

    protected void ListLevel(IReadOnlyList<ListItem> items, ListInstance instance, int depth, int level, TargetKind kind = TargetKind.Item)
    {
        foreach (var item in items)
        {
            var label = Plan.Count(instance, level);
            var block = Add(ParaStyle.ListItem, item.Text);
            block.List = new ListRef(instance.NumId, level);
            block.Label = label;
            block.Depth = depth;
            if (depth > 0) block.Indent = (IndentStep * (depth + 1), IndentStep);
            if (item.Id is not null)
            {
                block.Anchor = NewAnchor(item.Id);
                block.Bookmark = Register(item.Id, item.At, kind, Reference(label), block.Anchor);
            }
            // Nested sub-items are the next level of the same list, so Word restarts them under each item.
            if (item.Items.Count > 0) ListLevel(item.Items, instance, depth + 1, level + 1, kind);
            if (item.Bullets.Count > 0) ListLevel(item.Bullets, Plan.NewInstance(List("bullets", Style.Numbering.Bullets), restart: true), depth + 1, 0, kind);
        }
    }

    /// <summary>Recommendations, with their own sub-items as the list's next level.</summary>
    protected void Recommendations(IReadOnlyList<Recommendation> items, int depth)
    {
        if (items is [{ Items.Count: 0 } only] && !Style.Numbering.NumberSingleRecommendation)
        {
            // One recommendation, which the style prints as a plain paragraph ("That the report is agreed.").
            var single = Add(ParaStyle.Continuation, only.Text);
            if (only.Id is not null)
            {
                single.Anchor = NewAnchor(only.Id);
                single.Bookmark = Register(only.Id, only.At, TargetKind.Recommendation, only.Text.PlainText, single.Anchor, numbered: false);
            }
            return;
        }

        var instance = Plan.NewInstance(List("recommendations", Style.Numbering.Recommendations), restart: true);
        foreach (var rec in items)
        {
            var label = Plan.Count(instance, 0);
            var block = Add(ParaStyle.ListItem, rec.Text);
            block.List = new ListRef(instance.NumId, 0);
            block.Label = label;
            block.Depth = depth;
            if (depth > 0) block.Indent = (IndentStep * (depth + 1), IndentStep);
            if (rec.Id is not null)
            {
                block.Anchor = NewAnchor(rec.Id);
                block.Bookmark = Register(rec.Id, rec.At, TargetKind.Recommendation, Reference(label), block.Anchor);
            }
            // A recommendation's sub-items stand one step in from it (a list at depth 0 already stands one step in).
            if (rec.Items.Count > 0) ListLevel(rec.Items, instance, Math.Max(depth, 1) + 1, 1, TargetKind.Item);
        }
    }

    /// <summary>A run of blocks: paragraphs, tables, continuation text; back to portrait pages after them.</summary>
    protected void Blocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks) Block(block, ParaStyle.Continuation, asParagraph: true);
        EndLandscape();
    }

    /// <summary>A paragraph; unnumbered unless the paper kind numbers them.</summary>
    protected virtual void Paragraph(Paragraph p)
    {
        var block = Add(ParaStyle.Normal, p.Text);
        if (p.Id is not null)
        {
            block.Anchor = NewAnchor(p.Id);
            block.Bookmark = Register(p.Id, p.At, TargetKind.Paragraph, p.Text.PlainText, block.Anchor, numbered: false);
        }
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
                Add(textStyle, p.Text);
                break;
            case TextBlock t:
                Add(textStyle, t.Text);
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
        var laid = TableLayout.Lay(table, Style, Metrics, Page, Diagnostics, out var landscape);
        PlaceTable(laid, table.Caption, table.Id, table.At, landscape);
    }

    protected void KpiTable(KpiTable table) =>
        PlaceTable(TableLayout.LayKpi(table, Style, Metrics, Page, Diagnostics), table.Caption, table.Id, table.At, landscape: true);

    private void PlaceTable(PendingTable table, RichText? caption, string? id, SourcePosition at, bool landscape)
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
            var number = tableNumber.ToString(CultureInfo.InvariantCulture);
            var seq = new LField(" SEQ Table \\* ARABIC ", [new LText(number)]);
            var name = Plain(PlainOf(Fill(Style.WordFor("table"), new Dictionary<string, object?> { ["number"] = number }) ?? []));
            var anchor = NewAnchor(id ?? "table-" + number);
            var bookmark = id is null ? NewBookmark("table" + tableNumber) : Register(id, at, TargetKind.Table, name, anchor);
            var label = Resolve(Fill(Style.WordFor("table"), new Dictionary<string, object?> { ["number"] = (IReadOnlyList<LInline>)[seq] }) ?? []);
            IReadOnlyList<LInline> marked = [new LBookmark(bookmark, label) { Anchor = anchor }];
            var content = caption is null
                ? marked.Select(m => (Piece)new ReadyPiece(m)).ToList()
                : Fill(Style.WordFor("caption"), new Dictionary<string, object?> { ["label"] = marked, ["caption"] = caption }) ?? [];
            captionBlock = new PendingBlock(ParaStyle.Caption, content, at) { KeepWithNext = Style.CaptionsAbove };
        }

        if (captionBlock is not null && Style.CaptionsAbove) blocks.Add(captionBlock);
        AddTable(table with { Caption = captionBlock is null ? CaptionPlace.None : Style.CaptionsAbove ? CaptionPlace.Above : CaptionPlace.Below });
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

    protected enum TargetKind { Paragraph, Item, Recommendation, Section, Heading, Annex, Table, Minute }

    protected sealed record Target(TargetKind Kind, string Text, string Bookmark, bool Numbered, string Anchor);

    /// <summary>Makes <paramref name="id"/> a target of cross-references, found at <paramref name="anchor"/> on a web page; returns its bookmark.</summary>
    protected string Register(string id, SourcePosition at, TargetKind kind, string text, string anchor, bool numbered = true)
    {
        var bookmark = NewBookmark(id);
        if (!targets.TryAdd(id, new Target(kind, text, bookmark, numbered && kind is not (TargetKind.Heading or TargetKind.Annex or TargetKind.Table), anchor)))
        {
            Diagnostics.Error(DiagnosticCode.DuplicateId, at, $"The id '{id}' is used twice; give each paragraph, table or annex its own id.");
        }

        return bookmark;
    }

    /// <summary>
    /// Makes <paramref name="id"/> refer to a target that is already bookmarked (an id inside an exempt minute that the
    /// public minutes leave out refers to the minute itself).
    /// </summary>
    protected void Alias(string id, SourcePosition at, TargetKind kind, string text, string bookmark, string anchor)
    {
        if (!targets.TryAdd(id, new Target(kind, text, bookmark, Numbered: true, anchor)))
        {
            Diagnostics.Error(DiagnosticCode.DuplicateId, at, $"The id '{id}' is used twice; give each paragraph, table or annex its own id.");
        }
    }

    /// <summary>
    /// A web anchor, unique in the paper: <paramref name="wanted"/> with anything but letters, digits, '-', '_' and '.'
    /// made '-', and "-2", "-3" … after it when it is taken.
    /// </summary>
    protected string NewAnchor(string wanted)
    {
        var clean = string.Create(wanted.Length, wanted, static (span, w) =>
        {
            for (var i = 0; i < w.Length; i++) span[i] = char.IsAsciiLetterOrDigit(w[i]) || w[i] is '-' or '_' or '.' ? w[i] : '-';
        }).Trim('-');
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0])) clean = "id-" + clean;
        var unique = clean;
        for (var i = 2; !anchors.Add(unique); i++) unique = $"{clean}-{i}";
        return unique;
    }

    protected string NewBookmark(string id)
    {
        // Word: bookmark names at most 40 characters, unique, letters/digits/underscore; "_Ref" hides them.
        var clean = string.Create(id.Length, id, static (span, w) =>
        {
            for (var i = 0; i < w.Length; i++) span[i] = char.IsAsciiLetterOrDigit(w[i]) ? w[i] : '_';
        });
        var name = "_Ref_" + clean;
        if (name.Length > 32) name = name[..32];
        var unique = name;
        for (var i = 2; !bookmarkNames.Add(unique); i++) unique = $"{name}_{i}";
        return unique;
    }

    private IEnumerable<LInline> ResolveReference(CrossReference reference)
    {
        if (!targets.TryGetValue(reference.Id, out var target))
        {
            var suggestion = Suggest.Nearest(reference.Id, targets.Keys);
            Diagnostics.Error(DiagnosticCode.UnknownReference, reference.At,
                $"Nothing has the id '{reference.Id}'; " + (suggestion is null ? "give the paragraph, table or annex 'id: " + reference.Id + "', or correct the reference." : $"did you mean '[@{suggestion}]'?"));
            return [new LText($"[@{reference.Id}]", reference.Bold, reference.Italic)];
        }

        if (!target.Numbered)
        {
            // An unnumbered target is quoted by its text: the heading, the table's name, the annex's name.
            return [new LField($" REF {target.Bookmark} \\h ", [new LText(target.Text, reference.Bold, reference.Italic)]) { Anchor = target.Anchor }];
        }

        var number = new LField($" REF {target.Bookmark} \\n \\h ", [new LText(target.Text, reference.Bold, reference.Italic)]) { Anchor = target.Anchor };
        var word = target.Kind switch
        {
            TargetKind.Paragraph => "reference-paragraph",
            TargetKind.Recommendation => "reference-recommendation",
            TargetKind.Minute => "reference-minute",
            TargetKind.Section when target.Text.Length > 0 && char.IsDigit(target.Text[0]) => "reference-section",
            _ => "reference-item",
        };
        return Resolve(Fill(Style.WordFor(word), new Dictionary<string, object?> { ["number"] = (IReadOnlyList<LInline>)[number] }) ?? [new ReadyPiece(number)]);
    }

    private IEnumerable<LInline> ResolveFootnote(FootnoteReference reference, bool inFootnote)
    {
        if (inFootnote)
        {
            Diagnostics.Warning(DiagnosticCode.UnknownFootnote, reference.At,
                $"A footnote cannot have a footnote of its own; '[^{reference.Name}]' is printed as it stands. Put its text in this footnote instead.");
            return [new LText($"[^{reference.Name}]", reference.Bold, reference.Italic)];
        }

        var note = paperFootnotes.FirstOrDefault(f => f.Name == reference.Name);
        if (note is null)
        {
            var suggestion = Suggest.Nearest(reference.Name, paperFootnotes.Select(f => f.Name));
            Diagnostics.Error(DiagnosticCode.UnknownFootnote, reference.At,
                $"There is no footnote '{reference.Name}'; " + (suggestion is null ? $"add it under 'footnotes:' as '{reference.Name}: …'." : $"did you mean '[^{suggestion}]'?"));
            return [new LText($"[^{reference.Name}]", reference.Bold, reference.Italic)];
        }

        usedFootnotes.Add(reference.Name);
        var id = footnotes.Count + 1;
        footnotes.Add(new LFootnote(id, []));
        // The footnote's own text may refer to paragraphs and tables, but not to footnotes.
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        footnotes[id - 1] = new LFootnote(id, Resolve(note.Text, inFootnote: true).Select(i => Clean(i, dropped)).ToList());
        return [new LNoteMark(id)];
    }

    /// <summary>A text laid out: its problems reported once, here, and every reference resolved.</summary>
    private IReadOnlyList<LInline> Resolve(RichText text, bool inFootnote = false)
    {
        var problems = text.Problems;
        for (var i = 0; i < problems.Count; i++) Diagnostics.Add(problems[i]);
        var result = new List<LInline>(text.Inlines.Count);
        Convert(text.Inlines, inFootnote, result);
        return result;
    }

    // Indexed loops and one list filled in place, not an enumerable per inline: text is laid out for every paragraph of
    // every paper, and the enumerators and one-element lists were a tenth of what laying out allocated.
    private void Convert(IReadOnlyList<Inline> inlines, bool inFootnote, List<LInline> into)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case Run r:
                    into.Add(new LText(r.Text, r.Bold, r.Italic));
                    break;
                case LineBreak:
                    into.Add(new LBreak());
                    break;
                case Link l:
                    var content = new List<LInline>(l.Content.Count);
                    Convert(l.Content, inFootnote, content);
                    into.Add(new LLink(l.Url, content));
                    break;
                case FootnoteReference f:
                    into.AddRange(ResolveFootnote(f, inFootnote));
                    break;
                case CrossReference c:
                    into.AddRange(ResolveReference(c));
                    break;
                case Placeholder p:
                    into.Add(new LText("{" + p.Name + "}", p.Bold, p.Italic));
                    break;
            }
        }
    }

    private List<LInline> Resolve(IReadOnlyList<Piece> pieces)
    {
        var result = new List<LInline>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            switch (pieces[i])
            {
                case ReadyPiece ready:
                    result.Add(ready.Inline);
                    break;
                case TextPiece text:
                    Convert(text.Text.Inlines, inFootnote: false, result);
                    break;
            }
        }

        return result;
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
                Caption = table.Caption,
                RowHeaders = table.RowHeaders,
            };
        }

        return new LParagraph(pending.Style, ResolveReported(pending.Content, pending.At))
        {
            List = pending.List,
            Label = pending.Label,
            Bookmark = pending.Bookmark,
            Depth = pending.Depth,
            Indent = pending.Indent,
            KeepWithNext = pending.KeepWithNext,
            Language = pending.Language,
            RightToLeft = pending.RightToLeft,
            Anchor = pending.Anchor,
        };
    }

    /// <summary>Pieces laid out, each paper text's problems reported once (a text split into pieces is one text).</summary>
    private IReadOnlyList<LInline> ResolveReported(IReadOnlyList<Piece> pieces, SourcePosition at)
    {
        // Sets made only when needed: most texts have no problems and nothing to clean (allocations per paper).
        HashSet<string>? seen = null;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i] is not TextPiece { Text.Problems: { Count: > 0 } problems }) continue;
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in problems)
            {
                if (seen.Add(problem.ToString())) Diagnostics.Add(problem);
            }
        }

        var result = Resolve(pieces);
        if (!NeedsCleaning(result)) return result;
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++) result[i] = Clean(result[i], dropped);
        if (dropped.Count > 0)
        {
            // Text a paper built in code hands over as it is (a name, a title) has not been read, so it is checked here.
            Diagnostics.Warning(DiagnosticCode.ForbiddenCharacter, at.IsKnown ? at : PaperAt,
                $"The text holds characters a Word document cannot contain ({string.Join(", ", dropped)}); they were left out. Retype the text to remove them.");
        }

        return result;
    }

    /// <summary>Whether any of the text holds a character XML cannot hold.</summary>
    private static bool NeedsCleaning(IReadOnlyList<LInline> inlines)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            var needs = inlines[i] switch
            {
                LText t => HasForbidden(t.Text),
                LLink l => NeedsCleaning(l.Content),
                LField f => NeedsCleaning(f.Result),
                LBookmark b => NeedsCleaning(b.Content),
                _ => false,
            };
            if (needs) return true;
        }

        return false;
    }

    /// <summary>Laid-out text without the characters XML cannot hold; what was dropped is noted.</summary>
    private static LInline Clean(LInline inline, SortedSet<string> dropped) => inline switch
    {
        LText t when HasForbidden(t.Text) => t with { Text = WithoutForbidden(t.Text, dropped) },
        LLink l => l with { Content = l.Content.Select(c => Clean(c, dropped)).ToList() },
        LField f => f with { Result = f.Result.Select(c => Clean(c, dropped)).ToList() },
        LBookmark b => b with { Content = b.Content.Select(c => Clean(c, dropped)).ToList() },
        _ => inline,
    };

    private static bool HasForbidden(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (InlineMarkdown.IsForbidden(s[i])) return true;
        }

        return false;
    }

    private static string WithoutForbidden(string s, SortedSet<string>? dropped = null)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s[i]).Append(s[++i]);
            }
            else if (InlineMarkdown.IsForbidden(s[i]))
            {
                dropped?.Add($"U+{(int)s[i]:X4}");
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    private LCell ResolveCell(PendingCell cell)
    {
        // A cell always holds at least one paragraph: Word refuses a cell without one.
        IReadOnlyList<IReadOnlyList<Piece>> lines = cell.Lines.Count == 0 ? [[]] : cell.Lines;
        return new LCell(lines.Select(l => new LParagraph(cell.Style, ResolveReported(l, PaperAt))
        {
            Align = cell.Align,
            Bold = cell.Bold,
            Size = cell.Size,
        }).ToList())
        {
            Fill = cell.Fill,
            NoWrap = cell.NoWrap,
            Unit = cell.Unit,
        };
    }

    /// <summary>Text for document properties: without the characters XML cannot hold.</summary>
    protected static string Plain(string s) => HasForbidden(s) ? WithoutForbidden(s) : s;

    internal sealed record PendingCell(ParaStyle Style, IReadOnlyList<IReadOnlyList<Piece>> Lines)
    {
        public Align Align { get; init; }
        public bool Bold { get; init; }
        public string? Fill { get; init; }
        public bool NoWrap { get; init; }
        public double? Size { get; init; }
        public string? Unit { get; init; }
    }

    internal sealed record PendingRow(IReadOnlyList<PendingCell> Cells, bool IsHeader);

    internal sealed record PendingTable(IReadOnlyList<int> Widths, IReadOnlyList<PendingRow> Rows, bool Borders, string? Description)
    {
        public CaptionPlace Caption { get; init; }
        public bool RowHeaders { get; init; }
    }

    protected sealed class PendingBlock
    {
        public PendingBlock(ParaStyle style, IReadOnlyList<Piece> content, SourcePosition at)
        {
            Style = style;
            Content = content;
            At = at;
        }

        public PendingBlock(PendingTable table)
        {
            Table = table;
            Content = [];
        }

        public PendingBlock(LBlock ready)
        {
            Ready = ready;
            Content = [];
        }

        public ParaStyle Style { get; set; }
        public IReadOnlyList<Piece> Content { get; set; }
        public SourcePosition At { get; }
        public PendingTable? Table { get; }
        public LBlock? Ready { get; }
        public ListRef? List { get; set; }
        public string? Label { get; set; }
        public string? Bookmark { get; set; }
        public int Depth { get; set; }
        public (int Left, int Hanging)? Indent { get; set; }
        public bool KeepWithNext { get; set; }
        public string? Language { get; set; }
        public bool RightToLeft { get; set; }
        public string? Anchor { get; set; }
    }
}
