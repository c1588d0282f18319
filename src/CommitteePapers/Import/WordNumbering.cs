using System.Globalization;
using System.Xml.Linq;
using CommitteePapers.Definition;
using Humanizer;
using static CommitteePapers.Definition.WordFile;

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
    private readonly Dictionary<int, XElement> abstracts = [];
    private readonly Dictionary<int, XElement> nums = [];
    private readonly StyleSheet styles;
    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool[]> used = new(StringComparer.Ordinal);

    public WordNumbering(XElement? numbering, StyleSheet styles)
    {
        this.styles = styles;
        foreach (var a in numbering?.Elements(W + "abstractNum") ?? [])
        {
            if (Int(a, "abstractNumId") is { } id) abstracts.TryAdd(id, a);
        }

        foreach (var n in numbering?.Elements(W + "num") ?? [])
        {
            if (Int(n, "numId") is { } id) nums.TryAdd(id, n);
        }
    }

    /// <summary>Counts the paragraph if it is numbered and returns its label, with the indent its list level gives.</summary>
    public (NumberLabel? Label, int? Indent) Count(XElement? pPr, string styleId)
    {
        var numPr = pPr?.Element(W + "numPr");
        var numId = Int(numPr?.Element(W + "numId"));
        var ilvl = Int(numPr?.Element(W + "ilvl"));
        if (numId is null)
        {
            var fromStyle = styles.NumberingOf(styleId);
            numId = fromStyle.NumId;
            ilvl ??= fromStyle.Level;
        }

        if (numId is not { } id || id == 0 || !nums.TryGetValue(id, out var num)) return (null, null);
        if (Definition(num) is not { } abstractNum) return (null, null);
        var abstractId = Int(abstractNum, "abstractNumId")!.Value;
        // A style linked to a level of the definition (w:pStyle in w:lvl) numbers at that level.
        ilvl ??= Int(abstractNum.Elements(W + "lvl").FirstOrDefault(l => Val(l.Element(W + "pStyle")) == styleId), "ilvl") ?? 0;
        var level = Math.Clamp(ilvl.Value, 0, 8);
        var levels = Levels(abstractNum, num);
        if (!levels.TryGetValue(level, out var lvl)) return (null, null);

        var overrides = num.Elements(W + "lvlOverride").Where(o => o.Element(W + "startOverride") is not null).ToList();
        var key = overrides.Count > 0 ? "num" + id.ToString(CultureInfo.InvariantCulture) : "abstract" + abstractId.ToString(CultureInfo.InvariantCulture);
        if (!counters.TryGetValue(key, out var count))
        {
            count = new int[9];
            for (var i = 0; i < 9; i++)
            {
                var start = Int(overrides.FirstOrDefault(o => Int(o, "ilvl") == i)?.Element(W + "startOverride"))
                    ?? (levels.TryGetValue(i, out var l) ? Start(l) : null) ?? 1;
                count[i] = start - 1;
            }

            counters[key] = count;
            used[key] = new bool[9];
        }

        count[level]++;
        used[key][level] = true;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            var restart = levels.TryGetValue(deeper, out var d) ? Int(d.Element(W + "lvlRestart")) : null;
            // No lvlRestart: restart after any level above. 0: never. n: after level n (1-based) or one above it.
            if (restart is null || (restart.Value != 0 && level <= restart.Value - 1))
            {
                count[deeper] = (Start(d) ?? 1) - 1;
                used[key][deeper] = false;
            }
        }

        var format = FormatName(lvl);
        var text = Val(lvl.Element(W + "lvlText")) ?? string.Empty;
        var legal = OnOff(lvl.Element(W + "isLgl")) ?? false;
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

        var indent = Indent(lvl.Element(W + "pPr")?.Element(W + "ind"));
        return (label.Length == 0 ? null : new NumberLabel(label, id, level, format, Math.Max(1, counted)), indent);
    }

    private static int? Start(XElement? lvl) => Int(lvl?.Element(W + "start"));

    private XElement? Definition(XElement num)
    {
        // A numbering style's definition points, through the style, to the definition that holds the levels.
        var seen = new HashSet<int>();
        var abstractId = Int(num.Element(W + "abstractNumId"));
        while (abstractId is { } aid && abstracts.TryGetValue(aid, out var a) && seen.Add(aid))
        {
            var link = Val(a.Element(W + "numStyleLink"));
            if (link is null || a.Elements(W + "lvl").Any()) return a;
            var linkedNum = styles.NumberingOf(link).NumId;
            if (linkedNum is not { } n || !nums.TryGetValue(n, out var target)) return a;
            abstractId = Int(target.Element(W + "abstractNumId"));
        }

        return abstractId is { } last && abstracts.TryGetValue(last, out var found) ? found : null;
    }

    private static Dictionary<int, XElement> Levels(XElement abstractNum, XElement num)
    {
        var levels = new Dictionary<int, XElement>();
        foreach (var l in abstractNum.Elements(W + "lvl"))
        {
            if (Int(l, "ilvl") is { } i) levels[i] = l;
        }

        // An instance may replace a level outright (w:lvlOverride/w:lvl).
        foreach (var o in num.Elements(W + "lvlOverride"))
        {
            if (Int(o, "ilvl") is { } i && o.Element(W + "lvl") is { } replaced) levels[i] = replaced;
        }

        return levels;
    }

    /// <summary>The level's number format as numbering.xml writes it ("decimal", "lowerLetter", "bullet").</summary>
    private static string FormatName(XElement lvl) => Val(lvl.Element(W + "numFmt")) is { Length: > 0 } name ? name : "decimal";

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

    /// <summary>The left indent (w:left, or w:start as newer files write it) of a w:ind, in twips.</summary>
    public static int? Indent(XElement? ind) => Int(ind, "left") ?? Int(ind, "start");
}

/// <summary>What the importer needs of a document's styles: names, heading levels, numbering and indents, through basedOn.</summary>
internal sealed class StyleSheet
{
    private readonly Dictionary<string, XElement> byId = new(StringComparer.Ordinal);

    public StyleSheet(XElement? styles)
    {
        foreach (var s in styles?.Elements(W + "style") ?? [])
        {
            if (Attribute(s, "styleId") is { } id) byId.TryAdd(id, s);
        }

        Default = Attribute(styles?.Elements(W + "style").FirstOrDefault(s => Attribute(s, "type") == "paragraph" && Attribute(s, "default") is "1" or "true" or "on"), "styleId") ?? "Normal";
    }

    /// <summary>The document's default paragraph style.</summary>
    public string Default { get; }

    public string NameOf(string id) => byId.TryGetValue(id, out var s) ? Val(s.Element(W + "name")) ?? id : id;

    /// <summary>The heading level (1–9) a style gives: "heading N" by name, or an outline level through basedOn.</summary>
    public int? HeadingLevel(string id)
    {
        var name = NameOf(id);
        if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name["heading ".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
        {
            return n;
        }

        return Chain(id).Select(s => Int(s.Element(W + "pPr")?.Element(W + "outlineLvl"))).FirstOrDefault(v => v is not null) is { } level && level < 9 ? level + 1 : null;
    }

    /// <summary>The numbering a style carries (its own or a style's it is based on).</summary>
    public (int? NumId, int? Level) NumberingOf(string id)
    {
        foreach (var s in Chain(id))
        {
            if (s.Element(W + "pPr")?.Element(W + "numPr") is { } numPr && (numPr.Element(W + "numId") is not null || numPr.Element(W + "ilvl") is not null))
            {
                return (Int(numPr.Element(W + "numId")), Int(numPr.Element(W + "ilvl")));
            }
        }

        return (null, null);
    }

    /// <summary>The left indent a style gives, in twips.</summary>
    public int? IndentOf(string id) =>
        Chain(id).Select(s => s.Element(W + "pPr")?.Element(W + "ind")).FirstOrDefault(i => i is not null) is { } ind ? WordNumbering.Indent(ind) : null;

    /// <summary>Whether a character style makes text bold or italic.</summary>
    public (bool Bold, bool Italic) RunLook(string? id)
    {
        if (id is null) return (false, false);
        var bold = false;
        var italic = false;
        foreach (var s in Chain(id).Reverse())
        {
            var rPr = s.Element(W + "rPr");
            bold = OnOff(rPr?.Element(W + "b")) ?? bold;
            italic = OnOff(rPr?.Element(W + "i")) ?? italic;
        }

        return (bold, italic);
    }

    private IEnumerable<XElement> Chain(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = id; current is not null && seen.Add(current) && byId.TryGetValue(current, out var s); current = Val(s.Element(W + "basedOn")))
        {
            yield return s;
        }
    }
}
