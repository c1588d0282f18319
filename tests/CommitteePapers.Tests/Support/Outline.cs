using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Humanizer;

namespace CommitteePapers.Tests.Support;

/// <summary>
/// Reads a .docx back as a readable outline: each paragraph with the number Word would show, computed from
/// numbering.xml and each paragraph's numPr the way Word counts (not from what our writer meant to write).
/// </summary>
internal static class DocumentOutline
{
    public sealed record Line(string Style, string? Number, string Text, int? NumId, int Level);

    public static IReadOnlyList<Line> Read(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var main = doc.MainDocumentPart!;
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        var abstracts = numbering?.Elements<AbstractNum>().ToDictionary(a => a.AbstractNumberId!.Value) ?? [];
        var nums = numbering?.Elements<NumberingInstance>().ToDictionary(n => n.NumberID!.Value) ?? [];
        var counters = new Dictionary<string, int[]>();
        var lines = new List<Line>();
        foreach (var p in main.Document!.Body!.Elements<Paragraph>())
        {
            var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal";
            var text = string.Concat(p.Descendants<Text>().Select(t => t.Text));
            var numPr = p.ParagraphProperties?.NumberingProperties;
            if (numPr?.NumberingId?.Val is null)
            {
                lines.Add(new Line(style, null, text, null, 0));
                continue;
            }

            var numId = numPr.NumberingId.Val.Value;
            var level = numPr.NumberingLevelReference?.Val?.Value ?? 0;
            var num = nums[numId];
            var abstractNum = abstracts[num.AbstractNumId!.Val!.Value];
            var overrides = num.Elements<LevelOverride>().ToList();
            // Word: instances with start overrides count on their own; others share the abstract's counters.
            var key = overrides.Count > 0 ? "num" + numId : "abstract" + abstractNum.AbstractNumberId!.Value;
            var levels = abstractNum.Elements<Level>().ToList();
            if (!counters.TryGetValue(key, out var count))
            {
                count = new int[9];
                for (var i = 0; i < levels.Count; i++)
                {
                    var start = overrides.FirstOrDefault(o => o.LevelIndex?.Value == i)?.StartOverrideNumberingValue?.Val?.Value
                        ?? levels[i].StartNumberingValue?.Val?.Value ?? 1;
                    count[i] = start - 1;
                }

                counters[key] = count;
            }

            count[level]++;
            for (var deeper = level + 1; deeper < levels.Count; deeper++)
            {
                count[deeper] = (levels[deeper].StartNumberingValue?.Val?.Value ?? 1) - 1;
            }

            var lvl = levels[level];
            var label = lvl.LevelText!.Val!.Value!;
            for (var i = 0; i <= level; i++)
            {
                label = label.Replace("%" + (i + 1), Format(levels[i].NumberingFormat!.Val!.Value, count[i]), StringComparison.Ordinal);
            }

            if (lvl.NumberingFormat!.Val!.Value == NumberFormatValues.Bullet) label = "•";
            lines.Add(new Line(style, label, text, numId, level));
        }

        return lines;
    }

    /// <summary>The outline as text for snapshots: headings, numbers and the first words of each paragraph.</summary>
    public static string Render(byte[] docx)
    {
        var sb = new StringBuilder();
        foreach (var line in Read(docx))
        {
            var words = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = string.Join(' ', words.Take(8)) + (words.Length > 8 ? " …" : string.Empty);
            var indent = line.Style == "ListParagraph" ? new string(' ', 2 * (line.Level + 1)) : string.Empty;
            var prefix = line.Style.StartsWith("Heading", StringComparison.Ordinal)
                ? new string('#', int.Parse(line.Style["Heading".Length..], CultureInfo.InvariantCulture)) + " "
                : string.Empty;
            sb.Append(indent).Append(prefix);
            if (line.Number is not null) sb.Append(line.Number).Append(' ');
            sb.AppendLine(start);
        }

        return sb.ToString();
    }

    private static string Format(NumberFormatValues format, int n)
    {
        if (format == NumberFormatValues.LowerLetter) return new string((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);
        if (format == NumberFormatValues.UpperLetter) return new string((char)('A' + ((n - 1) % 26)), ((n - 1) / 26) + 1);
        if (format == NumberFormatValues.LowerRoman) return n.ToRoman().ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return n.ToRoman();
        return n.ToString(CultureInfo.InvariantCulture);
    }
}
