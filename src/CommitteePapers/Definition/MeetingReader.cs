using System.Globalization;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Reads <c>paper: minutes</c> and <c>paper: notice</c>.</summary>
internal sealed class MeetingReader(DiagnosticBag diagnostics, ReportReader body)
{
    public Minutes ReadMinutes(YMapping map)
    {
        var m = MappingReader.For(map, diagnostics, Shapes.Minutes)!;
        var first = m.Node("first-minute") is { } f ? Integer(f, "first-minute") : null;
        return new Minutes
        {
            At = m.At,
            Style = m.Text("style"),
            StyleAt = m.Node("style")?.At ?? m.At,
            Committee = m.RequiredText("committee"),
            Date = m.Date("date", required: true) ?? default,
            Venue = m.Text("venue"),
            Started = Time(m, "started"),
            Finished = Time(m, "finished"),
            FirstMinute = first,
            Follows = m.Text("follows"),
            FollowsAt = m.Node("follows")?.At ?? m.At,
            Present = m.Node("present") is { } p ? ReadMembership(p) : new Membership(),
            Apologies = Names(m, "apologies"),
            Absent = Names(m, "absent"),
            InAttendance = Names(m, "in-attendance"),
            Officers = Names(m, "officers"),
            Items = m.List("items", ReadMinuteItem, required: true),
            SignedBy = m.Text("signed-by"),
            Footnotes = body.Footnotes(m),
            Fields = body.CouncilFields(m),
            Acknowledgements = body.Acknowledgements(m),
        };
    }

    public Notice ReadNotice(YMapping map) => ReadNotice(MappingReader.For(map, diagnostics, Shapes.Notice)!, ReadAgendaItem);

    /// <summary>The notice's keys from <paramref name="m"/>, which may be a notice or a pack.</summary>
    internal Notice ReadNotice(MappingReader m, Func<YNode, AgendaItem?> readItem)
    {
        return new Notice
        {
            At = m.At,
            Style = m.Text("style"),
            StyleAt = m.Node("style")?.At ?? m.At,
            Committee = m.RequiredText("committee"),
            Date = m.Date("date", required: true) ?? default,
            Time = Time(m, "time"),
            Venue = m.Text("venue"),
            Members = m.Node("members") is { } p ? ReadMembership(p) : new Membership(),
            Items = m.List("items", readItem, required: true),
            DemocracyOfficer = m.Node("democracy-officer") is { } d ? body.ReadPerson(d) : null,
            PublicationDate = m.Date("publication-date"),
            Groups = Groups(m),
            Footnotes = body.Footnotes(m),
            Fields = body.CouncilFields(m),
            Acknowledgements = body.Acknowledgements(m),
        };
    }

    private MinuteItem? ReadMinuteItem(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.MinuteItem);
        if (m is null) return null;
        var standard = m.Text("standard");
        var title = m.Rich("title");
        if (title is null && standard is null) m.Missing("title");
        var resolved = m.List("resolved", n => MappingReader.RichOf(n, "resolved", diagnostics));
        var recommended = m.List("recommended", n => MappingReader.RichOf(n, "recommended", diagnostics));
        var reason = m.Rich("reason");
        return new MinuteItem(title ?? RichText.Empty)
        {
            At = m.At,
            Standard = standard,
            Id = m.Text("id"),
            Paragraphs = body.Blocks(m, "paragraphs"),
            Decision = resolved.Count + recommended.Count > 0 || reason is not null
                ? new Decision { Resolved = resolved, Recommended = recommended, Reason = reason, At = m.Node("resolved")?.At ?? m.Node("recommended")?.At ?? m.At }
                : null,
        };
    }

    private AgendaItem? ReadAgendaItem(YNode node) =>
        MappingReader.For(node, diagnostics, Shapes.AgendaItem) is { } m ? ReadAgendaItem(m) : null;

    internal AgendaItem ReadAgendaItem(MappingReader m)
    {
        var standard = m.Text("standard");
        var title = m.Rich("title");
        if (title is null && standard is null) m.Missing("title");
        return new AgendaItem(title ?? RichText.Empty)
        {
            At = m.At,
            Standard = standard,
            Id = m.Text("id"),
            Paragraphs = body.Blocks(m, "paragraphs"),
            ReportOf = m.Text("report-of"),
            ExemptParagraph = m.Node("exempt") is { } e ? Integer(e, "exempt", 1, 7) : null,
        };
    }

    private IReadOnlyList<PeopleGroup> Groups(MappingReader m)
    {
        if (m.Node("groups") is not { } node) return [];
        if (node is not YMapping map)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, "'groups' must be a mapping of labels to people, such as 'Added Members: [Claire Hudson (Church of England Representative)]'.");
            return [];
        }

        return map.Entries.Select(e => new PeopleGroup(e.Key.Value, MappingReader.ListOf(e.Value, n => MappingReader.TextOf(n, e.Key.Value, diagnostics))) { At = e.Key.At }).ToList();
    }

    private Membership ReadMembership(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Membership);
        if (m is null) return new Membership();
        return new Membership
        {
            Chair = m.Text("chair"),
            ViceChair = m.Text("vice-chair"),
            Members = Names(m, "members"),
            Substitutes = m.List("substitutes", n => MappingReader.For(n, diagnostics, Shapes.Substitute) is { } s
                ? new Substitute(s.RequiredText("name"), s.RequiredText("for"))
                : null),
        };
    }

    private IReadOnlyList<string> Names(MappingReader m, string key) =>
        m.List(key, n => MappingReader.TextOf(n, key, diagnostics));

    private TimeOnly? Time(MappingReader m, string key)
    {
        var node = m.Node(key);
        if (node is null) return null;
        if (node is YScalar s && TimeOnly.TryParseExact(s.Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        var shown = node is YScalar sc ? $"'{sc.Value}'" : node.KindName;
        diagnostics.Error(DiagnosticCode.BadDate, node.At, $"'{key}' must be a time on the 24-hour clock written HH:MM (for example \"17:30\"), not {shown}.");
        return null;
    }

    private int? Integer(YNode node, string key, int min = 1, int max = 100000)
    {
        if (node is YScalar s && YamlScalars.Integer(s.Value) is { } n && n >= min && n <= max) return (int)n;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a whole number from {min} to {max}.");
        return null;
    }
}
