using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out a <see cref="Report"/> in a house style: the front block, then the style's order of standard sections,
/// body slots, the council's own blocks and paragraph fields, with every heading and paragraph number decided from the
/// style's numbering (one outline list: numbered headings take its levels, paragraphs the level below them).
/// </summary>
internal sealed class ReportLayout : OutlineLayout
{
    /// <summary>Sections that close a report: one the style has no place for goes after the rest, among these.</summary>
    private static readonly HashSet<string> BackMatter = ["contact", "wards", "further-information", "background-papers", "annexes", "abbreviations"];

    private readonly Report report;
    private readonly IReadOnlyDictionary<string, object?> fields;

    private ReportLayout(Report report, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
        : base(report, style, diagnostics, metrics)
    {
        this.report = report;
        fields = Fields();
    }

    public static LaidOutPaper Lay(Report report, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics) =>
        new ReportLayout(report, style, diagnostics, metrics).Lay();

    protected override DocumentInfo Info => new(Plain(report.Title), Plain(report.ReportOf), Plain(report.Meeting), Style.WordFor("language").PlainText);

    protected override void LayContent()
    {
        FrontLines("report", fields);
        foreach (var key in SectionOrder()) Section(key);
        EndLandscape();
    }

    private Dictionary<string, object?> Fields()
    {
        var exempt = report.ExemptParagraph is { } paragraph ? new Dictionary<string, object?> { ["paragraph"] = paragraph } : null;
        var result = new Dictionary<string, object?>
        {
            ["council"] = Style.Council,
            ["meeting"] = report.Meeting,
            ["date"] = report.Date,
            ["report-of"] = report.ReportOf,
            ["title"] = report.Title,
            ["subtitle"] = report.Subtitle,
            ["presented-by"] = report.PresentedBy ?? report.ReportOf,
            ["key-decision"] = report.KeyDecision,
            ["forward-plan-reference"] = report.ForwardPlanReference,
            ["wards"] = report.Wards.Count == 0 ? null : report.Wards,
            ["exempt"] = exempt is null ? null : Ready(Style.WordFor("exempt"), exempt),
            ["classification"] = exempt is null
                ? Ready(Style.WordFor("classification-public"), [])
                : Ready(Style.WordFor("classification-exempt"), exempt),
        };
        foreach (var (name, value) in CouncilFields("report", report.Fields, report.At)) result[name] = value;
        return result;
    }

    /// <summary>The style's order, with any part the paper has but the style leaves out put before the back matter.</summary>
    private List<string> SectionOrder()
    {
        var order = Style.Order.ToList();
        var present = new List<string>();
        void Need(string key, bool has)
        {
            if (has && !present.Contains(key)) present.Add(key);
        }

        Need("summary", report.Summary.Count > 0);
        Need("policy", report.Policy.Count > 0);
        Need("body", report.Sections.Any(s => s.Slot is null));
        foreach (var slot in report.Sections.Select(s => s.Slot).OfType<string>()) Need("body." + slot, true);
        Need("council-plan", report.CouncilPlan.Count > 0);
        Need("consultation", report.Consultation.Count > 0);
        Need("risk-management", report.RiskManagement.Count > 0);
        Need("options-considered", report.OptionsConsidered.Count > 0);
        Need("recommendations", report.Recommendations is not null);
        Need("contact", report.Contact is not null);
        // Wards printed in the front block (North Somerset's TOWN OR PARISH, a front table's row) need no section.
        Need("wards", report.Wards.Count > 0 && !InFrontBlock("wards"));
        Need("background-papers", report.BackgroundPapers is not null);
        Need("annexes", report.Annexes.Count > 0);
        Need("abbreviations", report.Abbreviations.Count > 0);
        foreach (var field in report.Fields.Where(f => IsParagraphsField(f.Name))) Need("field." + field.Name, field.Blocks.Count > 0);
        if (report.Implications is { } imp)
        {
            CheckKinds(imp);
            // Kinds the style places as sections of their own (North Somerset's "5. FINANCIAL IMPLICATIONS") go
            // there; the one-statement form and any other kinds go under the grouped "implications" heading.
            foreach (var item in imp.Items.Where(i => order.Contains("implications." + i.Kind))) Need("implications." + item.Kind, true);
            Need("implications", imp.Statement.Count > 0 || imp.Items.Any(i => !order.Contains("implications." + i.Kind)));
        }

        // Nothing the paper says is dropped: a part the style has no place for goes before the back matter (or, if
        // it is back matter itself, at the end), with a warning so the style can be completed.
        foreach (var key in present.Where(k => !order.Contains(k)))
        {
            var backMatter = BackMatter.Contains(key);
            var at = backMatter ? -1 : order.FindIndex(BackMatter.Contains);
            order.Insert(at < 0 ? order.Count : at, key);
            var where = key.StartsWith("body.", StringComparison.Ordinal)
                ? report.Sections.First(s => "body." + s.Slot == key).At
                : report.At;
            Diagnostics.Warning(DiagnosticCode.StyleLeavesOut, where,
                $"The house style '{Style.Name}' has no place for '{key}'; it is printed {(backMatter || at < 0 ? "at the end" : $"before '{order[at + 1]}'")}. Add '{key}' to the style's 'order' to place it.");
        }

        return order;
    }

    private bool InFrontBlock(string placeholder) =>
        Style.FrontBlocks.TryGetValue("report", out var front) &&
        front.Any(l => l.Text.Inlines.Concat(l.Table?.SelectMany(r => r).SelectMany(c => c.Inlines) ?? []).Any(i => i is Placeholder p && p.Name == placeholder));

    private bool IsParagraphsField(string name) => Style.Fields.Any(f => f.Name == name && f.Type == FieldType.Paragraphs);

    private void CheckKinds(Implications implications)
    {
        var known = ReportReader.ImplicationKeys.Concat(Style.ImplicationKinds).ToList();
        foreach (var item in implications.Items.Where(i => !known.Contains(i.Kind)))
        {
            var suggestion = Suggest.Nearest(item.Kind, known);
            Diagnostics.Error(DiagnosticCode.UnknownKey, item.At,
                $"'{item.Kind}' is not a kind of implication the house style '{Style.Name}' knows; " + (suggestion is null
                    ? $"use one of: {string.Join(", ", known)}, or add it to the style's 'implication-kinds'."
                    : $"did you mean '{suggestion}'?"));
        }
    }

    private void Section(string key)
    {
        switch (key)
        {
            case "summary": Standard(key, report.Summary); break;
            case "policy": Standard(key, report.Policy); break;
            case "council-plan": Standard(key, report.CouncilPlan); break;
            case "consultation": Standard(key, report.Consultation); break;
            case "risk-management": Standard(key, report.RiskManagement); break;
            case "options-considered": Standard(key, report.OptionsConsidered); break;
            case "body": Body(null); break;
            case var slot when slot.StartsWith("body.", StringComparison.Ordinal): Body(slot["body.".Length..]); break;
            case "implications": GroupedImplications(); break;
            case var k when k.StartsWith("implications.", StringComparison.Ordinal): OneImplication(k["implications.".Length..]); break;
            case "recommendations": RecommendationsSection(); break;
            case "contact": Contact(); break;
            case "wards": Wards(); break;
            case "further-information": if (report.Contact is not null) AddPlain(ParaStyle.Continuation, Style.HeadingFor(key), report.At); break;
            case "background-papers": BackgroundPapers(); break;
            case "annexes": Annexes(); break;
            case "abbreviations": Abbreviations(); break;
            case var block when block.StartsWith("block.", StringComparison.Ordinal) && Style.Blocks.TryGetValue(block["block.".Length..], out var styleBlock):
                CouncilBlock(block, styleBlock);
                break;
            case var field when field.StartsWith("field.", StringComparison.Ordinal):
                var name = field["field.".Length..];
                if (report.Fields.FirstOrDefault(f => f.Name == name) is { Blocks.Count: > 0 } given)
                {
                    TopHeading(field, RichText.Plain(Style.HeadingFor(name)), given.At);
                    Blocks(given.Blocks);
                }

                break;
        }
    }

    // ---- sections ---------------------------------------------------------------------------------------

    private void Standard(string key, IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0) return;
        TopHeading(key, RichText.Plain(Style.HeadingFor(key)), report.At);
        Blocks(blocks);
    }

    private void Body(string? slot)
    {
        var sections = report.Sections.Where(s => s.Slot == slot).ToList();
        if (sections.Count == 0) return;
        var key = slot is null ? "body" : "body." + slot;
        if (slot is null && Style.BodyHeading is { } bodyHeading)
        {
            TopHeading(key, RichText.Plain(bodyHeading), report.At);
            Sections(sections, 2, Depth, key);
            return;
        }

        Sections(sections, 1, 0, key);
    }

    private void CouncilBlock(string key, StyleBlock block)
    {
        var filled = block.Lines.Select(l => l.Table is not null || Fill(l.Text, fields) is not null).ToList();
        if (!filled.Contains(true)) return;
        if (block.Heading is { } heading) TopHeading(key, RichText.Plain(heading), report.At);
        StyleLines(block.Lines, fields);
    }

    private void GroupedImplications()
    {
        if (report.Implications is not { } implications) return;
        var grouped = implications.Items.Where(i => !Style.Order.Contains("implications." + i.Kind)).ToList();
        if (implications.Statement.Count == 0 && grouped.Count == 0) return;
        TopHeading("implications", RichText.Plain(Style.HeadingFor("implications")), implications.At);
        Blocks(implications.Statement);
        if (Style.Implications == ImplicationsLayout.Table)
        {
            ImplicationsTable(grouped, implications.At);
            return;
        }

        foreach (var item in grouped)
        {
            // The lead ("**Financial** –") and the paragraph's own text are one paragraph, a space apart.
            IReadOnlyList<Piece> lead = [.. Fill(Style.WordFor("implication"), new Dictionary<string, object?> { ["heading"] = Style.HeadingFor(item.Kind) }) ?? [], Text(" ")];
            var first = true;
            foreach (var block in item.Paragraphs)
            {
                if (first && block is Paragraph p) Paragraph(p, lead);
                else Blocks([block]);
                first = false;
            }
        }
    }

    /// <summary>A cross-cutting issues table: Issue | Implications | Sign-off, one row per kind.</summary>
    private void ImplicationsTable(IReadOnlyList<Implication> items, SourcePosition at)
    {
        if (items.Count == 0) return;
        IReadOnlyList<Piece> Cell(string text) => [new ReadyPiece(new LText(text))];
        var header = new[] { Style.HeadingFor("issue"), Style.HeadingFor("implications"), Style.HeadingFor("sign-off") };
        var rows = new List<PendingRow>
        {
            new(header.Select(h => new PendingCell(ParaStyle.TableHeading, [Cell(h)])).ToList(), IsHeader: true),
        };
        foreach (var item in items)
        {
            var lines = item.Paragraphs.SelectMany(BlockLines).ToList();
            rows.Add(new PendingRow(
            [
                new PendingCell(ParaStyle.TableText, [Cell(Style.HeadingFor(item.Kind))]) { Bold = true },
                new PendingCell(ParaStyle.TableText, lines),
                new PendingCell(ParaStyle.TableText, item.SignOff is { } signOff ? [Cell(signOff)] : []),
            ], IsHeader: false));
        }

        var plain = rows.Skip(1).Select(r => r.Cells.Select(c => string.Join(' ', c.Lines.Select(PlainOf))).ToArray()).ToList();
        var widths = TableLayout.Widths(Metrics, Page, landscape: false, Style.BodySize, header, plain, [false, false, false]);
        AddTable(new PendingTable(widths, rows, Borders: true, Description: Style.HeadingFor("implications")));
    }

    /// <summary>The lines a block prints as inside a table cell: its text, then its sub-items and bullets.</summary>
    private static IEnumerable<IReadOnlyList<Piece>> BlockLines(Block block)
    {
        switch (block)
        {
            case Paragraph p:
                yield return [new TextPiece(p.Text)];
                foreach (var item in p.Items.Concat(p.Bullets)) yield return [new TextPiece(item.Text)];
                foreach (var more in p.More.SelectMany(BlockLines)) yield return more;
                break;
            case TextBlock t:
                yield return [new TextPiece(t.Text)];
                break;
        }
    }

    private void OneImplication(string kind)
    {
        var item = report.Implications?.Items.FirstOrDefault(i => i.Kind == kind);
        if (item is null) return;
        TopHeading("implications." + kind, RichText.Plain(Style.HeadingFor("implications." + kind)), item.At);
        Blocks(item.Paragraphs);
    }

    private void RecommendationsSection()
    {
        if (report.Recommendations is not { } recs) return;
        TopHeading("recommendations", RichText.Plain(Style.HeadingFor("recommendations")), recs.At);
        var intro = recs.Intro is { } own ? [new TextPiece(own)]
            : recs.Items.Count > 0 && !Style.WordFor("recommendations-intro").IsEmpty ? Fill(Style.WordFor("recommendations-intro"), fields)
            : null;
        var numbered = false;
        if (intro is not null) numbered = NumberedBlock(intro, recs.At, wantsNumber: true, id: null, plain: string.Empty).Label is not null;
        Recommendations(recs.Items, depth: numbered ? 1 : 0);
        if (recs.Reason is { IsEmpty: false } reason)
        {
            Add(ParaStyle.Continuation, [Bold(Style.HeadingFor("reason") + " "), new TextPiece(reason)], recs.At);
        }
    }

    private void Contact()
    {
        if (report.Contact is not { } contact) return;
        TopHeading("contact", RichText.Plain(Style.HeadingFor("contact")), contact.At);
        var authors = contact.Authors.SelectMany(PersonLines).ToList();
        var chiefs = contact.ChiefOfficers.SelectMany(PersonLines).ToList();
        foreach (var p in contact.ChiefOfficers.Where(c => c.Approved is not null))
        {
            chiefs.Add(Fill(Style.WordFor("approved"), new Dictionary<string, object?> { ["date"] = p.Approved }) ?? []);
        }

        if (Style.Contact == ContactLayout.List)
        {
            foreach (var line in authors.Concat(chiefs)) Add(ParaStyle.Normal, line, contact.At);
            return;
        }

        var width = Page.TextWidth / 2;
        AddTable(new PendingTable(
            [width, width],
            [
                new PendingRow([new PendingCell(ParaStyle.TableHeading, [[Text(Style.HeadingFor("author"))]]), new PendingCell(ParaStyle.TableHeading, [[Text(Style.HeadingFor("chief-officer"))]])], IsHeader: true),
                new PendingRow([new PendingCell(ParaStyle.TableText, authors), new PendingCell(ParaStyle.TableText, chiefs)], IsHeader: false),
            ],
            Borders: false,
            Description: Style.WordFor("contact-details").PlainText));
    }

    private static IEnumerable<IReadOnlyList<Piece>> PersonLines(Person p)
    {
        yield return [Text(p.Name)];
        var role = string.Join(", ", new[] { p.Title, p.Department }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (role.Length > 0) yield return [Text(role)];
        if (p.Phone is { Length: > 0 } phone) yield return [Text(phone)];
        if (p.Email is { Length: > 0 } email)
        {
            // An address is data, not Markdown: a plausible one becomes a mailto link, anything else plain text.
            yield return System.Text.RegularExpressions.Regex.IsMatch(email, @"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
                ? [new ReadyPiece(new LLink("mailto:" + email, [new LText(email)]))]
                : [Text(email)];
        }
    }

    private void Wards()
    {
        if (report.Wards.Count == 0) return;
        Add(ParaStyle.Label, [Bold(Style.HeadingFor("wards") + " "), Text(string.Join(", ", report.Wards))], report.At);
    }

    private void BackgroundPapers()
    {
        if (report.BackgroundPapers is not { } papers) return;
        var none = Style.WordFor("none");
        if (Style.Contact == ContactLayout.List)
        {
            TopHeading("background-papers", RichText.Plain(Style.HeadingFor("background-papers")), report.At);
            if (papers.Count == 0) Add(ParaStyle.Normal, none);
            Items([], papers.Select(p => new ListItem(p) { At = p.At }).ToList(), depth: 0);
            return;
        }

        var label = Style.HeadingFor("background-papers");
        Add(ParaStyle.Label, papers.Count == 0 ? [Bold(label + " "), new TextPiece(none)] : [Bold(label)], report.At);
        foreach (var paper in papers) Add(ParaStyle.Continuation, paper);
    }

    private void Annexes()
    {
        if (report.Annexes.Count == 0) return;
        Add(ParaStyle.Label, [Bold(Style.HeadingFor("annexes"))], report.At);
        var n = 0;
        foreach (var annex in report.Annexes)
        {
            n++;
            var number = n.ToString(English.Culture);
            var name = $"{Style.AnnexWord} {number}";
            var anchor = NewAnchor(annex.Id ?? "annex-" + number);
            var bookmark = annex.Id is null ? NewBookmark("annex" + n) : Register(annex.Id, annex.At, TargetKind.Annex, name, anchor);
            IReadOnlyList<LInline> label =
            [
                new LBookmark(bookmark, [new LText(Style.AnnexWord + " "), new LField($" SEQ {Style.AnnexWord} \\* ARABIC ", [new LText(number)])]) { Anchor = anchor },
            ];
            Add(ParaStyle.Continuation, Fill(Style.WordFor("annex"), new Dictionary<string, object?> { ["label"] = label, ["title"] = annex.Title }) ?? [], annex.At);
        }
    }

    private void Abbreviations()
    {
        if (report.Abbreviations.Count == 0) return;
        Add(ParaStyle.Label, [Bold(Style.HeadingFor("abbreviations"))], report.At);
        foreach (var a in report.Abbreviations)
        {
            Add(ParaStyle.Continuation, Fill(Style.WordFor("abbreviation"), new Dictionary<string, object?> { ["short"] = a.Short, ["meaning"] = a.Meaning }) ?? [], a.At);
        }
    }
}
