using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Any paper: a report, a cabinet member update, minutes, a notice. Immutable.</summary>
public abstract record Paper
{
    /// <summary>The house style the paper asks for (a built-in name or a path); the caller may override it.</summary>
    public string? Style { get; init; }

    /// <summary>Footnote texts, referred to from text as <c>[^name]</c>.</summary>
    public IReadOnlyList<Footnote> Footnotes { get; init; } = [];

    /// <summary>Where the paper starts in its source file.</summary>
    public SourcePosition At { get; init; }

    /// <summary>Where the paper's <c>style:</c> is in its source file.</summary>
    public SourcePosition StyleAt { get; init; }

    /// <summary>Fields the council's house style declares ("final-decision-maker", "classification"), as the paper gives them.</summary>
    public IReadOnlyList<PaperField> Fields { get; init; } = [];

    /// <summary>Warnings the writer has looked at and accepts for this paper, each with the reason; they are not reported.</summary>
    public IReadOnlyList<Acknowledgement> Acknowledgements { get; init; } = [];

    /// <summary>
    /// The codes of the warnings reading the paper gave (acknowledged or not); with those of laying it out, they say
    /// whether each acknowledgement still acknowledges something. Empty for a paper built in code.
    /// </summary>
    internal IReadOnlySet<string> WarningsWhenRead { get; init; } = new HashSet<string>();

    /// <summary>Whether a diagnostic is a warning the paper acknowledges, and so is not reported.</summary>
    internal bool Acknowledges(Diagnostic diagnostic) =>
        diagnostic.Severity == Severity.Warning && Acknowledgements.Any(a => a.Code == diagnostic.Code);

    /// <summary>Lays the paper out with the visitor for its kind: every kind must have one.</summary>
    internal abstract T Accept<T>(IPaperVisitor<T> visitor);
}

/// <summary>One method per kind of paper, so that code handling every kind cannot leave one out: adding a kind breaks the build until it is handled.</summary>
internal interface IPaperVisitor<out T>
{
    T Report(Report report);

    T Update(CabinetMemberUpdate update);

    T Minutes(Minutes minutes);

    T Notice(Notice notice);

    T Document(Document document);
}

/// <summary>
/// A warning a paper accepts, with why: "CP0042: the original never spells out MOSAIC". A rule the original paper
/// breaks is said so in the paper, where a reader of the YAML sees it, instead of being left as a warning.
/// </summary>
/// <param name="Code">The warning's code, e.g. CP0042.</param>
/// <param name="Reason">Why the paper is right as it is.</param>
public sealed record Acknowledgement(string Code, string Reason)
{
    /// <summary>Where the acknowledgement is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>
/// A field a council's house style declares, as a paper gives it under <c>fields:</c>. What it holds is checked against
/// the style's declaration when the paper is laid out.
/// </summary>
/// <param name="Name">The field's name.</param>
public sealed record PaperField(string Name)
{
    /// <summary>The value when it is one text (a name, a date, a choice).</summary>
    public RichText? Text { get; init; }

    /// <summary>The values when it is a list of texts (lines).</summary>
    public IReadOnlyList<RichText> Items { get; init; } = [];

    /// <summary>The rows when it is a list of lists (a table's rows).</summary>
    public IReadOnlyList<IReadOnlyList<RichText>> Rows { get; init; } = [];

    /// <summary>The paragraphs when it is paragraphs.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];

    /// <summary>Where the field is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A committee report: front block, numbered paragraphs, standard sections, contact details.</summary>
public sealed record Report : Paper
{
    /// <summary>The meeting the report goes to, e.g. "Learning &amp; Culture Policy &amp; Scrutiny Committee".</summary>
    public required string Meeting { get; init; }

    /// <summary>The date of the meeting.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Whose report it is, without "Report of the".</summary>
    public required string ReportOf { get; init; }

    /// <summary>The title of the report.</summary>
    public required string Title { get; init; }

    /// <summary>A second title line, if any.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The officer or member presenting the report (North Somerset's front block).</summary>
    public string? PresentedBy { get; init; }

    /// <summary>Whether the report asks for a key decision; null when the paper does not say.</summary>
    public bool? KeyDecision { get; init; }

    /// <summary>The forward plan reference of a key decision.</summary>
    public string? ForwardPlanReference { get; init; }

    /// <summary>Whether the report is exempt from publication.</summary>
    public bool Exempt { get; init; }

    /// <summary>The paragraph of Schedule 12A to the Local Government Act 1972 (1 to 7) that makes it exempt.</summary>
    public int? ExemptParagraph { get; init; }

    /// <summary>The summary paragraphs.</summary>
    public IReadOnlyList<Block> Summary { get; init; } = [];

    /// <summary>The policy context.</summary>
    public IReadOnlyList<Block> Policy { get; init; } = [];

    /// <summary>Who was consulted.</summary>
    public IReadOnlyList<Block> Consultation { get; init; } = [];

    /// <summary>The options considered.</summary>
    public IReadOnlyList<Block> OptionsConsidered { get; init; } = [];

    /// <summary>The body: sections with headings, paragraphs and sub-sections.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>How the report supports the Council Plan.</summary>
    public IReadOnlyList<Block> CouncilPlan { get; init; } = [];

    /// <summary>The implications: one statement for all, or one entry per kind.</summary>
    public Implications? Implications { get; init; }

    /// <summary>Risk management paragraphs.</summary>
    public IReadOnlyList<Block> RiskManagement { get; init; } = [];

    /// <summary>What the meeting is asked to do, and why.</summary>
    public Recommendations? Recommendations { get; init; }

    /// <summary>Who wrote the report and which chief officer approved it.</summary>
    public ContactDetails? Contact { get; init; }

    /// <summary>The wards affected ("All", or their names).</summary>
    public IReadOnlyList<string> Wards { get; init; } = [];

    /// <summary>Background papers; an empty list prints "None"; null leaves the heading out.</summary>
    public IReadOnlyList<RichText>? BackgroundPapers { get; init; }

    /// <summary>The annexes, numbered by the house style.</summary>
    public IReadOnlyList<Annex> Annexes { get; init; } = [];

    /// <summary>Abbreviations used in the report and what they stand for.</summary>
    public IReadOnlyList<Abbreviation> Abbreviations { get; init; } = [];

    /// <inheritdoc />
    internal override T Accept<T>(IPaperVisitor<T> visitor) => visitor.Report(this);
}

/// <summary>A section of the body: a heading, its paragraphs and its sub-sections.</summary>
/// <param name="Heading">The heading text, without any number or letter.</param>
public sealed record Section(RichText Heading)
{
    /// <summary>An id other text can refer to as <c>[@id]</c>.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// False for a heading that carries no number where the house style numbers headings of its level; the numbers
    /// beneath it keep counting as if it were not there. Null: as the style says.
    /// </summary>
    public bool? Numbered { get; init; }

    /// <summary>The body slot of the house style's order the section goes in (a top-level section only); null for the main body.</summary>
    public string? Slot { get; init; }

    /// <summary>Whether the heading carries the next letter (a), b), …) among its lettered siblings.</summary>
    public bool Lettered { get; init; }

    /// <summary>The paragraphs (and tables) directly under the heading.</summary>
    public IReadOnlyList<Block> Paragraphs { get; init; } = [];

    /// <summary>Sub-sections.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Where the section is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A paragraph: its first block carries the number; sub-items, bullets and further blocks follow.</summary>
/// <param name="Text">The first block.</param>
public sealed record Paragraph(RichText Text) : Block
{
    /// <summary>An id other text can refer to as <c>[@id]</c> ("paragraph 12").</summary>
    public string? Id { get; init; }

    /// <summary>False for a paragraph that carries no number at all.</summary>
    public bool Numbered { get; init; } = true;

    /// <summary>Lettered sub-items (a), b), … in the York style).</summary>
    public IReadOnlyList<ListItem> Items { get; init; } = [];

    /// <summary>Bulleted points.</summary>
    public IReadOnlyList<ListItem> Bullets { get; init; } = [];

    /// <summary>Further blocks of the same paragraph (text or tables); they carry no number.</summary>
    public IReadOnlyList<Block> More { get; init; } = [];
}

/// <summary>A sub-item or a bullet, which may have its own sub-items and bullets.</summary>
/// <param name="Text">The text.</param>
public sealed record ListItem(RichText Text)
{
    /// <summary>An id other text can refer to.</summary>
    public string? Id { get; init; }

    /// <summary>Nested sub-items.</summary>
    public IReadOnlyList<ListItem> Items { get; init; } = [];

    /// <summary>Nested bullets.</summary>
    public IReadOnlyList<ListItem> Bullets { get; init; } = [];

    /// <summary>Where the item's text is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A block of a paper's body: a paragraph, continuation text, a table or a KPI table.</summary>
public abstract record Block
{
    /// <summary>Where the block is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An unnumbered continuation block of text.</summary>
/// <param name="Text">The text.</param>
public sealed record TextBlock(RichText Text) : Block;

/// <summary>The implications of a report.</summary>
public sealed record Implications
{
    /// <summary>One statement covering every kind ("There are no financial, HR … implications.").</summary>
    public IReadOnlyList<Block> Statement { get; init; } = [];

    /// <summary>One entry per kind, in the order written.</summary>
    public IReadOnlyList<Implication> Items { get; init; } = [];

    /// <summary>Where the implications are in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>The implications of one kind.</summary>
/// <param name="Kind">The kind's key: financial, legal, human-resources …, or a kind the council's house style adds.</param>
/// <param name="Paragraphs">What the implications are.</param>
public sealed record Implication(string Kind, IReadOnlyList<Block> Paragraphs)
{
    /// <summary>Who signed the implications off, where the house style prints it (a cross-cutting issues table).</summary>
    public string? SignOff { get; init; }

    /// <summary>Where the entry is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>What the meeting is asked to do.</summary>
public sealed record Recommendations
{
    /// <summary>The line before the items, e.g. "The Committee is invited to:".</summary>
    public RichText? Intro { get; init; }

    /// <summary>The recommendations.</summary>
    public IReadOnlyList<Recommendation> Items { get; init; } = [];

    /// <summary>The reason for the recommendations.</summary>
    public RichText? Reason { get; init; }

    /// <summary>Where the recommendations are in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>One recommendation.</summary>
/// <param name="Text">The text.</param>
public sealed record Recommendation(RichText Text)
{
    /// <summary>An id other text can refer to.</summary>
    public string? Id { get; init; }

    /// <summary>Sub-items of the recommendation (a., b. under "2. Approves the allocation of:").</summary>
    public IReadOnlyList<ListItem> Items { get; init; } = [];

    /// <summary>Where the recommendation is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>The contact details at the end of a report.</summary>
public sealed record ContactDetails
{
    /// <summary>The authors of the report.</summary>
    public IReadOnlyList<Person> Authors { get; init; } = [];

    /// <summary>The chief officers responsible for the report.</summary>
    public IReadOnlyList<Person> ChiefOfficers { get; init; } = [];

    /// <summary>Where the contact details are in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An officer named in a paper.</summary>
/// <param name="Name">The person's name.</param>
public sealed record Person(string Name)
{
    /// <summary>Job title.</summary>
    public string? Title { get; init; }

    /// <summary>Department or service.</summary>
    public string? Department { get; init; }

    /// <summary>Telephone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>The date this person approved the report, if any.</summary>
    public DateOnly? Approved { get; init; }

    /// <summary>Where the person is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An annex to a report; the house style numbers it.</summary>
/// <param name="Title">The annex title.</param>
public sealed record Annex(RichText Title)
{
    /// <summary>An id other text can refer to as <c>[@id]</c> ("Annex 1").</summary>
    public string? Id { get; init; }

    /// <summary>The annex file, relative to the paper.</summary>
    public string? File { get; init; }

    /// <summary>Where the annex is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>An abbreviation and what it stands for.</summary>
/// <param name="Short">The abbreviation, e.g. "CAMHS".</param>
/// <param name="Meaning">What it stands for.</param>
public sealed record Abbreviation(string Short, string Meaning)
{
    /// <summary>Where the abbreviation is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A footnote's text, referred to from text as <c>[^name]</c>; Word numbers it.</summary>
/// <param name="Name">The name used in references.</param>
/// <param name="Text">The footnote text.</param>
public sealed record Footnote(string Name, RichText Text)
{
    /// <summary>Where the footnote is in the source.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>A cabinet member update (Sefton): councillor, portfolio, month, and themed sections of unnumbered paragraphs.</summary>
public sealed record CabinetMemberUpdate : Paper
{
    /// <summary>The cabinet member.</summary>
    public required string Councillor { get; init; }

    /// <summary>The cabinet member's portfolio.</summary>
    public required string Portfolio { get; init; }

    /// <summary>The date of the update; the style usually prints only the month.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>An optional title; the style's front block usually says "Cabinet Member Update Report".</summary>
    public string? Title { get; init; }

    /// <summary>Themed sections with sub-headings.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <inheritdoc />
    internal override T Accept<T>(IPaperVisitor<T> visitor) => visitor.Update(this);
}

/// <summary>
/// Any other document of a meeting — a work plan, a forward plan, an appendix: a title, headings, paragraphs and
/// tables, numbered as the house style numbers reports.
/// </summary>
public sealed record Document : Paper
{
    /// <summary>The title.</summary>
    public required RichText Title { get; init; }

    /// <summary>A line under the title, if any.</summary>
    public RichText? Subtitle { get; init; }

    /// <summary>The meeting or committee it goes to, if any.</summary>
    public string? Meeting { get; init; }

    /// <summary>The date of the meeting or of the document, if any.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Whose document it is, if the style's front block prints it.</summary>
    public string? ReportOf { get; init; }

    /// <summary>Paragraphs before the first heading.</summary>
    public IReadOnlyList<Block> Paragraphs { get; init; } = [];

    /// <summary>The sections.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <inheritdoc />
    internal override T Accept<T>(IPaperVisitor<T> visitor) => visitor.Document(this);
}
