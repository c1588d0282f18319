using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out minutes: the style's front block (committee, date, present, apologies), then each minute numbered by
/// real Word numbering that starts at the series' next number — its standard wording (worded by the facts: who
/// declared an interest, who sent apologies, which paragraphs of Schedule 12A), then its parts in the style's order
/// (what was said, the decision with the style's label, the reasons and options, notes) — then the signature block.
/// An exempt minute is printed in full in the private minutes; the public minutes print the style's exemption wording in
/// its place, and its public text if it has one.
/// </summary>
internal sealed class MinutesLayout : PaperLayout
{
    /// <summary>The decision labels every style has; a style adds its own in <c>minutes.decision-kinds</c>.</summary>
    private static readonly string[] StandardDecisionKinds = ["resolved", "decided", "recommended"];

    private readonly Minutes minutes;
    private readonly bool isPrivate;
    private readonly HashSet<string> leftOutWarned = new(StringComparer.Ordinal);

    private MinutesLayout(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics, bool isPrivate)
        : base(minutes, style, diagnostics, metrics)
    {
        this.minutes = minutes;
        this.isPrivate = isPrivate;
    }

    /// <summary>Lays out the public minutes, or with <paramref name="isPrivate"/> the private ones (exempt minutes in full).</summary>
    public static LaidOutPaper Lay(Minutes minutes, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics, bool isPrivate = false) =>
        new MinutesLayout(minutes, style, diagnostics, metrics, isPrivate).Lay();

    /// <summary>Whether the minutes have anything the public minutes leave out, so that a private version differs.</summary>
    public static bool HasExempt(Minutes minutes) => minutes.Items.Any(i => i.ExemptParagraph is not null);

    protected override DocumentInfo Info => new(
        FillPlain(isPrivate && !Style.WordFor("minutes-title-private").IsEmpty ? Style.WordFor("minutes-title-private") : Style.WordFor("minutes-title"),
            new Dictionary<string, object?> { ["committee"] = minutes.Committee, ["date"] = minutes.Date }),
        Plain(Style.Council), Plain(minutes.Committee), Style.WordFor("language").PlainText);

    /// <summary>Points inside a minute are numbered as the style numbers them, or as sub-items.</summary>
    protected override ListDefinition SubItemList => Style.Numbering.MinuteItems.Count > 0
        ? List("minute-items", Style.Numbering.MinuteItems)
        : base.SubItemList;

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
        if (isPrivate && !HasExempt(minutes))
        {
            Diagnostics.Warning(DiagnosticCode.NothingPrivate, PaperAt,
                "These minutes have no exempt minute ('exempt: N'), so the private minutes are the same as the public ones; build them without --private.");
        }

        CheckExclusion();
        var definition = List("minutes", Style.Numbering.Minutes is { } pattern ? [pattern] : [], _ => 2);
        var list = Plan.NewInstance(definition, restart: true, start: minutes.FirstMinute ?? 1);
        for (var index = 0; index < minutes.Items.Count; index++)
        {
            var item = minutes.Items[index];
            var standard = item.Standard is { } key && Style.StandardItems.TryGetValue(key, out var s) ? s : null;
            var title = !item.Title.IsEmpty ? item.Title : RichText.Plain(standard?.Title ?? item.Standard ?? string.Empty, item.At);
            var label = Plan.Count(list, 0);
            var heading = Heading(Capitals(title, Style.UpperCaseMinuteTitles), 2, null, item.At, new ListRef(list.NumId, 0), label, "minute-" + Reference(label));
            if (item.Id is not null) heading.Bookmark = Register(item.Id, item.At, TargetKind.Minute, Reference(label), heading.Anchor!);
            if (item.ExemptParagraph is { } paragraph)
            {
                var exemption = new Dictionary<string, object?> { ["paragraph"] = paragraph };
                Add(ParaStyle.Normal, Fill(Style.WordFor(isPrivate ? "exempt-minute-private" : "exempt-minute"), exemption) ?? [], item.At);
                // The public minutes print only what the minute gives for them; the private minutes print the minute in
                // full, or its public text when that is all it gives.
                var shown = isPrivate && (HasContent(item) || item.Public is null) ? item : item.Public;
                var unprinted = ReferenceEquals(shown, item) ? item.Public : item;
                AliasToMinute(unprinted, shown, heading, label);
                if (!ReferenceEquals(shown, item))
                {
                    if (shown is not null) Parts(shown);
                    continue;
                }
            }

            if (standard is not null) StandardWording(item, item.Standard!, standard, index);
            else Lines(Declarations(item), null, item.At);
            Parts(item);
        }

        EndLines("minutes", fields);
    }

    /// <summary>
    /// Ids in the text this version of the minutes leaves out (<paramref name="unprinted"/>) may still be referred to from
    /// text it prints: such a reference quotes the minute itself ("minute 42"), and discloses nothing of what it leaves out.
    /// </summary>
    private void AliasToMinute(MinuteItem? unprinted, MinuteItem? printed, PendingBlock heading, string label)
    {
        if (unprinted is null) return;
        var shown = printed is null ? [] : Ids(printed).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, at) in Ids(unprinted).Where(i => !shown.Contains(i.Id)))
        {
            heading.Bookmark ??= NewBookmark("minute" + Reference(label));
            Alias(id, at, TargetKind.Minute, Reference(label), heading.Bookmark, heading.Anchor!);
        }
    }

    /// <summary>Every id in a minute's text, with where it is.</summary>
    private static IEnumerable<(string Id, SourcePosition At)> Ids(MinuteItem item) =>
        Ids(item.Paragraphs.Concat(item.Reason).Concat(item.AlternativeOptions).Concat(item.OtherOptions).Concat(item.Notes))
            .Concat(item.Decisions.SelectMany(d => Ids(d.Items)));

    private static IEnumerable<(string Id, SourcePosition At)> Ids(IEnumerable<Block> blocks) => blocks.SelectMany(block => block switch
    {
        Paragraph p => One(p.Id, p.At).Concat(Ids(p.Items)).Concat(Ids(p.Bullets)).Concat(Ids(p.More)),
        Table t => One(t.Id, t.At),
        KpiTable k => One(k.Id, k.At),
        _ => [],
    });

    private static IEnumerable<(string Id, SourcePosition At)> Ids(IEnumerable<ListItem> items) =>
        items.SelectMany(i => One(i.Id, i.At).Concat(Ids(i.Items)).Concat(Ids(i.Bullets)));

    private static IEnumerable<(string Id, SourcePosition At)> One(string? id, SourcePosition at) => id is null ? [] : [(id, at)];

    private static bool HasContent(MinuteItem item) =>
        item.Paragraphs.Count + item.Declarations.Count + item.Decisions.Count + item.Reason.Count + item.AlternativeOptions.Count +
        item.OtherOptions.Count + item.Notes.Count > 0;

    /// <summary>An exempt minute needs the press and public excluded first (section 100A(4) of the Local Government Act 1972).</summary>
    private void CheckExclusion()
    {
        var first = minutes.Items.Select((item, i) => (item, i)).FirstOrDefault(x => x.item.ExemptParagraph is not null);
        if (first.item is null) return;
        if (minutes.Items.Take(first.i).Any(i => i.Standard == "exclusion-of-press-and-public")) return;
        Diagnostics.Warning(DiagnosticCode.ExemptWithoutExclusion, first.item.At,
            "This minute is exempt, but no minute before it excludes the press and public; add '- standard: exclusion-of-press-and-public' with the resolution before it.");
    }

    // ---- standard wording, worded by the facts ------------------------------------------------------------------

    private void StandardWording(MinuteItem item, string key, StandardItem standard, int index)
    {
        var facts = new Dictionary<string, object?> { ["council"] = Style.Council };
        var lines = Declarations(item);
        var listed = lines.Count > 0;
        switch (key)
        {
            case "apologies":
                facts["apologies"] = MeetingText.Names(minutes.Apologies, Style.Members);
                facts["absent"] = MeetingText.Names(minutes.Absent, Style.Members);
                if (!Style.WordFor("substitution").IsEmpty)
                {
                    lines.AddRange(minutes.Present.Substitutes.Select(sub =>
                        Fill(Style.WordFor("substitution"), new Dictionary<string, object?> { ["name"] = sub.Name, ["for"] = sub.For }) ?? []));
                }

                listed = lines.Count > 0 || minutes.Apologies.Count > 0 || minutes.Absent.Count > 0;
                break;
            case "exclusion-of-press-and-public":
                var paragraphs = minutes.Items.Skip(index + 1).Select(i => i.ExemptParagraph).OfType<int>().Distinct().Order().ToList();
                if (paragraphs.Count > 0) facts["paragraph"] = Paragraphs(paragraphs);
                listed = paragraphs.Count > 0;
                break;
        }

        // "There were no declarations of interest." only when nothing is listed and the minute says nothing else.
        var wording = !listed && !HasContent(item) && standard.MinutesNone is { } none ? none : standard.Minutes;
        if (wording is not null && Fill(wording, facts) is { } filled) Add(ParaStyle.Normal, filled, item.At);
        Lines(lines, standard.Numbering, item.At, "standard-" + key);
    }

    /// <summary>"3", "1 and 3", "1, 3 and 5": the paragraphs of Schedule 12A as a sentence gives them.</summary>
    internal static string Paragraphs(IReadOnlyList<int> paragraphs) =>
        English.List(paragraphs.Select(p => p.ToString(English.Culture)), "and");

    /// <summary>Each declaration of interest, worded by the style.</summary>
    private List<IReadOnlyList<Piece>> Declarations(MinuteItem item) =>
        item.Declarations.Select(d => Fill(Style.WordFor("declaration"), new Dictionary<string, object?>
        {
            ["members"] = MeetingText.Names(d.Members, Style.Members),
            ["item"] = d.Item,
            ["interest"] = d.Interest,
            ["reason"] = d.Reason,
        }) ?? []).Where(l => l.Count > 0).ToList();

    /// <summary>Lines of a standard item (declarations, substitutions): plain paragraphs, or numbered as the style says.</summary>
    private void Lines(IReadOnlyList<IReadOnlyList<Piece>> lines, NumberPattern? pattern, SourcePosition at, string name = "standard")
    {
        if (lines.Count == 0) return;
        var instance = pattern is null ? null : Plan.NewInstance(List(name, [pattern]), restart: true);
        foreach (var line in lines)
        {
            var block = Add(instance is null ? ParaStyle.Normal : ParaStyle.ListItem, line, at);
            if (instance is null) continue;
            block.List = new ListRef(instance.NumId, 0);
            block.Label = Plan.Count(instance, 0);
        }
    }

    // ---- the parts of a minute, in the style's order ------------------------------------------------------------

    private void Parts(MinuteItem item)
    {
        var order = Style.Minutes.Order;
        foreach (var part in order) Part(item, part);
        foreach (var part in MinutesStyle.Parts.Where(p => !order.Contains(p) && HasPart(item, p)))
        {
            // The style has no place for it: printed at the end of the minute, never dropped.
            if (leftOutWarned.Add(part))
            {
                Diagnostics.Warning(DiagnosticCode.StyleLeavesOut, item.At,
                    $"The house style '{Style.Name}' has no place for a minute's '{part}' in 'minutes.order'; it is printed at the end of the minute. Add it to the style's order.");
            }

            Part(item, part);
        }
    }

    private static bool HasPart(MinuteItem item, string part) => part switch
    {
        "paragraphs" => item.Paragraphs.Count > 0,
        "decision" => item.Decisions.Count > 0,
        "reason" => item.Reason.Count > 0,
        "alternative-options" => item.AlternativeOptions.Count > 0,
        "other-options" => item.OtherOptions.Count > 0,
        _ => item.Notes.Count > 0,
    };

    private void Part(MinuteItem item, string part)
    {
        switch (part)
        {
            case "paragraphs":
                Blocks(item.Paragraphs);
                break;
            case "decision":
                foreach (var decision in item.Decisions) Decision(decision);
                break;
            case "reason":
                Labelled("decision-reason", item.Reason);
                break;
            case "alternative-options":
                Labelled("alternative-options", item.AlternativeOptions);
                break;
            case "other-options":
                Labelled("other-options", item.OtherOptions);
                break;
            case "notes":
                Blocks(item.Notes);
                break;
        }
    }

    private static IReadOnlyList<Piece> LabelPieces(string label) =>
        label.Length == 0 ? [] : [new ReadyPiece(new LText(label + " ", Bold: true))];

    private void LabelLine(string label, SourcePosition at)
    {
        if (label.Length == 0) return;
        Add(ParaStyle.Label, [new ReadyPiece(new LText(label, Bold: true))], at).KeepWithNext = true;
    }

    /// <summary>A reason or an option: its label run into its first paragraph, or on a line of its own above it.</summary>
    private void Labelled(string key, IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0) return;
        var label = Style.HeadingFor(key);
        if (Style.Minutes.BlockLabel == LabelPlacement.Heading || blocks[0] is not Paragraph first)
        {
            LabelLine(label, blocks[0] is Paragraph p ? p.At : PaperAt);
            Blocks(blocks);
            return;
        }

        var block = Add(ParaStyle.Normal, [.. LabelPieces(label), new TextPiece(first.Text)], first.At);
        if (first.Id is not null)
        {
            block.Anchor = NewAnchor(first.Id);
            block.Bookmark = Register(first.Id, first.At, TargetKind.Paragraph, first.Text.PlainText, block.Anchor, numbered: false);
        }
        Items(first.Items, first.Bullets, depth: 0);
        More(first.More, ParaStyle.Normal);
        Blocks(blocks.Skip(1).ToList());
    }

    /// <summary>
    /// A decision: the style's label for its kind, run into the only resolution ("Resolved: That …") or its lead-in
    /// ("Decision – That Cabinet:"), or on a line of its own; several resolutions (or one, where the style numbers it)
    /// numbered as the style numbers resolutions, with their sub-items at the next level.
    /// </summary>
    private void Decision(Decision decision)
    {
        var label = Label(decision);
        var items = decision.Items;
        var numbered = items.Count > 1 || (items.Count == 1 && Style.Numbering.NumberSingleResolution);
        var runIn = Style.Minutes.DecisionLabel == LabelPlacement.RunIn;
        if (decision.Intro is { } intro)
        {
            if (runIn) Add(ParaStyle.Normal, [.. LabelPieces(label), new TextPiece(intro)], decision.At);
            else
            {
                LabelLine(label, decision.At);
                Add(ParaStyle.Normal, intro);
            }
        }
        else if (runIn && !numbered && items.Count == 1)
        {
            Unnumbered(items[0], LabelPieces(label));
            return;
        }
        else
        {
            LabelLine(label, decision.At);
        }

        if (!numbered)
        {
            foreach (var only in items) Unnumbered(only, []);
            return;
        }

        var list = Plan.NewInstance(List("resolutions", Style.Numbering.Resolutions), restart: true);
        ListLevel(items, list, depth: 1, level: 0);
    }

    /// <summary>A resolution printed without a number, after <paramref name="lead"/> (its label); a reference to it quotes its text.</summary>
    private void Unnumbered(ListItem item, IReadOnlyList<Piece> lead)
    {
        var block = Add(ParaStyle.Normal, [.. lead, new TextPiece(item.Text)], item.At);
        if (item.Id is not null)
        {
            block.Anchor = NewAnchor(item.Id);
            block.Bookmark = Register(item.Id, item.At, TargetKind.Item, item.Text.PlainText, block.Anchor, numbered: false);
        }
        Items(item.Items, item.Bullets, depth: 0);
    }

    /// <summary>The words of a decision's label; a kind the style does not have is an error with the nearest one.</summary>
    private string Label(Decision decision)
    {
        var kinds = StandardDecisionKinds.Concat(Style.Minutes.DecisionKinds).ToList();
        if (kinds.Contains(decision.Kind)) return Style.HeadingFor(decision.Kind);
        var suggestion = Suggest.Nearest(decision.Kind, kinds);
        Diagnostics.Error(DiagnosticCode.UnknownDecisionKind, decision.At,
            $"The house style '{Style.Name}' has no decision label '{decision.Kind}'; " + (suggestion is not null
                ? $"did you mean '{suggestion}'?"
                : $"use one of: {string.Join(", ", kinds)}, or add it to the style's 'minutes.decision-kinds' with its words under 'headings'."));
        return decision.Kind;
    }
}
