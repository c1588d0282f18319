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

/// <summary>A block of the laid-out document.</summary>
internal abstract record LBlock;

/// <summary>A laid-out paragraph: its style, list membership, the number it will show, and its content.</summary>
internal sealed record LParagraph(ParaStyle Style, IReadOnlyList<LInline> Content) : LBlock
{
    /// <summary>The list this paragraph belongs to, if numbered or bulleted.</summary>
    public ListRef? List { get; init; }

    /// <summary>The number or bullet Word will show, as laid out (for outlines and cross-reference text).</summary>
    public string? Label { get; init; }

    /// <summary>A bookmark around the whole paragraph, the target of cross-references.</summary>
    public string? Bookmark { get; init; }

    /// <summary>How far a list item or continuation is indented, in list levels (for outlines).</summary>
    public int Depth { get; init; }

    /// <summary>The paragraph's own indent, when not its style's: where the text starts and how far a number hangs, in twips.</summary>
    public (int Left, int Hanging)? Indent { get; init; }

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

    /// <summary>
    /// The heading's level in the paper's outline: 1 for the paper's title, and never more than one below the heading
    /// before it (a web page's h1 to h6). Null for a paragraph that is not a heading.
    /// </summary>
    public int? HeadingLevel { get; init; }

    /// <summary>
    /// Where a web page can link to this paragraph: "para-12" from its printed number, or the author's id. Unique in the
    /// paper; what cross-references to it point at.
    /// </summary>
    public string? Anchor { get; init; }
}

/// <summary>Where a table's caption stands: a paragraph before or after it (as the style puts captions), or none.</summary>
internal enum CaptionPlace
{
    None,
    Above,
    Below,
}

/// <summary>Ends a section of the document: the pages before it have this orientation.</summary>
internal sealed record LSectionBreak(bool Landscape) : LBlock
{
    /// <summary>The page number the ending section starts at (a restart), if any.</summary>
    public int? StartPageNumber { get; init; }

    /// <summary>Whether the ending section's pages carry no footer (an unnumbered front sheet).</summary>
    public bool NoFooter { get; init; }

    /// <summary>The ending section's own footer, an index into <see cref="LaidOutPaper.SectionFooters"/>; null for the document's.</summary>
    public int? FooterIndex { get; init; }

    /// <summary>Whether the ending section's page numbers are letters (a, b …): pages added after a republished paper's last.</summary>
    public bool Lettered { get; init; }
}

/// <summary>A page break.</summary>
internal sealed record LPageBreak : LBlock;

/// <summary>A laid-out table. No merged cells: every row has one cell per column.</summary>
internal sealed record LTable(IReadOnlyList<int> ColumnWidthsTwips, IReadOnlyList<LRow> Rows, bool Borders) : LBlock
{
    /// <summary>What the table is, for screen readers (w:tblCaption).</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether the paragraph just before or just after the table (a <see cref="ParaStyle.Caption"/>) is its caption:
    /// Word prints it as a paragraph there, a web page as the table's own caption.
    /// </summary>
    public CaptionPlace Caption { get; init; }

    /// <summary>The first cell of each row names the row (a label | value table), so it is the row's header.</summary>
    public bool RowHeaders { get; init; }
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

    /// <summary>
    /// The column's unit as a heading shows it ("(£000)"), for a heading cell whose own text does not already name it.
    /// The web page prints it; the Word document prints the heading as the author wrote it.
    /// </summary>
    public string? Unit { get; init; }
}

/// <summary>A footnote's text. Footnotes are numbered in the order they are referred to, so the id is the number printed.</summary>
internal sealed record LFootnote(int Id, IReadOnlyList<LInline> Content)
{
    /// <summary>What a link from the note back to its reference says to a screen reader ("Back to note 1").</summary>
    public string BackText { get; init; } = string.Empty;

    /// <summary>Where a web page can link to the note ("note-1").</summary>
    public string? Anchor { get; init; }

    /// <summary>Where a web page can link to the note's reference in the text ("note-ref-1"), for the way back.</summary>
    public string? ReferenceAnchor { get; init; }
}

/// <summary>Document properties.</summary>
internal sealed record DocumentInfo(string Title, string Creator, string Subject, string Language);

/// <summary>The page: size and margins in twips, decided from the house style.</summary>
internal sealed record PageGeometry(int Width, int Height, int Top, int Right, int Bottom, int Left)
{
    /// <summary>The width text can take between the margins, in twips.</summary>
    public int TextWidth => Width - Left - Right;
}

/// <summary>The output of layout: everything a writer needs, every number decided.</summary>
internal sealed record LaidOutPaper(
    DocumentInfo Info,
    IReadOnlyList<LBlock> Body,
    IReadOnlyList<LFootnote> Footnotes,
    IReadOnlyList<ListDefinition> Lists,
    IReadOnlyList<ListInstance> Instances,
    PageGeometry Page)
{
    /// <summary>Whether the last section of the document is landscape.</summary>
    public bool EndsLandscape { get; init; }

    /// <summary>The page number the last section restarts at, if it does.</summary>
    public int? LastSectionStartPage { get; init; }

    /// <summary>What the footer shows ("Page 3 of 12" with its fields), or nothing.</summary>
    public IReadOnlyList<LInline> Footer { get; init; } = [];

    /// <summary>Footers of sections that do not use <see cref="Footer"/> (lettered pages: "14" followed by the page's letter).</summary>
    public IReadOnlyList<IReadOnlyList<LInline>> SectionFooters { get; init; } = [];

    /// <summary>The last section's own footer, as <see cref="LSectionBreak.FooterIndex"/>.</summary>
    public int? LastSectionFooterIndex { get; init; }

    /// <summary>Whether the last section's page numbers are letters, as <see cref="LSectionBreak.Lettered"/>.</summary>
    public bool LastSectionLettered { get; init; }

    /// <summary>The page header's text, if any.</summary>
    public string? Header { get; init; }

    /// <summary>
    /// The heading a web page puts above the footnotes, which it prints at the end (Word prints them at the foot of
    /// each page instead); null when the paper has none.
    /// </summary>
    public LParagraph? NotesHeading { get; init; }
}
