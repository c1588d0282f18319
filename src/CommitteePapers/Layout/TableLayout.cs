using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using static CommitteePapers.Layout.PaperLayout;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out tables: checks and computes totals, formats numbers as the councils print them, derives KPI RAG
/// ratings and directions of travel, and sets column widths from the content so numbers never wrap.
/// </summary>
internal static class TableLayout
{
    public static readonly IReadOnlyDictionary<string, string> RagFill = new Dictionary<string, string>
    {
        ["GREEN"] = "C6EFCE",
        ["AMBER"] = "FFEB9C",
        ["RED"] = "FFC7CE",
    };

    /// <summary>Lays out a table; <paramref name="landscape"/> says whether it needs a landscape page to fit.</summary>
    public static PendingTable Lay(Table table, HouseStyle style, TextMetrics metrics, PageGeometry page, DiagnosticBag diagnostics, out bool landscape)
    {
        // The reader refuses 'columns: []'; a table built in code must be refused too, not printed as an empty header.
        if (table.Columns.Count == 0) diagnostics.Error(DiagnosticCode.MissingField, table.At, "A table needs at least one column; give it its column headings.");
        var decimals = table.Columns.Select((c, i) => ColumnDecimals(c, table.Rows.Select(r => r.Kind == RowKind.Group || i >= r.Cells.Count ? null : r.Cells[i].Number))).ToList();
        var rows = WithTotals(table, decimals, diagnostics);
        var text = rows.Select(r => r.Kind == RowKind.Group
            ? [r.Cells[0].Content?.PlainText ?? string.Empty, .. Enumerable.Repeat(string.Empty, table.Columns.Count - 1)]
            : r.Cells.Select((c, i) => table.Columns[i].Type switch
            {
                ColumnType.Text => c.Content?.PlainText ?? string.Empty,
                ColumnType.Rag or ColumnType.DirectionOfTravel => Rating(style, c.Text),
                _ => Format(c, table.Columns[i], decimals[i]),
            }).ToArray()).ToList();
        var numeric = table.Columns.Select(c => c.Type is ColumnType.Number or ColumnType.Money or ColumnType.Percent or ColumnType.Date or ColumnType.Rag or ColumnType.DirectionOfTravel).ToList();
        // The widths count the printed text, so a column is as wide as its widest number: it never wraps. A table
        // too wide for the page gets a smaller type first, then a landscape page.
        var printedHeadings = table.Columns.Select(c => Heading(c, style)).ToList();
        var headings = printedHeadings.Select(h => h.Plain).ToList();
        landscape = table.Landscape;
        var size = style.BodySize - 2;
        var widths = Widths(metrics, page, landscape, size, headings, text, numeric);
        while (widths.Sum() > TextWidth(page, landscape) && size > 8)
        {
            size--;
            widths = Widths(metrics, page, landscape, size, headings, text, numeric);
        }

        if (widths.Sum() > TextWidth(page, landscape) && !landscape)
        {
            landscape = true;
            size = style.BodySize - 2;
            widths = Widths(metrics, page, landscape, size, headings, text, numeric);
            while (widths.Sum() > TextWidth(page, landscape) && size > 7)
            {
                size--;
                widths = Widths(metrics, page, landscape, size, headings, text, numeric);
            }
        }

        var header = new PendingRow(table.Columns.Select((c, i) => new PendingCell(ParaStyle.TableHeading, [printedHeadings[i].Pieces])
        {
            Align = numeric[i] && c.Type is not (ColumnType.Rag or ColumnType.DirectionOfTravel) ? Align.Right : Align.Left,
            Size = size,
            Unit = UnitShown(c, printedHeadings[i].Plain, style),
        }).ToList(), IsHeader: true);
        var body = new List<PendingRow> { header };
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var bold = row.Kind != RowKind.Data;
            body.Add(new PendingRow(text[r].Select((t, i) => new PendingCell(ParaStyle.TableText, [Content(row, i, t, table.Columns[i])])
            {
                Align = row.Kind != RowKind.Group && numeric[i] && table.Columns[i].Type is not (ColumnType.Rag or ColumnType.DirectionOfTravel) ? Align.Right : Align.Left,
                Bold = bold,
                NoWrap = numeric[i] && row.Kind != RowKind.Group,
                Fill = table.Columns[i].Type == ColumnType.Rag && i < row.Cells.Count && RagFill.TryGetValue(row.Cells[i].Text ?? string.Empty, out var fill) ? fill : null,
                Size = size,
            }).ToList(), IsHeader: false));
        }

        return new PendingTable(widths, body, Borders: true, table.Caption?.PlainText);
    }

    /// <summary>
    /// A column's heading as printed: a money column's unit after it, as councils print them ("Budget £000", "Forecast
    /// £m"; the style's word unit-heading says how), unless the heading already names it (any '£' in it). Decided here,
    /// so every writer prints the same heading.
    /// </summary>
    internal static (IReadOnlyList<Piece> Pieces, string Plain) Heading(TableColumn column, HouseStyle style)
    {
        if (column.Type != ColumnType.Money || string.IsNullOrEmpty(column.Unit) || column.Heading.PlainText.Contains('£', StringComparison.Ordinal))
        {
            return ([new TextPiece(column.Heading)], column.Heading.PlainText);
        }

        var pieces = new List<Piece>();
        var plain = new System.Text.StringBuilder();
        foreach (var inline in style.WordFor("unit-heading").Inlines)
        {
            switch (inline)
            {
                case Placeholder { Name: "heading" }:
                    pieces.Add(new TextPiece(column.Heading));
                    plain.Append(column.Heading.PlainText);
                    break;
                case Placeholder { Name: "unit" } p:
                    pieces.Add(new ReadyPiece(new LText(column.Unit, p.Bold, p.Italic)));
                    plain.Append(column.Unit);
                    break;
                case Run r:
                    pieces.Add(new ReadyPiece(new LText(r.Text, r.Bold, r.Italic)));
                    plain.Append(r.Text);
                    break;
                case LineBreak:
                    pieces.Add(new ReadyPiece(new LBreak()));
                    plain.Append(' ');
                    break;
            }
        }

        return (pieces, plain.ToString());
    }

    /// <summary>A RAG rating or direction of travel as the style words it ("GREEN", "Green", "G"); the data word when it has none.</summary>
    private static string Rating(HouseStyle style, string? value) =>
        value is null ? string.Empty : style.Words.TryGetValue("rating-" + value.ToLowerInvariant(), out var word) ? word.PlainText : value;

    /// <summary>
    /// A figure column's unit as a web page's heading should show it ("(£000)"), when the heading as printed does not name
    /// it already ("Budget £000" and "2020/21 £'000" do, and so does a money heading that unit-heading completed): a
    /// figure means nothing without its unit.
    /// </summary>
    private static string? UnitShown(TableColumn column, string printedHeading, HouseStyle style)
    {
        if (column.Unit is not { Length: > 0 } unit || column.Type is not (ColumnType.Money or ColumnType.Number)) return null;
        static string Bare(string s) => new string(s.Where(c => !char.IsWhiteSpace(c) && c is not ('\'' or '’')).ToArray());
        if (Bare(printedHeading).Contains(Bare(unit), StringComparison.OrdinalIgnoreCase)) return null;
        return Wording.Plain(style, "web-unit", new Dictionary<string, object?> { ["unit"] = unit });
    }

    /// <summary>What a cell prints: a text cell's own text (inline Markdown, read once); a figure, a date or a rating literally.</summary>
    private static IReadOnlyList<Piece> Content(TableRow row, int column, string printed, TableColumn type)
    {
        var cell = column < row.Cells.Count ? row.Cells[column] : null;
        if ((type.Type == ColumnType.Text || row.Kind == RowKind.Group) && cell?.Content is { } content) return [new TextPiece(content)];
        return printed.Length == 0 ? [] : [new ReadyPiece(new LText(printed))];
    }

    /// <summary>Checks declared totals and subtotals against their rows and fills in those left empty.</summary>
    private static List<TableRow> WithTotals(Table table, IReadOnlyList<int> decimals, DiagnosticBag diagnostics)
    {
        var result = new List<TableRow>(table.Rows.Count);
        var columns = table.Columns;
        var sinceGroup = new decimal[columns.Count];
        var all = new decimal[columns.Count];

        // A column whose numbers add up past decimal's range (about 7.9 × 10^28) has no total that can be worked out;
        // it gets one error, at the cell where the sum passed the range, and no worked-out totals.
        var overflowed = new bool[columns.Count];
        var countSince = 0;
        var countAll = 0;
        foreach (var row in table.Rows)
        {
            switch (row.Kind)
            {
                case RowKind.Group:
                    Array.Clear(sinceGroup);
                    countSince = 0;
                    result.Add(row);
                    break;
                case RowKind.Data:
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (row.Cells[i].Number is not { } n || overflowed[i]) continue;
                        if (!TryAdd(sinceGroup[i], n, out var group) || !TryAdd(all[i], n, out var total))
                        {
                            overflowed[i] = true;
                            if (columns[i].Type is ColumnType.Number or ColumnType.Money)
                            {
                                diagnostics.Error(DiagnosticCode.TotalTooLarge, row.Cells[i].At,
                                    $"The numbers in '{columns[i].Heading}' add up past {decimal.MaxValue.ToString("N0", English.Culture)}, more than any total can hold; check the figures, or give them in a larger unit (such as £m).");
                            }

                            continue;
                        }

                        sinceGroup[i] = group;
                        all[i] = total;
                    }

                    countSince++;
                    countAll++;
                    result.Add(row);
                    break;
                default:
                    var sums = row.Kind == RowKind.Subtotal ? sinceGroup : all;
                    var count = row.Kind == RowKind.Subtotal ? countSince : countAll;
                    var cells = new List<TableCell>(row.Cells);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (columns[i].Type is not (ColumnType.Number or ColumnType.Money) || overflowed[i]) continue;
                        var declared = row.Cells[i].Number;
                        if (declared is null)
                        {
                            if (row.Cells[i].IsEmpty) cells[i] = row.Cells[i] with { Number = sums[i] };
                            continue;
                        }

                        // Checked at the precision the column is printed with.
                        var shown = decimals[i];
                        var tolerance = Math.Max(0.5m, 0.5m * count) * Unit(shown);
                        if (!TrySubtract(declared.Value, sums[i], out var difference) || Math.Abs(difference) > tolerance)
                        {
                            var word = row.Kind == RowKind.Subtotal ? "subtotal" : "total";
                            diagnostics.Error(DiagnosticCode.WrongTotal, row.Cells[i].At,
                                $"The {word} of '{columns[i].Heading.PlainText}' is {Format(row.Cells[i], columns[i], shown)} but its rows add up to {Format(new TableCell { Number = sums[i] }, columns[i], shown)}; correct the figure, or write ~ to have it worked out.");
                        }
                    }

                    if (row.Kind == RowKind.Subtotal)
                    {
                        Array.Clear(sinceGroup);
                        countSince = 0;
                    }

                    result.Add(row with { Cells = cells });
                    break;
            }
        }

        return result;
    }

    internal static bool TryAdd(decimal a, decimal b, out decimal sum)
    {
        try
        {
            sum = a + b;
            return true;
        }
        catch (OverflowException)
        {
            sum = 0;
            return false;
        }
    }

    /// <summary>False when the difference is past decimal's range: the two are then certainly not equal within rounding.</summary>
    private static bool TrySubtract(decimal a, decimal b, out decimal difference) => TryAdd(a, -b, out difference);

    private static decimal Unit(int decimals) => decimals <= 0 ? 1m : 1m / (decimal)Math.Pow(10, decimals);

    private static int ColumnDecimals(TableColumn column, IEnumerable<decimal?> values)
    {
        if (column.Decimals is { } d) return d;
        if (column.Type == ColumnType.Money) return column.Unit == "£m" ? 3 : 0;
        return Math.Min(3, values.Where(v => v is not null).Select(v => (int)v!.Value.Scale).DefaultIfEmpty(0).Max());
    }

    /// <summary>A cell as the councils print it: 1,234; (1,234) for negative money; 51%; 11 January 2017.</summary>
    public static string Format(TableCell cell, TableColumn column, int decimals)
    {
        if (cell.Date is { } date) return date.ToString("d MMMM yyyy", English.Culture);
        if (cell.Number is not { } n) return cell.Text ?? string.Empty;
        var format = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        return column.Type switch
        {
            ColumnType.Money when n < 0 => "(" + Math.Abs(n).ToString(format, English.Culture) + ")",
            ColumnType.Percent => n.ToString(format, English.Culture) + "%",
            _ => n.ToString(format, English.Culture),
        };
    }

    // ---- KPI tables -------------------------------------------------------------------------------------

    public static PendingTable LayKpi(KpiTable table, HouseStyle style, TextMetrics metrics, PageGeometry page, DiagnosticBag diagnostics)
    {
        const double size = 8;
        string Word(string key) => style.WordFor(key).PlainText;
        var headings = new List<string> { Word("kpi-indicator"), Word("kpi-data-type") };
        headings.AddRange(table.Periods);
        headings.AddRange([Word("kpi-target"), Word("kpi-polarity"), Word("kpi-rag"), Word("kpi-dot")]);
        headings.AddRange(table.Comparators);
        var columnCount = headings.Count;
        var tolerance = table.Tolerance ?? style.KpiTolerance;
        var rows = new List<(string[] Text, RichText? Name, bool Group, string? Rag)>();
        foreach (var group in table.Groups)
        {
            rows.Add(([group.Area.PlainText, .. Enumerable.Repeat(string.Empty, columnCount - 1)], group.Area, true, null));
            foreach (var indicator in group.Indicators)
            {
                var (rag, direction) = Kpi.Derive(indicator, tolerance);
                Check(indicator, rag, direction, diagnostics, table.Comparators.Count);
                // Values print with their own precision; the target is written the way it was given.
                var decimals = Math.Min(2, indicator.Values.Where(v => v is not null).Select(v => (int)v!.Value.Scale).DefaultIfEmpty(0).Max());
                string Target(decimal t) => indicator.Type == IndicatorType.Percent ? t.ToString("0.##", English.Culture) + "%" : t.ToString("#,##0.##", English.Culture);
                string Value(decimal? v) => v is not { } d ? string.Empty
                    : indicator.Type == IndicatorType.Percent ? d.ToString("N" + decimals, English.Culture) + "%" : d.ToString("N" + decimals, English.Culture);
                var cells = new List<string> { indicator.Name.PlainText, Word(indicator.Type switch { IndicatorType.Percent => "kpi-percent", IndicatorType.Rate => "kpi-rate", _ => "kpi-number" }) };
                cells.AddRange(Enumerable.Range(0, table.Periods.Count).Select(i => i < indicator.Values.Count ? Value(indicator.Values[i]) : string.Empty));
                cells.Add(indicator.Target is { } target ? Target(target) : Word("kpi-none"));
                cells.Add(Word(indicator.Polarity switch { Polarity.Higher => "kpi-higher", Polarity.Lower => "kpi-lower", _ => "kpi-none" }));
                cells.Add(rag is null ? Word("kpi-not-targeted") : Rating(style, rag));
                cells.Add(direction is null ? string.Empty : Rating(style, direction));
                cells.AddRange(Enumerable.Range(0, table.Comparators.Count).Select(i => i < indicator.Comparators.Count ? indicator.Comparators[i] : string.Empty));
                rows.Add((cells.ToArray(), indicator.Name, false, rag));
            }
        }

        var numeric = headings.Select((_, i) => i >= 2 && i < 2 + table.Periods.Count + 1).ToList();
        var ragColumn = 2 + table.Periods.Count + 2;
        var noWrap = numeric.Select((n, i) => n || i == ragColumn + 1).ToList();
        var widths = Widths(metrics, page, landscape: true, size, headings, rows.Select(r => r.Text).ToList(), noWrap);
        static IReadOnlyList<Piece> Literal(string t) => t.Length == 0 ? [] : [new ReadyPiece(new LText(t))];
        var body = new List<PendingRow>
        {
            new(headings.Select((h, i) => new PendingCell(ParaStyle.TableHeading, [Literal(h)]) { Size = size, Align = numeric[i] ? Align.Right : Align.Left }).ToList(), IsHeader: true),
        };
        foreach (var (text, name, group, rating) in rows)
        {
            body.Add(new PendingRow(text.Select((t, i) => new PendingCell(ParaStyle.TableText, [i == 0 && name is not null ? [new TextPiece(name)] : Literal(t)])
            {
                Size = size,
                Bold = group,
                Align = !group && numeric[i] ? Align.Right : Align.Left,
                NoWrap = !group && noWrap[i],
                Fill = !group && i == ragColumn && RagFill.TryGetValue(rating ?? string.Empty, out var fill) ? fill : null,
            }).ToList(), IsHeader: false));
        }

        return new PendingTable(widths, body, Borders: true, table.Caption?.PlainText ?? Word("kpi-caption"));
    }

    private static void Check(Indicator indicator, string? rag, string? direction, DiagnosticBag diagnostics, int comparators)
    {
        if (indicator.Comparators.Count > comparators)
        {
            diagnostics.Error(DiagnosticCode.WrongCellCount, indicator.At,
                $"This indicator has {Counted.Of(indicator.Comparators.Count, "comparator")} but the table has {Counted.Of(comparators, "comparator column")}; add headings under 'comparators:' or remove values.");
        }

        if (indicator.TypedRag is { } typed)
        {
            var normal = typed.Trim().ToUpperInvariant() switch
            {
                "R" => "RED",
                "A" => "AMBER",
                "G" => "GREEN",
                "NOT TARGETED" => null,
                var t => t,
            };
            if (normal != rag)
            {
                diagnostics.Warning(DiagnosticCode.RagDisagrees, indicator.RagAt,
                    $"The RAG rating typed here is {typed} but the values give {rag ?? "none (not targeted)"}; remove 'rag:' and let it be worked out, or check the values and target.");
            }
        }

        if (indicator.TypedDirection is { } dot && !string.Equals(dot.Trim(), direction, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Warning(DiagnosticCode.DirectionDisagrees, indicator.DirectionAt,
                $"The direction of travel typed here is {dot} but the values give {direction ?? "none"}; remove 'dot:' and let it be worked out, or check the values.");
        }

        if (indicator.Target is not null && indicator.Polarity is null)
        {
            diagnostics.Warning(DiagnosticCode.TargetWithoutPolarity, indicator.At,
                "This indicator has a target but no polarity, so no RAG rating can be worked out; add 'polarity: higher' or 'polarity: lower'.");
        }
    }

    // ---- widths -------------------------------------------------------------------------------------------

    private const int CellPadding = 230; // left and right cell margins, with a little room

    /// <summary>The width between the margins, in twips, of a portrait or a landscape page.</summary>
    public static int TextWidth(PageGeometry page, bool landscape) => (landscape ? page.Height : page.Width) - page.Left - page.Right;

    /// <summary>
    /// Column widths in twips: columns that must not wrap (numbers) get their widest cell; text columns share
    /// what is left in proportion to their content, but never less than their longest word.
    /// </summary>
    public static IReadOnlyList<int> Widths(TextMetrics metrics, PageGeometry page, bool landscape, double size, IReadOnlyList<string> headings,
        IReadOnlyList<string[]> rows, IReadOnlyList<bool> noWrap)
    {
        var total = TextWidth(page, landscape);
        int Measure(string s) => (int)Math.Ceiling(metrics.Em(s) * size * 20 * 1.08) + CellPadding; // bold headings are wider
        int LongestWord(string s) => s.Split(' ', '\n').Select(w => Measure(w)).DefaultIfEmpty(CellPadding).Max();

        var n = headings.Count;
        var min = new int[n];
        var want = new int[n];
        for (var i = 0; i < n; i++)
        {
            var cells = rows.Where(r => i < r.Length && !(i > 0 && r.Skip(1).All(string.IsNullOrEmpty))).Select(r => r[i]).ToList();
            var widest = cells.Select(Measure).DefaultIfEmpty(CellPadding).Max();
            var longestWord = cells.Append(headings[i]).Select(LongestWord).Max();
            min[i] = noWrap[i] ? Math.Max(widest, longestWord) : longestWord;
            want[i] = noWrap[i] ? min[i] : Math.Max(min[i], Math.Min(Measure(new string('x', 60)), Math.Max(widest, Measure(headings[i]))));
        }

        var fixedWidth = Enumerable.Range(0, n).Where(i => noWrap[i]).Sum(i => min[i]);
        var flexible = Enumerable.Range(0, n).Where(i => !noWrap[i]).ToList();
        var widths = (int[])min.Clone();
        var left = total - fixedWidth - flexible.Sum(i => min[i]);
        if (left > 0 && flexible.Count > 0)
        {
            var extra = flexible.Sum(i => want[i] - min[i]);
            foreach (var i in flexible)
            {
                widths[i] += extra > 0 ? (int)((long)left * (want[i] - min[i]) / extra) : left / flexible.Count;
            }
        }
        else if (left > 0)
        {
            for (var i = 0; i < n; i++) widths[i] += left / n;
        }

        return widths;
    }
}

/// <summary>RAG ratings and directions of travel, worked out from values, target, tolerance and polarity.</summary>
internal static class Kpi
{
    public static (string? Rag, string? Direction) Derive(Indicator indicator, decimal tolerancePercent)
    {
        var latest = indicator.Values.Count > 0 ? indicator.Values[^1] : null;
        string? rag = null;
        if (indicator.Target is { } target && indicator.Polarity is { } polarity && latest is { } value)
        {
            // Near decimal's range the band and its edges can pass it; an edge past the range lies beyond every value.
            decimal band;
            try
            {
                band = Math.Abs(target) / 100m * tolerancePercent;
            }
            catch (OverflowException)
            {
                band = decimal.MaxValue;
            }

            rag = polarity == Polarity.Higher
                ? value >= target ? "GREEN" : TableLayout.TryAdd(target, -band, out var lowest) && value < lowest ? "RED" : "AMBER"
                : value <= target ? "GREEN" : TableLayout.TryAdd(target, band, out var highest) && value > highest ? "RED" : "AMBER";
        }

        string? direction = null;
        if (latest is { } last && indicator.Values.Count >= 2 && indicator.Values[^2] is { } previous)
        {
            var targeted = indicator.Target is not null && indicator.Polarity is not null;
            if (last == previous) direction = "STABLE";
            else if (!targeted) direction = last > previous ? "INCREASE" : "DECREASE";
            else direction = (last > previous) == (indicator.Polarity == Polarity.Higher) ? "POSITIVE" : "NEGATIVE";
        }

        return (rag, direction);
    }
}
