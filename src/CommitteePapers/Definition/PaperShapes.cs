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
        new("more", new ListShape("Further blocks of the same paragraph (text or tables); they carry no number.",
            new OneOfShape("A continuation block: text, or a table.", [Inline with { Description = "A continuation block." }, new RefShape("table-entry"), new RefShape("kpi-table-entry")]))),
    ]);

    public static readonly MapShape Column = new("column", "a column", "A table column: its heading and what it holds.",
    [
        new("heading", new TextShape("The column heading.", Markdown: true), Required: true),
        new("type", new TextShape("What the column holds; alignment and formatting follow. Default text.",
            Allowed: ["text", "number", "money", "percent", "date", "rag", "dot"])),
        new("unit", new TextShape("The unit of a money column.", Allowed: ["£", "£000", "£m"])),
        new("decimals", new NumberShape("Decimal places shown for number, money and percent columns.", Integer: true, Minimum: 0, Maximum: 6)),
    ]);

    private static readonly ListShape Cells = new("The cells, one per column; ~ for an empty (or computed) cell.",
        new AnyScalarShape("A cell: text, a number, a date or ~."), SingleAllowed: false);

    public static readonly MapShape GroupRow = new("group-row", "a group row", "A bold row that heads a group of rows.",
        [new("group", new TextShape("The group's heading.", Markdown: true), Required: true)]);

    public static readonly MapShape SubtotalRow = new("subtotal-row", "a subtotal row", "The sum of the rows since the last group or subtotal; declared values are checked, ~ is computed.",
        [new("subtotal", Cells, Required: true)]);

    public static readonly MapShape TotalRow = new("total-row", "a total row", "The sum of every row that is not a subtotal; declared values are checked, ~ is computed.",
        [new("total", Cells, Required: true)]);

    public static readonly MapShape Table = new("table", "a table", "A table with typed columns; its caption is numbered Table 1, 2 … by the style.",
    [
        new("id", Id),
        new("caption", new TextShape("The caption, without 'Table N'.", Markdown: true)),
        new("columns", new ListShape("The columns.", new OneOfShape("A column: its heading, or a mapping with heading and type.",
            [new TextShape("The column heading (a text column)."), new RefShape("column")]), SingleAllowed: false), Required: true),
        new("rows", new ListShape("The rows.", new OneOfShape("A row of cells, or a group, subtotal or total row.",
            [Cells, new RefShape("group-row"), new RefShape("subtotal-row"), new RefShape("total-row")]), SingleAllowed: false), Required: true),
        new("landscape", new BoolShape("true: the table gets a landscape page of its own.")),
    ]);

    public static readonly MapShape TableEntry = new("table-entry", "a table entry", "A table in the flow of paragraphs.",
        [new("table", new RefShape("table"), Required: true)]);

    public static readonly MapShape Indicator = new("indicator", "an indicator", "A key performance indicator.",
    [
        new("name", new TextShape("What the indicator measures.", Markdown: true), Required: true),
        new("type", new TextShape("Number, percentage or rate. Default number.", Allowed: ["number", "percent", "rate"])),
        new("values", new ListShape("One value per period, oldest first; ~ where there is none.", new AnyScalarShape("A value, or ~."), SingleAllowed: false), Required: true),
        new("target", new NumberShape("The target; leave out for an untargeted indicator.")),
        new("polarity", new TextShape("Whether a higher or a lower value is better; needed with a target.", Allowed: ["higher", "lower"])),
        new("rag", new TextShape("The RAG rating as typed in an older paper; checked against the derived one.", Allowed: ["RED", "AMBER", "GREEN", "Not targeted", "R", "A", "G"])),
        new("dot", new TextShape("The direction of travel as typed; checked against the derived one.", Allowed: ["POSITIVE", "STABLE", "NEGATIVE", "INCREASE", "DECREASE"])),
        new("comparators", new ListShape("Comparator texts, one per comparator column; ~ for an empty one.", new AnyScalarShape("A comparator value, or ~."))),
    ]);

    public static readonly MapShape IndicatorGroup = new("indicator-group", "an indicator group", "The indicators of one area.",
    [
        new("area", new TextShape("The area, printed as a group row.", Markdown: true), Required: true),
        new("indicators", new ListShape("The indicators.", new RefShape("indicator"), SingleAllowed: false), Required: true),
    ]);

    public static readonly MapShape KpiTable = new("kpi-table", "a KPI table", "Key performance indicators with RAG and direction of travel worked out from the values.",
    [
        new("id", Id),
        new("caption", new TextShape("The caption, without 'Table N'.", Markdown: true)),
        new("periods", new ListShape("The value columns, oldest first.", new TextShape("A period, e.g. Q3 23-24."), SingleAllowed: false), Required: true),
        new("tolerance", new NumberShape("AMBER within this percentage of the target; the style's default (5) when left out.", Minimum: 0, Maximum: 100)),
        new("comparators", new ListShape("Headings of comparator columns.", new TextShape("A comparator heading."))),
        new("groups", new ListShape("The indicators by area.", new RefShape("indicator-group"), SingleAllowed: false), Required: true),
    ]);

    public static readonly MapShape KpiTableEntry = new("kpi-table-entry", "a KPI table entry", "A KPI table in the flow of paragraphs.",
        [new("kpi-table", new RefShape("kpi-table"), Required: true)]);

    public static readonly OneOfShape ParagraphEntry = new("A numbered paragraph: its text, or a mapping with text, sub-items and more; or a table.",
        [Inline with { Description = "A numbered paragraph's text." }, new RefShape("paragraph"), new RefShape("table-entry"), new RefShape("kpi-table-entry")]);

    private static ListShape Paragraphs(string description) => new(description, new RefShape("paragraph-entry"));

    public static readonly MapShape Section = new("section", "a section", "A section of the body: a heading, paragraphs and sub-sections.",
    [
        new("heading", new TextShape("The heading, without any number or letter.", Markdown: true), Required: true),
        new("id", Id),
        new("lettered", new BoolShape("true: the heading shows the next letter a), b), c) among its lettered siblings.")),
        new("numbered", new BoolShape("false: the heading carries no number where the house style numbers headings of its level; the numbers beneath it keep counting.")),
        new("slot", new TextShape("The body slot of the house style's order this top-level section goes in (e.g. 'next-steps'); the main body when left out.", Example: "next-steps")),
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
        new("items", new ListShape("Sub-items of the recommendation (a., b. in some styles).", new RefShape("item-entry"))),
    ]);

    public static readonly MapShape Recommendations = new("recommendations", "the recommendations", "What the meeting is asked to do, and why.",
    [
        new("intro", new TextShape("The line before the items.", Markdown: true, Example: "The Committee is invited to:")),
        new("items", new ListShape("The recommendations.", new OneOfShape("A recommendation.", [Inline, new RefShape("recommendation")])), Required: true),
        new("reason", new TextShape("The reason for the recommendations.", Markdown: true)),
    ]);

    public static readonly MapShape Implication = new("implication", "an implication", "The implications of one kind, with who signed them off.",
    [
        new("paragraphs", Paragraphs("What the implications are."), Required: true),
        new("sign-off", new TextShape("Who signed the implications off (a cross-cutting issues table prints it).", Example: "Section 151 Officer & Finance Team")),
    ]);

    public static readonly OneOfShape ImplicationEntry = new("The implications of one kind: paragraphs, or a mapping with the paragraphs and who signed them off.",
        [Paragraphs("What the implications are."), new RefShape("implication")]);

    public static readonly MapShape Implications = new("implications", "the implications", "The implications of the report, one entry per kind; a house style may add kinds of its own.",
        ReportReader.ImplicationKeys.Select(k => new KeyShape(k, new RefShape("implication-entry", $"The {k.Replace('-', ' ')} implications."))).ToArray(),
        FreeKeys: new RefShape("implication-entry"));

    public static readonly MapShape Annex = new("annex", "an annex", "An annex; the house style numbers it (Annex 1, 2 …).",
    [
        new("title", new TextShape("The annex title.", Markdown: true), Required: true),
        new("id", Id),
        new("file", new TextShape("The annex file, relative to the paper.")),
    ]);

    public static readonly MapShape Acknowledgements = new("acknowledgements", "the acknowledgements",
        "Warnings the paper accepts, by code, each with the reason, e.g. 'CP0042: The original never spells out MOSAIC.' Errors cannot be acknowledged.", [],
        FreeKeys: new TextShape("Why the paper is right as it is.", Example: "The original paper never spells out MOSAIC."))
    {
        KeyPattern = "^CP[0-9]{4}$",
    };

    /// <summary>A council's own fields under a paper's <c>fields:</c>; the house style declares each one.</summary>
    public static readonly MapShape PaperFields = new("paper-fields", "the fields", "Fields the house style declares for the council's papers (Final Decision-Maker, Classification …), by name.", [],
        FreeKeys: new OneOfShape("A field's value: a text, a list of texts, rows of cells, or paragraphs, as the style declares it.",
        [
            new TextShape("A text.", Markdown: true),
            new ListShape("Lines, rows or paragraphs.", new OneOfShape("A line, a row of cells, or a paragraph.",
                [new TextShape("A line.", Markdown: true), new ListShape("A row of cells.", new TextShape("A cell.", Markdown: true), SingleAllowed: false), new RefShape("paragraph"), new RefShape("table-entry")]), SingleAllowed: false),
        ]));

    public static readonly MapShape Report = new("report", "a report", "A committee report.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["report"]), Required: true),
        new("style", new TextShape($"The house style: {BuiltInStyleNames.Listed}, or a path to a style file. --style on the command line wins.", Example: "york")),
        new("meeting", new TextShape("The meeting the report goes to.", Example: "Learning & Culture Policy & Scrutiny Committee"), Required: true),
        new("date", new DateShape("The date of the meeting, YYYY-MM-DD."), Required: true),
        new("report-of", new TextShape("Whose report it is, without 'Report of the'.", Example: "Assistant Director for Children's Specialist Services"), Required: true),
        new("title", new TextShape("The title of the report.", Example: "Bi-Annual Safeguarding Update"), Required: true),
        new("subtitle", new TextShape("A second title line.")),
        new("presented-by", new TextShape("The officer or member presenting the report.", Example: "Jane Anstis – Assistant Director, Children's Family Support & Safeguarding")),
        new("key-decision", new BoolShape("Whether the report asks for a key decision.")),
        new("forward-plan-reference", new TextShape("The forward plan reference of a key decision.")),
        new("exempt", new OneOfShape("An exempt report: the paragraph of Schedule 12A (1 to 7) that makes it exempt; false or left out when it is public.",
            [new NumberShape("The Schedule 12A paragraph.", Integer: true, Minimum: 1, Maximum: 7), new BoolShape("true or false.")])),
        new("summary", Paragraphs("The summary.")),
        new("policy", Paragraphs("The policy context.")),
        new("sections", new ListShape("The body: sections with headings, paragraphs and sub-sections.", new RefShape("section"), SingleAllowed: false)),
        new("council-plan", Paragraphs("How the report supports the Council Plan.")),
        new("consultation", Paragraphs("Who was consulted.")),
        new("implications", new OneOfShape("The implications: one statement for all (paragraphs), or a mapping with one entry per kind.",
            [Paragraphs("One statement for all kinds."), new RefShape("implications")])),
        new("risk-management", Paragraphs("Risk management.")),
        new("options-considered", Paragraphs("The options considered.")),
        new("recommendations", new RefShape("recommendations")),
        new("contact", new RefShape("contact")),
        new("wards", new ListShape("The wards affected: a list, or one text such as All.", new TextShape("A ward.", Example: "All"))),
        new("background-papers", new ListShape("Background papers; an empty list prints None.", new TextShape("A background paper.", Markdown: true))),
        new("annexes", new ListShape("The annexes, numbered by the house style.", new RefShape("annex"), SingleAllowed: false)),
        new("abbreviations", new MapShape("abbreviations", "the abbreviations", "Abbreviations and what they stand for, e.g. 'CSC: Children's Social Care'.", [],
            FreeKeys: new TextShape("What the abbreviation stands for."))),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name; refer to one in text as [^name].", [],
            FreeKeys: new TextShape("The footnote text.", Markdown: true))),
        new("fields", new RefShape("paper-fields")),
        new("acknowledge", new RefShape("acknowledgements")),
    ]);

    public static readonly MapShape CabinetMemberUpdate = new("cabinet-member-update", "a cabinet member update", "A cabinet member update: themed sections of unnumbered paragraphs.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["cabinet-member-update"]), Required: true),
        new("style", new TextShape($"The house style: {BuiltInStyleNames.Listed}, or a path to a style file.", Example: "sefton")),
        new("councillor", new TextShape("The cabinet member.", Example: "Mhairi Doyle"), Required: true),
        new("portfolio", new TextShape("The cabinet member's portfolio.", Example: "Children's Services"), Required: true),
        new("date", new DateShape("The date of the update, YYYY-MM-DD; the style usually prints the month."), Required: true),
        new("title", new TextShape("A title, if the style's front block uses {title}.")),
        new("sections", new ListShape("Themed sections with sub-headings.", new RefShape("section"), SingleAllowed: false), Required: true),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name; refer to one in text as [^name].", [],
            FreeKeys: new TextShape("The footnote text.", Markdown: true))),
        new("fields", new RefShape("paper-fields")),
        new("acknowledge", new RefShape("acknowledgements")),
    ]);

    public static readonly MapShape Document = new("document", "a document", "Any other document of a meeting — a work plan, a forward plan, an appendix: a title, paragraphs, headings and tables, numbered as the house style numbers a report's body.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["document"]), Required: true),
        new("style", new TextShape($"The house style: {BuiltInStyleNames.Listed}, or a path to a style file.", Example: "north-somerset")),
        new("title", new TextShape("The title.", Markdown: true, Example: "Children and Young People's Services Policy and Scrutiny Panel Work Programme February 2024"), Required: true),
        new("subtitle", new TextShape("A line under the title.", Markdown: true)),
        new("meeting", new TextShape("The meeting or committee it goes to.")),
        new("date", new DateShape("The date of the meeting or of the document, YYYY-MM-DD.")),
        new("report-of", new TextShape("Whose document it is.")),
        new("paragraphs", Paragraphs("Paragraphs before the first heading.")),
        new("sections", new ListShape("The sections: headings with paragraphs, tables and sub-sections.", new RefShape("section"), SingleAllowed: false)),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name; refer to one in text as [^name].", [],
            FreeKeys: new TextShape("The footnote text.", Markdown: true))),
        new("fields", new RefShape("paper-fields")),
        new("acknowledge", new RefShape("acknowledgements")),
    ]);

    public static readonly MapShape Substitute = new("substitute", "a substitute", "A substitute member and whom they stand in for.",
    [
        new("name", new TextShape("The substitute.", Example: "Waudby"), Required: true),
        new("for", new TextShape("The member they replace.", Example: "Barker"), Required: true),
    ]);

    private static readonly ListShape Names = new("Names, e.g. councillors' surnames as the council prints them.", new TextShape("A name.", Example: "Fenton"));

    public static readonly MapShape Membership = new("membership", "the members", "The chair, vice-chair, other members and substitutes.",
    [
        new("chair", new TextShape("The chair.", Example: "Daubeney")),
        new("vice-chair", new TextShape("The vice-chair.", Example: "Webb")),
        new("members", Names with { Description = "The other members." }),
        new("substitutes", new ListShape("Substitutes.", new RefShape("substitute"), SingleAllowed: false)),
    ]);

    private static readonly ListShape Resolutions = new("The resolutions: one text, or a list; several are numbered as the house style says ((i), (1), (a)), and each may have sub-items.",
        new RefShape("item-entry"));

    public static readonly MapShape DecisionText = new("decision-text", "a decision", "A decision with a lead-in before its resolutions ('That Cabinet:').",
    [
        new("intro", Inline with { Description = "The lead-in after the label, before the resolutions, e.g. That Cabinet:" }),
        new("items", Resolutions, Required: true),
    ]);

    private static OneOfShape DecisionEntry(string what) => new($"{what}: a text, a list of resolutions, or a lead-in with its resolutions.",
        [Inline with { Description = $"{what}, e.g. That the report be noted." }, new ListShape("The resolutions.", new RefShape("item-entry"), SingleAllowed: false), new RefShape("decision-text")]);

    public static readonly MapShape Decision = new("decision", "a decision", "A decision printed with one of the house style's own decision labels (its minutes.decision-kinds), or resolved, decided or recommended.",
    [
        new("kind", new TextShape("The label: resolved, decided, recommended, or one of the style's minutes.decision-kinds.", Example: "resolved"), Required: true),
        new("intro", Inline with { Description = "The lead-in after the label, before the resolutions, e.g. That Cabinet:" }),
        new("items", Resolutions, Required: true),
    ]);

    public static readonly MapShape Declaration = new("declaration", "a declaration of interest", "An interest declared: who, in which item, and what the interest is; the house style words it.",
    [
        new("members", new ListShape("Who declared it, as the council prints the names.", new TextShape("A name.", Example: "C Cupit")), Required: true),
        new("item", Inline with { Description = "The item the interest is in, as the minutes name it, or a reference [@id] to a minute." }, Required: true),
        new("interest", Inline with { Description = "What the interest is." }, Required: true),
        new("reason", Inline with { Description = "Why it is an interest, where the council records that too." }),
    ]);

    private static readonly TextShape StandardItem = new("A standard item with its usual wording from the house style.",
        Allowed: ["declarations-of-interest", "minutes", "public-participation", "apologies", "urgent-business", "exclusion-of-press-and-public", "matters-referred"]);

    private static readonly OneOfShape MinuteBlocks = new("Text, or paragraphs.",
        [Inline with { Description = "One paragraph." }, Paragraphs("Paragraphs.")]);

    /// <summary>What a minute says and decides: the keys of a minute item and of an exempt minute's public text.</summary>
    private static readonly KeyShape[] MinuteContent =
    [
        new("paragraphs", Paragraphs("What was said; a paragraph's items are numbered as the style numbers points in a minute.")),
        new("resolved", DecisionEntry("What was resolved") with { Description = "What was resolved, printed with the style's 'resolved' label: a text, a list (numbered as the style numbers resolutions), or {intro, items}." }),
        new("decided", DecisionEntry("What was decided") with { Description = "What was decided, printed with the style's 'decided' label (Decision –)." }),
        new("recommended", DecisionEntry("What the committee recommends to another body") with { Description = "What the committee recommends to another body, printed with the style's 'recommended' label." }),
        new("decision", new RefShape("decision", "A decision with one of the house style's own labels (minutes.decision-kinds).")),
        new("reason", MinuteBlocks with { Description = "The reasons for the decision; printed after it (or where the style's minutes.order says) with the style's 'decision-reason' label." }),
        new("alternative-options", MinuteBlocks with { Description = "The alternative options considered and rejected, with the style's 'alternative-options' label." }),
        new("other-options", MinuteBlocks with { Description = "Other options (for action), with the style's 'other-options' label." }),
        new("notes", Paragraphs("Notes after everything else: a note by the clerk, a call-in note.")),
    ];

    public static readonly MapShape MinutePublic = new("minute-public", "an exempt minute's public text",
        "What the public minutes print of an exempt minute besides the exemption wording: a summary that discloses nothing exempt.", MinuteContent);

    public static readonly MapShape MinuteItem = new("minute-item", "a minute", "One minute: title, what was said, what was decided and why.",
    [
        new("title", new TextShape("The title; a standard item may leave it out.", Markdown: true)),
        new("standard", StandardItem),
        new("id", Id),
        new("declarations", new ListShape("The interests declared, each worded by the house style; with none, the style's 'There were no declarations' wording.", new RefShape("declaration"))),
        .. MinuteContent,
        new("exempt", new NumberShape("The Schedule 12A paragraph (1 to 7) when the minute is exempt: the public minutes print the style's exemption wording in its place, the private minutes (build --private) print it in full.", Integer: true, Minimum: 1, Maximum: 7)),
        new("public", new RefShape("minute-public", "What the public minutes print of an exempt minute besides the exemption wording.")),
    ]);

    public static readonly MapShape Minutes = new("minutes", "a minutes file", "The minutes of a meeting; minute numbers continue through the committee's series.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["minutes"]), Required: true),
        new("style", new TextShape("The house style.", Example: "york")),
        new("committee", new TextShape("The committee.", Example: "Children, Education and Communities Policy and Scrutiny Committee"), Required: true),
        new("date", new DateShape("The date of the meeting."), Required: true),
        new("venue", new TextShape("Where the meeting was held.")),
        new("started", new TimeShape("When the meeting started, HH:MM.")),
        new("finished", new TimeShape("When it finished, HH:MM.")),
        new("first-minute", new NumberShape("The number of the first minute, when there is no previous minutes file to follow.", Integer: true, Minimum: 1, Maximum: 100000)),
        new("follows", new TextShape("The committee's previous minutes file, whose numbers these continue, e.g. ../2022-04-13/minutes.yaml.")),
        new("present", new RefShape("membership")),
        new("apologies", Names with { Description = "Apologies." }),
        new("absent", Names with { Description = "Members absent without apologies." }),
        new("in-attendance", Names with { Description = "Others in attendance." }),
        new("officers", Names with { Description = "Officers in attendance." }),
        new("items", new ListShape("The minutes, in order.", new RefShape("minute-item"), SingleAllowed: false), Required: true),
        new("signed-by", new TextShape("Who signs the minutes.", Example: "Cllr S Daubeney, Chair")),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name.", [], FreeKeys: new TextShape("The footnote text.", Markdown: true))),
        new("fields", new RefShape("paper-fields")),
        new("acknowledge", new RefShape("acknowledgements")),
    ]);

    public static readonly MapShape AgendaItem = new("agenda-item", "an agenda item", "An item on the agenda.",
    [
        new("title", new TextShape("The title; a standard item may leave it out.", Markdown: true)),
        new("standard", StandardItem),
        new("id", Id),
        new("paragraphs", Paragraphs("What the item is about.")),
        new("report-of", new TextShape("Whose report it is, printed as 'Report of the …'.")),
        new("exempt", new NumberShape("The Schedule 12A paragraph (1 to 7) when the item is exempt.", Integer: true, Minimum: 1, Maximum: 7)),
    ]);

    public static readonly MapShape Notice = new("notice", "a notice", "A notice of meeting with its agenda.",
    [
        new("paper", new TextShape("The kind of paper.", Allowed: ["notice"]), Required: true),
        new("style", new TextShape("The house style.", Example: "york")),
        new("committee", new TextShape("The committee.", Example: "Children, Education and Communities Policy and Scrutiny Committee"), Required: true),
        new("date", new DateShape("The date of the meeting."), Required: true),
        new("time", new TimeShape("When the meeting starts, HH:MM.")),
        new("venue", new TextShape("Where the meeting is held.")),
        new("members", new RefShape("membership")),
        new("items", new ListShape("The agenda items, in order.", new RefShape("agenda-item"), SingleAllowed: false), Required: true),
        new("democracy-officer", new RefShape("person")),
        new("publication-date", new DateShape("The date the notice is published.")),
        new("groups", new MapShape("groups", "the groups", "Other people the front sheet lists, by label: 'Added Members: [Claire Hudson (Church of England Representative)]'.", [],
            FreeKeys: new ListShape("The people in the group, as the council writes them.", new TextShape("A person.", Example: "Fiona Waters (Weston College)")))),
        new("footnotes", new MapShape("footnotes", "the footnotes", "Footnote texts by name.", [], FreeKeys: new TextShape("The footnote text.", Markdown: true))),
        new("fields", new RefShape("paper-fields")),
        new("acknowledge", new RefShape("acknowledgements")),
    ]);

    private static readonly NumberShape SupplementNumber = new("The supplement (1, 2 …) that publishes it: 'committee-papers pack --supplement 1' builds it.", Integer: true, Minimum: 1, Maximum: 99);

    public static readonly MapShape PackPaper = new("pack-paper", "a paper of the pack", "A paper supplied as a file, with a title for the bookmarks; or a paper to follow.",
    [
        new("file", new TextShape("The file, relative to the pack file: one of our YAML papers, a .docx or a .pdf. A paper to follow has none until it arrives.", Example: "papers/report.yaml")),
        new("title", new TextShape("The title for the pack's bookmarks.", Example: "Annex A: Ofsted letter")),
        new("to-follow", new DateShape("The date a late paper is expected: the agenda prints the style's 'to follow' wording in place of its pages, and the paper is left out of the pack.")),
        new("supplement", SupplementNumber with { Description = "The supplement that publishes this late paper (it needs its file by then); the agenda still prints it as to follow." }),
    ]);

    public static readonly MapShape PackItem = new("pack-item", "an agenda item", "An agenda item of the pack with its papers.",
    [
        .. AgendaItem.Keys,
        new("papers", new ListShape("The item's papers, in order: file paths relative to the pack file, or {file, title}, or {to-follow: date}.",
            new OneOfShape("A paper.", [new TextShape("A file path."), new RefShape("pack-paper")]))),
        new("supplement", SupplementNumber with { Description = "An item added after the agenda was published (an urgent item): it is left out of the agenda and listed, numbered after the agenda's items, in this supplement." }),
        new("urgent", new TextShape("Why the Chair agreed to consider an item added after publication as a matter of urgency (section 100B(4)(b) of the Local Government Act 1972); printed with the style's 'urgent-item' wording.", Markdown: true)),
    ]);

    public static readonly MapShape PackSupplement = new("pack-supplement", "a supplement", "A supplement to the agenda: late papers and urgent items, published after the agenda.",
    [
        new("number", SupplementNumber with { Description = "The supplement's number: 1 for the first." }, Required: true),
        new("publication-date", new DateShape("The date the supplement is published."), Required: true),
    ]);

    public static readonly MapShape Pack = new("pack", "an agenda pack", "A meeting's agenda pack: the notice, the agenda and every paper, with page numbers.",
    [
        new("pack", new TextShape("The kind of file.", Allowed: ["agenda"]), Required: true),
        .. Notice.Keys.Where(k => k.Key is not ("paper" or "items")),
        new("page-convention", new TextShape("odd-page: every paper starts on a right-hand page, gaps say 'This page is intentionally left blank'; run-on: papers follow each other.", Allowed: ["odd-page", "run-on"])),
        new("page-numbers", new TextShape("from-front-sheet: the agenda pages are numbered too (North Somerset); from-first-paper: papers start at page 1 (York).", Allowed: ["from-front-sheet", "from-first-paper"])),
        new("items", new ListShape("The agenda items, in order, with their papers.", new RefShape("pack-item"), SingleAllowed: false), Required: true),
        new("supplements", new ListShape("The supplements published after the agenda, each with its number and publication date.", new RefShape("pack-supplement"))),
        new("republished", new DateShape("The date the pack is republished after a paper changed ('committee-papers pack --republish'); the front sheet says so in the style's words.")),
    ]);

    /// <summary>
    /// Every kind of paper, by the value of its 'paper:' key: its shape and its reader, registered here once. Its
    /// layout is its method of <see cref="IPaperVisitor{T}"/>, which the compiler requires.
    /// </summary>
    public static readonly IReadOnlyList<PaperKind> PaperKinds =
    [
        new("report", Report, (map, d) => new ReportReader(d).Read(map),
            ["council", "meeting", "date", "report-of", "title", "subtitle", "presented-by", "key-decision", "forward-plan-reference", "wards", "exempt", "classification"]),
        new("cabinet-member-update", CabinetMemberUpdate, (map, d) => new ReportReader(d).ReadUpdate(map),
            ["council", "councillor", "portfolio", "date", "title"]),
        new("minutes", Minutes, (map, d) => new MeetingReader(d, new ReportReader(d)).ReadMinutes(map),
            ["council", "committee", "date", "venue", "started", "finished", "present", "apologies", "absent", "in-attendance", "officers", "signed-by"]),
        new("notice", Notice, (map, d) => new MeetingReader(d, new ReportReader(d)).ReadNotice(map),
            ["council", "committee", "date", "time", "venue", "members", "groups", "publication-date", "democracy-officer", "democracy-officer-title", "democracy-officer-phone", "democracy-officer-email"]),
        new("document", Document, (map, d) => new ReportReader(d).ReadDocument(map),
            ["council", "meeting", "committee", "date", "title", "subtitle", "report-of"]),
    ];

    /// <summary>
    /// The kinds of block a style's front-blocks and end-blocks hold, with the placeholders each can fill: each kind of
    /// paper's, and the front sheet of an agenda's supplement (a notice's, with its number and publication date).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Placeholders)> BlockKinds =
    [
        .. PaperKinds.Select(k => (k.Name, k.Placeholders)),
        ("supplement", [.. PaperKinds.First(k => k.Name == "notice").Placeholders, "supplement", "supplement-date"]),
    ];

    // ---- house style files -----------------------------------------------------------------------------

    public static readonly MapShape FrontLine = new("front-line", "a line", "A line with a role, or a table.",
    [
        new("text", new TextShape("The line, with placeholders such as {meeting}, {title}, {date:d MMMM yyyy} or {date:dddd Do MMMM yyyy} (Do: 22nd).", Markdown: true)),
        new("role", new TextShape("What the line is. Default normal.", Allowed: ["normal", "council", "title", "subtitle", "heading"])),
        new("upper", new BoolShape("true: the filled-in line is printed in capitals.")),
        new("table", new ListShape("A table instead of a line: rows of cells with placeholders; the first row is the header row unless 'header: false'.",
            new ListShape("A row of cells.", new TextShape("A cell, with placeholders."), SingleAllowed: false), SingleAllowed: false)),
        new("header", new BoolShape("false: the table's first row is not a header row (a label | value table, which may have one row); rows whose placeholders are all empty are left out.")),
        new("rows", new TextShape("A field of type rows whose rows fill the table under its header row (a Meeting | Date timetable).", Example: "timetable")),
        new("lang", new TextShape("The language of the line, BCP 47, e.g. zh-HK, bn-BD, pl-PL, tr-TR, ur-PK.", Example: "ur-PK")),
        new("rtl", new BoolShape("true: the line reads right to left (Urdu, Arabic).")),
    ]);

    public static readonly MapShape StandardItemWording = new("standard-item", "a standard item", "The usual wording of a standard item.",
    [
        new("title", new TextShape("The item's title.", Example: "Declarations of Interest"), Required: true),
        new("agenda", new TextShape("What the agenda says under it; the exclusion of the press and public may use {paragraph}, the paragraphs of Schedule 12A of the exempt items after it.", Markdown: true)),
        new("minutes", new TextShape("What the minutes say under it; apologies may use {apologies} and {absent}, the exclusion of the press and public {paragraph}.", Markdown: true)),
        new("minutes-none", new TextShape("What the minutes say when the item lists nothing (no declarations, no apologies) and says nothing else, e.g. There were no declarations of interest.", Markdown: true)),
        new("numbering", new TextShape("How the item's lines are numbered (each declaration of interest; each substitution under apologies), e.g. (1); plain paragraphs when left out.", Example: "(1)")),
    ]);

    public static readonly ListShape FrontLines = new("The lines, in order; a line whose placeholders are all empty is left out.",
        new OneOfShape("A line: text with placeholders, or a mapping with a role or a table.", [new TextShape("A line with placeholders.", Markdown: true), new RefShape("front-line")]), SingleAllowed: false);

    public static readonly MapShape PageSize = new("page-size", "the page size", "A page size in millimetres.",
    [
        new("width", new NumberShape("Width in millimetres.", Minimum: 50, Maximum: 1000), Required: true),
        new("height", new NumberShape("Height in millimetres.", Minimum: 50, Maximum: 1000), Required: true),
    ]);

    public static readonly MapShape FieldDefinition = new("field-definition", "a field", "A field the council's papers carry: its type, and whether a paper must give it.",
    [
        new("type", new TextShape("What the field holds. Default text.", Allowed: ["text", "lines", "date", "yes-no", "choice", "paragraphs", "rows"])),
        new("required", new BoolShape("true: every paper of its kinds must give it.")),
        new("values", new ListShape("The values a choice field can take.", new TextShape("A value.", Example: "Decision"))),
        new("description", new TextShape("What the field is, shown in the writer's editor.")),
        new("kinds", new ListShape("The kinds of paper that carry it; every kind when left out.", new TextShape("A kind of paper.", Example: "report"))),
    ]);

    public static readonly MapShape StyleBlock = new("style-block", "a block", "A standard block of the council's own, placed where 'order' names it.",
    [
        new("heading", new TextShape("A heading over the block.", Example: "Timetable")),
        new("lines", new RefShape("lines", "The block's lines and tables, with placeholders."), Required: true),
    ]);

    /// <summary>
    /// A list level's pattern, as the style reader accepts it: one counter (1, a, A, i, I) with up to three marks around
    /// it — a), (a), a., i., (i), 1., (1), A. — or a bullet of one to three symbols (•, –, ▪).
    /// </summary>
    public const string ListPatternRegex = @"^(?:[^A-Za-z0-9%\s]{0,3}[1aAiI][^A-Za-z0-9%\s]{0,3}|[^A-Za-z0-9%\s]{1,3})$";

    /// <summary>An outline level's pattern: counters joined by marks, 1. 1.1 1.1. 1.1.1 (the reader checks the count).</summary>
    public const string OutlinePatternRegex = @"^[^A-Za-z0-9%\s]{0,3}[1aAiI](?:[^A-Za-z0-9%\s]{1,2}[1aAiI]){0,8}[^A-Za-z0-9%\s]{0,3}$";

    /// <summary>A minute or agenda number: a list level's pattern, or words around Word's counter %1 (CAY %1).</summary>
    public const string CounterPatternRegex = @"^(?:[^%]{0,20}%1[^%]{0,20}|[^A-Za-z0-9%\s]{0,3}[1aAiI][^A-Za-z0-9%\s]{0,3})$";

    private const string ListPatternMessage = "Write a counter with its marks — a), (a), a., i., (i), 1., (1), A. — or a bullet such as •.";

    private static TextShape ListPattern(string description) =>
        new(description, Example: "a)") { Pattern = ListPatternRegex, PatternMessage = ListPatternMessage };

    public static readonly OneOfShape PatternOrPatterns = new("A numbering pattern, or a list of them, one per level.",
        [ListPattern("A pattern such as a), (a), a., i., (i), 1., (1) or •."), new ListShape("One pattern per level, repeating.", ListPattern("A pattern."), SingleAllowed: false)]);

    private static readonly string[] StyleSections =
    [
        "summary", "policy", "body", "council-plan", "consultation", "implications",
        .. ReportReader.ImplicationKeys.Select(k => "implications." + k),
        "risk-management", "options-considered", "recommendations", "contact", "wards", "further-information", "background-papers", "annexes", "abbreviations",
    ];

    public static readonly MapShape HouseStyle = new("house-style", "a house style", "A council's house style: numbering, standard sections, front block, fonts and page furniture.",
    [
        new("name", new TextShape("The style's name, used with --style and 'style:'.", Example: "york"), Required: true),
        new("extends", new OneOfShape($"The style this one starts from: a built-in style ({BuiltInStyleNames.Listed}) or a style file beside this one (committees.yaml); every key given here overrides it.",
        [
            new TextShape("A built-in style.", Allowed: BuiltInStyleNames.All),
            new TextShape("A style file, relative to this one.", Example: "council.yaml") { Pattern = "^[^/\\\\~].*\\.ya?ml$", PatternMessage = $"Name a built-in style ({BuiltInStyleNames.Listed}) or a .yaml style file beside this one." },
        ])),
        new("council", new TextShape("The council's name, for {council} in the front block.", Example: "City of York Council")),
        new("nation", new TextShape("The nation the council is in, whose bank holidays are not working days (the five clear days before a meeting). Default england.",
            Allowed: ["england", "wales", "scotland", "northern-ireland"])),
        new("numbering", new MapShape("numbering", "the numbering", "How headings, paragraphs, sub-items, recommendations, minutes and agenda items are numbered.",
        [
            new("scheme", new TextShape("A preset of the settings below: continuous: 1..N through every heading (York); decimal: numbered headings with 1.1, 1.2 (North Somerset); none.", Allowed: ["continuous", "decimal", "none"])),
            new("outline", new ListShape("The levels of the list headings and paragraphs share, e.g. ['1.', '1.1', '1.1.1'].", new TextShape("A pattern with one counter per level.", Example: "1.1.")
            {
                Pattern = OutlinePatternRegex, PatternMessage = "Write one counter per level joined by marks: 1. for the first level, 1.1 or 1.1. for the second, 1.1.1 for the third.",
            }, SingleAllowed: false)),
            new("headings", new ListShape("Whether headings of each level (top first) are numbered, e.g. [true, false].", new BoolShape("Whether headings of this level are numbered."), SingleAllowed: false)),
            new("paragraphs", new ListShape("The outline levels (1 = top) at which paragraphs carry numbers: [1] numbers them 1, 2, 3; [2] numbers them 1.1 under numbered headings; [2, 3] also 2.1.1 under numbered sub-headings.",
                new NumberShape("An outline level.", Integer: true, Minimum: 1, Maximum: 9), SingleAllowed: false)),
            new("unnumbered", new ListShape("Standard sections, blocks and fields whose headings carry no number, e.g. [summary, recommendations].", new TextShape("A section key.", Example: "summary"), SingleAllowed: false)),
            new("sub-items", new RefShape("patterns", "How sub-items are numbered, level by level: a), (a), a., i., (i), 1., A.")),
            new("nested-items", ListPattern("How sub-items inside sub-items (and inside bullets) are numbered.") with { Example = "i." }),
            new("bullets", new RefShape("patterns", "The bullet symbol, and how items inside bullets are numbered, level by level.")),
            new("recommendations", new RefShape("patterns", "How recommendations are numbered, and their sub-items: i., or [1., a.]; • for bullets.")),
            new("lettered-headings", ListPattern("How lettered headings are lettered.")),
            new("minutes", new TextShape("How minutes are numbered: %1 is the number, e.g. '%1.' or 'CAY %1'.", Example: "%1.")
            {
                Pattern = CounterPatternRegex, PatternMessage = "Write the number as %1 with the words around it (%1., CAY %1), or a counter such as 1.",
            }),
            new("agenda", new TextShape("How agenda items are numbered.", Example: "1.")
            {
                Pattern = CounterPatternRegex, PatternMessage = "Write a counter such as 1. or (1), or %1 with the words around it.",
            }),
            new("single-recommendation", new BoolShape("false: a report's only recommendation carries no number; true (the default): it is numbered like several.")),
            new("documents", new BoolShape("false: documents (work plans, appendices) carry no numbers; true (the default): they are numbered as a report's body is.")),
            new("resolutions", new RefShape("patterns", "How a minute's resolutions are numbered when there are several, and their sub-items: (i), (1) or (a).")),
            new("single-resolution", new BoolShape("true: a minute's only resolution carries a number too; false (the default): it carries none.")),
            new("minute-items", new RefShape("patterns", "How numbered points inside a minute (a paragraph's items) are numbered, level by level: 1., (1); the sub-items' patterns when left out.")),
        ])),
        new("text", new MapShape("text", "the text settings", "Fonts, sizes, colours and spacing.",
        [
            new("font", new TextShape("The font of every paragraph.", Example: "Arial")),
            new("font-file", new TextShape("A TrueType or OpenType font file, relative to the style file, that table columns are measured with (otherwise 'font' is found among the installed fonts).", Example: "fonts/Frutiger-Roman.ttf")),
            new("size", new NumberShape("Body text size in points.", Minimum: 6, Maximum: 72)),
            new("heading-sizes", new ListShape("Sizes in points of the title, then headings 1 to 4.", new NumberShape("A size in points.", Minimum: 6, Maximum: 72), SingleAllowed: false)),
            new("heading-colour", new OneOfShape("Heading colour as six hex digits, e.g. 1F4E79.",
            [
                new TextShape("Six hex digits.", Example: "1F4E79") { Pattern = "^[0-9A-Fa-f]{6}$", PatternMessage = "Write the colour as six hex digits (0-9, A-F), e.g. 1F4E79." },
                // Six decimal digits (000000, 123456) are a number to YAML; the reader takes them as written.
                new NumberShape("Six digits.", Integer: true, Minimum: 0, Maximum: 999999),
            ])),
            new("space-after", new NumberShape("Space after each paragraph in points.", Minimum: 0, Maximum: 72)),
            new("upper-case-headings", new OneOfShape("Headings in capitals: true for a report's standard and top-level headings and minute titles, false for none, or the kinds whose headings are in capitals, e.g. [report].",
                [new BoolShape("true: every kind's headings in capitals; false: none."), new ListShape("The kinds whose headings are in capitals.", new TextShape("A kind of paper.", Allowed: ["report", "minutes"]), SingleAllowed: false)])),
            new("indent", new NumberShape("One step of indent (a list level, a hanging number) in millimetres. Default 10.", Minimum: 0, Maximum: 50)),
        ])),
        new("page", new MapShape("page", "the page settings", "Page size, margins, header, footer and logo.",
        [
            new("size", new OneOfShape("The page size: A4 (the default), A3, A5 or letter, or a width and height in millimetres.",
                [new TextShape("A named size.", Allowed: ["A4", "A3", "A5", "letter"]), new RefShape("page-size")])),
            new("margins", new MapShape("margins", "the margins", "Page margins in millimetres.",
            [
                new("top", new NumberShape("Top margin in millimetres.", Minimum: 0, Maximum: 100)),
                new("right", new NumberShape("Right margin in millimetres.", Minimum: 0, Maximum: 100)),
                new("bottom", new NumberShape("Bottom margin in millimetres.", Minimum: 0, Maximum: 100)),
                new("left", new NumberShape("Left margin in millimetres.", Minimum: 0, Maximum: 100)),
            ])),
            new("header", new TextShape("Text in the page header.")),
            new("footer", new TextShape("What the footer shows: the page number, 'Page x of y', or nothing.", Allowed: ["page", "page-x-of-y", "none"])),
            new("logo", new MapShape("logo", "the logo", "A logo in the page header.",
            [
                new("file", new TextShape("A PNG or JPEG file, relative to the style file."), Required: true),
                new("alt", new TextShape("What the logo shows, for screen readers.", Example: "City of York Council"), Required: true),
                new("width", new NumberShape("Width in millimetres.", Minimum: 1, Maximum: 200)),
                new("height", new NumberShape("Height in millimetres.", Minimum: 1, Maximum: 200)),
            ])),
        ])),
        new("fields", new MapShape("fields", "the fields", "Fields the council's papers carry, by name: a paper gives them under 'fields:', and front blocks and blocks print them as {name}.", [],
            FreeKeys: new RefShape("field-definition"))),
        new("front-blocks", new MapShape("front-blocks", "the front blocks", "The front block of each kind of paper.",
            BlockKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => new KeyShape(k, new RefShape("lines", $"The front block of a {k}."))).ToArray())),
        new("end-blocks", new MapShape("end-blocks", "the end blocks", "Lines after the content of each kind of paper (signature, contact block, languages).",
            BlockKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => new KeyShape(k, new RefShape("lines", $"The end block of a {k}."))).ToArray())),
        new("blocks", new MapShape("blocks", "the blocks", "The council's own standard blocks (Purpose of Report, Timetable), by the key 'order' places them with.", [],
            FreeKeys: new RefShape("style-block"))),
        new("time-format", new TextShape("How times are printed, e.g. 'h.mm tt' for 5.30 pm, 'HH:mm' for 17:30.", Example: "h.mm tt")),
        new("am-pm", new ListShape("What 'tt' prints before noon and after, e.g. [a.m., p.m.].", new TextShape("A designator.", Example: "a.m."), SingleAllowed: false)),
        new("date-format", new TextShape("How a date placeholder without a format is printed; Do is the day with its ending (22nd).", Example: "d MMMM yyyy")),
        new("supplement-pages", new TextShape("How a supplement's pages are numbered: continue: after the last page of the agenda's pack (the default); restart: from 1.", Allowed: ["continue", "restart"])),
        new("republish-pages", new TextShape("How a republished pack keeps its page numbers: keep: a changed paper is padded with blank pages, or takes lettered pages (14a, 14b) after its last, so that every other paper keeps its numbers (the default); renumber: the pages after it move.", Allowed: ["keep", "renumber"])),
        new("standard-items", new MapShape("standard-items", "the standard items", "The usual wording of standard items by key.",
            StandardItem.Allowed!.Select(k => new KeyShape(k, new RefShape("standard-item"))).ToArray())),
        new("minutes", new MapShape("minutes-style", "the minutes settings", "How a minute is laid out: the order of its parts, where its labels stand, the council's own decision labels.",
        [
            new("order", new ListShape("The parts of a minute in order, after its standard wording: paragraphs, decision, reason, alternative-options, other-options, notes.",
                new TextShape("A part of a minute.", Allowed: ["paragraphs", "decision", "reason", "alternative-options", "other-options", "notes"]), SingleAllowed: false)),
            new("decision-label", new TextShape("run-in: 'Resolved: That …' on one line (the label above a numbered list); heading: the label on a line of its own above the resolutions.", Allowed: ["run-in", "heading"])),
            new("block-label", new TextShape("run-in: 'Reason: …' on one line; heading: the label of a reason or option on a line of its own above it.", Allowed: ["run-in", "heading"])),
            new("decision-kinds", new ListShape("Decision labels the council adds to resolved, decided and recommended; give each its words under 'headings', and a minute uses one with 'decision: {kind: …}'.",
                new TextShape("A decision kind.", Example: "resolved-unanimously"), SingleAllowed: false)),
        ])),
        new("members", new MapShape("member-listing", "the member listing", "How lists of members are written.",
        [
            new("one", new TextShape("Before one name, e.g. Councillor; empty for none.")),
            new("many", new TextShape("Before several names, e.g. Councillors; empty for none.")),
            new("chair", new TextShape("The chair's role, e.g. Chair or Chairperson.")),
            new("vice-chair", new TextShape("The vice-chair's role.")),
            new("alphabetical", new BoolShape("true: names in alphabetical order (York); false: chair, vice-chair, then as written.")),
            new("last-separator", new TextShape("The word before the last name: and, or , for none.", Example: "and")),
        ])),
        new("order", new ListShape("The parts of a report in order: standard sections, 'body' for the body sections and body.NAME for a further body slot, block.NAME for one of the style's blocks, field.NAME for a paragraphs field.",
            new OneOfShape("A part of a report.",
            [
                new TextShape("A standard section.", Allowed: StyleSections),
                new TextShape("A body slot, block or paragraphs field of the style.", Example: "block.timetable") { Pattern = "^(body|block|field|implications)\\.[a-z][a-z0-9-]*$", PatternMessage = "Name a standard section, or body.NAME, block.NAME, field.NAME or implications.KIND." },
            ]), SingleAllowed: false)),
        new("body-heading", new TextShape("A heading over all the body sections, e.g. Details.")),
        new("headings", new MapShape("headings", "the headings", "The heading of each standard section, label and kind of implication, by its key.", [],
            FreeKeys: new TextShape("The heading or label."))),
        new("words", new MapShape("words", "the words", "Every phrase the papers print that is not a heading, by key, with placeholders: none, report-of, pages, page, blank-page, exempt, recommendations-intro …", [],
            FreeKeys: new TextShape("The wording, with placeholders.", Markdown: true))),
        new("implication-kinds", new ListShape("Kinds of implication the council adds to the library's (financial, legal …); give each a heading under 'headings'.", new TextShape("A kind.", Example: "procurement"), SingleAllowed: false)),
        new("implications", new TextShape("How grouped implications are laid out: paragraphs, or a table of Issue | Implications | Sign-off.", Allowed: ["paragraphs", "table"])),
        new("contact", new TextShape("How contact details are laid out.", Allowed: ["table", "list"])),
        new("annex-word", new TextShape("What annexes are called.", Example: "Annex")),
        new("table-captions", new TextShape("Where table captions go.", Allowed: ["above", "below"])),
        new("kpi-tolerance", new NumberShape("AMBER within this percentage of a KPI target.", Minimum: 0, Maximum: 100)),
        new("template", new MapShape("template", "the template", "A council's Word template whose styles, theme, headers and footers are used.",
        [
            new("file", new TextShape("A .dotx or .docx file, relative to the style file."), Required: true),
            new("styles", new MapShape("template-styles", "the template styles", "Which template style plays each role: title, subtitle, heading-1 … heading-4, numbered-paragraph, body-text, list-paragraph, caption, table-text, table-heading, normal.", [],
                FreeKeys: new TextShape("The name of a style in the template."))),
        ])),
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
        ["implication"] = Implication,
        ["implication-entry"] = ImplicationEntry,
        ["paper-fields"] = PaperFields,
        ["acknowledgements"] = Acknowledgements,
        ["lines"] = FrontLines,
        ["patterns"] = PatternOrPatterns,
        ["annex"] = Annex,
        ["column"] = Column,
        ["group-row"] = GroupRow,
        ["subtotal-row"] = SubtotalRow,
        ["total-row"] = TotalRow,
        ["table"] = Table,
        ["table-entry"] = TableEntry,
        ["indicator"] = Indicator,
        ["indicator-group"] = IndicatorGroup,
        ["kpi-table"] = KpiTable,
        ["kpi-table-entry"] = KpiTableEntry,
        ["front-line"] = FrontLine,
        ["page-size"] = PageSize,
        ["field-definition"] = FieldDefinition,
        ["style-block"] = StyleBlock,
        ["pack-paper"] = PackPaper,
        ["pack-item"] = PackItem,
        ["pack"] = Pack,
        ["pack-supplement"] = PackSupplement,
        ["standard-item"] = StandardItemWording,
        ["minutes"] = Minutes,
        ["notice"] = Notice,
        ["substitute"] = Substitute,
        ["membership"] = Membership,
        ["decision"] = Decision,
        ["decision-text"] = DecisionText,
        ["declaration"] = Declaration,
        ["minute-public"] = MinutePublic,
        ["minute-item"] = MinuteItem,
        ["agenda-item"] = AgendaItem,
        ["house-style"] = HouseStyle,
        ["report"] = Report,
        ["cabinet-member-update"] = CabinetMemberUpdate,
        ["document"] = Document,
    };


}
