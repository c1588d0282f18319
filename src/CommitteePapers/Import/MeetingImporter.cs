using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Import;

/// <summary>
/// Reads minutes and notices of meeting: the front block's values (committee, date, venue, who was present), each
/// numbered heading as a minute or agenda item (a standard item when its title is the style's, its usual wording
/// left to the style), "Resolved:", "Recommended:" and "Reason:" as the minute's decision, and the end block's values
/// (who signs, when the meeting started and finished, the democracy officer).
/// </summary>
internal sealed partial class MeetingImporter(ImportContext c)
{
    [GeneratedRegex(@"\s*\((pages?)\s*\d+(\s*[-–]\s*\d+)?\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();

    private HouseStyle Style => c.Style;

    public Minutes Minutes(FrontMatch front)
    {
        var (end, endValues) = EndBlock("minutes");
        var items = new List<MinuteItem>();
        var blocks = new BlockCollector(c.NumbersParagraphs);
        var before = new BlockCollector(c.NumbersParagraphs);
        SourceParagraph? heading = null;
        var resolved = new List<RichText>();
        var recommended = new List<RichText>();
        RichText? reason = null;
        List<RichText>? listInto = null;
        int? first = null;

        void Close()
        {
            if (heading is null) return;
            var (standard, title) = Standard(heading.Plain, "minutes");
            var paragraphs = blocks.Build(c.Notes);
            if (standard is { } key && Style.StandardItems[key].Minutes is { } usual && paragraphs.FirstOrDefault() is Paragraph { Items.Count: 0, Bullets.Count: 0, More.Count: 0 } firstParagraph && Same(usual, firstParagraph.Text.PlainText))
            {
                paragraphs.RemoveAt(0);
            }

            var decisions = new List<Decision>();
            if (resolved.Count > 0) decisions.Add(new Decision { Kind = "resolved", Items = resolved.Select(r => new ListItem(r)).ToList() });
            if (recommended.Count > 0) decisions.Add(new Decision { Kind = "recommended", Items = recommended.Select(r => new ListItem(r)).ToList() });
            items.Add(new MinuteItem(title)
            {
                Standard = standard,
                Paragraphs = paragraphs,
                Decisions = decisions,
                Reason = reason is null ? [] : [new Paragraph(reason)],
            });
            blocks = new BlockCollector(c.NumbersParagraphs);
            resolved.Clear();
            recommended.Clear();
            reason = null;
            listInto = null;
        }

        for (var i = front.Consumed; i < end; i++)
        {
            if (c.Body[i] is SourceTable t)
            {
                (heading is null ? before : blocks).Table(TableImporter.Table(t, Style));
                continue;
            }

            var p = (SourceParagraph)c.Body[i];
            if (p.HeadingLevel is not null && p.Number is { IsBullet: false } label)
            {
                Close();
                heading = p;
                first ??= Digits(label.Text);
                continue;
            }

            if (heading is null)
            {
                before.Unnumbered(p);
                continue;
            }

            if (listInto is not null && p.Number is { IsBullet: false })
            {
                listInto.Add(Importer.Text(p.Text));
                continue;
            }

            listInto = null;
            if (c.Label(p, "resolved", "recommended", "reason") is { } decided)
            {
                var rest = decided.After.Plain.Trim();
                var target = decided.Key == "resolved" ? resolved : recommended;
                if (decided.Key == "reason") reason = Importer.Text(decided.After);
                else if (rest.Length == 0) listInto = target;
                else target.Add(Importer.Text(decided.After));
                continue;
            }

            Add(blocks, p);
        }

        Close();
        if (items.Count == 0) items.Add(new MinuteItem(RichText.Parse("TBC")));
        if (!before.IsEmpty)
        {
            var kept = before.Build(c.Notes);
            foreach (var b in kept) c.Notes.Uncertain(b, c.Body[front.Consumed], "Text before the first minute, where minutes have none; kept in the first minute.");
            items[0] = items[0] with { Paragraphs = [.. kept, .. items[0].Paragraphs] };
        }

        var values = Merge(front.Values, endValues);
        var minutes = new Minutes
        {
            Committee = Required(values, "committee"),
            Date = front.Date("date") ?? MissingDate(),
            Venue = Get(values, "venue"),
            Started = Get(values, "started") is { } s ? Wording.Time(s, Style.AmPm) : null,
            Finished = Get(values, "finished") is { } f ? Wording.Time(f, Style.AmPm) : null,
            FirstMinute = first,
            Present = Members(Get(values, "present")),
            Apologies = Names(Get(values, "apologies")),
            Absent = Names(Get(values, "absent")),
            InAttendance = Names(Get(values, "in-attendance"), prefixed: false),
            Officers = Names(Get(values, "officers"), prefixed: false),
            Items = items,
            Fields = CouncilFields(values, "minutes"),
        };
        var signed = Get(values, "signed-by");
        var defaultSigned = minutes.Present.Chair is { } chair ? Fill(Style.WordFor("signed-by"), new Dictionary<string, string> { ["chair"] = chair }) : null;
        return minutes with { SignedBy = signed is not null && signed != defaultSigned ? signed : null };
    }

    public Notice Notice(FrontMatch front)
    {
        var (end, endValues) = EndBlock("notice");
        var items = new List<AgendaItem>();
        var blocks = new BlockCollector(c.NumbersParagraphs);
        SourceParagraph? heading = null;
        string? reportOf = null;
        int? exempt = null;
        var values = Merge(front.Values, endValues);

        void Close()
        {
            if (heading is null) return;
            var (standard, title) = Standard(Pages().Replace(heading.Plain, string.Empty), "agenda");
            var paragraphs = blocks.Build(c.Notes);
            if (standard is { } key && Style.StandardItems[key].Agenda is { } usual && paragraphs.FirstOrDefault() is Paragraph { Items.Count: 0, Bullets.Count: 0, More.Count: 0 } firstParagraph && Same(usual, firstParagraph.Text.PlainText, values))
            {
                paragraphs.RemoveAt(0);
            }

            items.Add(new AgendaItem(title) { Standard = standard, Paragraphs = paragraphs, ReportOf = reportOf, ExemptParagraph = exempt });
            blocks = new BlockCollector(c.NumbersParagraphs);
            reportOf = null;
            exempt = null;
        }

        for (var i = front.Consumed; i < end; i++)
        {
            if (c.Body[i] is SourceTable t)
            {
                blocks.Table(TableImporter.Table(t, Style));
                continue;
            }

            var p = (SourceParagraph)c.Body[i];
            if (p.HeadingLevel is not null && p.Number is { IsBullet: false })
            {
                Close();
                heading = p;
                continue;
            }

            if (p.HeadingLevel is not null && Same(RichText.Plain(Style.HeadingFor("agenda")), p.Plain)) continue;
            if (heading is not null && Wording.Match(Style.WordFor("report-of"), p.Plain) is { } of && of.TryGetValue("report-of", out var who))
            {
                reportOf = who;
                continue;
            }

            if (heading is not null && Wording.Match(Style.WordFor("exempt"), p.Plain) is { } ex && int.TryParse(ex.GetValueOrDefault("paragraph"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                exempt = n;
                continue;
            }

            if (heading is null && blocks.IsEmpty) blocks.Doubt(p, "Text before the first agenda item, where a notice has none; kept in the first item.");
            Add(blocks, p);
        }

        if (heading is null && !blocks.IsEmpty) heading = new SourceParagraph(new SourceText([new Span("TBC", false, false)]));
        Close();
        var notice = new Notice
        {
            Committee = Required(values, "committee"),
            Date = front.Date("date") ?? MissingDate(),
            Time = Get(values, "time") is { } time ? Wording.Time(time, Style.AmPm) : null,
            Venue = Get(values, "venue"),
            Members = Members(Get(values, "members")),
            PublicationDate = front.Date("publication-date"),
            DemocracyOfficer = Get(values, "democracy-officer") is { } officer
                ? new Person(officer) { Phone = Get(values, "democracy-officer-phone"), Email = Get(values, "democracy-officer-email"), Title = Get(values, "democracy-officer-title") }
                : null,
            Items = items.Count > 0 ? items : [new AgendaItem(RichText.Parse("TBC"))],
        };
        return notice;
    }

    private static void Add(BlockCollector collector, SourceParagraph p)
    {
        if (p.Number is { IsBullet: true }) collector.Item(p, bullet: true);
        else if (p.Number is { IsOutline: true } || ImportContext.IsTypedOutline(p.TypedNumber)) collector.Numbered(p);
        else if (p.Number is not null || p.TypedNumber is not null) collector.Item(p, bullet: false);
        else collector.Unnumbered(p);
    }

    /// <summary>A standard item when the title is the style's (or another council's) title for one, and the title to write.</summary>
    private (string? Key, RichText Title) Standard(string text, string purpose)
    {
        foreach (var s in new[] { Style }.Concat(c.Others))
        {
            foreach (var (key, item) in s.StandardItems)
            {
                if (Wording.Key(item.Title) != Wording.Key(text)) continue;
                // The chosen style's own title is left to the style; another council's is kept as written.
                var own = Style.StandardItems.TryGetValue(key, out var mine) && mine.Title == text;
                return (key, own ? RichText.Empty : Importer.Text(new SourceText([new Span(text, false, false)])));
            }
        }

        return (null, Importer.Text(new SourceText([new Span(text, false, false)])));
    }

    private bool Same(RichText usual, string text, IReadOnlyDictionary<string, string>? values = null) =>
        Wording.Key(Fill(usual, values ?? new Dictionary<string, string>())) == Wording.Key(text) || Wording.Match(usual, text) is not null;

    private static string Fill(RichText wording, IReadOnlyDictionary<string, string> values) =>
        string.Concat(wording.Inlines.Select(i => i switch
        {
            Run r => r.Text,
            Placeholder p => values.TryGetValue(p.Name, out var v) ? v : "{" + p.Name + "}",
            LineBreak => " ",
            _ => string.Empty,
        }));

    /// <summary>The style's end block matched from the document's end backwards: where it starts, and its values.</summary>
    private (int Start, Dictionary<string, string> Values) EndBlock(string kind)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Style.EndBlocks.TryGetValue(kind, out var l) ? l.Where(x => x.Table is null).ToList() : [];
        var pos = c.Body.Count;
        var li = lines.Count - 1;
        while (pos > 0 && li >= 0 && c.Body[pos - 1] is SourceParagraph p && p.HeadingLevel is null && p.Number is null)
        {
            var matched = false;
            for (var k = li; k >= 0; k--)
            {
                var inlines = lines[k].Text.Inlines.Select(i => i is Placeholder { Name: "council" } && Style.Council.Length > 0 ? new Run(Style.Council) : i).ToList();
                if (Wording.Match(inlines, p.Plain, prefix: false, out _) is not { } got) continue;
                foreach (var (key, value) in got) values.TryAdd(key, value);
                li = k - 1;
                matched = true;
                break;
            }

            if (!matched) break;
            pos--;
        }

        return (pos, values);
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, Dictionary<string, string> b)
    {
        var result = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b) result.TryAdd(k, v);
        return result;
    }

    /// <summary>The council's own fields for this kind of paper that its front and end blocks print ("Contact: {contact}").</summary>
    private List<PaperField> CouncilFields(Dictionary<string, string> values, string kind) =>
        Style.Fields
            .Where(f => f.Type is not (FieldType.Paragraphs or FieldType.Rows) && (f.Kinds.Count == 0 || f.Kinds.Contains(kind)))
            .Where(f => Get(values, f.Name) is { Length: > 0 })
            .Select(f => new PaperField(f.Name) { Text = Importer.Text(new SourceText([new Span(Get(values, f.Name)!, false, false)])) })
            .ToList();

    private static string? Get(Dictionary<string, string> values, string key) => values.TryGetValue(key, out var v) ? v : null;

    private string Required(Dictionary<string, string> values, string key)
    {
        if (Get(values, key) is { Length: > 0 } v) return v;
        c.Notes.Missing(key, "TBC");
        return "TBC";
    }

    private DateOnly MissingDate()
    {
        var date = c.Source.Created is { } created ? DateOnly.FromDateTime(created) : new DateOnly(2000, 1, 1);
        c.Notes.Missing("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return date;
    }

    private static int? Digits(string label) => Regex.Match(label, @"\d+") is { Success: true } m && int.TryParse(m.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Names as the style lists them ("Councillors Baker, Barker and Fitzpatrick"), without the prefix and roles.</summary>
    private List<string> Names(string? text, bool prefixed = true)
    {
        if (text is null) return [];
        var listing = Style.Members;
        var t = text.Trim().TrimEnd('.');
        if (prefixed)
        {
            foreach (var prefix in new[] { listing.Many, listing.One }.Where(x => x.Length > 0))
            {
                if (t.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
                {
                    t = t[(prefix.Length + 1)..];
                    break;
                }
            }
        }

        var last = listing.LastSeparator == "," ? ", " : " " + listing.LastSeparator + " ";
        var parts = t.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count > 0 && parts[^1].Contains(last, StringComparison.Ordinal))
        {
            var tail = parts[^1];
            parts.RemoveAt(parts.Count - 1);
            var at = tail.LastIndexOf(last, StringComparison.Ordinal);
            parts.Add(tail[..at]);
            parts.Add(tail[(at + last.Length)..]);
        }

        return parts.Where(x => x.Length > 0).ToList();
    }

    /// <summary>Members with their roles: "Daubeney (Chair)", "Webb (Vice-Chair)", substitutes by the style's wording.</summary>
    private Membership Members(string? text)
    {
        string? chair = null;
        string? vice = null;
        var members = new List<string>();
        var substitutes = new List<Substitute>();
        foreach (var name in Names(text))
        {
            if (name.EndsWith($" ({Style.Members.Chair})", StringComparison.OrdinalIgnoreCase)) chair = name[..^(Style.Members.Chair.Length + 3)];
            else if (name.EndsWith($" ({Style.Members.ViceChair})", StringComparison.OrdinalIgnoreCase)) vice = name[..^(Style.Members.ViceChair.Length + 3)];
            else if (Wording.Match(Style.WordFor("substitute"), name) is { } s && s.TryGetValue("name", out var who) && s.TryGetValue("for", out var forWhom)) substitutes.Add(new Substitute(who, forWhom));
            else members.Add(name);
        }

        return new Membership { Chair = chair, ViceChair = vice, Members = members, Substitutes = substitutes };
    }
}
