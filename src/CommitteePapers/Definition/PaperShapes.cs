namespace CommitteePapers.Definition;

/// <summary>The shapes of every file a user writes: papers of each kind, style files and pack files.</summary>
internal static class Shapes
{
    private static readonly TextShape Id = new(
        "An id that other text can refer to as [@id]. Letters, digits and hyphens, e.g. 'key-developments'.", Example: "key-developments");

    private static readonly TextShape Inline = new(
        "Text. Inline Markdown: **bold**, *italic*, [links](https://…), footnotes [^name], cross-references [@id].", Markdown: true);

    public static readonly MapShape Item = new("item", "a sub-item", "A sub-item or bullet that has its own sub-items or bullets.",
    [
        new("text", Inline with { Description = "The item's text." }, Required: true),
        new("id", Id),
        new("items", new ListShape("Nested sub-items (i., ii. in the York style).", new RefShape("item-entry"))),
        new("bullets", new ListShape("Nested bullets.", new RefShape("item-entry"))),
    ]);

    public static readonly OneOfShape ItemEntry = new("A sub-item: its text, or a mapping with text and nested items.",
        [Inline with { Description = "The item's text." }, new RefShape("item")]);

    public static readonly MapShape Paragraph = new("paragraph", "a paragraph",
        "A numbered paragraph with sub-items, bullets or further unnumbered blocks, or a paragraph with no number.",
    [
        new("text", Inline with { Description = "The paragraph's first block; it carries the paragraph number." }, Required: true),
        new("id", Id),
        new("numbered", new BoolShape("false for a paragraph that carries no number. Default true.")),
        new("items", new ListShape("Sub-items: a) b) c) in the York style.", new RefShape("item-entry"))),
        new("bullets", new ListShape("Bulleted points.", new RefShape("item-entry"))),
        new("more", new ListShape("Further blocks of the same paragraph; they carry no number.", Inline with { Description = "A continuation block." })),
    ]);

    public static readonly OneOfShape ParagraphEntry = new("A numbered paragraph: its text, or a mapping with text, sub-items and more.",
        [Inline with { Description = "A numbered paragraph's text." }, new RefShape("paragraph")]);

    private static ListShape Paragraphs(string description) => new(description, new RefShape("paragraph-entry"));

    public static readonly MapShape Section = new("section", "a section", "A section of the body: a heading, paragraphs and sub-sections.",
    [
        new("heading", new TextShape("The heading, without any number or letter.", Markdown: true), Required: true),
        new("id", Id),
        new("lettered", new BoolShape("true: the heading shows the next letter a), b), c) among its lettered siblings.")),
        new("paragraphs", Paragraphs("The paragraphs under the heading.")),
        new("sections", new ListShape("Sub-sections.", new RefShape("section"), SingleAllowed: false)),
    ]);

    public static readonly MapShape Person = new("person", "a person", "An officer named in the paper.",
    [
        new("name", new TextShape("The person's name.", Example: "Eoin Rush"), Required: true),
        new("title", new TextShape("Job title.", Example: "Assistant Director")),
        new("department", new TextShape("Department or service.", Example: "Children's Specialist Services")),
        new("phone", new TextShape("Telephone number.", Example: "01904 554212")),
        new("email", new TextShape("Email address.", Example: "eoin.rush@york.gov.uk")),
        new("approved", new DateShape("The date this person approved the report (chief officers).")),
    ]);

    public static readonly MapShape Contact = new("contact", "the contact details", "Who wrote the report and which chief officer is responsible for it.",
    [
        new("author", new ListShape("The author, or a list of authors.", new RefShape("person"))),
        new("chief-officer", new ListShape("The chief officer responsible for the report, or a list.", new RefShape("person"))),
    ]);

    public static readonly MapShape Recommendation = new("recommendation", "a recommendation", "A recommendation with an id.",
    [
        new("text", Inline with { Description = "What the meeting is asked to do." }, Required: true),
        new("id", Id),
    ]);

    public static readonly MapShape Recommendations = new("recommendations", "the recommendations", "What the meeting is asked to do, and why.",
    [
        new("intro", new TextShape("The line before the items.", Markdown: true, Example: "The Committee is invited to:")),
        new("items", new ListShape("The recommendations.", new OneOfShape("A recommendation.", [Inline, new RefShape("recommendation")])), Required: true),
        new("reason", new TextShape("The reason for the recommendations.", Markdown: true)),
    ]);

    public static readonly MapShape Implications = new("implications", "the implications", "The implications of the report, one entry per kind.",
        ReportReader.ImplicationKeys.Select(k => new KeyShape(k.Key, Paragraphs($"The {k.Key.Replace('-', ' ')} implications."))).ToArray());

    public static readonly MapShape Annex = new("annex", "an annex", "An annex; the house style numbers it (Annex 1, 2 …).",
    [
        new("title", new TextShape("The annex title.", Markdown: true), Required: true),
        new("id", Id),
        new("file", new TextShape("The annex file, relative to the paper.")),
    ]);

    public static readonly MapShape Report = new("report", "a report", "A committee report.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["report"]), Required: true),
        new("style", new TextShape("The house style: york, north-somerset, sefton, or a path to a style file. --style on the command line wins.", Example: "york")),
        new("meeting", new TextShape("The meeting the report goes to.", Example: "Learning & Culture Policy & Scrutiny Committee"), Required: true),
        new("date", new DateShape("The date of the meeting, YYYY-MM-DD."), Required: true),
        new("report-of", new TextShape("Whose report it is, without 'Report of the'.", Example: "Assistant Director for Children's Specialist Services"), Required: true),
        new("title", new TextShape("The title of the report.", Example: "Bi-Annual Safeguarding Update"), Required: true),
        new("subtitle", new TextShape("A second title line.")),
        new("summary", Paragraphs("The summary.")),
        new("sections", new ListShape("The body: sections with headings, paragraphs and sub-sections.", new RefShape("section"), SingleAllowed: false)),
        new("council-plan", Paragraphs("How the report supports the Council Plan.")),
        new("implications", new OneOfShape("The implications: one statement for all (paragraphs), or a mapping with one entry per kind.",
            [Paragraphs("One statement for all kinds."), new RefShape("implications")])),
        new("risk-management", Paragraphs("Risk management.")),
        new("recommendations", new RefShape("recommendations")),
        new("contact", new RefShape("contact")),
        new("wards", new ListShape("The wards affected: a list, or one text such as All.", new TextShape("A ward.", Example: "All"))),
        new("background-papers", new ListShape("Background papers; an empty list prints None.", new TextShape("A background paper.", Markdown: true))),
        new("annexes", new ListShape("The annexes, numbered by the house style.", new RefShape("annex"), SingleAllowed: false)),
        new("abbreviations", new MapShape("abbreviations", "the abbreviations", "Abbreviations and what they stand for, e.g. 'CSC: Children's Social Care'.", [],
            FreeKeys: new TextShape("What the abbreviation stands for."))),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name; refer to one in text as [^name].", [],
            FreeKeys: new TextShape("The footnote text.", Markdown: true))),
    ]);

    /// <summary>Every named shape, for references and for the schema's $defs.</summary>
    public static readonly IReadOnlyDictionary<string, Shape> Named = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["item"] = Item,
        ["item-entry"] = ItemEntry,
        ["paragraph"] = Paragraph,
        ["paragraph-entry"] = ParagraphEntry,
        ["section"] = Section,
        ["person"] = Person,
        ["contact"] = Contact,
        ["recommendation"] = Recommendation,
        ["recommendations"] = Recommendations,
        ["implications"] = Implications,
        ["annex"] = Annex,
        ["report"] = Report,
    };

    /// <summary>The paper kinds, by the value of their 'paper:' key.</summary>
    public static readonly IReadOnlyDictionary<string, MapShape> PaperKinds = new Dictionary<string, MapShape>(StringComparer.Ordinal)
    {
        ["report"] = Report,
    };
}
