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

/// <summary>The decisions recorded under a minute.</summary>
public sealed record Decision
{
    /// <summary>"Resolved:" — what the committee decided; several are numbered (i), (ii).</summary>
    public IReadOnlyList<RichText> Resolved { get; init; } = [];

    /// <summary>"Recommended:" — what the committee recommends to another body.</summary>
    public IReadOnlyList<RichText> Recommended { get; init; } = [];

    /// <summary>"Reason:".</summary>
    public RichText? Reason { get; init; }

    /// <summary>Where the decision is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>One item of minutes: its title, what was said, and what was decided.</summary>
/// <param name="Title">The item's title; standard items may leave it empty to take the style's.</param>
public sealed record MinuteItem(RichText Title)
{
    /// <summary>A standard item (declarations-of-interest, minutes, public-participation, apologies, urgent-business) with its usual wording.</summary>
    public string? Standard { get; init; }

    /// <summary>What was said: paragraphs, bullets, tables.</summary>
    public IReadOnlyList<Block> Paragraphs { get; init; } = [];

    /// <summary>What was decided.</summary>
    public Decision? Decision { get; init; }

    /// <summary>An id other text can refer to ("minute 31").</summary>
    public string? Id { get; init; }

    /// <summary>Where the item is in the source.</summary>
    public SourcePosition At { get; init; }
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
