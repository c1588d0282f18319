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

    private NoticeLayout(Notice notice, HouseStyle style, DiagnosticBag diagnostics)
        : base(notice, style, diagnostics)
    {
        this.notice = notice;
    }

    public static LaidOutPaper Lay(Notice notice, HouseStyle style, DiagnosticBag diagnostics) =>
        new NoticeLayout(notice, style, diagnostics).Lay();

    protected override DocumentInfo Info => new(Plain($"{notice.Committee}, {notice.Date.ToString("d MMMM yyyy", EnGb)}: agenda"), Plain(Style.Council), Plain(notice.Committee), "en-GB");

    private Dictionary<string, object?> Fields() => new()
    {
        ["council"] = Style.Council,
        ["committee"] = notice.Committee,
        ["date"] = notice.Date,
        ["time"] = MeetingText.Time(notice.Time, Style),
        ["venue"] = notice.Venue,
        // A notice lists the chair and vice-chair first, then the others as written.
        ["members"] = MeetingText.Members(notice.Members, Style.Members with { Alphabetical = false }),
        ["publication-date"] = notice.PublicationDate,
        ["democracy-officer"] = notice.DemocracyOfficer?.Name,
        ["democracy-officer-title"] = notice.DemocracyOfficer?.Title,
        ["democracy-officer-phone"] = notice.DemocracyOfficer?.Phone,
        ["democracy-officer-email"] = notice.DemocracyOfficer?.Email,
    };

    protected override void LayContent()
    {
        var fields = Fields();
        FrontLines("notice", fields);
        Heading(EscapeMarkdown(Style.HeadingFor("agenda", "Agenda")), 1, null, notice.At);
        var list = NewList(ListKind.Agenda, restart: true);
        var number = 0;
        foreach (var item in notice.Items)
        {
            number++;
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = item.Title.Length > 0 ? item.Title : standard?.Title ?? item.Standard ?? string.Empty;
            if (item.Pages is { } pages)
            {
                // The page range is printed as the councils do: "(Pages 11 - 26)", or "(Page 5)" for one page.
                title += pages.First == pages.Last ? $" (Page {pages.First})" : $" (Pages {pages.First} \\- {pages.Last})";
            }

            Heading(title, 2, item.Id, item.At, new ListRef(list.NumId, 0), ListLabels.Decimal(number) + ".");
            if (standard?.Agenda is { } wording) Add(ParaStyle.Normal, wording, item.At);
            Blocks(item.Paragraphs);
            if (item.ReportOf is { } reportOf) AddPlain(ParaStyle.Normal, $"Report of the {reportOf}.", item.At);
            if (item.ExemptParagraph is { } paragraph)
            {
                Add(ParaStyle.Normal, "*" + EscapeMarkdown(Style.ExemptWording.Replace("{paragraph}", paragraph.ToString(EnGb), StringComparison.Ordinal)) + "*", item.At);
            }
        }

        EndLines("notice", fields);
    }
}
