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
        links = new Dictionary<int, IReadOnlyList<PaperLink>>();
    }

    private readonly IReadOnlyDictionary<int, IReadOnlyList<PaperLink>> links;

    private NoticeLayout(Notice notice, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics, IReadOnlyDictionary<int, IReadOnlyList<PaperLink>> links)
        : this(notice, style, diagnostics, metrics)
    {
        this.links = links;
    }

    public static LaidOutPaper Lay(Notice notice, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics) =>
        new NoticeLayout(notice, style, diagnostics, metrics).Lay();

    /// <summary>
    /// The notice as a meeting's web page: each agenda item followed by links to its papers (by the item's index), each
    /// in the style's words: a paper's page by its title, a supplied file with its format and size.
    /// </summary>
    public static LaidOutPaper LayForWeb(Notice notice, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics, IReadOnlyDictionary<int, IReadOnlyList<PaperLink>> links) =>
        new NoticeLayout(notice, style, diagnostics, metrics, links).Lay();

    protected override DocumentInfo Info => new(
        FillPlain(Style.WordFor(notice.Supplement is null ? "notice-title" : "supplement-title"), new Dictionary<string, object?> { ["committee"] = notice.Committee, ["date"] = notice.Date, ["supplement"] = notice.Supplement }),
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
            ["supplement"] = notice.Supplement,
            ["supplement-date"] = notice.Supplement is null ? null : notice.PublicationDate,
        };
        foreach (var (name, value) in CouncilFields("notice", notice.Fields, notice.At)) fields[name] = value;
        return fields;
    }

    protected override void LayContent()
    {
        var fields = Fields();
        // A supplement's front sheet is the style's own block; its contact lines are the agenda's unless it has its own.
        var kind = notice.Supplement is null ? "notice" : "supplement";
        FrontLines(kind, fields);
        if (notice.Republished is { } republished && notice.PublicationDate is { } published)
        {
            Add(ParaStyle.Normal, Fill(Style.WordFor("republished"), new Dictionary<string, object?> { ["published"] = published, ["date"] = republished }) ?? [], notice.At);
        }

        Heading(RichText.Plain(Style.HeadingFor("agenda")), 1, null, notice.At);
        var definition = List("agenda", Style.Numbering.Agenda is { } pattern ? [pattern] : [], _ => 1);
        var list = Plan.NewInstance(definition, restart: true);
        var next = 1;
        for (var index = 0; index < notice.Items.Count; index++)
        {
            var item = notice.Items[index];
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = !item.Title.IsEmpty ? item.Title : RichText.Plain(standard?.Title ?? item.Standard ?? string.Empty, item.At);
            IReadOnlyList<Piece> content = [new TextPiece(title)];
            if (item.Pages is { } pages)
            {
                // The page range is printed as the councils do: "(Pages 11 - 26)", or "(Page 5)" for one page; a republished
                // paper that grew ends on a lettered page ("(Pages 11 - 14b)").
                object last = item.AddedPages > 0 ? AddedPage(pages.Last, item.AddedPages) : pages.Last;
                var range = pages.First == pages.Last && item.AddedPages == 0
                    ? Fill(Style.WordFor("page"), new Dictionary<string, object?> { ["first"] = pages.First })
                    : Fill(Style.WordFor("pages"), new Dictionary<string, object?> { ["first"] = pages.First, ["last"] = last });
                content = [.. content, new ReadyPiece(new LText(" ")), .. range ?? []];
            }
            else if (item.ToFollow is { } expected)
            {
                content = [.. content, new ReadyPiece(new LText(" ")), .. Fill(Style.WordFor("to-follow"), new Dictionary<string, object?> { ["date"] = expected }) ?? []];
            }

            // A supplement lists some items only, each with its number on the agenda: Word's list starts again there.
            if (item.Number is { } number && number != next) list = Plan.NewInstance(definition, restart: true, start: number);
            next = (item.Number ?? next) + 1;
            var label = Plan.Count(list, 0);
            Heading(content, title.PlainText, 2, item.Id, item.At, new ListRef(list.NumId, 0), label, "item-" + Reference(label));
            if (standard?.Agenda is { } wording) Add(ParaStyle.Normal, Fill(wording, Facts(fields, item.Standard!, index)) ?? [], item.At);
            Blocks(item.Paragraphs);
            if (item.ReportOf is { } reportOf) Add(ParaStyle.Normal, Fill(Style.WordFor("report-of"), new Dictionary<string, object?> { ["report-of"] = reportOf }) ?? [], item.At);
            if (item.Urgent is { } reason) Add(ParaStyle.Normal, Fill(Style.WordFor("urgent-item"), new Dictionary<string, object?> { ["reason"] = reason }) ?? [], item.At);
            if (item.ExemptParagraph is { } paragraph)
            {
                var exempt = Fill(Style.WordFor("exempt"), new Dictionary<string, object?> { ["paragraph"] = paragraph }) ?? [];
                Add(ParaStyle.Normal, Italic(exempt), item.At);
            }

            foreach (var link in links.TryGetValue(index, out var papers) ? papers : [])
            {
                var text = link.Bytes is { } bytes
                    ? Wording.Plain(Style, "web-download", new Dictionary<string, object?>
                    {
                        ["title"] = link.Title,
                        ["format"] = Wording.Plain(Style, link.Format == "pdf" ? "web-format-pdf" : "web-format-docx", new Dictionary<string, object?>()),
                        ["size"] = Size(bytes),
                    })
                    : link.Title;
                Add(ParaStyle.Normal, [new ReadyPiece(new LLink(link.Href, [new LText(text)]))], item.At);
            }
        }

        EndLines(kind == "supplement" && !Style.EndBlocks.ContainsKey(kind) ? "notice" : kind, fields);
    }

    /// <summary>The label of a lettered page after <paramref name="page"/>: "14a" for the first, "14b" for the second, in the style's words.</summary>
    private string AddedPage(int page, int letter) =>
        Wording.Plain(Style, "added-page", new Dictionary<string, object?> { ["page"] = page, ["letter"] = Letters(letter) });

    /// <summary>a, b … z, aa, ab …: the letters Word's lowerLetter page numbers print, so the agenda and the page agree.</summary>
    internal static string Letters(int n) => n <= 26 ? ((char)('a' + n - 1)).ToString() : new string((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);

    /// <summary>The notice's fields and, for the exclusion of the press and public, the paragraphs of the exempt items after it.</summary>
    private Dictionary<string, object?> Facts(Dictionary<string, object?> fields, string key, int index)
    {
        if (key != "exclusion-of-press-and-public") return fields;
        var paragraphs = notice.Items.Skip(index + 1).Select(i => i.ExemptParagraph).OfType<int>().Distinct().Order().ToList();
        return new Dictionary<string, object?>(fields) { ["paragraph"] = paragraphs.Count > 0 ? MinutesLayout.Paragraphs(paragraphs) : null };
    }

    /// <summary>A download's size as GOV.UK writes it: "850 bytes", "120 KB", "2.4 MB".</summary>
    private static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(English.Culture) + " bytes",
        < 1024 * 1024 => Math.Ceiling(bytes / 1024.0).ToString("0", English.Culture) + " KB",
        _ => (bytes / (1024.0 * 1024.0)).ToString("0.0", English.Culture) + " MB",
    };

    private static IReadOnlyList<Piece> Italic(IReadOnlyList<Piece> pieces) => pieces.Select(p => p switch
    {
        ReadyPiece { Inline: LText t } => new ReadyPiece(t with { Italic = true }),
        TextPiece t => new TextPiece(t.Text.With(t.Text.Inlines.Select(i => i is Run r ? r with { Italic = true } : i).ToList())),
        _ => p,
    }).ToList();
}

/// <summary>A link from a meeting's web page to one of an agenda item's papers.</summary>
/// <param name="Title">The paper's title.</param>
/// <param name="Href">Its address, relative to the meeting's page.</param>
/// <param name="Format">"pdf" or "docx" for a supplied file offered as a download; null for a paper's own page.</param>
/// <param name="Bytes">The download's size; null for a paper's own page.</param>
internal sealed record PaperLink(string Title, string Href, string? Format = null, long? Bytes = null);
