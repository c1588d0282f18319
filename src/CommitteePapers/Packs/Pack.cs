using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Packs;

/// <summary>Where papers start in a pack.</summary>
internal enum PageConvention
{
    /// <summary>Every paper starts on an odd (right-hand) page; gaps get "This page is intentionally left blank".</summary>
    OddPage,

    /// <summary>Papers run on, each on a new page.</summary>
    RunOn,
}

/// <summary>A paper in a pack: one of our YAML papers, or a .docx or .pdf supplied by someone else.</summary>
/// <param name="File">The file, relative to the pack file.</param>
internal sealed record PackPaper(string File)
{
    /// <summary>A title for the pack's bookmarks (a supplied file's own title is not read).</summary>
    public string? Title { get; init; }

    /// <summary>Where the paper is named in the pack file.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An agenda item of a pack and its papers.</summary>
/// <param name="Item">The item as the agenda prints it.</param>
/// <param name="Papers">Its papers, in order.</param>
internal sealed record PackItem(AgendaItem Item, IReadOnlyList<PackPaper> Papers);

/// <summary>An agenda pack: the meeting, the page convention, and the agenda items with their papers.</summary>
/// <param name="Notice">The notice of meeting (its items without papers).</param>
/// <param name="Items">The agenda items with their papers.</param>
internal sealed record Pack(Notice Notice, IReadOnlyList<PackItem> Items)
{
    /// <summary>Where papers start.</summary>
    public PageConvention Convention { get; init; } = PageConvention.OddPage;

    /// <summary>Whether the front sheet and agenda are counted in the page numbers (North Somerset) or papers start at page 1 (York).</summary>
    public bool NumberFrontSheet { get; init; }

    /// <summary>Where the pack starts in its file.</summary>
    public SourcePosition At { get; init; }
}
