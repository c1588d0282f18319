using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Import;

/// <summary>A body section being collected: its heading, blocks and sub-sections.</summary>
internal sealed class SectionNode(SourceParagraph heading, int level, BlockCollector blocks)
{
    public SourceParagraph Heading { get; } = heading;

    public int Level { get; } = level;

    public BlockCollector Blocks { get; } = blocks;

    public List<SectionNode> Children { get; } = [];

    public bool Numbered => Heading.Number is { IsOutline: true } || ImportContext.IsTypedOutline(Heading.TypedNumber);

    public bool Lettered => Heading.Number is { IsLetter: true } || (Heading.TypedNumber is { } t && char.IsLetter(t.TrimStart('(')[0]));
}

/// <summary>
/// Reads a report (and a document or cabinet member update, which are headings and paragraphs) from the blocks after its
/// front block: headings the house style uses for its standard sections open those sections ("Summary",
/// "Recommendations" with its items and "Reason:", "Contact Details", "Wards Affected:", "Background Papers:",
/// "Annexes:", "Implications" and its kinds, the council's own blocks); every other heading opens a body section at its
/// level. Nothing is dropped: what cannot be placed with certainty is kept where it stands, with a comment.
/// </summary>
internal sealed partial class ReportImporter(ImportContext c)
{
    private static readonly HashSet<string> Parts =
    [
        "summary", "policy", "council-plan", "consultation", "implications", "risk-management", "options-considered",
        "recommendations", "contact", "wards", "background-papers", "annexes", "abbreviations",
    ];

    private static readonly HashSet<string> Labels = ["wards", "background-papers", "annexes", "abbreviations"];

    private readonly Dictionary<string, BlockCollector> parts = new(StringComparer.Ordinal);
    private readonly List<string> implicationOrder = [];
    private readonly List<SectionNode> top = [];
    private readonly List<SectionNode> stack = [];
    private readonly List<SourceParagraph> contactLines = [];
    private readonly List<(List<SourceParagraph> Lines, bool Chief)> contactColumns = [];
    private readonly List<RichText> wards = [];
    private readonly List<RichText> backgroundPapers = [];
    private readonly List<Annex> annexes = [];
    private readonly List<Abbreviation> abbreviations = [];
    private readonly Dictionary<string, PaperField> fields = new(StringComparer.Ordinal);
    private readonly HashSet<int> numberedHeadingLevels = [];
    private bool hasBackgroundPapers;
    private RichText? reason;
    private string? part;
    private int partLevel;
    private int bodyBase;
    private string? implicationKind;
    private SourceParagraph? caption;
    private Table? lastTable;
    private Dictionary<string, FrontLine[]>? block;
    private SourceBlock? firstLoose;

    [GeneratedRegex(@"^\s*(annex|appendix|appendices)\s+(\d+|[A-Z])\s*[:.–—-]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AnnexPrefix();

    [GeneratedRegex(@"[\w.+'-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(tel|telephone|phone|t|mobile|direct dial)?\s*[:.]?\s*[+(]?\d[\d\s()+-]{5,}(ext\.?\s*\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(director|manager|officer|head|assistant|chief|lead|leader|executive|member|councillor|partner|adviser|advisor|coordinator|analyst|team|service|services|department|directorate|council|of|for|and)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoleWords();

    private IReadOnlyList<SourceBlock> Body => c.Body;

    private HouseStyle Style => c.Style;

    private Notes Notes => c.Notes;

    public Report Report(FrontMatch front)
    {
        Walk(front.Consumed, standardParts: true);
        var recommendations = Recommendations();
        var report = new Report
        {
            Meeting = Required(front["meeting"] ?? MeetingFromSubtitle(front), "meeting", "TBC"),
            Date = front.Date("date") ?? MissingDate(),
            ReportOf = Required(front["report-of"], "report-of", "TBC"),
            Title = Required(front["title"] ?? c.Source.Title, "title", "TBC"),
            Subtitle = front["meeting"] is null && MeetingFromSubtitle(front) is not null ? null : front["subtitle"],
            PresentedBy = front["presented-by"] is { } presented && !Same(presented, front["report-of"]) ? presented : null,
            KeyDecision = front["key-decision"] is { } key ? YesNo(key) : null,
            ForwardPlanReference = front["forward-plan-reference"],
            Summary = Blocks("summary"),
            Policy = Blocks("policy"),
            Consultation = Blocks("consultation"),
            OptionsConsidered = Blocks("options-considered"),
            CouncilPlan = Blocks("council-plan"),
            RiskManagement = Blocks("risk-management"),
            Sections = Sections(top),
            Implications = Implications(),
            Recommendations = recommendations,
            Contact = Contact(),
            Wards = front["wards"] is { } w ? Split(w) : wards.Select(x => x.Source).SelectMany(Split).ToList(),
            BackgroundPapers = hasBackgroundPapers ? backgroundPapers : null,
            Annexes = annexes,
            Abbreviations = abbreviations,
            Fields = [.. FrontFields(front), .. fields.Values, .. ParagraphFields()],
        };
        return report;
    }

    public Document Document(FrontMatch front)
    {
        var paragraphs = new BlockCollector(c.NumbersParagraphs);
        parts["paragraphs"] = paragraphs;
        part = "paragraphs";
        Walk(front.Consumed, standardParts: false);
        return new Document
        {
            Title = Required(front["title"] ?? c.Source.Title, "title", "TBC"),
            Subtitle = front["subtitle"],
            Meeting = front["meeting"],
            Date = front.Date("date"),
            ReportOf = front["report-of"],
            Paragraphs = paragraphs.Build(Notes),
            Sections = Sections(top),
            Fields = FrontFields(front),
        };
    }

    public CabinetMemberUpdate Update(FrontMatch front)
    {
        var before = new BlockCollector(c.NumbersParagraphs);
        parts["before"] = before;
        part = "before";
        Walk(front.Consumed, standardParts: false);
        var sections = Sections(top);
        if (!before.IsEmpty)
        {
            // An update is sections only: paragraphs before its first heading go under a heading of their own.
            var first = new Section(RichText.Parse("Introduction")) { Paragraphs = before.Build(Notes) };
            Notes.Uncertain(first, Body[front.Consumed], "These paragraphs come before the first heading; a cabinet member update is sections only, so they stand under the heading 'Introduction', which the document does not have.");
            sections = [first, .. sections];
        }

        return new CabinetMemberUpdate
        {
            Councillor = Required(front["councillor"], "councillor", "TBC"),
            Portfolio = Required(front["portfolio"], "portfolio", "TBC"),
            Date = front.Date("date") ?? MissingDate(),
            Title = front["title"],
            Sections = sections.Count > 0 ? sections : [new Section(RichText.Parse("TBC"))],
            Fields = FrontFields(front),
        };
    }

    private string Required(string? value, string field, string standIn)
    {
        if (value is { Length: > 0 }) return value;
        Notes.Missing(field, standIn);
        return standIn;
    }

    private DateOnly MissingDate()
    {
        var date = c.Source.Created is { } created ? DateOnly.FromDateTime(created) : new DateOnly(2000, 1, 1);
        Notes.Missing("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return date;
    }

    /// <summary>A document whose front block gives no meeting but a subtitle naming a committee (pandoc's subtitle line): the meeting.</summary>
    private static string? MeetingFromSubtitle(FrontMatch front) =>
        front["meeting"] is null && front["subtitle"] is { } s && Regex.IsMatch(s, @"\b(committee|cabinet|council|panel|board|meeting|forum)\b", RegexOptions.IgnoreCase) ? s : null;

    private static bool Same(string? a, string? b) => a is not null && b is not null && Wording.Key(a) == Wording.Key(b);

    private bool? YesNo(string value) =>
        Same(value, Style.WordFor("yes").PlainText) || Same(value, "yes") ? true : Same(value, Style.WordFor("no").PlainText) || Same(value, "no") ? false : null;

    private static List<string> Split(string value) =>
        value.Split([", ", "; "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The council's paragraph fields, each under its heading in the document.</summary>
    private IEnumerable<PaperField> ParagraphFields() =>
        parts.Keys.Where(k => k.StartsWith("field.", StringComparison.Ordinal)).ToList()
            .Select(k => new PaperField(k["field.".Length..]) { Blocks = Blocks(k) })
            .Where(f => f.Blocks.Count > 0);

    /// <summary>Values of the council's own fields given in the front block.</summary>
    private List<PaperField> FrontFields(FrontMatch front)
    {
        var result = new List<PaperField>();
        foreach (var field in Style.Fields)
        {
            if (front[field.Name] is not { } value || field.Type is FieldType.Paragraphs or FieldType.Rows) continue;
            result.Add(field.Type switch
            {
                FieldType.Date when front.Date(field.Name) is { } d => new PaperField(field.Name) { Text = RichText.Plain(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) },
                FieldType.YesNo => new PaperField(field.Name) { Text = RichText.Plain(YesNo(value) is false ? "no" : "yes") },
                _ => new PaperField(field.Name) { Text = Importer.Text(new SourceText([new Span(value, false, false)])) },
            });
        }

        return result;
    }

    // ---- walking the body -----------------------------------------------------------------------------

    private void Walk(int start, bool standardParts)
    {
        foreach (var h in Body.OfType<SourceParagraph>().Where(p => p.HeadingLevel is not null && p.Number is { IsOutline: true }))
        {
            numberedHeadingLevels.Add(h.HeadingLevel!.Value);
        }

        for (var i = start; i < Body.Count; i++)
        {
            firstLoose = Body[i];
            switch (Body[i])
            {
                case SourceTable t:
                    TableBlock(t);
                    break;
                case SourceParagraph p when c.HeadingLevel(p) is { } level:
                    Heading(p, level, standardParts);
                    break;
                case SourceParagraph p:
                    BodyParagraph(p, standardParts);
                    break;
            }
        }

        if (caption is not null) Collector().Unnumbered(caption);
    }

    private BlockCollector Collector()
    {
        if (part == "body" && stack.Count > 0) return stack[^1].Blocks;
        if (part == "implications" && implicationKind is not null) return Part("implications." + implicationKind);
        if (part is null || part == "body")
        {
            // Text before any heading: a report keeps it as its summary, and says so.
            part = "summary";
            partLevel = 1;
            var summary = Part("summary");
            if (summary.IsEmpty && firstLoose is { } loose) summary.Doubt(loose, "Text before any heading; a report keeps it as its summary.");
            return summary;
        }

        return Part(part);
    }

    private BlockCollector Part(string key)
    {
        if (!parts.TryGetValue(key, out var collector)) parts[key] = collector = new BlockCollector(c.NumbersParagraphs);
        return collector;
    }

    private void Open(string key, int level)
    {
        part = key;
        partLevel = level;
        implicationKind = null;
        block = null;
        stack.Clear();
        if (key.StartsWith("implications.", StringComparison.Ordinal))
        {
            part = "implications";
            implicationKind = key["implications.".Length..];
            if (!implicationOrder.Contains(implicationKind)) implicationOrder.Add(implicationKind);
        }

        if (key == "background-papers") hasBackgroundPapers = true;
        if (key.StartsWith("block.", StringComparison.Ordinal) && Style.Blocks.TryGetValue(key["block.".Length..], out var styleBlock))
        {
            block = new Dictionary<string, FrontLine[]> { [key] = styleBlock.Lines.ToArray() };
        }
    }

    private bool IsImplicationKind(string key) =>
        ReportReader.ImplicationKeys.Contains(key) || Style.ImplicationKinds.Contains(key);

    private void Heading(SourceParagraph p, int level, bool standardParts)
    {
        caption = Flush(caption);
        var key = standardParts ? c.KeyOf(p.Plain) : null;
        if (key is not null && (Parts.Contains(key) || key.StartsWith("implications.", StringComparison.Ordinal) || key.StartsWith("block.", StringComparison.Ordinal) || IsParagraphsField(key)))
        {
            Open(IsParagraphsField(key) ? "field." + key : key, level);
            return;
        }

        if (key == "body")
        {
            Open("body", level);
            bodyBase = level;
            return;
        }

        if (part == "implications" && key is not null && IsImplicationKind(key) && level > partLevel)
        {
            implicationKind = key;
            if (!implicationOrder.Contains(key)) implicationOrder.Add(key);
            return;
        }

        if (standardParts && part is not null && part != "body" && level > partLevel)
        {
            // A sub-heading inside a standard section, which holds paragraphs only: kept as a bold paragraph.
            var kept = new Paragraph(RichText.Parse("**" + InlineWriter.Escape(p.Plain, false) + "**")) { Numbered = false };
            Notes.Uncertain(kept, p, $"A heading inside '{part}', which holds paragraphs only; kept as a bold unnumbered paragraph.");
            Collector().Kept(kept);
            return;
        }

        if (part != "body")
        {
            part = "body";
            stack.Clear();
            bodyBase = 0;
        }

        var relative = Math.Max(1, level - bodyBase);
        var node = new SectionNode(p, relative, new BlockCollector(c.NumbersParagraphs));
        while (stack.Count > 0 && stack[^1].Level >= relative) stack.RemoveAt(stack.Count - 1);
        if (stack.Count == 0) top.Add(node);
        else stack[^1].Children.Add(node);
        stack.Add(node);
    }

    private bool IsParagraphsField(string key) => Style.Fields.Any(f => f.Name == key && f.Type == FieldType.Paragraphs);

    private void BodyParagraph(SourceParagraph p, bool standardParts)
    {
        if (p.IsCaption)
        {
            caption = Flush(caption);
            if (lastTable is not null && !Style.CaptionsAbove && lastTable.Caption is null && ReferenceEquals(lastTable, LastNode()))
            {
                Attach(lastTable, p);
                return;
            }

            caption = p;
            return;
        }

        caption = Flush(caption);
        if (standardParts && StandardParagraph(p)) return;
        switch (part)
        {
            case "contact":
                contactLines.Add(p);
                return;
            case "annexes":
                annexes.Add(new Annex(Importer.Text(p.Text.From(AnnexPrefix().Match(p.Text.Plain) is { Success: true } m ? m.Length : 0))));
                return;
            case "abbreviations":
                Abbreviation(p.Plain, p);
                return;
            case "background-papers":
                backgroundPapers.Add(Importer.Text(p.Text));
                return;
            case "wards":
                wards.Add(Importer.Text(p.Text));
                return;
        }

        if (block is not null && BlockLine(p)) return;
        if (part == "implications" && ImplicationLead(p)) return;
        Add(Collector(), p);
    }

    private object? LastNode() => Collector().Nodes.Count > 0 ? Collector().Nodes[^1] : null;

    /// <summary>Labels and wording that open or fill a standard section wherever they stand.</summary>
    private bool StandardParagraph(SourceParagraph p)
    {
        if (c.KeyOf(p.Plain) == "further-information") return true;
        if (part == "recommendations" && c.Label(p, "reason") is { } r)
        {
            reason = Importer.Text(r.After);
            return true;
        }

        var intro = Style.WordFor("recommendations-intro");
        if (part != "recommendations" && !intro.IsEmpty && Same(intro.PlainText, p.Plain) && Style.HeadingFor("recommendations").Length == 0)
        {
            // A style that gives recommendations no heading: its lead-in line opens them.
            Open("recommendations", 1);
            Add(Part("recommendations"), p);
            return true;
        }

        if (c.Label(p, [.. Labels]) is not { } label) return false;
        var rest = label.After.Plain.Trim();
        // A label is bold, or followed by a colon: a paragraph that only starts with the words ("Glossary", "Annexes
        // to this report are …") is text.
        var boldLabel = p.Text.Spans.FirstOrDefault(s => s.Text.Trim().Length > 0)?.Bold ?? false;
        var colon = p.Text.Plain[..(p.Text.Plain.Length - label.After.Plain.Length)].Contains(':', StringComparison.Ordinal);
        if (!boldLabel && !colon) return false;
        Open(label.Key, partLevel == 0 ? 1 : partLevel);
        if (rest.Length == 0) return true;
        switch (label.Key)
        {
            case "wards":
                wards.Add(Importer.Text(label.After));
                break;
            case "background-papers":
                if (!Same(rest, Style.WordFor("none").PlainText) && !Same(rest, "none")) backgroundPapers.Add(Importer.Text(label.After));
                break;
            case "annexes":
                annexes.Add(new Annex(Importer.Text(label.After)));
                break;
            case "abbreviations":
                Abbreviation(rest, p);
                break;
        }

        return true;
    }

    private bool ImplicationLead(SourceParagraph p)
    {
        var lead = Style.WordFor("implication");
        foreach (var kind in ReportReader.ImplicationKeys.Concat(Style.ImplicationKinds))
        {
            foreach (var s in new[] { Style }.Concat(c.Others))
            {
                if (!s.Headings.TryGetValue(kind, out var heading)) continue;
                var filled = lead.Inlines.Select(i => i is Placeholder { Name: "heading" } ? new Run(heading) : i).ToList();
                if (Wording.Match(filled, p.Text.Plain, prefix: true, out _) is not { } m) continue;
                var length = int.Parse(m[":length"], CultureInfo.InvariantCulture);
                if (length >= p.Text.Plain.Length) continue;
                implicationKind = kind;
                if (!implicationOrder.Contains(kind)) implicationOrder.Add(kind);
                Add(Part("implications." + kind), p with { Text = p.Text.From(length) });
                return true;
            }
        }

        return false;
    }

    private void Add(BlockCollector collector, SourceParagraph p)
    {
        if (p.Number is { IsBullet: true }) collector.Item(p, bullet: true);
        else if (p.Number is { IsOutline: true } || ImportContext.IsTypedOutline(p.TypedNumber)) collector.Numbered(p);
        else if (p.Number is not null || p.TypedNumber is not null) collector.Item(p, bullet: false);
        else collector.Unnumbered(p);
    }

    private void Abbreviation(string text, SourceParagraph p)
    {
        var word = Style.WordFor("abbreviation");
        if (Wording.Match(word, text) is { } m && m.TryGetValue("short", out var s) && m.TryGetValue("meaning", out var meaning))
        {
            abbreviations.Add(new Abbreviation(s, meaning));
            return;
        }

        var split = Regex.Match(text, @"^(?<short>\S+)\s*[–—:=-]\s*(?<meaning>.+)$");
        if (split.Success)
        {
            abbreviations.Add(new Abbreviation(split.Groups["short"].Value, split.Groups["meaning"].Value));
            return;
        }

        var kept = new Paragraph(Importer.Text(p.Text)) { Numbered = false };
        Notes.Uncertain(kept, p, "A line among the abbreviations that is not 'short – meaning'; kept as a paragraph of the summary.");
        Part("summary").Kept(kept);
    }

    /// <summary>A line of one of the council's own blocks ("Purpose of Report: Decision"): the fields it gives.</summary>
    private bool BlockLine(SourceParagraph p)
    {
        foreach (var line in block!.Values.SelectMany(l => l).Where(l => l.Table is null))
        {
            var got = Wording.Match(line.Text, p.Plain);
            if (got is null) continue;
            foreach (var (name, value) in got.Where(v => !v.Key.Contains(':', StringComparison.Ordinal)))
            {
                if (Style.Fields.Any(f => f.Name == name)) fields[name] = new PaperField(name) { Text = Importer.Text(new SourceText([new Span(value, false, false)])) };
            }

            return true;
        }

        return false;
    }

    // ---- tables -------------------------------------------------------------------------------------------

    private void TableBlock(SourceTable t)
    {
        if (part == "contact")
        {
            ContactTable(t);
            return;
        }

        if (part == "abbreviations" && t.Rows.All(r => r.Cells.Count >= 2))
        {
            var header = t.Rows[0].IsHeader || (t.Rows.Count > 1 && t.Rows[0].Cells.All(x => x.AllBold));
            if (header)
            {
                // The header row is not printed: the style heads the list with its own label. Said, not dropped.
                Notes.FieldComments["abbreviations"] = $"import: from a table headed '{string.Join(" | ", t.Rows[0].Cells.Select(x => x.Plain))}'.";
            }

            foreach (var row in t.Rows.Skip(header ? 1 : 0))
            {
                if (row.Cells[0].Plain.Length > 0) abbreviations.Add(new Abbreviation(row.Cells[0].Plain, row.Cells[1].Plain));
            }

            return;
        }

        if (block is not null && block.Values.SelectMany(l => l).FirstOrDefault(l => l.RowsFrom is not null) is { } rowsLine)
        {
            var rows = t.Rows.Skip(1).Select(r => (IReadOnlyList<RichText>)r.Cells.Select(x => Importer.Text(new SourceText([new Span(x.Plain, false, false)]))).ToList()).ToList();
            if (Style.Fields.Any(f => f.Name == rowsLine.RowsFrom))
            {
                fields[rowsLine.RowsFrom!] = new PaperField(rowsLine.RowsFrom!) { Rows = rows };
                return;
            }
        }

        var table = TableImporter.Table(t, Style);
        if (caption is not null)
        {
            table = Attach(table, caption);
            caption = null;
        }

        lastTable = table;
        Collector().Table(table);
    }

    private Table Attach(Table table, SourceParagraph captionParagraph)
    {
        var text = captionParagraph.Text;
        var label = Regex.Match(text.Plain, @"^\s*(table|figure)\s*\d+\s*[:.–—-]?\s*", RegexOptions.IgnoreCase);
        var captioned = table with { Caption = Importer.Text(text.From(label.Success ? label.Length : 0)) };
        if (label.Success && label.Length >= text.Plain.Trim().Length) captioned = table with { Caption = null, Id = "table-" + captionParagraph.Index.ToString(CultureInfo.InvariantCulture) };
        if (ReferenceEquals(lastTable, table))
        {
            Collector().Replace(table, captioned);
        }

        lastTable = captioned;
        return captioned;
    }

    /// <summary>A caption with no table after it is a paragraph.</summary>
    private SourceParagraph? Flush(SourceParagraph? pending)
    {
        if (pending is not null) Add(Collector(), pending);
        return null;
    }

    // ---- building the parts ---------------------------------------------------------------------------------

    private List<Block> Blocks(string key) => parts.TryGetValue(key, out var collector) ? collector.Build(Notes) : [];

    private List<Section> Sections(List<SectionNode> nodes) => nodes.Select(n =>
    {
        var heading = Importer.Text(n.Heading.Text, emphasis: false);
        var section = new Section(heading)
        {
            Paragraphs = n.Blocks.Build(Notes),
            Sections = Sections(n.Children),
            Lettered = n.Lettered,
            // Where the document numbers headings, one it leaves unnumbered says so; the numbers beneath count on.
            Numbered = !n.Numbered && !n.Lettered && numberedHeadingLevels.Count > 0 ? false : null,
        };
        return section;
    }).ToList();

    private Implications? Implications()
    {
        var statement = Blocks("implications");
        var items = implicationOrder.Select(kind => new Implication(kind, Blocks("implications." + kind))).Where(i => i.Paragraphs.Count > 0).ToList();
        if (statement.Count > 0 && items.Count > 0)
        {
            // A paper gives one statement for all or one entry per kind, not both: the statement goes with the first kind.
            foreach (var b in statement) Notes.Uncertain(b, firstLoose ?? c.Body[0], $"Implications given both for all and by kind; this statement is kept with the first kind, '{items[0].Kind}'.");
            items[0] = items[0] with { Paragraphs = [.. statement, .. items[0].Paragraphs] };
            statement = [];
        }

        return statement.Count == 0 && items.Count == 0 ? null : new Implications { Statement = statement, Items = items };
    }

    private Recommendations? Recommendations()
    {
        if (!parts.TryGetValue("recommendations", out var collector) && reason is null) return null;
        RichText? intro = null;
        var items = new List<Recommendation>();
        var nodes = collector?.Nodes ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            switch (nodes[i])
            {
                case ParagraphNode p:
                    var text = p.Markdown ?? Importer.Text(p.Source.Text);
                    var leads = p.Items.Count > 0 || p.More.Count > 0 || i + 1 < nodes.Count;
                    if (intro is null && items.Count == 0 && leads && (p.Items.Count > 0 || p.Source.Plain.EndsWith(':') || Same(p.Source.Plain, Style.WordFor("recommendations-intro").PlainText)))
                    {
                        intro = text;
                    }
                    else
                    {
                        items.Add(new Recommendation(text));
                    }

                    if (intro == text)
                    {
                        items.AddRange(p.Items.Select(x => Recommendation(x.Build(Notes))));
                    }
                    else if (p.Items.Count > 0)
                    {
                        items[^1] = items[^1] with { Items = p.Items.Select(x => x.Build(Notes)).ToList() };
                    }

                    items.AddRange(p.More.OfType<TextBlock>().Select(m => new Recommendation(m.Text)));
                    break;
                case ItemNode orphan:
                    items.Add(Recommendation(orphan.Build(Notes)));
                    break;
                case Block b:
                    Notes.Uncertain(b, c.Body[0], "A table among the recommendations, which hold text only; kept in the summary.");
                    Part("summary").Kept(b);
                    break;
            }
        }

        if (items.Count == 0 && intro is not null)
        {
            items.Add(new Recommendation(intro));
            intro = null;
        }

        if (items.Count == 0) return null;
        if (intro is not null && Same(intro.PlainText, Style.WordFor("recommendations-intro").PlainText)) intro = null;
        return new Recommendations { Intro = intro, Items = items, Reason = reason };
    }

    private static Recommendation Recommendation(ListItem item) =>
        new(item.Text) { Items = item.Items.Concat(item.Bullets).ToList() };

    // ---- contact details --------------------------------------------------------------------------------------

    private void ContactTable(SourceTable t)
    {
        var rows = t.Rows.ToList();
        var authorHeading = c.Label(new SourceParagraph(new SourceText([new Span(rows.FirstOrDefault()?.Cells.FirstOrDefault()?.Plain ?? string.Empty, false, false)])), "author") is not null;
        if (rows.Count > 0 && (rows[0].IsHeader || authorHeading)) rows.RemoveAt(0);
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        for (var col = 0; col < columns; col++)
        {
            var lines = rows.Where(r => col < r.Cells.Count).SelectMany(r => r.Cells[col].Paragraphs).ToList();
            contactColumns.Add((lines, col > 0));
        }
    }

    private ContactDetails? Contact()
    {
        if (part != "contact" && contactLines.Count == 0 && contactColumns.Count == 0 && !parts.ContainsKey("contact")) return null;
        var authors = new List<Person>();
        var chiefs = new List<Person>();
        foreach (var (lines, chief) in contactColumns)
        {
            foreach (var person in People(lines))
            {
                // A table's columns say who is who: authors first, then the chief officer.
                (chief ? chiefs : authors).Add(person);
            }
        }

        foreach (var person in People(contactLines))
        {
            (person.Approved is not null ? chiefs : authors).Add(person);
        }

        return authors.Count + chiefs.Count == 0 ? null : new ContactDetails { Authors = authors, ChiefOfficers = chiefs };
    }

    private List<Person> People(List<SourceParagraph> lines)
    {
        var people = new List<Person>();
        Person? current = null;
        var approvedWord = Style.WordFor("approved");
        foreach (var line in lines.Select(l => l.Plain).Where(l => l.Length > 0))
        {
            var approved = Wording.Match(approvedWord, line) is { } m && Wording.Date(m["date"], m.GetValueOrDefault("date:format")) is { } d1 ? d1
                : Regex.Match(line, @"approved\W*(?<d>[\d/.-]+)$", RegexOptions.IgnoreCase) is { Success: true } a && Wording.Date(a.Groups["d"].Value, null) is { } d2 ? d2
                : (DateOnly?)null;
            if (approved is not null && current is not null)
            {
                current = current with { Approved = approved };
                people[^1] = current;
                continue;
            }

            if (Email().Match(line) is { Success: true } email && current is not null && current.Email is null)
            {
                current = current with { Email = line.Trim() == email.Value ? email.Value : line.Trim() };
                people[^1] = current;
                continue;
            }

            if (Phone().IsMatch(line) && current is not null && current.Phone is null)
            {
                current = current with { Phone = line };
                people[^1] = current;
                continue;
            }

            if (current is null || (current.Title is not null && LooksLikeName(line)))
            {
                var comma = line.IndexOf(", ", StringComparison.Ordinal);
                current = comma > 0 && LooksLikeName(line[..comma]) ? new Person(line[..comma]) { Title = line[(comma + 2)..] } : new Person(line);
                people.Add(current);
                continue;
            }

            current = current.Title is null ? current with { Title = line } : current with { Title = current.Title + ", " + line };
            people[^1] = current;
        }

        return people;
    }

    private static bool LooksLikeName(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => char.IsUpper(w[0])) && !line.Any(char.IsDigit) && !RoleWords().IsMatch(line) && !line.Contains(',', StringComparison.Ordinal);
    }
}
