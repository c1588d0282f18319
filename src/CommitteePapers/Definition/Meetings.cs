using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>A substitute member and whom they stand in for.</summary>
/// <param name="Name">The substitute.</param>
/// <param name="For">The member they replace.</param>
public sealed record Substitute(string Name, string For);

/// <summary>Members of a committee: chair, vice-chair, the others and substitutes.</summary>
public sealed record Membership
{
    /// <summary>The chair.</summary>
    public string? Chair { get; init; }

    /// <summary>The vice-chair.</summary>
    public string? ViceChair { get; init; }

    /// <summary>The other members.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Substitutes.</summary>
    public IReadOnlyList<Substitute> Substitutes { get; init; } = [];

    /// <summary>Whether nobody is named.</summary>
    public bool IsEmpty => Chair is null && ViceChair is null && Members.Count == 0 && Substitutes.Count == 0;
}

/// <summary>
/// A decision recorded under a minute: its kind, which the house style prints with its label ("Resolved:", "RESOLVED –",
/// "Decision –", "Recommended:"), an optional lead-in ("That Cabinet:") and the resolutions, numbered as the style says.
/// </summary>
public sealed record Decision
{
    /// <summary>The label the house style prints: "resolved", "decided", "recommended", or one of the style's own decision kinds.</summary>
    public string Kind { get; init; } = "resolved";

    /// <summary>A lead-in printed after the label, before the resolutions: "That Cabinet:".</summary>
    public RichText? Intro { get; init; }

    /// <summary>The resolutions; several are numbered (i), (1) or (a) as the style says, and may have sub-items.</summary>
    public IReadOnlyList<ListItem> Items { get; init; } = [];

    /// <summary>Where the decision is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An interest a member declared: who, in which item, and what the interest is.</summary>
/// <param name="Members">Who declared it (the names as the council prints them).</param>
public sealed record Declaration(IReadOnlyList<string> Members)
{
    /// <summary>The item the interest is in, as the minutes name it ("Item 10 – Pine View, Danesmoor", or a reference [@id]).</summary>
    public RichText? Item { get; init; }

    /// <summary>What the interest is ("in their capacity as members of the Board of Rykneld Homes Ltd.").</summary>
    public RichText? Interest { get; init; }

    /// <summary>Why it is an interest, where the council records that as well.</summary>
    public RichText? Reason { get; init; }

    /// <summary>Where the declaration is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>
/// One item of minutes: its title, what was said, what was decided and why. The house style decides the order the parts
/// print in and how each is labelled.
/// </summary>
/// <param name="Title">The item's title; standard items may leave it empty to take the style's.</param>
public sealed record MinuteItem(RichText Title)
{
    /// <summary>A standard item (declarations-of-interest, minutes, public-participation, apologies, urgent-business …) with its usual wording.</summary>
    public string? Standard { get; init; }

    /// <summary>What was said: paragraphs, bullets, numbered points, tables.</summary>
    public IReadOnlyList<Block> Paragraphs { get; init; } = [];

    /// <summary>The interests declared (a declarations of interest item); the style words each one.</summary>
    public IReadOnlyList<Declaration> Declarations { get; init; } = [];

    /// <summary>What was decided, in order: resolved, decided, recommended or a kind of the style's own.</summary>
    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    /// <summary>The reasons for the decision.</summary>
    public IReadOnlyList<Block> Reason { get; init; } = [];

    /// <summary>The alternative options considered and rejected.</summary>
    public IReadOnlyList<Block> AlternativeOptions { get; init; } = [];

    /// <summary>Other options (for action).</summary>
    public IReadOnlyList<Block> OtherOptions { get; init; } = [];

    /// <summary>Notes after everything else: a note by the clerk, a call-in note.</summary>
    public IReadOnlyList<Block> Notes { get; init; } = [];

    /// <summary>
    /// The Schedule 12A paragraph (1 to 7) when the minute is exempt: the public minutes print the house style's exemption
    /// wording in its place (and <see cref="Public"/>, if given); the private minutes print it in full.
    /// </summary>
    public int? ExemptParagraph { get; init; }

    /// <summary>
    /// What the public minutes print of an exempt minute besides the exemption wording (a summary that discloses nothing
    /// exempt): its paragraphs, decisions, reasons and notes; its title, standard and id are not used.
    /// </summary>
    public MinuteItem? Public { get; init; }

    /// <summary>An id other text can refer to ("minute 31").</summary>
    public string? Id { get; init; }

    /// <summary>Where the item is in the source.</summary>
    public SourcePosition At { get; init; }

    /// <summary>Where <see cref="Public"/> is in the source.</summary>
    public SourcePosition PublicAt { get; init; }
}

/// <summary>The minutes of a meeting. Minute numbers continue through the committee's series.</summary>
public sealed record Minutes : Paper
{
    /// <summary>The committee.</summary>
    public required string Committee { get; init; }

    /// <summary>The date of the meeting.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Where the meeting was held.</summary>
    public string? Venue { get; init; }

    /// <summary>When the meeting started.</summary>
    public TimeOnly? Started { get; init; }

    /// <summary>When it finished.</summary>
    public TimeOnly? Finished { get; init; }

    /// <summary>The number of the first minute, when the series is not followed from a previous file.</summary>
    public int? FirstMinute { get; init; }

    /// <summary>The previous minutes of the same committee (a path), whose numbers these continue.</summary>
    public string? Follows { get; init; }

    /// <summary>Where <see cref="Follows"/> is in the source.</summary>
    public SourcePosition FollowsAt { get; init; }

    /// <summary>Who was present.</summary>
    public Membership Present { get; init; } = new();

    /// <summary>Apologies.</summary>
    public IReadOnlyList<string> Apologies { get; init; } = [];

    /// <summary>Members absent without apologies.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Others in attendance (councillors who are not members, guests).</summary>
    public IReadOnlyList<string> InAttendance { get; init; } = [];

    /// <summary>Officers in attendance.</summary>
    public IReadOnlyList<string> Officers { get; init; } = [];

    /// <summary>The minute items.</summary>
    public IReadOnlyList<MinuteItem> Items { get; init; } = [];

    /// <summary>Who signs the minutes, e.g. "Cllr S Daubeney, Chair".</summary>
    public string? SignedBy { get; init; }

    /// <inheritdoc />
    internal override T Accept<T>(IPaperVisitor<T> visitor) => visitor.Minutes(this);
}

/// <summary>An item on an agenda.</summary>
/// <param name="Title">The item's title; standard items may leave it empty to take the style's.</param>
public sealed record AgendaItem(RichText Title)
{
    /// <summary>A standard item with its usual wording.</summary>
    public string? Standard { get; init; }

    /// <summary>What the item is about.</summary>
    public IReadOnlyList<Block> Paragraphs { get; init; } = [];

    /// <summary>Whose report it is, printed as "Report of the …".</summary>
    public string? ReportOf { get; init; }

    /// <summary>The Schedule 12A paragraph (1 to 7) when the item is exempt.</summary>
    public int? ExemptParagraph { get; init; }

    /// <summary>The pages of its papers in the pack, e.g. (3, 10); set by the pack compiler.</summary>
    public (int First, int Last)? Pages { get; init; }

    /// <summary>
    /// Pages added after <see cref="Pages"/>'s last when a republished paper grew past the pages it had: printed with a
    /// letter after the last page's number ("14a", "14b"), so that the papers after it keep their numbers. Set by the pack compiler.
    /// </summary>
    public int AddedPages { get; init; }

    /// <summary>
    /// When the item's report is late: the date it is expected. The agenda prints the style's "to follow" wording in place
    /// of a page range, and the paper comes in a supplement. Set by the pack compiler from the item's papers.
    /// </summary>
    public DateOnly? ToFollow { get; init; }

    /// <summary>
    /// Why the Chair agreed to consider an item that was not on the published agenda as a matter of urgency
    /// (section 100B(4)(b) of the Local Government Act 1972); printed with the style's urgent-item wording.
    /// </summary>
    public RichText? Urgent { get; init; }

    /// <summary>The item's number when it is not the next one in the list (a supplement lists only some items, with their agenda numbers).</summary>
    public int? Number { get; init; }

    /// <summary>An id other text can refer to.</summary>
    public string? Id { get; init; }

    /// <summary>Where the item is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A notice of meeting with its agenda (and, by house style, a covering letter).</summary>
public sealed record Notice : Paper
{
    /// <summary>The committee.</summary>
    public required string Committee { get; init; }

    /// <summary>The date of the meeting.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The time the meeting starts.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>Where it is held.</summary>
    public string? Venue { get; init; }

    /// <summary>The members the notice goes to.</summary>
    public Membership Members { get; init; } = new();

    /// <summary>The agenda.</summary>
    public IReadOnlyList<AgendaItem> Items { get; init; } = [];

    /// <summary>The democracy officer for the meeting.</summary>
    public Person? DemocracyOfficer { get; init; }

    /// <summary>The date the notice is published.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>Other people the front sheet lists in labelled groups ("Added Members", "Vacancies", "Right to Speak").</summary>
    public IReadOnlyList<PeopleGroup> Groups { get; init; } = [];

    /// <summary>
    /// The supplement this notice is the front sheet of (1 for "Supplement 1"), or null for the agenda itself: a supplement
    /// prints the style's supplement front block and lists only its own items, with their agenda numbers.
    /// </summary>
    public int? Supplement { get; init; }

    /// <summary>The date the agenda was republished after a paper changed, printed with the style's republished wording; null when it was not.</summary>
    public DateOnly? Republished { get; init; }

    /// <inheritdoc />
    internal override T Accept<T>(IPaperVisitor<T> visitor) => visitor.Notice(this);
}

/// <summary>A labelled group of people a notice lists: "Added Members: Claire Hudson (Church of England Representative)".</summary>
/// <param name="Label">The group's label.</param>
/// <param name="People">Who is in it, as the council writes them.</param>
public sealed record PeopleGroup(string Label, IReadOnlyList<string> People)
{
    /// <summary>Where the group is in the source.</summary>
    public SourcePosition At { get; init; }
}
