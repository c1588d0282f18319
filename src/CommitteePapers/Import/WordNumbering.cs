using System.Globalization;
using CommitteePapers.Definition;
using DocumentFormat.OpenXml.Wordprocessing;
using Humanizer;

namespace CommitteePapers.Import;

/// <summary>
/// Counts a document's numbered paragraphs the way Word does, from numbering.xml: a paragraph's numPr, or the numPr its
/// style (or a style it is based on) carries, or the list level that names its style; <c>w:num</c> instances that
/// override a level's start count on their own, others share their abstract definition's counters; a level starts at
/// its <c>w:start</c> and restarts after the levels above it are used, unless its <c>w:lvlRestart</c> says otherwise;
/// <c>w:numStyleLink</c> leads to the definition the numbering style names. Independent of the writer: it reads what
/// any word processor wrote.
/// </summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<int, NumberingInstance> nums = [];
    private readonly StyleSheet styles;
    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool[]> used = new(StringComparer.Ordinal);

    public WordNumbering(Numbering? numbering, StyleSheet styles)
    {
        this.styles = styles;
        foreach (var a in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (a.AbstractNumberId?.Value is { } id) abstracts.TryAdd(id, a);
        }

        foreach (var n in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (n.NumberID?.Value is { } id) nums.TryAdd(id, n);
        }
    }

    /// <summary>Counts the paragraph if it is numbered and returns its label, with the indent its list level gives.</summary>
    public (NumberLabel? Label, int? Indent) Count(ParagraphProperties? pPr, string styleId)
    {
        var numPr = pPr?.NumberingProperties;
        int? numId = numPr?.NumberingId?.Val?.Value;
        int? ilvl = numPr?.NumberingLevelReference?.Val?.Value;
        if (numId is null)
        {
            var fromStyle = styles.NumberingOf(styleId);
            numId = fromStyle.NumId;
            ilvl ??= fromStyle.Level;
        }

        if (numId is not { } id || id == 0 || !nums.TryGetValue(id, out var num)) return (null, null);
        if (Definition(num) is not { } abstractNum) return (null, null);
        var abstractId = abstractNum.AbstractNumberId!.Value;
        // A style linked to a level of the definition (w:pStyle in w:lvl) numbers at that level.
        ilvl ??= abstractNum.Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value ?? 0;
        var level = Math.Clamp(ilvl.Value, 0, 8);
        var levels = Levels(abstractNum, num);
        if (!levels.TryGetValue(level, out var lvl)) return (null, null);

        var overrides = num.Elements<LevelOverride>().Where(o => o.StartOverrideNumberingValue is not null).ToList();
        var key = overrides.Count > 0 ? "num" + id.ToString(CultureInfo.InvariantCulture) : "abstract" + abstractId.ToString(CultureInfo.InvariantCulture);
        if (!counters.TryGetValue(key, out var count))
        {
            count = new int[9];
            for (var i = 0; i < 9; i++)
            {
                var start = overrides.FirstOrDefault(o => o.LevelIndex?.Value == i)?.StartOverrideNumberingValue?.Val?.Value
                    ?? (levels.TryGetValue(i, out var l) ? l.StartNumberingValue?.Val?.Value : null) ?? 1;
                count[i] = start - 1;
            }

            counters[key] = count;
            used[key] = new bool[9];
        }

        count[level]++;
        used[key][level] = true;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            var restart = levels.TryGetValue(deeper, out var d) ? d.LevelRestart?.Val?.Value : null;
            // No lvlRestart: restart after any level above. 0: never. n: after level n (1-based) or one above it.
            if (restart is null || (restart.Value != 0 && level <= restart.Value - 1))
            {
                count[deeper] = (d?.StartNumberingValue?.Val?.Value ?? 1) - 1;
                used[key][deeper] = false;
            }
        }

        var format = FormatName(lvl);
        var text = lvl.LevelText?.Val?.Value ?? string.Empty;
        var legal = lvl.IsLegalNumberingStyle is not null && (lvl.IsLegalNumberingStyle.Val?.Value ?? true);
        var counted = 0;
        string label;
        if (format == "bullet")
        {
            label = "•";
        }
        else if (format == "none")
        {
            label = string.Empty;
        }
        else
        {
            label = text;
            for (var i = 8; i >= 0; i--)
            {
                var marker = "%" + (i + 1).ToString(CultureInfo.InvariantCulture);
                if (!label.Contains(marker, StringComparison.Ordinal)) continue;
                counted++;
                var f = levels.TryGetValue(i, out var li) ? FormatName(li) : "decimal";
                if (legal && i < level) f = "decimal";
                // A level above that was never used shows its start value, as Word shows it.
                label = label.Replace(marker, Format(f, i == level || used[key][i] ? count[i] : count[i] + 1), StringComparison.Ordinal);
            }
        }

        var indent = lvl.PreviousParagraphProperties?.Indentation is { } ind ? Twips(ind.Left?.Value ?? ind.Start?.Value) : null;
        return (label.Length == 0 ? null : new NumberLabel(label, id, level, format, Math.Max(1, counted)), indent);
    }

    private AbstractNum? Definition(NumberingInstance num)
    {
        // A numbering style's definition points, through the style, to the definition that holds the levels.
        var seen = new HashSet<int>();
        var abstractId = num.AbstractNumId?.Val?.Value;
        while (abstractId is { } aid && abstracts.TryGetValue(aid, out var a) && seen.Add(aid))
        {
            var link = a.GetFirstChild<NumberingStyleLink>()?.Val?.Value;
            if (link is null || a.Elements<Level>().Any()) return a;
            var linkedNum = styles.NumberingOf(link).NumId;
            if (linkedNum is not { } n || !nums.TryGetValue(n, out var target)) return a;
            abstractId = target.AbstractNumId?.Val?.Value;
        }

        return abstractId is { } last && abstracts.TryGetValue(last, out var found) ? found : null;
    }

    private static Dictionary<int, Level> Levels(AbstractNum abstractNum, NumberingInstance num)
    {
        var levels = new Dictionary<int, Level>();
        foreach (var l in abstractNum.Elements<Level>())
        {
            if (l.LevelIndex?.Value is { } i) levels[i] = l;
        }

        // An instance may replace a level outright (w:lvlOverride/w:lvl).
        foreach (var o in num.Elements<LevelOverride>())
        {
            if (o.LevelIndex?.Value is { } i && o.GetFirstChild<Level>() is { } replaced) levels[i] = replaced;
        }

        return levels;
    }

    /// <summary>The level's number format as numbering.xml writes it ("decimal", "lowerLetter", "bullet").</summary>
    private static string FormatName(Level lvl) => lvl.NumberingFormat?.Val?.InnerText is { Length: > 0 } name ? name : "decimal";

    /// <summary>A number in a Word format: 3, 03, c, C, iii, III, 3rd.</summary>
    public static string Format(string format, int n) => format switch
    {
        "lowerLetter" => Letters(n),
        "upperLetter" => Letters(n).ToUpperInvariant(),
        "lowerRoman" => n > 0 ? n.ToRoman().ToLowerInvariant() : n.ToString(CultureInfo.InvariantCulture),
        "upperRoman" => n > 0 ? n.ToRoman() : n.ToString(CultureInfo.InvariantCulture),
        "decimalZero" => n.ToString("00", CultureInfo.InvariantCulture),
        "ordinal" => English.Ordinal(n),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int n) => n < 1 ? n.ToString(CultureInfo.InvariantCulture) : new string((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);

    public static int? Twips(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null;
}

/// <summary>What the importer needs of a document's styles: names, heading levels, numbering and indents, through basedOn.</summary>
internal sealed class StyleSheet
{
    private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);

    public StyleSheet(DocumentFormat.OpenXml.Wordprocessing.Styles? styles)
    {
        foreach (var s in styles?.Elements<Style>() ?? [])
        {
            if (s.StyleId?.Value is { } id) byId.TryAdd(id, s);
        }

        Default = styles?.Elements<Style>().FirstOrDefault(s => s.Type?.InnerText == "paragraph" && s.Default?.InnerText is "1" or "true" or "on")?.StyleId?.Value ?? "Normal";
    }

    /// <summary>The document's default paragraph style.</summary>
    public string Default { get; }

    public string NameOf(string id) => byId.TryGetValue(id, out var s) ? s.StyleName?.Val?.Value ?? id : id;

    /// <summary>The heading level (1–9) a style gives: "heading N" by name, or an outline level through basedOn.</summary>
    public int? HeadingLevel(string id)
    {
        var name = NameOf(id);
        if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name["heading ".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
        {
            return n;
        }

        return Chain(id).Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).FirstOrDefault(v => v is not null) is { } level && level < 9 ? level + 1 : null;
    }

    /// <summary>The numbering a style carries (its own or a style's it is based on).</summary>
    public (int? NumId, int? Level) NumberingOf(string id)
    {
        foreach (var s in Chain(id))
        {
            if (s.StyleParagraphProperties?.NumberingProperties is { } numPr && (numPr.NumberingId is not null || numPr.NumberingLevelReference is not null))
            {
                return (numPr.NumberingId?.Val?.Value, numPr.NumberingLevelReference?.Val?.Value);
            }
        }

        return (null, null);
    }

    /// <summary>The left indent a style gives, in twips.</summary>
    public int? IndentOf(string id) =>
        Chain(id).Select(s => s.StyleParagraphProperties?.Indentation).FirstOrDefault(i => i is not null) is { } ind
            ? WordNumbering.Twips(ind.Left?.Value ?? ind.Start?.Value)
            : null;

    /// <summary>Whether a character style makes text bold or italic.</summary>
    public (bool Bold, bool Italic) RunLook(string? id)
    {
        if (id is null) return (false, false);
        var bold = false;
        var italic = false;
        foreach (var s in Chain(id).Reverse())
        {
            if (s.StyleRunProperties?.Bold is { } b) bold = b.Val?.Value ?? true;
            if (s.StyleRunProperties?.Italic is { } i) italic = i.Val?.Value ?? true;
        }

        return (bold, italic);
    }

    private IEnumerable<Style> Chain(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = id; current is not null && seen.Add(current) && byId.TryGetValue(current, out var s); current = s.BasedOn?.Val?.Value)
        {
            yield return s;
        }
    }
}
