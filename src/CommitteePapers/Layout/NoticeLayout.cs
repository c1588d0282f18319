using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out a notice of meeting: the style's front block (or covering letter), the agenda with real item numbers,
/// "(Pages a - b)" where the pack has worked them out, exempt items with their wording, then the style's end block.
/// </summary>
internal sealed class NoticeLayout : PaperLayout
{
    private readonly Notice notice;

    private NoticeLayout(Notice notice, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
        : base(notice, style, diagnostics, metrics)
    {
        this.notice = notice;
    }

    public static LaidOutPaper Lay(Notice notice, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics) =>
        new NoticeLayout(notice, style, diagnostics, metrics).Lay();

    protected override DocumentInfo Info => new(
        FillPlain(Style.WordFor("notice-title"), new Dictionary<string, object?> { ["committee"] = notice.Committee, ["date"] = notice.Date }),
        Plain(Style.Council), Plain(notice.Committee), Style.WordFor("language").PlainText);

    private Dictionary<string, object?> Fields()
    {
        var fields = new Dictionary<string, object?>
        {
            ["council"] = Style.Council,
            ["committee"] = notice.Committee,
            ["date"] = notice.Date,
            ["time"] = notice.Time,
            ["venue"] = notice.Venue,
            // A notice lists the chair and vice-chair first, then the others as written.
            ["members"] = MeetingText.Members(notice.Members, Style.Members with { Alphabetical = false }, Style),
            ["groups"] = notice.Groups.Count == 0 ? null : new Lines(notice.Groups.Select(g => RichText.Plain($"{g.Label}: {string.Join(", ", g.People)}", g.At)).ToList()),
            ["publication-date"] = notice.PublicationDate,
            ["democracy-officer"] = notice.DemocracyOfficer?.Name,
            ["democracy-officer-title"] = notice.DemocracyOfficer?.Title,
            ["democracy-officer-phone"] = notice.DemocracyOfficer?.Phone,
            ["democracy-officer-email"] = notice.DemocracyOfficer?.Email,
        };
        foreach (var (name, value) in CouncilFields("notice", notice.Fields, notice.At)) fields[name] = value;
        return fields;
    }

    protected override void LayContent()
    {
        var fields = Fields();
        FrontLines("notice", fields);
        Heading(RichText.Plain(Style.HeadingFor("agenda")), 1, null, notice.At);
        var list = Plan.NewInstance(List("agenda", Style.Numbering.Agenda is { } pattern ? [pattern] : [], _ => 1), restart: true);
        foreach (var item in notice.Items)
        {
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = !item.Title.IsEmpty ? item.Title : RichText.Plain(standard?.Title ?? item.Standard ?? string.Empty, item.At);
            IReadOnlyList<Piece> content = [new TextPiece(title)];
            if (item.Pages is { } pages)
            {
                // The page range is printed as the councils do: "(Pages 11 - 26)", or "(Page 5)" for one page.
                var range = pages.First == pages.Last
                    ? Fill(Style.WordFor("page"), new Dictionary<string, object?> { ["first"] = pages.First })
                    : Fill(Style.WordFor("pages"), new Dictionary<string, object?> { ["first"] = pages.First, ["last"] = pages.Last });
                content = [.. content, new ReadyPiece(new LText(" ")), .. range ?? []];
            }

            Heading(content, title.PlainText, 2, item.Id, item.At, new ListRef(list.NumId, 0), Plan.Count(list, 0));
            if (standard?.Agenda is { } wording) Add(ParaStyle.Normal, Fill(wording, fields) ?? [], item.At);
            Blocks(item.Paragraphs);
            if (item.ReportOf is { } reportOf) Add(ParaStyle.Normal, Fill(Style.WordFor("report-of"), new Dictionary<string, object?> { ["report-of"] = reportOf }) ?? [], item.At);
            if (item.ExemptParagraph is { } paragraph)
            {
                var exempt = Fill(Style.WordFor("exempt"), new Dictionary<string, object?> { ["paragraph"] = paragraph }) ?? [];
                Add(ParaStyle.Normal, Italic(exempt), item.At);
            }
        }

        EndLines("notice", fields);
    }

    private static IReadOnlyList<Piece> Italic(IReadOnlyList<Piece> pieces) => pieces.Select(p => p switch
    {
        ReadyPiece { Inline: LText t } => new ReadyPiece(t with { Italic = true }),
        TextPiece t => new TextPiece(t.Text.With(t.Text.Inlines.Select(i => i is Run r ? r with { Italic = true } : i).ToList())),
        _ => p,
    }).ToList();
}
