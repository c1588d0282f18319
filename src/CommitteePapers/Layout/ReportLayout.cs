using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out a <see cref="Report"/> in a house style: decides every paragraph number, sub-item letter, bookmark
/// and cross-reference text once, so every writer agrees. Pure: the same report and style give the same result.
/// </summary>
internal sealed class ReportLayout
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly Report report;
    private readonly HouseStyle style;
    private readonly DiagnosticBag diagnostics;
    private readonly List<PendingBlock> blocks = [];
    private readonly List<ListInstance> lists = [];
    private readonly Dictionary<string, Target> targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> bookmarkNames = new(StringComparer.Ordinal);
    private readonly List<LFootnote> footnotes = [];
    private readonly HashSet<string> usedFootnotes = new(StringComparer.Ordinal);
    private int paragraphNumber;
    private ListInstance? paragraphList;
    private InlineText? inlineText;

    private ReportLayout(Report report, HouseStyle style, DiagnosticBag diagnostics)
    {
        this.report = report;
        this.style = style;
        this.diagnostics = diagnostics;
    }

    public static LaidOutPaper Lay(Report report, HouseStyle style, DiagnosticBag diagnostics) =>
        new ReportLayout(report, style, diagnostics).Lay();

    private LaidOutPaper Lay()
    {
        FrontBlock();
        NumberedSection("summary", report.Summary);
        foreach (var section in report.Sections) Section(section, 1);
        NumberedSection("council-plan", report.CouncilPlan);
        ImplicationsSection();
        NumberedSection("risk-management", report.RiskManagement);
        RecommendationsSection();
        ContactSection();
        BackMatter();

        inlineText = new InlineText(diagnostics, ResolveReference, ResolveFootnote);
        var body = blocks.Select(Resolve).ToList();
        foreach (var note in report.Footnotes.Where(f => !usedFootnotes.Contains(f.Name)))
        {
            diagnostics.Warning(DiagnosticCode.UnusedFootnote, note.At,
                $"The footnote '{note.Name}' is never referred to; add '[^{note.Name}]' where it belongs, or remove it.");
        }

        var info = new DocumentInfo(Plain(report.Title), Plain(report.ReportOf), Plain(report.Meeting), "en-GB");
        return new LaidOutPaper(info, body, footnotes, lists);
    }

    // ---- front block -------------------------------------------------------------------------------------

    private void FrontBlock()
    {
        Add(ParaStyle.FrontMatter, report.Meeting, report.At);
        Add(ParaStyle.FrontMatter, report.Date.ToString("d MMMM yyyy", EnGb), report.At);
        Add(ParaStyle.FrontMatter, "Report of the " + report.ReportOf, report.At);
        Add(ParaStyle.Title, report.Title, report.At);
        if (report.Subtitle is { Length: > 0 } subtitle) Add(ParaStyle.Subtitle, subtitle, report.At);
    }

    // ---- body ------------------------------------------------------------------------------------------

    private void NumberedSection(string key, IReadOnlyList<Paragraph> paragraphs)
    {
        if (paragraphs.Count == 0) return;
        Heading(style.HeadingFor(key), 1, null, report.At);
        foreach (var p in paragraphs) Paragraph(p);
    }

    private void Section(Section section, int level, ListRef? letter = null, string? label = null)
    {
        Heading(section.Heading, level, section.Id, section.At, letter, label);
        foreach (var p in section.Paragraphs) Paragraph(p);
        ListInstance? letters = null;
        var lettered = 0;
        foreach (var sub in section.Sections)
        {
            if (!sub.Lettered)
            {
                Section(sub, level + 1);
                continue;
            }

            // Each group of lettered sub-sections is its own list, so the letters start at a) under every parent.
            letters ??= NewList(ListKind.HeadingLetters, restart: true);
            lettered++;
            Section(sub, level + 1, new ListRef(letters.NumId, 0), ListLabels.LowerLetter(lettered) + ")");
        }
    }

    private void Heading(string text, int level, string? id, SourcePosition at, ListRef? list = null, string? label = null)
    {
        var paraStyle = level switch { 1 => ParaStyle.Heading1, 2 => ParaStyle.Heading2, 3 => ParaStyle.Heading3, _ => ParaStyle.Heading4 };
        var block = new PendingBlock(paraStyle, text, at) { List = list, Label = label, KeepWithNext = true };
        if (id is not null)
        {
            block.Bookmark = Register(id, at, new Target(TargetKind.Section, label ?? text, string.Empty));
        }

        blocks.Add(block);
    }

    private void Paragraph(Paragraph p)
    {
        var block = new PendingBlock(p.Numbered && style.Numbering != NumberingScheme.None ? ParaStyle.NumberedParagraph : ParaStyle.Continuation, p.Text, p.At);
        if (block.Style == ParaStyle.NumberedParagraph)
        {
            paragraphList ??= NewList(ListKind.Paragraphs, restart: false);
            paragraphNumber++;
            block.List = new ListRef(paragraphList.NumId, 0);
            block.Label = ListLabels.Decimal(paragraphNumber) + ".";
        }

        if (p.Id is not null)
        {
            block.Bookmark = Register(p.Id, p.At, new Target(TargetKind.Paragraph, block.Label is null ? "" : ListLabels.Decimal(paragraphNumber), string.Empty));
        }

        blocks.Add(block);
        Items(p.Items, p.Bullets, depth: 1);
        foreach (var more in p.More)
        {
            if (more is TextBlock t) blocks.Add(new PendingBlock(ParaStyle.Continuation, t.Text, t.At) { Depth = 0 });
        }
    }

    private void Items(IReadOnlyList<ListItem> items, IReadOnlyList<ListItem> bullets, int depth)
    {
        if (items.Count > 0)
        {
            var instance = NewList(ListKind.SubItems, restart: true);
            ListLevel(items, instance, depth, level: 0);
        }

        if (bullets.Count > 0)
        {
            var instance = NewList(ListKind.Bullets, restart: true);
            ListLevel(bullets, instance, depth, level: 0);
        }
    }

    private void ListLevel(IReadOnlyList<ListItem> items, ListInstance instance, int depth, int level)
    {
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var label = LabelFor(instance.Kind, level, n);
            var block = new PendingBlock(ParaStyle.ListItem, item.Text, item.At)
            {
                List = new ListRef(instance.NumId, level),
                Label = label,
                Depth = depth,
            };
            if (item.Id is not null)
            {
                block.Bookmark = Register(item.Id, item.At, new Target(TargetKind.Item, label.TrimEnd('.', ')'), string.Empty));
            }

            blocks.Add(block);
            if (item.Items.Count > 0)
            {
                // Nested sub-items are the next level of the same list, so Word restarts them under each item.
                ListLevel(item.Items, instance, depth + 1, level + 1);
            }

            if (item.Bullets.Count > 0)
            {
                ListLevel(item.Bullets, NewList(ListKind.Bullets, restart: true), depth + 1, 0);
            }
        }
    }

    private string LabelFor(ListKind kind, int level, int n) => (kind, level % 2) switch
    {
        (ListKind.SubItems, 0) => ListLabels.Apply(style.SubItemFormat, ListLabels.LowerLetter(n)),
        (ListKind.SubItems, _) => ListLabels.LowerRoman(n) + ".",
        (ListKind.Bullets, 0) => "•",
        (ListKind.Bullets, _) => ListLabels.LowerRoman(n) + ".",
        (ListKind.Recommendations, _) => ListLabels.Apply(style.RecommendationFormat, ListLabels.LowerRoman(n)),
        _ => ListLabels.Decimal(n),
    };

    // ---- standard sections ----------------------------------------------------------------------------

    private void ImplicationsSection()
    {
        if (report.Implications is not { } implications) return;
        if (implications.Statement.Count == 0 && implications.Items.Count == 0) return;
        Heading(style.HeadingFor("implications"), 1, null, implications.At);
        foreach (var p in implications.Statement) Paragraph(p);
        foreach (var item in implications.Items)
        {
            var key = ReportReader.ImplicationKeys.First(k => k.Kind == item.Kind).Key;
            var label = style.HeadingFor(key);
            for (var i = 0; i < item.Paragraphs.Count; i++)
            {
                var p = item.Paragraphs[i];
                Paragraph(i == 0 ? p with { Text = $"**{EscapeMarkdown(label)}** – {p.Text}" } : p);
            }
        }
    }

    private void RecommendationsSection()
    {
        if (report.Recommendations is not { } recs) return;
        Heading(style.HeadingFor("recommendations"), 1, null, recs.At);
        var intro = recs.Intro ?? "The Committee is recommended to:";
        Paragraph(new Paragraph(intro) { At = recs.At });
        var instance = NewList(ListKind.Recommendations, restart: true);
        var n = 0;
        foreach (var rec in recs.Items)
        {
            n++;
            var label = LabelFor(ListKind.Recommendations, 0, n);
            var block = new PendingBlock(ParaStyle.ListItem, rec.Text, rec.At)
            {
                List = new ListRef(instance.NumId, 0),
                Label = label,
                Depth = 1,
            };
            if (rec.Id is not null)
            {
                block.Bookmark = Register(rec.Id, rec.At, new Target(TargetKind.Recommendation, ListLabels.LowerRoman(n), string.Empty));
            }

            blocks.Add(block);
        }

        if (recs.Reason is { Length: > 0 } reason)
        {
            blocks.Add(new PendingBlock(ParaStyle.Continuation, $"**{EscapeMarkdown(style.HeadingFor("reason"))}** {reason}", recs.At));
        }
    }

    private void ContactSection()
    {
        if (report.Contact is not { } contact) return;
        Heading(style.HeadingFor("contact"), 1, null, contact.At);
        var left = contact.Authors.SelectMany(PersonLines).ToList();
        var right = contact.ChiefOfficers.SelectMany(PersonLines).ToList();
        foreach (var approved in contact.ChiefOfficers.Where(c => c.Approved is not null).Select(c => c.Approved!.Value))
        {
            right.Add((style.HeadingFor("approved") + " " + approved.ToString("dd/MM/yy", EnGb), contact.At));
        }

        blocks.Add(new PendingBlock(new PendingTable(
            [4513, 4513],
            [
                new PendingRow([new PendingCell(ParaStyle.TableHeading, [(style.HeadingFor("author"), contact.At)]), new PendingCell(ParaStyle.TableHeading, [(style.HeadingFor("chief-officer"), contact.At)])], IsHeader: true),
                new PendingRow([new PendingCell(ParaStyle.TableText, left), new PendingCell(ParaStyle.TableText, right)], IsHeader: false),
            ],
            Borders: false,
            Description: "Contact details")));
    }

    private static IEnumerable<(string, SourcePosition)> PersonLines(Person p)
    {
        yield return (p.Name, p.At);
        var role = string.Join(", ", new[] { p.Title, p.Department }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (role.Length > 0) yield return (role, p.At);
        if (p.Phone is { Length: > 0 } phone) yield return (phone, p.At);
        if (p.Email is { Length: > 0 } email) yield return ($"<{email}>", p.At);
    }

    private void BackMatter()
    {
        if (report.Wards.Count > 0)
        {
            Add(ParaStyle.Label, $"**{EscapeMarkdown(style.HeadingFor("wards"))}** {string.Join(", ", report.Wards)}", report.At);
        }

        if (report.Contact is not null) Add(ParaStyle.Continuation, style.HeadingFor("further-information"), report.At);
        if (report.BackgroundPapers is { } papers)
        {
            Add(ParaStyle.Label, $"**{EscapeMarkdown(style.HeadingFor("background-papers"))}** {(papers.Count == 0 ? "None" : "")}".TrimEnd(), report.At);
            foreach (var paper in papers) Add(ParaStyle.Continuation, paper, report.At);
        }

        if (report.Annexes.Count > 0)
        {
            Add(ParaStyle.Label, $"**{EscapeMarkdown(style.HeadingFor("annexes"))}**", report.At);
            var n = 0;
            foreach (var annex in report.Annexes)
            {
                n++;
                var name = $"{style.AnnexWord} {n}";
                var bookmark = annex.Id is null ? NewBookmark("annex" + n) : Register(annex.Id, annex.At, new Target(TargetKind.Annex, name, string.Empty));
                blocks.Add(new PendingBlock(ParaStyle.Continuation, annex.Title, annex.At)
                {
                    Prefix =
                    [
                        new Bookmarked(bookmark,
                        [
                            new TextRun(style.AnnexWord + " "),
                            new Field($" SEQ {style.AnnexWord} \\* ARABIC ", [new TextRun(ListLabels.Decimal(n))]),
                        ]),
                        new TextRun(": "),
                    ],
                });
                if (annex.Id is not null) targets[annex.Id] = targets[annex.Id] with { Bookmark = bookmark };
            }
        }

        if (report.Abbreviations.Count > 0)
        {
            Add(ParaStyle.Label, $"**{EscapeMarkdown(style.HeadingFor("abbreviations"))}**", report.At);
            foreach (var a in report.Abbreviations) Add(ParaStyle.Continuation, $"{a.Short} – {a.Meaning}", a.At);
        }
    }

    // ---- lists, bookmarks, references ------------------------------------------------------------------

    private ListInstance NewList(ListKind kind, bool restart)
    {
        var instance = new ListInstance(lists.Count + 1, kind, restart);
        lists.Add(instance);
        return instance;
    }

    private string Register(string id, SourcePosition at, Target target)
    {
        var bookmark = NewBookmark(id);
        if (!targets.TryAdd(id, target with { Bookmark = bookmark }))
        {
            diagnostics.Error(DiagnosticCode.DuplicateId, at, $"The id '{id}' is used twice; give each paragraph, table or annex its own id.");
        }

        return bookmark;
    }

    private string NewBookmark(string id)
    {
        // Word: bookmark names at most 40 characters, unique, letters/digits/underscore; "_Ref" hides them.
        var clean = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var name = "_Ref_" + clean;
        if (name.Length > 34) name = name[..34];
        var unique = name;
        for (var i = 2; !bookmarkNames.Add(unique); i++) unique = $"{name}_{i}";
        return unique;
    }

    private IReadOnlyList<Inline>? ResolveReference(string id, SourcePosition at)
    {
        if (!targets.TryGetValue(id, out var target))
        {
            var suggestion = Suggest.Nearest(id, targets.Keys);
            diagnostics.Error(DiagnosticCode.UnknownReference, at,
                $"Nothing has the id '{id}'; " + (suggestion is null ? "give the paragraph, table or annex 'id: " + id + "', or correct the reference." : $"did you mean '[@{suggestion}]'?"));
            return null;
        }

        return target.Kind switch
        {
            TargetKind.Paragraph => [new TextRun("paragraph "), new Field($" REF {target.Bookmark} \\n \\h ", [new TextRun(target.Text)])],
            TargetKind.Recommendation => [new TextRun("recommendation "), new Field($" REF {target.Bookmark} \\n \\h ", [new TextRun(target.Text)])],
            TargetKind.Item => [new Field($" REF {target.Bookmark} \\n \\h ", [new TextRun(target.Text)])],
            TargetKind.Section when target.Text.EndsWith(')') => [new Field($" REF {target.Bookmark} \\n \\h ", [new TextRun(target.Text)])],
            _ => [new Field($" REF {target.Bookmark} \\h ", [new TextRun(target.Text)])],
        };
    }

    private Inline? ResolveFootnote(string name, SourcePosition at)
    {
        var note = report.Footnotes.FirstOrDefault(f => f.Name == name);
        if (note is null)
        {
            var suggestion = Suggest.Nearest(name, report.Footnotes.Select(f => f.Name));
            diagnostics.Error(DiagnosticCode.UnknownFootnote, at,
                $"There is no footnote '{name}'; " + (suggestion is null ? $"add it under 'footnotes:' as '{name}: …'." : $"did you mean '[^{suggestion}]'?"));
            return null;
        }

        usedFootnotes.Add(name);
        var id = footnotes.Count + 1;
        // Footnote text is parsed without footnotes or references of its own, to keep it simple and finite.
        var content = new InlineText(diagnostics, (_, _) => null, (_, _) => null).Parse(note.Text, note.At);
        footnotes.Add(new LFootnote(id, content));
        return new FootnoteMark(id);
    }

    // ---- pending blocks: text is parsed once every target is known -------------------------------------

    private void Add(ParaStyle paraStyle, string markdown, SourcePosition at) => blocks.Add(new PendingBlock(paraStyle, markdown, at));

    private LBlock Resolve(PendingBlock pending)
    {
        if (pending.Table is { } table)
        {
            // A cell always holds at least one paragraph: Word refuses a cell without one.
            return new LTable(table.Widths, table.Rows.Select(r => new LRow(r.Cells.Select(c => new LCell(
                c.Lines.Count == 0
                    ? [new LParagraph(c.Style, [])]
                    : c.Lines.Select(l => new LParagraph(c.Style, inlineText!.Parse(l.Text, l.At))).ToList())).ToList(), r.IsHeader)).ToList(), table.Borders)
            {
                Description = table.Description,
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
        };
    }

    /// <summary>Text for document properties: without the characters XML cannot hold.</summary>
    private static string Plain(string s) => s.Any(InlineText.IsForbidden) ? new string(s.Where(c => !InlineText.IsForbidden(c)).ToArray()) : s;

    private static string EscapeMarkdown(string s) =>
        string.Concat(s.Select(c => "\\`*_{}[]()#+-.!<>|".Contains(c) ? "\\" + c : c.ToString()));

    private enum TargetKind { Paragraph, Item, Recommendation, Section, Annex }

    private sealed record Target(TargetKind Kind, string Text, string Bookmark);

    private sealed record PendingCell(ParaStyle Style, IReadOnlyList<(string Text, SourcePosition At)> Lines);

    private sealed record PendingRow(IReadOnlyList<PendingCell> Cells, bool IsHeader);

    private sealed record PendingTable(IReadOnlyList<int> Widths, IReadOnlyList<PendingRow> Rows, bool Borders, string Description);

    private sealed class PendingBlock
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

        public ParaStyle Style { get; }
        public string Markdown { get; }
        public SourcePosition At { get; }
        public PendingTable? Table { get; }
        public ListRef? List { get; set; }
        public string? Label { get; set; }
        public string? Bookmark { get; set; }
        public int Depth { get; set; }
        public bool KeepWithNext { get; init; }
        public IReadOnlyList<Inline> Prefix { get; init; } = [];
    }
}
