namespace CommitteePapers.Layout;

/// <summary>A piece of laid-out text inside a paragraph.</summary>
internal abstract record Inline;

/// <summary>Plain text with emphasis.</summary>
internal sealed record TextRun(string Text, bool Bold = false, bool Italic = false) : Inline;

/// <summary>A line break inside a paragraph.</summary>
internal sealed record LineBreak : Inline;

/// <summary>A tab.</summary>
internal sealed record TabRun : Inline;

/// <summary>A link to a web address or an email address.</summary>
internal sealed record Hyperlink(string Url, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A reference to a footnote; Word numbers it.</summary>
internal sealed record FootnoteMark(int Id) : Inline;

/// <summary>A Word field (REF, PAGE, SEQ …) with its result already computed, so it is right before any update.</summary>
internal sealed record Field(string Instruction, IReadOnlyList<Inline> Result) : Inline;

/// <summary>Content wrapped in a bookmark, the target of REF fields.</summary>
internal sealed record Bookmarked(string Name, IReadOnlyList<Inline> Content) : Inline;
