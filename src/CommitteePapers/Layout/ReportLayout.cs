using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out a <see cref="Report"/> in a house style: the front block, the standard sections in the style's order,
/// and every paragraph number in the style's scheme — continuous (York: 1..N through every heading), decimal
/// (North Somerset: "1. SUMMARY OF REPORT", 1.1, 1.2) or none.
/// </summary>
internal sealed class ReportLayout : PaperLayout
{
    /// <summary>Sections that never carry a section number, in any scheme.</summary>
    private static readonly HashSet<string> Unnumbered =
        ["recommendations", "contact", "wards", "further-information", "background-papers", "annexes", "abbreviations"];

    private readonly Report report;
    private ListInstance? numbers;
    private int paragraphNumber;
    private int sectionNumber;
    private bool numberParagraphs;

    private ReportLayout(Report report, HouseStyle style, DiagnosticBag diagnostics)
        : base(report, style, diagnostics)
    {
        this.report = report;
    }

    public static LaidOutPaper Lay(Report report, HouseStyle style, DiagnosticBag diagnostics) =>
        new ReportLayout(report, style, diagnostics).Lay();

    protected override DocumentInfo Info => new(Plain(report.Title), Plain(report.ReportOf), Plain(report.Meeting), "en-GB");

    protected override void LayContent()
    {
        FrontLines("report", Fields());
        foreach (var key in SectionOrder()) Section(key);
        EndLandscape();
    }

    private Dictionary<string, object?> Fields() => new()
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
    };

    /// <summary>The style's order, with any section the paper has but the style leaves out put before the back matter.</summary>
    private IReadOnlyList<string> SectionOrder()
    {
        var order = Style.Order.ToList();
        var present = new List<string>();
        void Need(string key, bool has)
        {
            if (has) present.Add(key);
        }

        Need("summary", report.Summary.Count > 0);
        Need("policy", report.Policy.Count > 0);
        Need("body", report.Sections.Count > 0);
        Need("council-plan", report.CouncilPlan.Count > 0);
        Need("consultation", report.Consultation.Count > 0);
        Need("risk-management", report.RiskManagement.Count > 0);
        Need("options-considered", report.OptionsConsidered.Count > 0);
        Need("recommendations", report.Recommendations is not null);
        Need("contact", report.Contact is not null);
        // Wards printed in the front block (North Somerset's TOWN OR PARISH) need no section of their own.
        Need("wards", report.Wards.Count > 0 && !(Style.FrontBlocks.TryGetValue("report", out var front) && front.Any(l => l.Text.Contains("{wards}", StringComparison.Ordinal))));
        Need("background-papers", report.BackgroundPapers is not null);
        Need("annexes", report.Annexes.Count > 0);
        Need("abbreviations", report.Abbreviations.Count > 0);
        if (report.Implications is { } imp)
        {
            // Kinds the style places as sections of their own (North Somerset's "5. FINANCIAL IMPLICATIONS") go
            // there; the one-statement form and any other kinds go under the grouped "implications" heading.
            foreach (var item in imp.Items.Where(i => order.Contains("implications." + KeyOf(i.Kind)))) Need("implications." + KeyOf(item.Kind), true);
            Need("implications", imp.Statement.Count > 0 || imp.Items.Any(i => !order.Contains("implications." + KeyOf(i.Kind))));
        }

        // Nothing the paper says is dropped: a section the style has no place for goes before the back matter
        // (or, if it is back matter itself, at the end), with a warning so the style can be completed.
        foreach (var key in present.Where(k => !order.Contains(k)))
        {
            var backMatter = Unnumbered.Contains(key) && key != "recommendations";
            var at = backMatter ? -1 : order.FindIndex(k => Unnumbered.Contains(k) && k != "recommendations");
            order.Insert(at < 0 ? order.Count : at, key);
            Diagnostics.Warning(DiagnosticCode.StyleLeavesOut, report.At,
                $"The house style '{Style.Name}' has no place for '{key}'; it is printed {(backMatter || at < 0 ? "at the end" : $"before '{order[at + 1]}'")}. Add '{key}' to the style's 'order' to place it.");
        }

        return order;
    }

    private static string KeyOf(ImplicationKind kind) => ReportReader.ImplicationKeys.First(k => k.Kind == kind).Key;

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
            case "body": Body(); break;
            case "implications": GroupedImplications(); break;
            case var k when k.StartsWith("implications.", StringComparison.Ordinal): OneImplication(k["implications.".Length..]); break;
            case "recommendations": RecommendationsSection(); break;
            case "contact": Contact(); break;
            case "wards": Wards(); break;
            case "further-information": if (report.Contact is not null) AddPlain(ParaStyle.Continuation, Style.HeadingFor(key), report.At); break;
            case "background-papers": BackgroundPapers(); break;
            case "annexes": Annexes(); break;
            case "abbreviations": Abbreviations(); break;
        }
    }

    // ---- numbering ----------------------------------------------------------------------------------------

    /// <summary>A top-level heading: numbered "N." in the decimal scheme unless it is back matter.</summary>
    private void TopHeading(string key, string text, SourcePosition at, string? id = null, bool escape = true)
    {
        var heading = Style.UpperCaseHeadings ? text.ToUpper(EnGb) : text;
        var markdown = escape ? EscapeMarkdown(heading) : heading;
        numberParagraphs = Style.Numbering == NumberingScheme.Continuous || (Style.Numbering == NumberingScheme.Decimal && !Unnumbered.Contains(key));
        if (Style.Numbering == NumberingScheme.Decimal && !Unnumbered.Contains(key))
        {
            sectionNumber++;
            paragraphNumber = 0;
            Heading(markdown, 1, id, at, new ListRef(Numbers().NumId, 0), ListLabels.Decimal(sectionNumber) + ".");
        }
        else
        {
            Heading(markdown, 1, id, at);
        }
    }

    private ListInstance Numbers() => numbers ??= NewList(Style.Numbering == NumberingScheme.Decimal ? ListKind.Decimal : ListKind.Paragraphs, restart: false);

    /// <summary>A paragraph's first block, with its number when the scheme and section give it one.</summary>
    private PendingBlock NumberedBlock(string markdown, SourcePosition at, bool wantsNumber, string? id)
    {
        var numbered = wantsNumber && numberParagraphs && Style.Numbering != NumberingScheme.None;
        var block = Add(numbered ? ParaStyle.NumberedParagraph : Style.Numbering == NumberingScheme.None ? ParaStyle.Normal : ParaStyle.Continuation, markdown, at);
        if (numbered)
        {
            paragraphNumber++;
            var label = Style.Numbering == NumberingScheme.Decimal
                ? $"{ListLabels.Decimal(sectionNumber)}.{ListLabels.Decimal(paragraphNumber)}."
                : ListLabels.Decimal(paragraphNumber) + ".";
            block.List = new ListRef(Numbers().NumId, Style.Numbering == NumberingScheme.Decimal ? 1 : 0);
            block.Label = label;
        }

        if (id is not null)
        {
            block.Bookmark = Register(id, at, TargetKind.Paragraph, block.Label?.TrimEnd('.') ?? InlineText.PlainText(markdown));
        }

        return block;
    }

    protected override void Paragraph(Paragraph p) => Paragraph(p, null);

    private void Paragraph(Paragraph p, string? prefix)
    {
        NumberedBlock(prefix is null ? p.Text : prefix + p.Text, p.At, p.Numbered, p.Id);
        Items(p.Items, p.Bullets, depth: 1);
        More(p.More, Style.Numbering == NumberingScheme.None ? ParaStyle.Normal : ParaStyle.Continuation);
    }

    // ---- sections ---------------------------------------------------------------------------------------

    private void Standard(string key, IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0) return;
        TopHeading(key, Style.HeadingFor(key), report.At);
        Blocks(blocks);
    }

    private void Body()
    {
        if (report.Sections.Count == 0) return;
        var level = 1;
        if (Style.BodyHeading is { } bodyHeading)
        {
            TopHeading("body", bodyHeading, report.At);
            level = 2;
        }

        Sections(report.Sections, level);
    }

    private void Sections(IReadOnlyList<Section> sections, int level)
    {
        ListInstance? letters = null;
        var lettered = 0;
        foreach (var section in sections)
        {
            if (level == 1)
            {
                TopHeading("body", section.Heading, section.At, section.Id, escape: false);
            }
            else if (level == 2 && Style.Numbering == NumberingScheme.Decimal && sectionNumber > 0 && !section.Lettered)
            {
                // North Somerset: sub-headings take the next 3.1, 3.2 number; their paragraphs are not numbered.
                paragraphNumber++;
                Heading(section.Heading, 2, section.Id, section.At, new ListRef(Numbers().NumId, 1), $"{sectionNumber}.{paragraphNumber}.");
                numberParagraphs = false;
            }
            else if (section.Lettered)
            {
                // Each group of lettered sub-sections is its own list, so the letters start at a) under every parent.
                letters ??= NewList(ListKind.HeadingLetters, restart: true);
                lettered++;
                Heading(section.Heading, level, section.Id, section.At, new ListRef(letters.NumId, 0), ListLabels.LowerLetter(lettered) + ")");
            }
            else
            {
                Heading(section.Heading, level, section.Id, section.At);
            }

            Blocks(section.Paragraphs);
            Sections(section.Sections, level + 1);
        }
    }

    private void GroupedImplications()
    {
        if (report.Implications is not { } implications) return;
        if (implications.Statement.Count == 0 && implications.Items.All(i => Style.Order.Contains("implications." + KeyOf(i.Kind)))) return;
        TopHeading("implications", Style.HeadingFor("implications"), implications.At);
        Blocks(implications.Statement);
        foreach (var item in implications.Items.Where(i => !Style.Order.Contains("implications." + KeyOf(i.Kind))))
        {
            var label = $"**{EscapeMarkdown(Style.HeadingFor(KeyOf(item.Kind)))}** – ";
            var first = true;
            foreach (var block in item.Paragraphs)
            {
                if (first && block is Paragraph p) Paragraph(p, label);
                else Blocks([block]);
                first = false;
            }
        }
    }

    private void OneImplication(string kindKey)
    {
        var item = report.Implications?.Items.FirstOrDefault(i => KeyOf(i.Kind) == kindKey);
        if (item is null) return;
        TopHeading("implications." + kindKey, Style.HeadingFor("implications." + kindKey), item.At);
        Blocks(item.Paragraphs);
    }

    private void RecommendationsSection()
    {
        if (report.Recommendations is not { } recs) return;
        TopHeading("recommendations", Style.HeadingFor("recommendations"), recs.At);
        if (recs.Intro is { } intro)
        {
            NumberedBlock(intro, recs.At, wantsNumber: true, id: null);
        }
        else if (Style.Numbering == NumberingScheme.Continuous && recs.Items.Count > 0)
        {
            NumberedBlock(EscapeMarkdown("The Committee is recommended to:"), recs.At, wantsNumber: true, id: null);
        }

        Recommendations(recs.Items, depth: numberParagraphs && Style.Numbering != NumberingScheme.None ? 1 : 0);
        if (recs.Reason is { Length: > 0 } reason)
        {
            Add(ParaStyle.Continuation, $"**{EscapeMarkdown(Style.HeadingFor("reason"))}** {reason}", recs.At);
        }
    }

    private void Contact()
    {
        if (report.Contact is not { } contact) return;
        TopHeading("contact", Style.HeadingFor("contact"), contact.At);
        var authors = contact.Authors.SelectMany(PersonLines).ToList();
        var chiefs = contact.ChiefOfficers.SelectMany(PersonLines).ToList();
        foreach (var p in contact.ChiefOfficers.Where(c => c.Approved is not null))
        {
            chiefs.Add((EscapeMarkdown($"{Style.HeadingFor("approved")} {p.Approved!.Value.ToString("dd/MM/yy", EnGb)}"), p.At));
        }

        if (Style.Contact == ContactLayout.List)
        {
            foreach (var (text, at) in authors.Concat(chiefs)) Add(ParaStyle.Normal, text, at);
            return;
        }

        var width = (int)((210 - Style.MarginLeftMm - Style.MarginRightMm) * 1440 / 25.4 / 2);
        AddTable(new PendingTable(
            [width, width],
            [
                new PendingRow([new PendingCell(ParaStyle.TableHeading, [(EscapeMarkdown(Style.HeadingFor("author")), contact.At)]), new PendingCell(ParaStyle.TableHeading, [(EscapeMarkdown(Style.HeadingFor("chief-officer")), contact.At)])], IsHeader: true),
                new PendingRow([new PendingCell(ParaStyle.TableText, authors), new PendingCell(ParaStyle.TableText, chiefs)], IsHeader: false),
            ],
            Borders: false,
            Description: "Contact details"));
    }

    private static IEnumerable<(string, SourcePosition)> PersonLines(Person p)
    {
        yield return (EscapeMarkdown(p.Name), p.At);
        var role = string.Join(", ", new[] { p.Title, p.Department }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (role.Length > 0) yield return (EscapeMarkdown(role), p.At);
        if (p.Phone is { Length: > 0 } phone) yield return (EscapeMarkdown(phone), p.At);
        if (p.Email is { Length: > 0 } email)
        {
            // An address is data, not Markdown: a plausible one becomes a mailto link, anything else plain text.
            yield return (System.Text.RegularExpressions.Regex.IsMatch(email, @"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
                ? $"[{EscapeMarkdown(email)}](mailto:{email})"
                : EscapeMarkdown(email), p.At);
        }
    }

    private void Wards()
    {
        if (report.Wards.Count == 0) return;
        Add(ParaStyle.Label, $"**{EscapeMarkdown(Style.HeadingFor("wards"))}** {string.Join(", ", report.Wards.Select(EscapeMarkdown))}", report.At);
    }

    private void BackgroundPapers()
    {
        if (report.BackgroundPapers is not { } papers) return;
        if (Style.Contact == ContactLayout.List)
        {
            TopHeading("background-papers", Style.HeadingFor("background-papers"), report.At);
            if (papers.Count == 0) AddPlain(ParaStyle.Normal, "None", report.At);
            Items([], papers.Select(p => new ListItem(p) { At = report.At }).ToList(), depth: 0);
            return;
        }

        Add(ParaStyle.Label, $"**{EscapeMarkdown(Style.HeadingFor("background-papers"))}** {(papers.Count == 0 ? "None" : string.Empty)}".TrimEnd(), report.At);
        foreach (var paper in papers) Add(ParaStyle.Continuation, paper, report.At);
    }

    private void Annexes()
    {
        if (report.Annexes.Count == 0) return;
        Add(ParaStyle.Label, $"**{EscapeMarkdown(Style.HeadingFor("annexes"))}**", report.At);
        var n = 0;
        foreach (var annex in report.Annexes)
        {
            n++;
            var name = $"{Style.AnnexWord} {n}";
            var bookmark = annex.Id is null ? NewBookmark("annex" + n) : Register(annex.Id, annex.At, TargetKind.Annex, name);
            var block = new PendingBlock(ParaStyle.Continuation, annex.Title, annex.At)
            {
                Prefix =
                [
                    new Bookmarked(bookmark,
                    [
                        new TextRun(Style.AnnexWord + " "),
                        new Field($" SEQ {Style.AnnexWord} \\* ARABIC ", [new TextRun(ListLabels.Decimal(n))]),
                    ]),
                    new TextRun(": "),
                ],
            };
            AddPending(block);
        }
    }

    private void Abbreviations()
    {
        if (report.Abbreviations.Count == 0) return;
        Add(ParaStyle.Label, $"**{EscapeMarkdown(Style.HeadingFor("abbreviations"))}**", report.At);
        foreach (var a in report.Abbreviations) AddPlain(ParaStyle.Continuation, $"{a.Short} – {a.Meaning}", a.At);
    }
}
