namespace CommitteePapers.Layout;

/// <summary>The paragraph styles the layout uses; the Word styles writer defines each one.</summary>
internal enum ParaStyle
{
    Normal,
    Title,
    Subtitle,
    FrontMatter,
    Heading1,
    Heading2,
    Heading3,
    Heading4,
    NumberedParagraph,
    Continuation,
    ListItem,
    Label,
    TableText,
    TableHeading,
    Caption,
    Council,
}

/// <summary>Paragraph alignment.</summary>
internal enum Align
{
    Left,
    Right,
    Centre,
}

/// <summary>The kinds of Word list the layout asks for; each is one abstract numbering definition.</summary>
internal enum ListKind
{
    /// <summary>The body paragraph numbers.</summary>
    Paragraphs,

    /// <summary>Sub-items of a paragraph: a), b) with nested i., ii.</summary>
    SubItems,

    /// <summary>Bullets, with nested sub-items.</summary>
    Bullets,

    /// <summary>Recommendation items: i., ii.</summary>
    Recommendations,

    /// <summary>Lettered headings: a), b).</summary>
    HeadingLetters,

    /// <summary>Decimal section numbers: 1. headings, 1.1 paragraphs and sub-headings.</summary>
    Decimal,

    /// <summary>Minute numbers, continuing through a committee's series: 28., 29. or CAY 12.</summary>
    Minutes,

    /// <summary>Agenda item numbers.</summary>
    Agenda,

    /// <summary>Resolutions (i), (ii).</summary>
    Resolutions,
}

/// <summary>One Word list instance (<c>w:num</c>); <see cref="Restart"/> adds a start override so it counts from <see cref="Start"/>.</summary>
internal sealed record ListInstance(int NumId, ListKind Kind, bool Restart)
{
    /// <summary>The first number of the list.</summary>
    public int Start { get; init; } = 1;
}

/// <summary>A paragraph's place in a list: which instance and which level.</summary>
internal sealed record ListRef(int NumId, int Level);

/// <summary>A block of the laid-out document.</summary>
internal abstract record LBlock;

/// <summary>A laid-out paragraph: its style, list membership, the number it will show, and its content.</summary>
internal sealed record LParagraph(ParaStyle Style, IReadOnlyList<Inline> Content) : LBlock
{
    /// <summary>The list this paragraph belongs to, if numbered or bulleted.</summary>
    public ListRef? List { get; init; }

    /// <summary>The number or bullet Word will show, as laid out (for outlines and cross-reference text).</summary>
    public string? Label { get; init; }

    /// <summary>A bookmark around the whole paragraph, the target of cross-references.</summary>
    public string? Bookmark { get; init; }

    /// <summary>How far a list item or continuation is indented, in list levels.</summary>
    public int Depth { get; init; }

    /// <summary>Keep with the next paragraph (headings, table captions).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Alignment (numbers in tables are right-aligned).</summary>
    public Align Align { get; init; }

    /// <summary>Bold throughout (group and total rows).</summary>
    public bool Bold { get; init; }

    /// <summary>Text size in points, when not the style's.</summary>
    public double? Size { get; init; }

    /// <summary>The language of the text when it is not the document's (BCP 47).</summary>
    public string? Language { get; init; }

    /// <summary>Right-to-left text (Urdu).</summary>
    public bool RightToLeft { get; init; }

    /// <summary>White text that only screen readers and bookmarks see (the title under a supplied page).</summary>
    public bool Hidden { get; init; }
}

/// <summary>Ends a section of the document: the pages before it have this orientation.</summary>
internal sealed record LSectionBreak(bool Landscape) : LBlock
{
    /// <summary>The page number the ending section starts at (a restart), if any.</summary>
    public int? StartPageNumber { get; init; }

    /// <summary>Whether the ending section's pages carry no footer (an unnumbered front sheet).</summary>
    public bool NoFooter { get; init; }
}

/// <summary>A page break.</summary>
internal sealed record LPageBreak : LBlock;

/// <summary>A laid-out table. No merged cells: every row has one cell per column.</summary>
internal sealed record LTable(IReadOnlyList<int> ColumnWidthsTwips, IReadOnlyList<LRow> Rows, bool Borders) : LBlock
{
    /// <summary>What the table is, for screen readers (w:tblCaption).</summary>
    public string? Description { get; init; }
}

/// <summary>A table row; header rows repeat on each page.</summary>
internal sealed record LRow(IReadOnlyList<LCell> Cells, bool IsHeader);

/// <summary>A table cell: at least one paragraph.</summary>
internal sealed record LCell(IReadOnlyList<LParagraph> Paragraphs)
{
    /// <summary>Background fill as RGB hex (RAG ratings), if any.</summary>
    public string? Fill { get; init; }

    /// <summary>Never wrap (numbers).</summary>
    public bool NoWrap { get; init; }
}

/// <summary>A footnote's text.</summary>
internal sealed record LFootnote(int Id, IReadOnlyList<Inline> Content);

/// <summary>Document properties.</summary>
internal sealed record DocumentInfo(string Title, string Creator, string Subject, string Language);

/// <summary>The output of layout: everything a writer needs, every number decided.</summary>
internal sealed record LaidOutPaper(
    DocumentInfo Info,
    IReadOnlyList<LBlock> Body,
    IReadOnlyList<LFootnote> Footnotes,
    IReadOnlyList<ListInstance> Lists)
{
    /// <summary>Whether the last section of the document is landscape.</summary>
    public bool EndsLandscape { get; init; }

    /// <summary>The page number the last section restarts at, if it does.</summary>
    public int? LastSectionStartPage { get; init; }
}
