using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out minutes: the style's front block (committee, date, present, apologies), then each minute numbered by
/// real Word numbering that starts at the series' next number, its text and decisions, then the signature block.
/// </summary>
internal sealed class MinutesLayout : PaperLayout
{
    private readonly Minutes minutes;

    private MinutesLayout(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
        : base(minutes, style, diagnostics, metrics)
    {
        this.minutes = minutes;
    }

    public static LaidOutPaper Lay(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics) =>
        new MinutesLayout(minutes, style, diagnostics, metrics).Lay();

    protected override DocumentInfo Info => new(
        FillPlain(Style.WordFor("minutes-title"), new Dictionary<string, object?> { ["committee"] = minutes.Committee, ["date"] = minutes.Date }),
        Plain(Style.Council), Plain(minutes.Committee), Style.WordFor("language").PlainText);

    private Dictionary<string, object?> Fields()
    {
        var plainNames = Style.Members with { One = string.Empty, Many = string.Empty };
        var fields = new Dictionary<string, object?>
        {
            ["council"] = Style.Council,
            ["committee"] = minutes.Committee,
            ["date"] = minutes.Date,
            ["venue"] = minutes.Venue,
            ["started"] = minutes.Started,
            ["finished"] = minutes.Finished,
            ["present"] = MeetingText.Members(minutes.Present, Style.Members, Style),
            ["apologies"] = MeetingText.Names(minutes.Apologies, Style.Members),
            ["absent"] = MeetingText.Names(minutes.Absent, Style.Members),
            ["in-attendance"] = MeetingText.Names(minutes.InAttendance, plainNames),
            ["officers"] = MeetingText.Names(minutes.Officers, plainNames),
            ["signed-by"] = minutes.SignedBy ?? (minutes.Present.Chair is { } chair ? FillPlain(Style.WordFor("signed-by"), new Dictionary<string, object?> { ["chair"] = chair }) : null),
        };
        foreach (var (name, value) in CouncilFields("minutes", minutes.Fields, minutes.At)) fields[name] = value;
        return fields;
    }

    protected override void LayContent()
    {
        var fields = Fields();
        FrontLines("minutes", fields);
        var definition = List("minutes", Style.Numbering.Minutes is { } pattern ? [pattern] : [], _ => 2);
        var list = Plan.NewInstance(definition, restart: true, start: minutes.FirstMinute ?? 1);
        foreach (var item in minutes.Items)
        {
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = !item.Title.IsEmpty ? item.Title : RichText.Plain(standard?.Title ?? item.Standard ?? string.Empty, item.At);
            Heading(title, 2, item.Id, item.At, new ListRef(list.NumId, 0), Plan.Count(list, 0));
            if (standard?.Minutes is { } wording) Add(ParaStyle.Normal, Fill(wording, fields) ?? [], item.At);
            Blocks(item.Paragraphs);
            if (item.Decision is { } decision) Decision(decision);
        }

        EndLines("minutes", fields);
    }

    private void Decision(Decision decision)
    {
        Decided(Style.HeadingFor("resolved"), decision.Resolved, decision.At);
        Decided(Style.HeadingFor("recommended"), decision.Recommended, decision.At);
        if (decision.Reason is { } reason)
        {
            Add(ParaStyle.Normal, [new ReadyPiece(new LText(Style.HeadingFor("reason") + " ", Bold: true)), new TextPiece(reason)], decision.At);
        }
    }

    private void Decided(string label, IReadOnlyList<RichText> items, SourcePosition at)
    {
        if (items.Count == 0) return;
        if (items.Count == 1)
        {
            Add(ParaStyle.Normal, [new ReadyPiece(new LText(label + " ", Bold: true)), new TextPiece(items[0])], at);
            return;
        }

        AddPlain(ParaStyle.Label, label, at).Content = [new ReadyPiece(new LText(label, Bold: true))];
        var list = Plan.NewInstance(List("resolutions", Style.Numbering.Resolutions), restart: true);
        foreach (var item in items)
        {
            var block = Add(ParaStyle.ListItem, item);
            block.List = new ListRef(list.NumId, 0);
            block.Label = Plan.Count(list, 0);
            block.Depth = 1;
            block.Indent = (IndentStep * 2, IndentStep);
        }
    }
}
