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

    private MinutesLayout(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics)
        : base(minutes, style, diagnostics)
    {
        this.minutes = minutes;
    }

    public static LaidOutPaper Lay(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics) =>
        new MinutesLayout(minutes, style, diagnostics).Lay();

    protected override DocumentInfo Info => new(Plain($"Minutes: {minutes.Committee}, {minutes.Date.ToString("d MMMM yyyy", EnGb)}"), Plain(Style.Council), Plain(minutes.Committee), "en-GB");

    private Dictionary<string, object?> Fields() => new()
    {
        ["council"] = Style.Council,
        ["committee"] = minutes.Committee,
        ["date"] = minutes.Date,
        ["venue"] = minutes.Venue,
        ["started"] = MeetingText.Time(minutes.Started, Style),
        ["finished"] = MeetingText.Time(minutes.Finished, Style),
        ["present"] = MeetingText.Members(minutes.Present, Style.Members),
        ["apologies"] = MeetingText.Names(minutes.Apologies, Style.Members),
        ["absent"] = MeetingText.Names(minutes.Absent, Style.Members),
        ["in-attendance"] = MeetingText.Names(minutes.InAttendance, Style.Members with { One = string.Empty, Many = string.Empty }),
        ["officers"] = MeetingText.Names(minutes.Officers, Style.Members with { One = string.Empty, Many = string.Empty }),
        ["signed-by"] = minutes.SignedBy ?? (minutes.Present.Chair is { } chair ? $"Cllr {chair}, Chair" : "Chair"),
    };

    protected override void LayContent()
    {
        var fields = Fields();
        FrontLines("minutes", fields);
        var first = minutes.FirstMinute ?? 1;
        var list = NewList(ListKind.Minutes, restart: true) with { Start = first };
        ReplaceList(list);
        var number = first - 1;
        foreach (var item in minutes.Items)
        {
            number++;
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = item.Title.Length > 0 ? item.Title : standard?.Title ?? item.Standard ?? string.Empty;
            var label = ListLabels.Apply(Style.MinuteNumbers, ListLabels.Decimal(number));
            Heading(title, 2, item.Id, item.At, new ListRef(list.NumId, 0), label);
            if (standard?.Minutes is { } wording) Add(ParaStyle.Normal, wording, item.At);
            Blocks(item.Paragraphs);
            if (item.Decision is { } decision) Decision(decision);
        }

        EndLines("minutes", fields);
    }

    private void Decision(Decision decision)
    {
        Decided(Style.HeadingFor("resolved", "Resolved:"), decision.Resolved, decision.At);
        Decided(Style.HeadingFor("recommended", "Recommended:"), decision.Recommended, decision.At);
        if (decision.Reason is { } reason)
        {
            Add(ParaStyle.Normal, $"**{EscapeMarkdown(Style.HeadingFor("reason", "Reason:"))}** {reason}", decision.At);
        }
    }

    private void Decided(string label, IReadOnlyList<string> items, SourcePosition at)
    {
        if (items.Count == 0) return;
        if (items.Count == 1)
        {
            Add(ParaStyle.Normal, $"**{EscapeMarkdown(label)}** {items[0]}", at);
            return;
        }

        Add(ParaStyle.Label, $"**{EscapeMarkdown(label)}**", at);
        var list = NewList(ListKind.Resolutions, restart: true);
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var block = Add(ParaStyle.ListItem, item, at);
            block.List = new ListRef(list.NumId, 0);
            block.Label = $"({ListLabels.LowerRoman(n)})";
            block.Depth = 1;
        }
    }
}
