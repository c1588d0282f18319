using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Import;

/// <summary>
/// Imports a Word paper: reads it (<see cref="DocxReader"/>), tells its kind from the house style's front blocks, reads
/// its parts as that kind, and writes the YAML (<see cref="YamlPaperWriter"/>). Never throws on bad input.
/// </summary>
internal static partial class Importer
{
    private static readonly string[] Kinds = ["report", "minutes", "notice", "cabinet-member-update", "document"];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static ImportResult Import(byte[] bytes, string file, ImportOptions options, HouseStyle style, IReadOnlyList<HouseStyle> others)
    {
        var diagnostics = new DiagnosticBag();
        var empty = new ImportSummary("none", 0, 0, 0, 0);
        var source = DocxReader.Read(bytes, file, diagnostics);
        if (source is null) return new ImportResult(null, null, diagnostics.ToSortedList(), empty);

        var notes = new Notes(file, diagnostics);
        var context = new ImportContext(source, style, others, notes);
        var (kind, front) = Kinds
            .Where(k => k == "document" || style.FrontBlocks.ContainsKey(k))
            .Select(k => (Kind: k, Front: context.MatchFront(k, 0)))
            .OrderByDescending(x => x.Front.Score)
            .ThenBy(x => Array.IndexOf(Kinds, x.Kind))
            .First();
        Paper paper = kind switch
        {
            "minutes" => new MeetingImporter(context).Minutes(front),
            "notice" => new MeetingImporter(context).Notice(front),
            "cabinet-member-update" => new ReportImporter(context).Update(front),
            "document" => new ReportImporter(context).Document(front),
            _ => new ReportImporter(context).Report(front),
        };
        paper = paper with
        {
            Style = options.StyleReference ?? style.Name,
            Footnotes = source.Footnotes.Select(f => new Footnote(f.Key, Text(f.Value))).ToList(),
        };
        var yaml = YamlPaperWriter.Write(paper, notes, options.SchemaLocation);
        var paragraphs = source.Body.OfType<SourceParagraph>().Count(p => p.HeadingLevel is null);
        var summary = new ImportSummary(kind, paragraphs, source.Body.OfType<SourceTable>().Count(), source.Footnotes.Count, notes.UncertainCount);
        return new ImportResult(yaml, paper, diagnostics.ToSortedList(), summary);
    }

    /// <summary>
    /// Text as the paper's inline Markdown, checked by reading it back: if the Markdown would not read as the same words
    /// (emphasis Markdown cannot express there), the text is written without its emphasis, never with its words changed.
    /// </summary>
    public static RichText Text(SourceText text, bool emphasis = true)
    {
        var want = Normal(text.Plain);
        foreach (var withEmphasis in emphasis ? new[] { true, false } : [false])
        {
            var markdown = text.Markdown(withEmphasis).Trim();
            var parsed = RichText.Parse(markdown);
            if (Normal(parsed.PlainText) == want && parsed.Problems.Count == 0) return parsed;
        }

        return RichText.Parse(InlineWriter.Escape(want, atStart: true));
    }

    /// <summary>Text compared as a reader sees it: single spaces, none at the ends.</summary>
    public static string Normal(string text) => Spaces().Replace(text, " ").Trim();
}

/// <summary>One import's document, style and notes, with the recognition every kind of paper shares.</summary>
internal sealed class ImportContext
{
    private readonly Dictionary<string, string> headings = new(StringComparer.Ordinal);

    public ImportContext(SourceDocument source, HouseStyle style, IReadOnlyList<HouseStyle> others, Notes notes)
    {
        Source = source;
        Style = style;
        Others = others;
        Notes = notes;
        Body = source.Body;
        // The chosen style's headings first; other councils' wording is recognised where it does not clash.
        foreach (var s in new[] { style }.Concat(others))
        {
            foreach (var (key, heading) in s.Headings)
            {
                var k = Wording.Key(heading);
                if (k.Length > 0) headings.TryAdd(k, key);
            }

            foreach (var (name, block) in s.Blocks)
            {
                if (block.Heading is { } h && Wording.Key(h) is { Length: > 0 } k) headings.TryAdd(k, "block." + name);
            }

            if (s.BodyHeading is { } body && Wording.Key(body) is { Length: > 0 } bk) headings.TryAdd(bk, "body");
        }

        NumbersParagraphs = Body.OfType<SourceParagraph>().Any(p => p.HeadingLevel is null && (p.Number is { IsOutline: true } || IsTypedOutline(p.TypedNumber)));
    }

    public SourceDocument Source { get; }

    public IReadOnlyList<SourceBlock> Body { get; }

    public HouseStyle Style { get; }

    public IReadOnlyList<HouseStyle> Others { get; }

    public Notes Notes { get; }

    /// <summary>Whether the document numbers its paragraphs (so an unnumbered paragraph continues the one before).</summary>
    public bool NumbersParagraphs { get; }

    public static bool IsTypedOutline(string? typed) => typed is { Length: > 0 } t && char.IsDigit(t[0]) && !t.EndsWith(')');

    /// <summary>The standard key a heading or label's text names ("summary", "implications.financial", "reason"), or null.</summary>
    public string? KeyOf(string text)
    {
        var key = Wording.Key(DocxReader.TypedNumber(new SourceText([new Span(text, false, false)])).Text.Plain);
        return key.Length > 0 && headings.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>A label at the start of a paragraph ("Reason:", "Wards Affected:") naming one of <paramref name="keys"/>, and the text after it.</summary>
    public (string Key, SourceText After)? Label(SourceParagraph p, params string[] keys)
    {
        foreach (var s in new[] { Style }.Concat(Others))
        {
            foreach (var key in keys)
            {
                if (!s.Headings.TryGetValue(key, out var heading) || heading.Trim().Length == 0) continue;
                var match = Wording.Match([new Run(heading)], p.Text.Plain, prefix: true, out _);
                if (match is null) continue;
                var length = int.Parse(match[":length"], System.Globalization.CultureInfo.InvariantCulture);
                // The label must end at a word's end: "Reasons for" is not "Reason".
                if (length < p.Text.Plain.Length && char.IsLetterOrDigit(p.Text.Plain[length]) && char.IsLetterOrDigit(p.Text.Plain[length - 1])) continue;
                return (key, p.Text.From(length));
            }
        }

        return null;
    }

    /// <summary>Whether a paragraph reads as a heading: a heading style or outline level, or (where the document uses no heading styles) a short line all in bold.</summary>
    public int? HeadingLevel(SourceParagraph p)
    {
        if (p.HeadingLevel is { } level) return level;
        if (Source.HasHeadingStyles || p.IsTitle || p.Number is not null) return null;
        var text = p.Plain;
        return p.Text.AllBold && text.Length <= 120 && !text.EndsWith('.') && p.Text.Spans.All(s => s.Footnote is null) ? 1 : null;
    }

    // ---- front blocks -----------------------------------------------------------------------------------

    /// <summary>How well the document's first blocks match a kind's front block, and the values they give.</summary>
    public FrontMatch MatchFront(string kind, int start)
    {
        var lines = Style.FrontBlocks.TryGetValue(kind, out var l) ? l : [];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new bool[lines.Count];
        var score = 0;
        var pos = start;
        // Where the last line with words of its own (or a date, or the title in a title style) matched: a line that is
        // only a placeholder ("{meeting}") after it could as well be the paper's first paragraph.
        var anchored = start;
        var matchedLines = new List<(int At, Dictionary<string, string> Values)>();
        while (pos < Body.Count)
        {
            var block = Body[pos];
            var matched = false;
            if (block is SourceParagraph p)
            {
                if (p.Number is not null) break;
                // A heading ends the front block, unless it is the title (a title typed as a bold line).
                var heading = (p.HeadingLevel is not null && !p.IsTitle) || HeadingLevel(p) is not null;
                var best = -1;
                var bestScore = -1;
                Dictionary<string, string>? bestValues = null;
                for (var i = 0; i < lines.Count; i++)
                {
                    if (used[i] || lines[i].Table is not null) continue;
                    if (heading && lines[i].Role != "title") continue;
                    if (!RoleFits(lines[i], p, lines)) continue;
                    var got = Wording.Match(Prepared(lines[i].Text), p.Plain, prefix: false, out var literal);
                    if (got is null || !DatesParse(got)) continue;
                    // A role line (title, subtitle) is the best place for a paragraph in that style, the worst for any other.
                    var role = lines[i].Role switch
                    {
                        "title" => p.IsTitle || heading ? 5 : -1,
                        "subtitle" => p.IsSubtitle ? 5 : -1,
                        _ => 0,
                    };
                    var s = (literal * 4) + (got.Keys.Any(k => k.EndsWith(":format", StringComparison.Ordinal)) ? 6 : 0) + role;
                    if (s > bestScore)
                    {
                        best = i;
                        bestScore = s;
                        bestValues = got;
                    }
                }

                if (best < 0 && heading) break;
                if (best >= 0)
                {
                    used[best] = true;
                    score += bestScore + 3;
                    if (bestScore > 0) anchored = pos + 1;
                    matchedLines.Add((pos, bestValues!));
                    matched = true;
                }
            }
            else if (block is SourceTable t)
            {
                for (var i = 0; i < lines.Count && !matched; i++)
                {
                    if (used[i] || lines[i].Table is not { } rows) continue;
                    if (MatchTable(lines[i], rows, t, values) is { } s and > 0)
                    {
                        used[i] = true;
                        score += s;
                        matched = true;
                        anchored = pos + 1;
                    }
                }
            }

            if (!matched) break;
            pos++;
        }

        if (anchored == start) return new FrontMatch(kind, new Dictionary<string, string>(), start, 0);
        foreach (var (at, got) in matchedLines.Where(m => m.At < anchored))
        {
            foreach (var (k, v) in got) values.TryAdd(k, v);
        }

        return new FrontMatch(kind, values, anchored, score);
    }

    private bool RoleFits(FrontLine line, SourceParagraph p, IReadOnlyList<FrontLine> lines)
    {
        var hasTitleLine = lines.Any(x => x.Role == "title");
        var hasSubtitleLine = lines.Any(x => x.Role == "subtitle");
        if (line.Role == "title") return p.IsTitle || (!Source.Body.OfType<SourceParagraph>().Any(x => x.IsTitle) && p.Text.AllBold);
        if (line.Role == "subtitle") return p.IsSubtitle || !p.IsTitle;
        if (p.IsTitle && hasTitleLine) return false;
        if (p.IsSubtitle && hasSubtitleLine) return false;
        return true;
    }

    /// <summary>A line's wording with the council's name as the literal it is, and dates in the style's format where the line gives none.</summary>
    private IReadOnlyList<Inline> Prepared(RichText text) => text.Inlines.Select(i => i switch
    {
        Placeholder { Name: "council" } when Style.Council.Length > 0 => new Run(Style.Council),
        Placeholder { Format: null } p when IsDateName(p.Name) => p with { Format = Style.DateFormat },
        _ => i,
    }).ToList();

    private bool IsDateName(string name) =>
        name is "date" or "publication-date" || Style.Fields.Any(f => f.Name == name && f.Type == FieldType.Date);

    private static bool DatesParse(Dictionary<string, string> values) =>
        values.Where(v => v.Key.EndsWith(":format", StringComparison.Ordinal))
              .All(v => Wording.Date(values[v.Key[..^":format".Length]], v.Value) is not null);

    private int? MatchTable(FrontLine line, IReadOnlyList<IReadOnlyList<RichText>> rows, SourceTable table, Dictionary<string, string> values)
    {
        var score = 0;
        if (line.TableHeader)
        {
            // A header row of literals, then rows of placeholders in the same columns.
            if (rows.Count == 0 || table.Rows.Count == 0) return null;
            var header = table.Rows[0].Cells;
            for (var c = 0; c < rows[0].Count && c < header.Count; c++)
            {
                if (Wording.Match(Prepared(rows[0][c]), header[c].Plain, false, out var literal) is null) return null;
                score += (literal * 4) + 3;
            }

            for (var r = 1; r < rows.Count && r < table.Rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Count && c < table.Rows[r].Cells.Count; c++)
                {
                    if (Wording.Match(Prepared(rows[r][c]), table.Rows[r].Cells[c].Plain, false, out _) is { } got && DatesParse(got))
                    {
                        foreach (var (k, v) in got) values.TryAdd(k, v);
                        score += 3;
                    }
                }
            }

            return score;
        }

        // Label | value rows; rows whose values were empty were left out.
        foreach (var row in table.Rows)
        {
            if (row.Cells.Count < 2) return null;
            var template = rows.FirstOrDefault(t => t.Count >= 2 && Wording.Match(Prepared(t[0]), row.Cells[0].Plain, false, out _) is not null);
            if (template is null) return null;
            score += 8;
            if (Wording.Match(Prepared(template[1]), row.Cells[1].Plain, false, out _) is { } got && DatesParse(got))
            {
                foreach (var (k, v) in got) values.TryAdd(k, v);
            }
        }

        return score;
    }
}

/// <summary>The front block as matched: the values of its placeholders and the first block after it.</summary>
internal sealed record FrontMatch(string Kind, IReadOnlyDictionary<string, string> Values, int Consumed, int Score)
{
    public string? this[string name] => Values.TryGetValue(name, out var v) ? v : null;

    public DateOnly? Date(string name) => this[name] is { } v ? Wording.Date(v, Values.TryGetValue(name + ":format", out var f) ? f : null) : null;
}
