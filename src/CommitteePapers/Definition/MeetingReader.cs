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

    /// <summary>The keys that record a decision, each with the label it prints: the short keys and 'decision:'.</summary>
    private static readonly string[] DecisionKeys = ["resolved", "decided", "recommended", "decision"];

    private MinuteItem? ReadMinuteItem(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.MinuteItem);
        if (m is null) return null;
        var standard = m.Text("standard");
        var title = m.Rich("title");
        if (title is null && standard is null) m.Missing("title");
        var exempt = m.Node("exempt") is { } e ? ExemptParagraph(e) : null;
        var publicNode = m.Node("public");
        var item = ReadMinuteContent(m, node) with
        {
            Title = title ?? RichText.Empty,
            At = m.At,
            Standard = standard,
            Id = m.Text("id"),
            Declarations = m.List("declarations", ReadDeclaration),
            ExemptParagraph = exempt,
            PublicAt = publicNode?.At ?? m.At,
        };
        if (publicNode is not null && MappingReader.For(publicNode, diagnostics, Shapes.MinutePublic) is { } p)
        {
            if (exempt is null && m.Node("exempt") is null)
            {
                diagnostics.Error(DiagnosticCode.PublicTextNotExempt, m.KeyAt("public"),
                    "'public:' is what the public minutes print of an exempt minute, but this minute is not exempt; add 'exempt: N' (its Schedule 12A paragraph), or move the text out of 'public:'.");
            }

            item = item with { Public = ReadMinuteContent(p, publicNode) with { At = p.At } };
        }

        return item;
    }

    /// <summary>What a minute says, decides and why: the keys a minute and an exempt minute's public text share.</summary>
    private MinuteItem ReadMinuteContent(MappingReader m, YNode node)
    {
        var decisions = new List<Decision>();
        foreach (var (key, value) in ((YMapping)node).Entries)
        {
            // In the order the file gives them: "RESOLVED – …" then "RECOMMENDED to Council – …" as written.
            if (!DecisionKeys.Contains(key.Value) || value is YScalar { IsNull: true }) continue;
            if (ReadDecision(key, value) is { } decision) decisions.Add(decision);
        }

        return new MinuteItem(RichText.Empty)
        {
            Paragraphs = body.Blocks(m, "paragraphs"),
            Decisions = decisions,
            Reason = Blocks(m, "reason"),
            AlternativeOptions = Blocks(m, "alternative-options"),
            OtherOptions = Blocks(m, "other-options"),
            Notes = body.Blocks(m, "notes"),
        };
    }

    /// <summary>Text or paragraphs: a reason, an option.</summary>
    private IReadOnlyList<Block> Blocks(MappingReader m, string key) => body.Blocks(m, key);

    private Decision? ReadDecision(YScalar key, YNode value)
    {
        string kind = key.Value;
        RichText? intro = null;
        YNode? items = value;
        if (value is YMapping)
        {
            var d = MappingReader.For(value, diagnostics, key.Value == "decision" ? Shapes.Decision : Shapes.DecisionText)!;
            if (key.Value == "decision") kind = d.RequiredText("kind");
            intro = d.Rich("intro");
            items = d.Node("items");
            if (items is null) d.Missing("items");
        }
        else if (key.Value == "decision")
        {
            diagnostics.Error(DiagnosticCode.WrongType, value.At, "'decision' must be a mapping: 'decision: {kind: resolved, items: [That the report be noted.]}'; for the usual labels write 'resolved:', 'decided:' or 'recommended:'.");
            return null;
        }

        return new Decision
        {
            Kind = kind,
            Intro = intro,
            Items = items is null ? [] : MappingReader.ListOf(items, body.ReadListItem),
            At = key.At,
        };
    }

    private Declaration? ReadDeclaration(YNode node)
    {
        var d = MappingReader.For(node, diagnostics, Shapes.Declaration);
        if (d is null) return null;
        var members = d.List("members", n => MappingReader.TextOf(n, "members", diagnostics), required: true);
        return new Declaration(members)
        {
            Item = d.RequiredRich("item"),
            Interest = d.RequiredRich("interest"),
            Reason = d.Rich("reason"),
            At = d.At,
        };
    }

    /// <summary>A Schedule 12A paragraph, 1 to 7.</summary>
    private int? ExemptParagraph(YNode node)
    {
        if (node is YScalar s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7) return n;
        var shown = node is YScalar sc ? $"'{sc.Value}'" : node.KindName;
        diagnostics.Error(DiagnosticCode.ExemptWithoutParagraph, node.At,
            $"{shown} is not a paragraph of Schedule 12A; write 'exempt: N' with the paragraph number 1 to 7 (3: financial or business affairs, 1: information about an individual …).");
        return null;
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

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or an error at the node.</summary>
    internal int? Integer(YNode node, string key, int min = 1, int max = 100000)
    {
        if (node is YScalar s && YamlScalars.Integer(s.Value) is { } n && n >= min && n <= max) return (int)n;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a whole number from {min} to {max}.");
        return null;
    }
}
