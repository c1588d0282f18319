using CommitteePapers.Definition;

namespace CommitteePapers.Styles;

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

/// <summary>
/// A line of a front block, end block or council block: text with placeholders such as <c>{meeting}</c> or
/// <c>{date:d MMMM yyyy}</c>, parsed when the style is read, or a table.
/// </summary>
/// <param name="Text">The line, with its placeholders.</param>
public sealed record FrontLine(RichText Text)
{
    /// <summary>The line's role: normal, council, title, subtitle or heading.</summary>
    public string Role { get; init; } = "normal";

    /// <summary>Whether the filled-in line is printed in capitals.</summary>
    public bool UpperCase { get; init; }

    /// <summary>A table instead of a line: rows of cells with placeholders; the first row is the header row unless <see cref="TableHeader"/> is false.</summary>
    public IReadOnlyList<IReadOnlyList<RichText>>? Table { get; init; }

    /// <summary>Whether the table's first row is a header row (false for a label | value table).</summary>
    public bool TableHeader { get; init; } = true;

    /// <summary>A table whose rows come from a paper field of type rows; <see cref="Table"/> then holds only its header row.</summary>
    public string? RowsFrom { get; init; }

    /// <summary>The language of the line (BCP 47, e.g. "zh-HK", "bn-BD", "ur-PK"), so Word, screen readers and the PDF get it right.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the line is right-to-left (Urdu, Arabic).</summary>
    public bool RightToLeft { get; init; }
}

/// <summary>
/// A standard block a council adds to its papers ("Purpose of Report: Decision", a "Timetable" table): an optional
/// heading and lines with placeholders, placed where the style's <c>order</c> names it.
/// </summary>
/// <param name="Lines">The block's lines and tables.</param>
public sealed record StyleBlock(IReadOnlyList<FrontLine> Lines)
{
    /// <summary>A heading over the block, or null.</summary>
    public string? Heading { get; init; }
}

/// <summary>What a field a council declares holds.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines (two officers in one cell of a front table).</summary>
    Lines,

    /// <summary>A date, YYYY-MM-DD.</summary>
    Date,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>One of a list of values.</summary>
    Choice,

    /// <summary>Paragraphs, placed as a section of their own with the style's heading.</summary>
    Paragraphs,

    /// <summary>Rows of cells, for a table block.</summary>
    Rows,
}

/// <summary>A field a council's papers carry that the library does not know: "Final Decision-Maker", "Classification".</summary>
/// <param name="Name">Its key under the paper's <c>fields:</c>, and its placeholder.</param>
/// <param name="Type">What it holds.</param>
public sealed record FieldDefinition(string Name, FieldType Type)
{
    /// <summary>Whether every paper of the kinds it applies to must give it.</summary>
    public bool Required { get; init; }

    /// <summary>The values a choice field can take.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>What the field is, for the writer's editor.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The kinds of paper that carry it (all when empty).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
}

/// <summary>The look of a number format in a level of a numbered list.</summary>
public enum NumberFormat
{
    /// <summary>1, 2, 3.</summary>
    Decimal,

    /// <summary>a, b, c.</summary>
    LowerLetter,

    /// <summary>A, B, C.</summary>
    UpperLetter,

    /// <summary>i, ii, iii.</summary>
    LowerRoman,

    /// <summary>I, II, III.</summary>
    UpperRoman,

    /// <summary>A bullet: the pattern's text is the symbol.</summary>
    Bullet,
}

/// <summary>
/// One level of a numbered list as a style writes it — "1.", "1.1", "1.1.", "a)", "(i)", "(1)", "CAY %1", "•" — read
/// into the parts Word's level text is made of: literal text and counters, the last counter being the level's own.
/// </summary>
/// <param name="Pattern">The pattern as written.</param>
/// <param name="Parts">Literal text (a string) and counters (a <see cref="NumberFormat"/>), in order.</param>
public sealed record NumberPattern(string Pattern, IReadOnlyList<object> Parts)
{
    /// <summary>The format of the level's own counter (the last one), or <see cref="NumberFormat.Bullet"/> when there is none.</summary>
    public NumberFormat Format
    {
        get
        {
            // Indexed, not LINQ: asked for every numbered paragraph laid out.
            for (var i = Parts.Count - 1; i >= 0; i--)
            {
                if (Parts[i] is NumberFormat format) return format;
            }

            return NumberFormat.Bullet;
        }
    }

    /// <summary>How many counters the pattern shows: 1 for "a)", 2 for "1.1", 0 for a bullet.</summary>
    public int Counters
    {
        get
        {
            var count = 0;
            for (var i = 0; i < Parts.Count; i++) count += Parts[i] is NumberFormat ? 1 : 0;
            return count;
        }
    }

    /// <summary>
    /// Reads a pattern. "%1", "%2" … are Word's own counters (for "CAY %1"); otherwise each stand-alone 1, a, A, i or I
    /// is a counter. Null when the pattern has more than nine counters or is empty.
    /// </summary>
    public static NumberPattern? Parse(string pattern)
    {
        if (string.IsNullOrEmpty(pattern) || pattern.Length > 30) return null;
        var parts = new List<object>();
        var literal = new System.Text.StringBuilder();
        var word = pattern.Contains('%', StringComparison.Ordinal);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (word)
            {
                if (c == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
                {
                    Flush();
                    parts.Add(NumberFormat.Decimal);
                    i++;
                    continue;
                }
            }
            else if (c is '1' or 'a' or 'A' or 'i' or 'I' && !IsWordChar(pattern, i - 1) && !IsWordChar(pattern, i + 1))
            {
                Flush();
                parts.Add(c switch
                {
                    '1' => NumberFormat.Decimal,
                    'a' => NumberFormat.LowerLetter,
                    'A' => NumberFormat.UpperLetter,
                    'i' => NumberFormat.LowerRoman,
                    _ => NumberFormat.UpperRoman,
                });
                continue;
            }

            literal.Append(c);
        }

        Flush();
        var counters = parts.Count(p => p is NumberFormat);
        // A pattern with no counter is a bullet: a symbol, not words ("(x)" is a mistake, not a bullet).
        if (counters == 0 && (pattern.Length > 3 || pattern.Any(char.IsLetterOrDigit))) return null;
        return counters > 9 ? null : new NumberPattern(pattern, parts);

        void Flush()
        {
            if (literal.Length == 0) return;
            parts.Add(literal.ToString());
            literal.Clear();
        }
    }

    private static bool IsWordChar(string s, int i) => i >= 0 && i < s.Length && char.IsLetterOrDigit(s[i]);
}

/// <summary>
/// How a council numbers its papers, level by level, decided once by layout from these settings. Headings and
/// paragraphs share one outline list: a numbered heading takes the next level below its nearest numbered heading, and
/// a paragraph the level below that; an unnumbered heading takes no level, so the numbers beneath it keep counting.
/// </summary>
public sealed record NumberingStyle
{
    /// <summary>The outline's levels: York ["1."]; North Somerset ["1.", "1.1."]; none for unnumbered papers.</summary>
    public IReadOnlyList<NumberPattern> Outline { get; init; } = [];

    /// <summary>Whether headings of each level (1 = top) are numbered when the outline has a level for them; a level not listed is numbered.</summary>
    public IReadOnlyList<bool> Headings { get; init; } = [];

    /// <summary>The outline levels (1 = top) at which paragraphs carry numbers: York [1], North Somerset [2].</summary>
    public IReadOnlyList<int> Paragraphs { get; init; } = [];

    /// <summary>Standard sections and blocks whose headings carry no number even where headings are numbered.</summary>
    public IReadOnlyList<string> Unnumbered { get; init; } = [];

    /// <summary>Sub-items, level by level, repeating: a), i.</summary>
    public IReadOnlyList<NumberPattern> SubItems { get; init; } = [];

    /// <summary>Bullets, level by level, repeating: •, i.</summary>
    public IReadOnlyList<NumberPattern> Bullets { get; init; } = [];

    /// <summary>Recommendations and their sub-items: i. or 1., a.</summary>
    public IReadOnlyList<NumberPattern> Recommendations { get; init; } = [];

    /// <summary>Lettered headings: a).</summary>
    public NumberPattern? LetteredHeadings { get; init; }

    /// <summary>Minute numbers: "%1." gives 28., "CAY %1" gives CAY 12.</summary>
    public NumberPattern? Minutes { get; init; }

    /// <summary>Agenda item numbers.</summary>
    public NumberPattern? Agenda { get; init; }

    /// <summary>A minute's resolutions, when there are several: (i), (1); and their sub-items at the next level.</summary>
    public IReadOnlyList<NumberPattern> Resolutions { get; init; } = [];

    /// <summary>Whether a minute's only resolution carries a number; false (the default) prints it without one.</summary>
    public bool NumberSingleResolution { get; init; }

    /// <summary>Numbered points inside a minute (a paragraph's items), level by level; empty: as <see cref="SubItems"/>.</summary>
    public IReadOnlyList<NumberPattern> MinuteItems { get; init; } = [];

    /// <summary>Whether a report's only recommendation carries a number; false prints it as a plain "That …" paragraph.</summary>
    public bool NumberSingleRecommendation { get; init; } = true;

    /// <summary>Whether documents (work plans, appendices) are numbered as a report's body is; false leaves them unnumbered.</summary>
    public bool Documents { get; init; } = true;

    /// <summary>Whether headings of a level (1 = top) are numbered.</summary>
    public bool NumbersHeadingsAt(int level) => level < 1 || level > Headings.Count || Headings[level - 1];
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
    public RichText? Agenda { get; init; }

    /// <summary>
    /// What the minutes say under the item; for declarations of interest, apologies and the exclusion of the press and
    /// public it may use the facts ({apologies}, {paragraph}).
    /// </summary>
    public RichText? Minutes { get; init; }

    /// <summary>What the minutes say when the item lists nothing: "There were no declarations of interest." Null: <see cref="Minutes"/> either way.</summary>
    public RichText? MinutesNone { get; init; }

    /// <summary>How the item's lines (each declaration, each substitution) are numbered; null: plain paragraphs.</summary>
    public NumberPattern? Numbering { get; init; }
}

/// <summary>Where a label of a minute stands: run into its text, or on a line of its own above it.</summary>
public enum LabelPlacement
{
    /// <summary>"Resolved: That the report be noted." on one line.</summary>
    RunIn,

    /// <summary>"RESOLVED" on a line of its own, the text beneath it.</summary>
    Heading,
}

/// <summary>How a council lays out a minute: the order of its parts, where its labels stand, its own decision labels.</summary>
public sealed record MinutesStyle
{
    /// <summary>The parts of a minute that may be moved, in order: paragraphs, decision, reason, alternative-options, other-options, notes.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["paragraphs", "decision", "reason", "alternative-options", "other-options", "notes"];

    /// <summary>The parts of a minute in the order they print (the standard wording and an exemption always come first).</summary>
    public IReadOnlyList<string> Order { get; init; } = Parts;

    /// <summary>Where a decision's label stands ("Resolved: That …", or "RESOLVED" above the resolutions).</summary>
    public LabelPlacement DecisionLabel { get; init; } = LabelPlacement.RunIn;

    /// <summary>Where the labels of the reasons and options stand ("Reason: …", or a sub-heading of its own).</summary>
    public LabelPlacement BlockLabel { get; init; } = LabelPlacement.RunIn;

    /// <summary>Decision labels the council adds to resolved, decided and recommended; each has its words under headings.</summary>
    public IReadOnlyList<string> DecisionKinds { get; init; } = [];
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

/// <summary>The nation of the United Kingdom a council is in: each has bank holidays of its own.</summary>
public enum Nation
{
    /// <summary>England (the default).</summary>
    England,

    /// <summary>Wales: the same bank holidays as England.</summary>
    Wales,

    /// <summary>Scotland: 2 January, the first Monday of August and St Andrew's Day, but not Easter Monday.</summary>
    Scotland,

    /// <summary>Northern Ireland: St Patrick's Day and the Battle of the Boyne as well as England's.</summary>
    NorthernIreland,
}

/// <summary>
/// A council's house style: numbering, standard sections and their headings, wording, front blocks, fields, fonts
/// and page furniture. Immutable and safe to share between threads. Load one with <c>HouseStyles</c>, or build one in code.
/// Everything a council's papers print that is not the paper's own text comes from here.
/// </summary>
public sealed record HouseStyle
{
    /// <summary>The style's name, e.g. "york".</summary>
    public required string Name { get; init; }

    /// <summary>The council whose style this is.</summary>
    public string Council { get; init; } = string.Empty;

    /// <summary>The nation of the United Kingdom the council is in, whose bank holidays are not working days.</summary>
    public Nation Nation { get; init; } = Nation.England;

    /// <summary>How headings, paragraphs, sub-items, recommendations, minutes and agenda items are numbered.</summary>
    public NumberingStyle Numbering { get; init; } = new();

    /// <summary>The font of every paragraph.</summary>
    public string Font { get; init; } = "Arial";

    /// <summary>
    /// A TrueType or OpenType font file the style names (<c>text.font-file</c>), whose advance widths table columns are
    /// measured with; empty to find <see cref="Font"/> among the installed fonts by family name.
    /// </summary>
    public ReadOnlyMemory<byte> FontFile { get; init; }

    /// <summary>Body text size in points.</summary>
    public double BodySize { get; init; } = 12;

    /// <summary>Sizes in points of the title, then headings 1 to 4.</summary>
    public IReadOnlyList<double> HeadingSizes { get; init; } = [14, 12, 12, 12, 12];

    /// <summary>Heading colour as RGB hex, e.g. "000000".</summary>
    public string HeadingColour { get; init; } = "000000";

    /// <summary>Space after each paragraph, in points.</summary>
    public double SpaceAfter { get; init; } = 12;

    /// <summary>Whether a report's standard section headings and top-level headings are printed in capitals.</summary>
    public bool UpperCaseHeadings { get; init; }

    /// <summary>Whether minute titles are printed in capitals.</summary>
    public bool UpperCaseMinuteTitles { get; init; }

    /// <summary>One step of indent (a list level, a numbered paragraph's hanging number), in millimetres.</summary>
    public double IndentMm { get; init; } = 10;

    /// <summary>Page width in millimetres (A4: 210).</summary>
    public double PageWidthMm { get; init; } = 210;

    /// <summary>Page height in millimetres (A4: 297).</summary>
    public double PageHeightMm { get; init; } = 297;

    /// <summary>Top margin in millimetres.</summary>
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

    /// <summary>Lines after the content of each paper kind (the minutes' signature, the notice's contact block).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> EndBlocks { get; init; } = new Dictionary<string, IReadOnlyList<FrontLine>>();

    /// <summary>
    /// The parts of a report in order: standard sections ("summary", "recommendations" …), "body" for the body sections
    /// and "body.NAME" for a further body slot, the council's own blocks and paragraph fields.
    /// </summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    /// <summary>The heading of each standard section (and each kind of implication), by its key.</summary>
    public IReadOnlyDictionary<string, string> Headings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every phrase the papers print that is not a heading ("None", "Report of the {report-of}.", "(Pages {first} - {last})"), by key.</summary>
    public IReadOnlyDictionary<string, RichText> Words { get; init; } = new Dictionary<string, RichText>();

    /// <summary>A heading over all the body sections (North Somerset's "DETAILS"); null for none.</summary>
    public string? BodyHeading { get; init; }

    /// <summary>How the contact details are laid out.</summary>
    public ContactLayout Contact { get; init; } = ContactLayout.Table;

    /// <summary>How grouped implications are laid out: paragraphs under a heading, or a table (Issue | Implications | Sign-off).</summary>
    public ImplicationsLayout Implications { get; init; } = ImplicationsLayout.Paragraphs;

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

    /// <summary>How times are printed, a .NET format: "h.mm tt" gives "5.30 pm".</summary>
    public string TimeFormat { get; init; } = "h.mm tt";

    /// <summary>What "tt" prints before noon and after: "am" and "pm", or "a.m." and "p.m.".</summary>
    public IReadOnlyList<string> AmPm { get; init; } = ["am", "pm"];

    /// <summary>How a date placeholder without a format is printed, a .NET format with "Do" for 22nd.</summary>
    public string DateFormat { get; init; } = "d MMMM yyyy";

    /// <summary>Whether a supplement's pages continue after the last page of the agenda's pack (true) or start at 1.</summary>
    public bool SupplementPagesContinue { get; init; } = true;

    /// <summary>
    /// Whether a republished pack keeps every unchanged paper's page numbers (a changed paper padded with blank pages,
    /// or given lettered pages after its last) rather than numbering the pages after a changed paper afresh.
    /// </summary>
    public bool RepublishKeepsPages { get; init; } = true;

    /// <summary>The usual wording of standard items, by key ("declarations-of-interest", "minutes" …).</summary>
    public IReadOnlyDictionary<string, StandardItem> StandardItems { get; init; } = new Dictionary<string, StandardItem>();

    /// <summary>How lists of members are written: prefixes, role names and order.</summary>
    public MemberListing Members { get; init; } = new();

    /// <summary>How minutes are laid out: the order of a minute's parts, where labels stand, the council's own decision labels.</summary>
    public MinutesStyle Minutes { get; init; } = new();

    /// <summary>Fields the council's papers carry that the library does not know, by name.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    /// <summary>The council's own standard blocks, by the key <see cref="Order"/> places them with.</summary>
    public IReadOnlyDictionary<string, StyleBlock> Blocks { get; init; } = new Dictionary<string, StyleBlock>();

    /// <summary>The kinds of implication the style knows, beyond the library's: keys whose headings are in <see cref="Headings"/>.</summary>
    public IReadOnlyList<string> ImplicationKinds { get; init; } = [];

    /// <summary>The heading text for a standard section key, or the key itself.</summary>
    public string HeadingFor(string key) => Headings.TryGetValue(key, out var heading) ? heading : key;

    /// <summary>A phrase by its key, or empty text when the style has none.</summary>
    public RichText WordFor(string key) => Words.TryGetValue(key, out var word) ? word : RichText.Empty;
}

/// <summary>How grouped implications are laid out.</summary>
public enum ImplicationsLayout
{
    /// <summary>Each kind as a paragraph led by its heading in bold.</summary>
    Paragraphs,

    /// <summary>A table of Issue | Implications | Sign-off, one row per kind (a cross-cutting issues table).</summary>
    Table,
}
