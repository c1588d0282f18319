using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>What a table column holds; alignment and formatting follow from it.</summary>
public enum ColumnType
{
    /// <summary>Text, left-aligned.</summary>
    Text,

    /// <summary>A number, right-aligned with thousands separators.</summary>
    Number,

    /// <summary>Money in a unit (£, £000, £m); negatives in brackets.</summary>
    Money,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A RAG rating: RED, AMBER or GREEN.</summary>
    Rag,

    /// <summary>A direction of travel.</summary>
    DirectionOfTravel,
}

/// <summary>A column of a table.</summary>
/// <param name="Heading">The column heading.</param>
public sealed record TableColumn(RichText Heading)
{
    /// <summary>What the column holds.</summary>
    public ColumnType Type { get; init; } = ColumnType.Text;

    /// <summary>The money unit: "£", "£000" or "£m".</summary>
    public string? Unit { get; init; }

    /// <summary>Decimal places shown for numbers, money and percentages.</summary>
    public int? Decimals { get; init; }

    /// <summary>Where the column is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>What a row is.</summary>
public enum RowKind
{
    /// <summary>An ordinary row.</summary>
    Data,

    /// <summary>A bold row that heads a group (instead of merged cells).</summary>
    Group,

    /// <summary>The sum of the data rows since the last group or subtotal.</summary>
    Subtotal,

    /// <summary>The sum of every data row.</summary>
    Total,
}

/// <summary>A cell: text, a number or a date, by its column's type; all null for an empty (or computed) cell.</summary>
public sealed record TableCell
{
    /// <summary>Text of a text, RAG or direction-of-travel cell, as written.</summary>
    public string? Text { get; init; }

    /// <summary>The parsed text of a text cell or a group row (inline Markdown); parsed from <see cref="Text"/> when not given.</summary>
    public RichText? Content
    {
        get => content ?? (Text is { } text ? RichText.Parse(text, At) : null);
        init => content = value;
    }

    private readonly RichText? content;

    /// <summary>The value of a number, money or percent cell.</summary>
    public decimal? Number { get; init; }

    /// <summary>The value of a date cell.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Where the cell is in the source.</summary>
    public SourcePosition At { get; init; }

    /// <summary>Whether the cell is empty.</summary>
    public bool IsEmpty => Text is null && Number is null && Date is null;
}

/// <summary>A table row.</summary>
/// <param name="Kind">Data, group, subtotal or total.</param>
/// <param name="Cells">One cell per column (a group row has one cell: its text).</param>
public sealed record TableRow(RowKind Kind, IReadOnlyList<TableCell> Cells)
{
    /// <summary>Where the row is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A table: typed columns, rows, an optional caption numbered by the house style.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows.</param>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : Block
{
    /// <summary>An id other text can refer to as <c>[@id]</c> ("Table 3").</summary>
    public string? Id { get; init; }

    /// <summary>The caption, without "Table N".</summary>
    public RichText? Caption { get; init; }

    /// <summary>Whether the table needs a landscape page.</summary>
    public bool Landscape { get; init; }
}

/// <summary>What a key performance indicator measures.</summary>
public enum IndicatorType
{
    /// <summary>A count.</summary>
    Number,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>A rate (e.g. per 10,000 children).</summary>
    Rate,
}

/// <summary>Whether a higher or a lower value is better.</summary>
public enum Polarity
{
    /// <summary>Higher is better.</summary>
    Higher,

    /// <summary>Lower is better.</summary>
    Lower,
}

/// <summary>A key performance indicator: values per period, target, polarity; RAG and direction are derived.</summary>
/// <param name="Name">What the indicator measures.</param>
/// <param name="Values">One value per period, oldest first; null where there is none.</param>
public sealed record Indicator(RichText Name, IReadOnlyList<decimal?> Values)
{
    /// <summary>Number, percentage or rate.</summary>
    public IndicatorType Type { get; init; } = IndicatorType.Number;

    /// <summary>The target, if the indicator is targeted.</summary>
    public decimal? Target { get; init; }

    /// <summary>Whether higher or lower is better; needed with a target.</summary>
    public Polarity? Polarity { get; init; }

    /// <summary>A RAG rating the author typed, checked against the derived one.</summary>
    public string? TypedRag { get; init; }

    /// <summary>A direction of travel the author typed, checked against the derived one.</summary>
    public string? TypedDirection { get; init; }

    /// <summary>Comparator texts, one per comparator column.</summary>
    public IReadOnlyList<string> Comparators { get; init; } = [];

    /// <summary>Where the indicator is in the source.</summary>
    public SourcePosition At { get; init; }

    /// <summary>Where the typed RAG is in the source.</summary>
    public SourcePosition RagAt { get; init; }

    /// <summary>Where the typed direction of travel is in the source.</summary>
    public SourcePosition DirectionAt { get; init; }
}

/// <summary>The indicators of one area.</summary>
/// <param name="Area">The area, printed as a group row.</param>
/// <param name="Indicators">The indicators.</param>
public sealed record IndicatorGroup(RichText Area, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>Where the group is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A table of key performance indicators with derived RAG ratings and directions of travel.</summary>
/// <param name="Periods">The value columns, oldest first.</param>
/// <param name="Groups">The indicators by area.</param>
public sealed record KpiTable(IReadOnlyList<string> Periods, IReadOnlyList<IndicatorGroup> Groups) : Block
{
    /// <summary>An id other text can refer to as <c>[@id]</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The caption, without "Table N".</summary>
    public RichText? Caption { get; init; }

    /// <summary>AMBER within this percentage of the target; the house style's when null.</summary>
    public decimal? Tolerance { get; init; }

    /// <summary>Headings of comparator columns.</summary>
    public IReadOnlyList<string> Comparators { get; init; } = [];
}
