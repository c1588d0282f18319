namespace CommitteePapers.Styles;

/// <summary>How body paragraphs are numbered.</summary>
public enum NumberingScheme
{
    /// <summary>1, 2, 3 … straight through every heading (City of York).</summary>
    Continuous,

    /// <summary>Numbered section headings 1., 2. with paragraphs 1.1, 1.2 (North Somerset).</summary>
    Decimal,

    /// <summary>No paragraph numbers (Sefton updates).</summary>
    None,
}

/// <summary>How the contact details are laid out.</summary>
public enum ContactLayout
{
    /// <summary>A two-column table: author and chief officer (York).</summary>
    Table,

    /// <summary>A heading and one line per detail (North Somerset's AUTHORS).</summary>
    List,
}

/// <summary>What the footer shows.</summary>
public enum FooterKind
{
    /// <summary>The page number.</summary>
    Page,

    /// <summary>"Page x of y".</summary>
    PageXOfY,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>A line of the front block: text with placeholders such as <c>{meeting}</c> or <c>{date:d MMMM yyyy}</c>.</summary>
/// <param name="Text">The line, as inline Markdown with placeholders.</param>
public sealed record FrontLine(string Text)
{
    /// <summary>The line's role: normal, council, title or subtitle.</summary>
    public string Role { get; init; } = "normal";

    /// <summary>Whether the filled-in line is printed in capitals.</summary>
    public bool UpperCase { get; init; }

    /// <summary>A table instead of a line: rows of cells with placeholders; the first row is the header row.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Table { get; init; }

    /// <summary>Whether the table's first row is a header row (false for a label | value table).</summary>
    public bool TableHeader { get; init; } = true;

    /// <summary>The language of the line (BCP 47, e.g. "zh-HK", "bn-BD", "ur-PK"), so Word, screen readers and the PDF get it right.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the line is right-to-left (Urdu, Arabic).</summary>
    public bool RightToLeft { get; init; }
}

/// <summary>How a council lists members: "Councillors Daubeney (Chair), Fenton and Webb (Vice-Chair)".</summary>
public sealed record MemberListing
{
    /// <summary>Before one name, e.g. "Councillor"; empty for none.</summary>
    public string One { get; init; } = "Councillor";

    /// <summary>Before several names, e.g. "Councillors"; empty for none.</summary>
    public string Many { get; init; } = "Councillors";

    /// <summary>The chair's role, e.g. "Chair" or "Chairperson".</summary>
    public string Chair { get; init; } = "Chair";

    /// <summary>The vice-chair's role.</summary>
    public string ViceChair { get; init; } = "Vice-Chair";

    /// <summary>Alphabetical (York), or chair, vice-chair, then members as written (North Somerset).</summary>
    public bool Alphabetical { get; init; } = true;

    /// <summary>The word before the last name: "and", or "," for none.</summary>
    public string LastSeparator { get; init; } = "and";
}

/// <summary>The usual wording of a standard agenda item or minute.</summary>
/// <param name="Title">The item's title.</param>
public sealed record StandardItem(string Title)
{
    /// <summary>What the agenda says under the item.</summary>
    public string? Agenda { get; init; }

    /// <summary>What the minutes say under the item.</summary>
    public string? Minutes { get; init; }
}

/// <summary>A council logo for the page header.</summary>
/// <param name="Image">The PNG or JPEG bytes.</param>
/// <param name="AltText">What the logo shows, for screen readers.</param>
public sealed record Logo(ReadOnlyMemory<byte> Image, string AltText)
{
    /// <summary>"png" or "jpeg".</summary>
    public string Format { get; init; } = "png";

    /// <summary>Width in millimetres.</summary>
    public double WidthMm { get; init; } = 40;

    /// <summary>Height in millimetres.</summary>
    public double HeightMm { get; init; } = 15;
}

/// <summary>
/// A council's house style: numbering, standard sections and their headings, front block, fonts and page furniture.
/// Immutable and safe to share between threads. Load one with <see cref="HouseStyles"/>, or build one in code.
/// </summary>
public sealed record HouseStyle
{
    /// <summary>The style's name, e.g. "york".</summary>
    public required string Name { get; init; }

    /// <summary>The council whose style this is.</summary>
    public string Council { get; init; } = string.Empty;

    /// <summary>How body paragraphs are numbered.</summary>
    public NumberingScheme Numbering { get; init; } = NumberingScheme.Continuous;

    /// <summary>Sub-item pattern: "a)", "(a)", "a.", "i.", "(i)", "1." …</summary>
    public string SubItems { get; init; } = "a)";

    /// <summary>Pattern of sub-items nested in sub-items.</summary>
    public string NestedItems { get; init; } = "i.";

    /// <summary>Pattern of recommendation items.</summary>
    public string RecommendationItems { get; init; } = "i.";

    /// <summary>The font of every paragraph.</summary>
    public string Font { get; init; } = "Arial";

    /// <summary>Body text size in points.</summary>
    public double BodySize { get; init; } = 12;

    /// <summary>Sizes in points of the title, then headings 1 to 4.</summary>
    public IReadOnlyList<double> HeadingSizes { get; init; } = [14, 12, 12, 12, 12];

    /// <summary>Heading colour as RGB hex, e.g. "000000".</summary>
    public string HeadingColour { get; init; } = "000000";

    /// <summary>Space after each paragraph, in points.</summary>
    public double SpaceAfter { get; init; } = 12;

    /// <summary>Whether standard section headings and top-level headings are printed in capitals.</summary>
    public bool UpperCaseHeadings { get; init; }

    /// <summary>Page margins in millimetres.</summary>
    public double MarginTopMm { get; init; } = 25;

    /// <summary>Right margin in millimetres.</summary>
    public double MarginRightMm { get; init; } = 25;

    /// <summary>Bottom margin in millimetres.</summary>
    public double MarginBottomMm { get; init; } = 25;

    /// <summary>Left margin in millimetres.</summary>
    public double MarginLeftMm { get; init; } = 25;

    /// <summary>Text in the page header, if any.</summary>
    public string? HeaderText { get; init; }

    /// <summary>What the footer shows.</summary>
    public FooterKind Footer { get; init; } = FooterKind.Page;

    /// <summary>A logo in the page header.</summary>
    public Logo? Logo { get; init; }

    /// <summary>The front block of each paper kind ("report", "cabinet-member-update", …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> FrontBlocks { get; init; } = new Dictionary<string, IReadOnlyList<FrontLine>>();

    /// <summary>The standard sections in order; "body" stands for the body sections.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    /// <summary>The heading of each standard section, by its key.</summary>
    public IReadOnlyDictionary<string, string> Headings { get; init; } = new Dictionary<string, string>();

    /// <summary>A heading over all the body sections (North Somerset's "DETAILS"); null for none.</summary>
    public string? BodyHeading { get; init; }

    /// <summary>How the contact details are laid out.</summary>
    public ContactLayout Contact { get; init; } = ContactLayout.Table;

    /// <summary>What annexes are called: "Annex" or "Appendix".</summary>
    public string AnnexWord { get; init; } = "Annex";

    /// <summary>Whether table captions go above the table (else below).</summary>
    public bool CaptionsAbove { get; init; } = true;

    /// <summary>AMBER within this percentage of a KPI target.</summary>
    public decimal KpiTolerance { get; init; } = 5;

    /// <summary>A council's Word template (.dotx or .docx) whose styles, theme, headers and footers are used.</summary>
    public ReadOnlyMemory<byte>? Template { get; init; }

    /// <summary>Names of template styles that play our roles ("heading-1", "numbered-paragraph", "caption", "table-text" …).</summary>
    public IReadOnlyDictionary<string, string> TemplateStyles { get; init; } = new Dictionary<string, string>();

    /// <summary>Lines after the content of each paper kind (the minutes' signature, the notice's contact block).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> EndBlocks { get; init; } = new Dictionary<string, IReadOnlyList<FrontLine>>();

    /// <summary>Word's level text for minute numbers: "%1." (York) or "CAY %1" (North Somerset).</summary>
    public string MinuteNumbers { get; init; } = "%1.";

    /// <summary>How times are printed, a .NET format: "h.mm tt" gives "5.30 pm".</summary>
    public string TimeFormat { get; init; } = "h.mm tt";

    /// <summary>The usual wording of standard items, by key ("declarations-of-interest", "minutes" …).</summary>
    public IReadOnlyDictionary<string, StandardItem> StandardItems { get; init; } = new Dictionary<string, StandardItem>
    {
        ["declarations-of-interest"] = new("Declarations of Interest"),
        ["minutes"] = new("Minutes"),
        ["public-participation"] = new("Public Participation"),
        ["apologies"] = new("Apologies for Absence"),
        ["urgent-business"] = new("Urgent Business"),
        ["exclusion-of-press-and-public"] = new("Exclusion of Press and Public"),
        ["matters-referred"] = new("Matters Referred"),
    };

    /// <summary>How lists of members are written: prefixes, role names and order.</summary>
    public MemberListing Members { get; init; } = new();

    /// <summary>What an exempt agenda item says; {paragraph} is the Schedule 12A paragraph.</summary>
    public string ExemptWording { get; init; } =
        "This item is exempt from publication under paragraph {paragraph} of Schedule 12A to the Local Government Act 1972.";

    /// <summary>The heading text for a standard section key, or the key itself.</summary>
    public string HeadingFor(string key) => Headings.TryGetValue(key, out var heading) ? heading : key;

    /// <summary>The heading text for a key, or <paramref name="fallback"/> when the style does not give one.</summary>
    public string HeadingFor(string key, string fallback) => Headings.TryGetValue(key, out var heading) ? heading : fallback;
}
