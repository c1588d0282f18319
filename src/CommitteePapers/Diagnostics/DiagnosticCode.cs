namespace CommitteePapers.Diagnostics;

/// <summary>A diagnostic code and the one-line description that docs/diagnostics.md gives it.</summary>
internal sealed record DiagnosticCode(string Id, string Title)
{
    public static readonly DiagnosticCode InvalidYaml = new("CP0001", "The file is not valid YAML");
    public static readonly DiagnosticCode UnknownKey = new("CP0002", "A key that this kind of paper does not have");
    public static readonly DiagnosticCode WrongType = new("CP0003", "A value of the wrong kind (text, list or mapping)");
    public static readonly DiagnosticCode MissingField = new("CP0004", "A required field is missing");
    public static readonly DiagnosticCode BadDate = new("CP0005", "A date that is not a real date in the form YYYY-MM-DD");
    public static readonly DiagnosticCode DuplicateKey = new("CP0006", "The same key twice in one mapping");
    public static readonly DiagnosticCode UnknownPaperKind = new("CP0007", "An unknown kind of paper");
    public static readonly DiagnosticCode FileTooLarge = new("CP0008", "The file is larger than the limit");
    public static readonly DiagnosticCode TooDeep = new("CP0009", "The YAML nests deeper than the limit");
    public static readonly DiagnosticCode TooManyAliases = new("CP0010", "Aliases expand to more elements than the limit");
    public static readonly DiagnosticCode UnknownAlias = new("CP0011", "An alias that names no anchor");
    public static readonly DiagnosticCode EmptyText = new("CP0012", "Text that is empty");
    public static readonly DiagnosticCode BadValue = new("CP0013", "A value outside the allowed set");
    public static readonly DiagnosticCode UnknownReference = new("CP0014", "A cross-reference to an id that does not exist");
    public static readonly DiagnosticCode DuplicateId = new("CP0015", "Two things with the same id");
    public static readonly DiagnosticCode UnknownFootnote = new("CP0016", "A footnote reference with no footnote text");
    public static readonly DiagnosticCode BadLink = new("CP0017", "A link that is not http, https or mailto");
    public static readonly DiagnosticCode ForbiddenCharacter = new("CP0018", "A character that Word documents cannot hold");
    public static readonly DiagnosticCode UnusedFootnote = new("CP0019", "A footnote that no text refers to");
    public static readonly DiagnosticCode BlockMarkdown = new("CP0020", "Block Markdown where only inline text is allowed");
    public static readonly DiagnosticCode UnknownStyle = new("CP0021", "An unknown house style");
    public static readonly DiagnosticCode TooManyElements = new("CP0022", "More elements than the limit");
    public static readonly DiagnosticCode BadCell = new("CP0023", "A cell whose value does not fit its column's type");
    public static readonly DiagnosticCode WrongCellCount = new("CP0024", "A row with the wrong number of cells");
    public static readonly DiagnosticCode WrongTotal = new("CP0025", "A declared total or subtotal that is not the sum of its rows");
    public static readonly DiagnosticCode RagDisagrees = new("CP0026", "A typed RAG rating that disagrees with the one worked out from the values");
    public static readonly DiagnosticCode DirectionDisagrees = new("CP0027", "A typed direction of travel that disagrees with the one worked out");
    public static readonly DiagnosticCode TargetWithoutPolarity = new("CP0028", "A target without a polarity (higher or lower is better)");
    public static readonly DiagnosticCode PathOutsideFolder = new("CP0029", "A file path that leaves the folder of the file that names it");
    public static readonly DiagnosticCode FileNotFound = new("CP0030", "A file named in a paper, style or pack that does not exist");
    public static readonly DiagnosticCode BadFile = new("CP0031", "A file that cannot be used: wrong kind, too large, or damaged");
    public static readonly DiagnosticCode StyleLeavesOut = new("CP0032", "The house style has no place for a section the paper has");
    public static readonly DiagnosticCode SeriesMismatch = new("CP0033", "A first minute number that does not follow the previous minutes");
    public static readonly DiagnosticCode SeriesBackwards = new("CP0034", "Minutes that follow minutes of a later date, or follow themselves");
    public static readonly DiagnosticCode NotUtf8 = new("CP0035", "A file that is not saved as UTF-8 text");
    public static readonly DiagnosticCode NotAFile = new("CP0036", "A file that is not a regular file, or cannot be read");
    public static readonly DiagnosticCode OutputFailed = new("CP0037", "The output cannot be written");
    public static readonly DiagnosticCode TotalTooLarge = new("CP0038", "Numbers that add up past the largest total");
    public static readonly DiagnosticCode PaperFailed = new("CP0050", "A paper of the pack has errors, so the pack is not built");
    public static readonly DiagnosticCode PublishedLate = new("CP0051", "The pack is published fewer than five clear working days before the meeting");
    public static readonly DiagnosticCode PdfFailed = new("CP0052", "LibreOffice could not make the PDF");
    public static readonly DiagnosticCode PagesMoved = new("CP0053", "The pages came out differently from how they were measured");
    public static readonly DiagnosticCode UnsupportedPaper = new("CP0054", "A paper file of a kind a pack cannot hold");
    public static readonly DiagnosticCode Placeholder = new("CP0040", "Template placeholder text left in the paper");
    public static readonly DiagnosticCode RecommendationWithoutReason = new("CP0041", "Recommendations without a reason");
    public static readonly DiagnosticCode UndefinedAbbreviation = new("CP0042", "An abbreviation used but not defined");
    public static readonly DiagnosticCode UnusedAbbreviation = new("CP0043", "An abbreviation defined but never used");
    public static readonly DiagnosticCode ExemptWithoutParagraph = new("CP0044", "An exempt paper without its Schedule 12A paragraph (1 to 7)");
    public static readonly DiagnosticCode KeyDecisionWithoutForwardPlan = new("CP0045", "A key decision without a forward plan reference");
    public static readonly DiagnosticCode EmptyImplications = new("CP0046", "An implications heading with nothing under it");
    public static readonly DiagnosticCode SuspiciousLink = new("CP0060", "A web link that no reader of a published paper could follow (malformed, local or private)");
    public static readonly DiagnosticCode UnknownField = new("CP0061", "A field the house style does not declare");
    public static readonly DiagnosticCode UnknownDecisionKind = new("CP0070", "A decision with a label the house style does not have");
    public static readonly DiagnosticCode ExemptWithoutExclusion = new("CP0071", "An exempt minute with no exclusion of the press and public before it");
    public static readonly DiagnosticCode NothingPrivate = new("CP0072", "A private version asked for a paper with nothing exempt in it");
    public static readonly DiagnosticCode PublicTextNotExempt = new("CP0073", "Public text for a minute that is not exempt");
    public static readonly DiagnosticCode ImportUncertain = new("CP0100", "An imported block that could not be placed with certainty");
    public static readonly DiagnosticCode ImportMissingField = new("CP0101", "An imported document that does not give a value the paper needs");
    public static readonly DiagnosticCode ListEntryRunOn = new("CP0080", "A line that looks like a list entry, read as more of the text above");
    public static readonly DiagnosticCode KeyRunOn = new("CP0081", "A line that looks like a key, read as more of the text above");
    public static readonly DiagnosticCode NotTextToYaml = new("CP0082", "Text that YAML reads as true, false or a number");
    public static readonly DiagnosticCode DateAsText = new("CP0083", "A date written as text, where it is printed as written");
    public static readonly DiagnosticCode NeedlessAcknowledgement = new("CP0084", "An acknowledgement of a warning the paper does not give");
    public static readonly DiagnosticCode PaperToFollow = new("CP0120", "A paper to follow: late for the five clear working days");
    public static readonly DiagnosticCode UrgentWithoutReason = new("CP0121", "An item added after publication without the Chair's reason for urgency, or a reason on an item that was not added");
    public static readonly DiagnosticCode LatePaperOutOfPlace = new("CP0122", "A late paper marked inside an item that a supplement adds whole");
    public static readonly DiagnosticCode UnknownSupplement = new("CP0123", "A supplement that is not declared, or declared twice");
    public static readonly DiagnosticCode EmptySupplement = new("CP0124", "A supplement with nothing in it");
    public static readonly DiagnosticCode ManifestProblem = new("CP0125", "A pack's manifest that cannot be used");
    public static readonly DiagnosticCode PagesNotKept = new("CP0126", "A republished pack whose papers could not all keep their page numbers");
    public static readonly DiagnosticCode ChangedSincePublished = new("CP0127", "A paper that changed after it was published");

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        InvalidYaml, UnknownKey, WrongType, MissingField, BadDate, DuplicateKey, UnknownPaperKind,
        FileTooLarge, TooDeep, TooManyAliases, UnknownAlias, EmptyText, BadValue, UnknownReference,
        DuplicateId, UnknownFootnote, BadLink, ForbiddenCharacter, UnusedFootnote, BlockMarkdown,
        UnknownStyle, TooManyElements, BadCell, WrongCellCount, WrongTotal, RagDisagrees, DirectionDisagrees,
        TargetWithoutPolarity, PathOutsideFolder, FileNotFound, BadFile, StyleLeavesOut, SeriesMismatch, SeriesBackwards,
        NotUtf8, NotAFile, OutputFailed, TotalTooLarge, PaperFailed,
        PublishedLate, PdfFailed, PagesMoved, UnsupportedPaper, Placeholder,
        RecommendationWithoutReason, UndefinedAbbreviation, UnusedAbbreviation, ExemptWithoutParagraph,
        KeyDecisionWithoutForwardPlan, EmptyImplications, SuspiciousLink, UnknownField,
        UnknownDecisionKind, ExemptWithoutExclusion, NothingPrivate, PublicTextNotExempt,
        ImportUncertain, ImportMissingField,
        ListEntryRunOn, KeyRunOn, NotTextToYaml, DateAsText, NeedlessAcknowledgement,
        PaperToFollow, UrgentWithoutReason, LatePaperOutOfPlace, UnknownSupplement, EmptySupplement, ManifestProblem, PagesNotKept, ChangedSincePublished,
    ];
}
