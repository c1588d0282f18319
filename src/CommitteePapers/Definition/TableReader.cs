using System.Globalization;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Reads <c>table:</c> and <c>kpi-table:</c> entries, checking every cell against its column's type.</summary>
internal sealed partial class TableReader(DiagnosticBag diagnostics)
{
    internal static readonly string[] RagWords = ["RED", "AMBER", "GREEN"];
    internal static readonly string[] DirectionWords = ["POSITIVE", "STABLE", "NEGATIVE", "INCREASE", "DECREASE"];

    /// <summary>A table or KPI table if <paramref name="node"/> is a mapping with that key; null otherwise.</summary>
    public Block? TryRead(YNode node)
    {
        if (node is not YMapping map || map.Entries.Count == 0) return null;
        var key = map.Entries[0].Key.Value;
        if (key == "table")
        {
            var entry = MappingReader.For(node, diagnostics, Shapes.TableEntry)!;
            return entry.Node("table") is { } table ? ReadTable(table) : null;
        }

        if (key == "kpi-table")
        {
            var entry = MappingReader.For(node, diagnostics, Shapes.KpiTableEntry)!;
            return entry.Node("kpi-table") is { } kpi ? ReadKpi(kpi) : null;
        }

        return null;
    }

    private Table? ReadTable(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Table);
        if (m is null) return null;
        var columns = m.List("columns", ReadColumn, required: true);
        if (columns.Count == 0 && m.Node("columns") is YSequence noColumns)
        {
            // A table of no columns would print a header row of nothing (and a Word table row needs a cell).
            diagnostics.Error(DiagnosticCode.MissingField, noColumns.At, "A table needs at least one column; list the headings under 'columns:', such as [Service, Budget].");
        }

        var rows = new List<TableRow>();
        if (m.Node("rows") is YSequence seq)
        {
            foreach (var row in seq.Items)
            {
                if (ReadRow(row, columns) is { } r) rows.Add(r);
            }
        }
        else if (m.Node("rows") is { } other)
        {
            diagnostics.Error(DiagnosticCode.WrongType, other.At, "'rows' must be a list of rows, each a list of cells such as [Front Door, 583258].");
        }
        else
        {
            m.Missing("rows");
        }

        return new Table(columns, rows)
        {
            At = m.At,
            Id = m.Text("id"),
            Caption = m.Rich("caption"),
            Landscape = m.Bool("landscape") ?? false,
        };
    }

    private TableColumn? ReadColumn(YNode node)
    {
        if (node is YScalar s) return s.IsNull ? null : new TableColumn(MappingReader.RichOf(s, "columns", diagnostics)!) { At = s.At };
        var m = MappingReader.For(node, diagnostics, Shapes.Column);
        if (m is null) return null;
        var type = m.Text("type") switch
        {
            null or "text" => ColumnType.Text,
            "number" => ColumnType.Number,
            "money" => ColumnType.Money,
            "percent" => ColumnType.Percent,
            "date" => ColumnType.Date,
            "rag" => ColumnType.Rag,
            "dot" => ColumnType.DirectionOfTravel,
            var other => BadEnum<ColumnType>(m.Node("type")!, other, "type", ["text", "number", "money", "percent", "date", "rag", "dot"], ColumnType.Text),
        };
        var unit = m.Text("unit");
        if (unit is not null and not ("£" or "£000" or "£m"))
        {
            BadEnum(m.Node("unit")!, unit, "unit", ["£", "£000", "£m"], 0);
        }

        // A column heading may be blank (the first column of many council tables has none).
        return new TableColumn(m.Rich("heading", required: true) ?? RichText.Empty)
        {
            At = m.At,
            Type = type,
            Unit = unit,
            Decimals = Integer(m, "decimals", 0, 6),
        };
    }

    private TableRow? ReadRow(YNode node, IReadOnlyList<TableColumn> columns)
    {
        if (node is YMapping map && map.Entries.Count > 0)
        {
            switch (map.Entries[0].Key.Value)
            {
                case "group":
                    var g = MappingReader.For(node, diagnostics, Shapes.GroupRow)!;
                    var group = g.RequiredRich("group");
                    return new TableRow(RowKind.Group, [new TableCell { Text = group.Source, Content = group, At = g.At }]) { At = g.At };
                case "subtotal":
                    var st = MappingReader.For(node, diagnostics, Shapes.SubtotalRow)!;
                    return st.Node("subtotal") is { } sc ? Cells(RowKind.Subtotal, sc, columns) : null;
                case "total":
                    var t = MappingReader.For(node, diagnostics, Shapes.TotalRow)!;
                    return t.Node("total") is { } tc ? Cells(RowKind.Total, tc, columns) : null;
            }

            diagnostics.Error(DiagnosticCode.WrongType, node.At,
                $"A row is a list of cells, or one of 'group:', 'subtotal:', 'total:', not '{map.Entries[0].Key.Value}:'.");
            return null;
        }

        return Cells(RowKind.Data, node, columns);
    }

    private TableRow? Cells(RowKind kind, YNode node, IReadOnlyList<TableColumn> columns)
    {
        if (node is not YSequence seq)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, "A row must be a list of cells, one per column, such as [Front Door, 583258, 659604].");
            return null;
        }

        if (seq.Items.Count != columns.Count)
        {
            diagnostics.Error(DiagnosticCode.WrongCellCount, seq.At,
                $"This row has {Counted.Of(seq.Items.Count, "cell")} but the table has {Counted.Of(columns.Count, "column")}; add or remove cells (use ~ for an empty one).");
            return null;
        }

        var cells = new List<TableCell>(columns.Count);
        for (var i = 0; i < columns.Count; i++) cells.Add(Cell(seq.Items[i], columns[i]));
        return new TableRow(kind, cells) { At = seq.At };
    }

    private TableCell Cell(YNode node, TableColumn column)
    {
        if (node is not YScalar s)
        {
            diagnostics.Error(DiagnosticCode.BadCell, node.At, $"A cell must be a single value, not {node.KindName}.");
            return new TableCell { At = node.At };
        }

        if (s.IsNull) return new TableCell { At = s.At };
        switch (column.Type)
        {
            case ColumnType.Number or ColumnType.Money or ColumnType.Percent:
                if (ParseNumber(s.Value) is { } number) return new TableCell { Number = number, At = s.At };
                diagnostics.Error(DiagnosticCode.BadCell, s.At,
                    LooksLikeANumber(s.Value)
                        ? $"'{Shorten(s.Value)}' is larger than any number a table can hold ({decimal.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}); check the figure, or give the column a larger unit (such as £m)."
                        : $"'{Shorten(s.Value)}' is not a number, but the column '{column.Heading.PlainText}' holds {column.Type.ToString().ToLowerInvariant()}; write a number such as 1234.5 or -85, or ~ for an empty cell.");
                return new TableCell { At = s.At };
            case ColumnType.Date:
                return new TableCell { Date = MappingReader.DateOf(s, column.Heading.PlainText, diagnostics), At = s.At };
            case ColumnType.Rag:
                return new TableCell { Text = Word(s, RagWords, column.Heading.PlainText, allowInitial: true), At = s.At };
            case ColumnType.DirectionOfTravel:
                return new TableCell { Text = Word(s, DirectionWords, column.Heading.PlainText, allowInitial: false), At = s.At };
            default:
                return new TableCell { Text = s.Value, Content = MappingReader.RichOf(s, "rows", diagnostics), At = s.At };
        }
    }

    private string? Word(YScalar s, string[] words, string heading, bool allowInitial)
    {
        var value = s.Value.Trim().ToUpperInvariant();
        var match = words.FirstOrDefault(w => w == value || (allowInitial && value.Length == 1 && w[0] == value[0]));
        if (match is not null) return match;
        diagnostics.Error(DiagnosticCode.BadCell, s.At, $"'{Shorten(s.Value)}' in the column '{heading}' must be one of {string.Join(", ", words)}.");
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\(?[-+]?£?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?\)?$")]
    private static partial System.Text.RegularExpressions.Regex NumberPattern();

    /// <summary>Written as a number with more whole digits than a decimal holds (so it is "too large", not "not a number").</summary>
    private static bool LooksLikeANumber(string text) =>
        NumberPattern().IsMatch(text.Trim()) && text.Split('.')[0].Count(char.IsAsciiDigit) > 28;

    /// <summary>A number as councils write it: 1234.5, 1,234, (1,234), -85, £12, 51%. "5k" or "1,2,3" are not numbers.</summary>
    internal static decimal? ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 40 || !NumberPattern().IsMatch(trimmed)) return null;
        var t = trimmed.Replace(",", string.Empty, StringComparison.Ordinal).Replace("£", string.Empty, StringComparison.Ordinal).TrimEnd('%').Trim();
        var negative = t.StartsWith('(') && t.EndsWith(')');
        if (negative) t = t[1..^1];
        if (t.Length == 0 || t.Length > 40) return null;
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? negative ? -d : d
            : null;
    }

    private KpiTable? ReadKpi(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.KpiTable);
        if (m is null) return null;
        var periods = m.List("periods", n => MappingReader.TextOf(n, "periods", diagnostics), required: true);
        var comparators = m.List("comparators", n => MappingReader.TextOf(n, "comparators", diagnostics));
        var groups = m.List("groups", n => ReadGroup(n, periods.Count), required: true);
        return new KpiTable(periods, groups)
        {
            At = m.At,
            Id = m.Text("id"),
            Caption = m.Rich("caption"),
            Tolerance = Number(m, "tolerance"),
            Comparators = comparators,
        };
    }

    private IndicatorGroup? ReadGroup(YNode node, int periods)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.IndicatorGroup);
        if (m is null) return null;
        return new IndicatorGroup(m.RequiredRich("area"), m.List("indicators", n => ReadIndicator(n, periods), required: true)) { At = m.At };
    }

    private Indicator? ReadIndicator(YNode node, int periods)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Indicator);
        if (m is null) return null;
        var values = new List<decimal?>();
        if (m.Node("values") is YSequence seq)
        {
            foreach (var v in seq.Items)
            {
                if (v is YScalar { IsNull: true }) values.Add(null);
                else if (v is YScalar s && ParseNumber(s.Value) is { } d) values.Add(d);
                else
                {
                    diagnostics.Error(DiagnosticCode.BadCell, v.At, "A value must be a number (51 for 51 %), or ~ when there is none.");
                    values.Add(null);
                }
            }

            if (values.Count != periods)
            {
                diagnostics.Error(DiagnosticCode.WrongCellCount, seq.At, $"This indicator has {Counted.Of(values.Count, "value")} but the table has {Counted.Of(periods, "period")}; give one value per period (~ where there is none).");
            }
        }
        else
        {
            if (m.Node("values") is { } bad) diagnostics.Error(DiagnosticCode.WrongType, bad.At, "'values' must be a list, one value per period.");
            else m.Missing("values");
        }

        var polarityText = m.Text("polarity");
        Polarity? polarity = polarityText switch
        {
            null => null,
            "higher" => Polarity.Higher,
            "lower" => Polarity.Lower,
            _ => BadEnum<Polarity?>(m.Node("polarity")!, polarityText, "polarity", ["higher", "lower"], null),
        };
        var target = Number(m, "target");
        var type = m.Text("type") switch
        {
            null or "number" => IndicatorType.Number,
            "percent" => IndicatorType.Percent,
            "rate" => IndicatorType.Rate,
            var other => BadEnum(m.Node("type")!, other, "type", ["number", "percent", "rate"], IndicatorType.Number),
        };
        return new Indicator(m.RequiredRich("name"), values)
        {
            At = m.At,
            Type = type,
            Target = target,
            Polarity = polarity,
            TypedRag = m.Text("rag"),
            RagAt = m.Node("rag")?.At ?? m.At,
            TypedDirection = m.Text("dot"),
            DirectionAt = m.Node("dot")?.At ?? m.At,
            // An empty comparator (~) keeps its place, so the later ones stay under their headings.
            Comparators = m.List("comparators", n => n is YScalar { IsNull: true } ? string.Empty : MappingReader.TextOf(n, "comparators", diagnostics)),
        };
    }

    private decimal? Number(MappingReader m, string key)
    {
        var node = m.Node(key);
        if (node is null) return null;
        if (node is YScalar s && (ParseNumber(s.Value) ?? YamlScalars.Number(s.Value)) is { } d) return d;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a number.");
        return null;
    }

    private int? Integer(MappingReader m, string key, int min, int max)
    {
        var node = m.Node(key);
        if (node is null) return null;
        if (node is YScalar s && YamlScalars.Integer(s.Value) is { } n && n >= min && n <= max) return (int)n;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a whole number from {min} to {max}.");
        return null;
    }

    private T BadEnum<T>(YNode node, string value, string key, string[] allowed, T fallback)
    {
        var suggestion = Suggest.Nearest(value, allowed);
        diagnostics.Error(DiagnosticCode.BadValue, node.At,
            $"'{Shorten(value)}' is not a {key}; " + (suggestion is null ? $"use one of: {string.Join(", ", allowed)}." : $"did you mean '{suggestion}'?"));
        return fallback;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "…";
}
