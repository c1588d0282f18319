using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Import;

/// <summary>
/// A Word table as one of ours: the header row (marked as one, or a first row in bold) gives the columns; each column's
/// type is inferred from every cell under it — money (£, £000, £m in the heading or the cells; negatives in brackets),
/// percentages, numbers, dates and RAG ratings — and a column any of whose cells does not fit stays text. A row with
/// text only in its first cell, in bold, is a group row. Totals are kept as ordinary rows, so nothing is recomputed.
/// </summary>
internal static partial class TableImporter
{
    [GeneratedRegex(@"^(?<neg>-|−)?\(?(?<cur>£)?\s*(?<num>\d{1,3}(,\d{3})+|\d+)(?<dec>\.\d+)?\s*(?<unit>m|k)?\)?$")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"^(?<neg>-|−)?(?<num>\d{1,3}(,\d{3})+|\d+)(?<dec>\.\d+)?\s*%$")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberPattern();

    public static Table Table(SourceTable source, HouseStyle style)
    {
        var rows = source.Rows.Where(r => r.Cells.Count > 0).ToList();
        var width = rows.Count == 0 ? 1 : rows.Max(r => r.Cells.Count);
        var headerRows = rows.TakeWhile(r => r.IsHeader).Count();
        if (headerRows == 0 && rows.Count > 1 && rows[0].Cells.Where(x => x.Plain.Length > 0).All(x => x.AllBold) && rows[0].Cells.Any(x => x.Plain.Length > 0)) headerRows = 1;
        // Two header rows are read as one: their headings joined.
        var headings = Enumerable.Range(0, width).Select(i => string.Join(" ", rows.Take(headerRows).Select(r => i < r.Cells.Count ? r.Cells[i].Markdown() : string.Empty).Where(t => t.Length > 0))).ToList();
        var data = rows.Skip(headerRows).ToList();
        var columns = new List<TableColumn>();
        var parsed = new List<Func<SourceCell, TableCell>>();
        for (var i = 0; i < width; i++)
        {
            var cells = data.Where(r => !IsGroup(r, width)).Select(r => i < r.Cells.Count ? r.Cells[i].Plain : string.Empty).Where(t => t.Length > 0).ToList();
            var (column, parse) = Infer(headings[i], cells, style);
            columns.Add(column);
            parsed.Add(parse);
        }

        var tableRows = new List<TableRow>();
        foreach (var row in data)
        {
            if (IsGroup(row, width))
            {
                tableRows.Add(new TableRow(RowKind.Group, [new TableCell { Content = Importer.Text(new SourceText([.. row.Cells[0].Paragraphs.SelectMany(p => p.Text.Spans.Select(s => s with { Bold = false }))])), Text = row.Cells[0].Plain }]));
                continue;
            }

            tableRows.Add(new TableRow(RowKind.Data, Enumerable.Range(0, width).Select(i => i < row.Cells.Count ? parsed[i](row.Cells[i]) : new TableCell()).ToList()));
        }

        return new Table(columns, tableRows);
    }

    private static bool IsGroup(SourceRow row, int width) =>
        width > 1 && row.Cells.Count > 0 && row.Cells[0].Plain.Length > 0 && row.Cells[0].AllBold && row.Cells.Skip(1).All(x => x.Plain.Length == 0);

    private static TableCell TextCell(SourceCell cell)
    {
        if (cell.Plain.Length == 0) return new TableCell();
        var text = Importer.Text(new SourceText([.. cell.Paragraphs.SelectMany((p, i) => (i > 0 ? [new Span(" ", false, false)] : Array.Empty<Span>()).Concat(p.Text.Spans))]));
        return new TableCell { Text = text.Source, Content = text };
    }

    private static (TableColumn Column, Func<SourceCell, TableCell> Parse) Infer(string heading, List<string> cells, HouseStyle style)
    {
        var column = new TableColumn(RichText.Parse(heading));
        if (cells.Count == 0) return (column, TextCell);

        var ratings = new[] { "red", "amber", "green" }.ToDictionary(k => Wording.Key(style.WordFor("rating-" + k).PlainText is { Length: > 0 } w ? w : k), k => k.ToUpperInvariant());
        if (cells.All(t => ratings.ContainsKey(Wording.Key(t))))
        {
            return (column with { Type = ColumnType.Rag }, cell => cell.Plain.Length == 0 ? new TableCell() : new TableCell { Text = ratings[Wording.Key(cell.Plain)] });
        }

        if (cells.All(t => PercentPattern().IsMatch(t)))
        {
            var decimals = cells.Max(Decimals);
            return (column with { Type = ColumnType.Percent, Decimals = decimals }, cell => Number(cell, PercentPattern()));
        }

        var headingUnit = Regex.Match(heading, @"£\s*(000|m)\b|£'?000|£m|\(£\)|£", RegexOptions.IgnoreCase).Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal).Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        var money = cells.All(t => MoneyPattern().IsMatch(t)) && (headingUnit.Length > 0 || cells.Any(t => t.Contains('£', StringComparison.Ordinal)));
        if (money && cells.All(t => !t.Contains('£', StringComparison.Ordinal) && !t.EndsWith('m') && !t.EndsWith('k')))
        {
            // Figures as our tables print them: 1,234 and (1,234), the unit in the heading.
            var unit = headingUnit.ToLowerInvariant() switch { "£000" => "£000", "£m" => "£m", _ => "£" };
            var decimals = cells.Max(Decimals);
            if (cells.All(t => Formats(t, decimals)))
            {
                return (column with { Type = ColumnType.Money, Unit = unit, Decimals = decimals }, cell => Number(cell, MoneyPattern()));
            }
        }

        if (cells.All(t => NumberPattern().IsMatch(t)))
        {
            var decimals = cells.Max(Decimals);
            if (cells.All(t => Formats(t, decimals)))
            {
                return (column with { Type = ColumnType.Number, Decimals = decimals }, cell => Number(cell, NumberPattern()));
            }
        }

        if (cells.All(t => Regex.IsMatch(t, @"^\d{1,2} [A-Z][a-z]+ \d{4}$") && Wording.Date(t, "d MMMM yyyy") is { } d && d.ToString("d MMMM yyyy", English.Culture) == t))
        {
            return (column with { Type = ColumnType.Date }, cell => cell.Plain.Length == 0 ? new TableCell() : new TableCell { Date = Wording.Date(cell.Plain, "d MMMM yyyy") });
        }

        return (column, TextCell);
    }

    private static int Decimals(string text)
    {
        var m = Regex.Match(text, @"\.(\d+)");
        return m.Success ? m.Groups[1].Value.Length : 0;
    }

    /// <summary>Whether the figure prints back as it stands: thousands separators where en-GB puts them.</summary>
    private static bool Formats(string text, int decimals)
    {
        var bare = text.Trim('(', ')', '-', '−', '£', ' ', '%');
        return decimal.TryParse(bare.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            && n.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), English.Culture) == bare;
    }

    private static TableCell Number(SourceCell cell, Regex pattern)
    {
        var text = cell.Plain;
        if (text.Length == 0) return new TableCell();
        var m = pattern.Match(text);
        var digits = (m.Groups["num"].Success ? m.Groups["num"].Value : text.TrimStart('-')).Replace(",", string.Empty, StringComparison.Ordinal) + (m.Groups["dec"].Success ? m.Groups["dec"].Value : string.Empty);
        if (!pattern.ToString().Contains("dec", StringComparison.Ordinal)) digits = text.TrimStart('-').Replace(",", string.Empty, StringComparison.Ordinal);
        var value = decimal.Parse(digits, NumberStyles.Number, CultureInfo.InvariantCulture);
        var negative = text.StartsWith('(') || text.StartsWith('-') || text.StartsWith('−');
        return new TableCell { Number = negative ? -value : value };
    }
}
