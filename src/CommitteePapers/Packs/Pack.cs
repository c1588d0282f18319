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
/// <param name="File">The file, relative to the pack file; null for a paper to follow that has not arrived.</param>
internal sealed record PackPaper(string? File)
{
    /// <summary>The date a late paper is expected: it is not in the agenda's pack, which prints it as to follow.</summary>
    public DateOnly? ToFollow { get; init; }

    /// <summary>Where <see cref="ToFollow"/> is written.</summary>
    public SourcePosition ToFollowAt { get; init; }

    /// <summary>The supplement that publishes this late paper.</summary>
    public int? Supplement { get; init; }

    /// <summary>Whether the paper is late: to follow, or published in a supplement. The agenda's pack leaves it out.</summary>
    public bool IsLate => ToFollow is not null || Supplement is not null;

    /// <summary>A title for the pack's bookmarks (a supplied file's own title is not read).</summary>
    public string? Title { get; init; }

    /// <summary>Where the paper is named in the pack file.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An agenda item of a pack and its papers.</summary>
/// <param name="Item">The item as the agenda prints it.</param>
/// <param name="Papers">Its papers, in order.</param>
internal sealed record PackItem(AgendaItem Item, IReadOnlyList<PackPaper> Papers)
{
    /// <summary>The supplement that adds this item (an urgent item not on the published agenda); null for an agenda item.</summary>
    public int? Supplement { get; init; }

    /// <summary>Where <see cref="Supplement"/> is written.</summary>
    public SourcePosition SupplementAt { get; init; }

    /// <summary>The papers the agenda's pack holds: those not late.</summary>
    public IEnumerable<PackPaper> OnTime => Supplement is null ? Papers.Where(p => !p.IsLate) : [];

    /// <summary>The papers supplement <paramref name="number"/> publishes: all of an item it adds, and late papers given to it.</summary>
    public IEnumerable<PackPaper> In(int number) => Supplement == number ? Papers.Where(p => p.File is not null) : Supplement is null ? Papers.Where(p => p.Supplement == number) : [];
}

/// <summary>A supplement to the agenda, published after it.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="PublicationDate">When it is published.</param>
internal sealed record PackSupplement(int Number, DateOnly PublicationDate)
{
    /// <summary>Where it is declared.</summary>
    public SourcePosition At { get; init; }
}

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

    /// <summary>The supplements declared, each with its publication date.</summary>
    public IReadOnlyList<PackSupplement> Supplements { get; init; } = [];

    /// <summary>When the pack is republished after a paper changed.</summary>
    public DateOnly? Republished { get; init; }

    /// <summary>
    /// Each item's number, by its index: the agenda's own items in order, then the items supplements add, numbered
    /// after them in order (so that adding one never renumbers the published agenda).
    /// </summary>
    public IReadOnlyDictionary<int, int> Numbers { get; } = NumberItems(Items);

    private static Dictionary<int, int> NumberItems(IReadOnlyList<PackItem> items)
    {
        var numbers = new Dictionary<int, int>();
        foreach (var (item, index) in items.Select((item, i) => (item, i)).OrderBy(x => x.item.Supplement is not null))
        {
            numbers[index] = numbers.Count + 1;
        }

        return numbers;
    }
}
