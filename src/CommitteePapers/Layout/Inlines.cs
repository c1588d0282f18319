namespace CommitteePapers.Layout;

/// <summary>A piece of laid-out text inside a paragraph: every reference resolved, every placeholder filled.</summary>
internal abstract record LInline;

/// <summary>Plain text with emphasis.</summary>
internal sealed record LText(string Text, bool Bold = false, bool Italic = false) : LInline;

/// <summary>A line break inside a paragraph.</summary>
internal sealed record LBreak : LInline;

/// <summary>A tab.</summary>
internal sealed record LTab : LInline;

/// <summary>A link to a web address or an email address.</summary>
internal sealed record LLink(string Url, IReadOnlyList<LInline> Content) : LInline;

/// <summary>A reference to a footnote; Word numbers it.</summary>
internal sealed record LNoteMark(int Id) : LInline;

/// <summary>A Word field (REF, PAGE, SEQ …) with its result already computed, so it is right before any update.</summary>
internal sealed record LField(string Instruction, IReadOnlyList<LInline> Result) : LInline
{
    /// <summary>For a cross-reference: the <see cref="LParagraph.Anchor"/> (or bookmark anchor) of what it refers to.</summary>
    public string? Anchor { get; init; }
}

/// <summary>Content wrapped in a bookmark, the target of REF fields.</summary>
internal sealed record LBookmark(string Name, IReadOnlyList<LInline> Content) : LInline
{
    /// <summary>Where a web page can link to this content (a table's or an annex's label): "table-3", or the author's id.</summary>
    public string? Anchor { get; init; }
}
