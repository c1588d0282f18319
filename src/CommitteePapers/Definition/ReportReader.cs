using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Reads a <c>paper: report</c> mapping into a <see cref="Report"/>.</summary>
internal sealed class ReportReader(DiagnosticBag diagnostics)
{
    private readonly TableReader tables = new(diagnostics);

    // The readers of repeated parts as delegates made once per paper, not once for every list of every paragraph.
    private Func<YNode, Section?>? sectionReader;
    private Func<YNode, Block?>? paragraphReader;
    private Func<YNode, ListItem?>? itemReader;
    private Func<YNode, Block?>? blockReader;

    private Func<YNode, Section?> SectionReader => sectionReader ??= ReadSection;

    private Func<YNode, Block?> ParagraphReader => paragraphReader ??= ReadParagraph;

    private Func<YNode, ListItem?> ItemReader => itemReader ??= ReadItem;

    private Func<YNode, Block?> BlockReader => blockReader ??= ReadBlock;

    /// <summary>The kinds of implication every house style knows; a style may add its own.</summary>
    internal static readonly IReadOnlyList<string> ImplicationKeys =
        ["financial", "human-resources", "equalities", "legal", "crime-and-disorder", "information-technology", "property", "climate-change", "corporate", "other"];

    public Report? Read(YMapping map)
    {
        var m = MappingReader.For(map, diagnostics, Shapes.Report)!;
        var date = m.Date("date", required: true);
        var report = new Report
        {
            At = m.At,
            Style = m.Text("style"),
            StyleAt = m.Node("style")?.At ?? m.At,
            Meeting = m.RequiredText("meeting"),
            Date = date ?? default,
            ReportOf = m.RequiredText("report-of"),
            Title = m.RequiredText("title"),
            Subtitle = m.Text("subtitle"),
            PresentedBy = m.Text("presented-by"),
            KeyDecision = m.Bool("key-decision"),
            ForwardPlanReference = m.Text("forward-plan-reference"),
            Exempt = m.Node("exempt") is YScalar e && !e.IsNull && YamlScalars.Boolean(e.Value) is not false,
            ExemptParagraph = ExemptParagraph(m),
            Summary = Paragraphs(m, "summary"),
            Policy = Paragraphs(m, "policy"),
            Consultation = Paragraphs(m, "consultation"),
            OptionsConsidered = Paragraphs(m, "options-considered"),
            Sections = m.List("sections", SectionReader),
            CouncilPlan = Paragraphs(m, "council-plan"),
            Implications = m.Node("implications") is { } imp ? ReadImplications(imp) : null,
            RiskManagement = Paragraphs(m, "risk-management"),
            Recommendations = m.Node("recommendations") is { } rec ? ReadRecommendations(rec) : null,
            Contact = m.Node("contact") is { } c ? ReadContact(c) : null,
            Wards = m.List("wards", n => MappingReader.TextOf(n, "wards", diagnostics)),
            BackgroundPapers = m.Node("background-papers") is { } bp
                ? MappingReader.ListOf(bp, n => MappingReader.RichOf(n, "background-papers", diagnostics))
                : (m.KeyAt("background-papers") != m.At ? [] : null),
            Annexes = m.List("annexes", ReadAnnex),
            Abbreviations = ReadPairs(m, "abbreviations", (k, v, at) => MappingReader.TextOf(v, k.Value, diagnostics) is { } text ? new Abbreviation(k.Value, text) { At = at } : null),
            Footnotes = Footnotes(m),
            Fields = CouncilFields(m),
            Acknowledgements = Acknowledgements(m),
        };
        return report;
    }

    public Document ReadDocument(YMapping map)
    {
        var m = MappingReader.For(map, diagnostics, Shapes.Document)!;
        return new Document
        {
            At = m.At,
            Style = m.Text("style"),
            StyleAt = m.Node("style")?.At ?? m.At,
            Title = m.RequiredRich("title"),
            Subtitle = m.Rich("subtitle"),
            Meeting = m.Text("meeting"),
            Date = m.Date("date"),
            ReportOf = m.Text("report-of"),
            Paragraphs = Paragraphs(m, "paragraphs"),
            Sections = m.List("sections", SectionReader),
            Footnotes = Footnotes(m),
            Fields = CouncilFields(m),
            Acknowledgements = Acknowledgements(m),
        };
    }

    /// <summary>The warnings the paper acknowledges: each a code that exists, with a reason.</summary>
    internal IReadOnlyList<Acknowledgement> Acknowledgements(MappingReader m)
    {
        if (m.Node("acknowledge") is not { } node) return [];
        if (node is not YMapping map)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, "'acknowledge' must be a mapping of warning codes to reasons, such as 'CP0042: The original never spells out MOSAIC.'");
            return [];
        }

        var codes = DiagnosticCode.All.Select(c => c.Id).ToList();
        var result = new List<Acknowledgement>();
        foreach (var (key, value) in map.Entries)
        {
            if (!codes.Contains(key.Value))
            {
                var suggestion = Suggest.Nearest(key.Value, codes);
                diagnostics.Error(DiagnosticCode.BadValue, key.At, $"'{key.Value}' is not a diagnostic code; " +
                    (suggestion is null ? "write the code of the warning, such as CP0042 (docs/diagnostics.md lists them)." : $"did you mean '{suggestion}'?"));
                continue;
            }

            var reason = MappingReader.TextOf(value, key.Value, diagnostics);
            if (string.IsNullOrWhiteSpace(reason))
            {
                diagnostics.Error(DiagnosticCode.EmptyText, value.At, $"Say why the paper is right as it is: '{key.Value}: the reason'.");
                continue;
            }

            result.Add(new Acknowledgement(key.Value, reason) { At = key.At });
        }

        return result;
    }

    /// <summary>
    /// The council's own fields, read for what they are — a text, a list of texts, rows of cells, or paragraphs —
    /// and checked against the house style's declarations when the paper is laid out.
    /// </summary>
    internal IReadOnlyList<PaperField> CouncilFields(MappingReader m)
    {
        if (m.Node("fields") is not { } node) return [];
        if (node is not YMapping map)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, "'fields' must be a mapping of the house style's field names to their values, such as 'classification: Public'.");
            return [];
        }

        var result = new List<PaperField>();
        foreach (var (key, value) in map.Entries)
        {
            if (value is YScalar { IsNull: true }) continue;
            var field = new PaperField(key.Value) { At = key.At };
            switch (value)
            {
                case YScalar s:
                    // What the value is (a date, yes or no, a choice, text) is the style's to say, when it is laid out.
                    var text = MappingReader.RichOf(s, key.Value, diagnostics, isText: false);
                    field = field with { Text = text, Blocks = [new Paragraph(text!) { At = s.At }] };
                    break;
                case YSequence seq when seq.Items.TrueForAll(i => i is YSequence):
                    field = field with { Rows = seq.Items.Cast<YSequence>().Select(r => (IReadOnlyList<RichText>)r.Items.Select(c => MappingReader.RichOf(c, key.Value, diagnostics) ?? RichText.Empty).ToList()).ToList() };
                    break;
                case YSequence seq when seq.Items.TrueForAll(i => i is YScalar):
                    var items = seq.Items.Select(i => MappingReader.RichOf(i, key.Value, diagnostics)).OfType<RichText>().ToList();
                    field = field with { Items = items, Blocks = MappingReader.ListOf(seq, ParagraphReader) };
                    break;
                case YSequence seq:
                    field = field with { Blocks = MappingReader.ListOf(seq, ParagraphReader) };
                    break;
                default:
                    diagnostics.Error(DiagnosticCode.WrongType, value.At, $"The field '{key.Value}' must be a text, a list, or rows; not a mapping.");
                    continue;
            }

            result.Add(field);
        }

        return result;
    }

    public CabinetMemberUpdate ReadUpdate(YMapping map)
    {
        var m = MappingReader.For(map, diagnostics, Shapes.CabinetMemberUpdate)!;
        return new CabinetMemberUpdate
        {
            At = m.At,
            Style = m.Text("style"),
            StyleAt = m.Node("style")?.At ?? m.At,
            Councillor = m.RequiredText("councillor"),
            Portfolio = m.RequiredText("portfolio"),
            Date = m.Date("date", required: true) ?? default,
            Title = m.Text("title"),
            Sections = m.List("sections", ReadSection, required: true),
            Footnotes = Footnotes(m),
            Fields = CouncilFields(m),
            Acknowledgements = Acknowledgements(m),
        };
    }

    private int? ExemptParagraph(MappingReader m)
    {
        if (m.Node("exempt") is not YScalar s || s.IsNull || YamlScalars.Boolean(s.Value) is not null) return null;
        if (YamlScalars.Integer(s.Value) is { } n && n is >= 1 and <= 7) return (int)n;
        diagnostics.Error(DiagnosticCode.ExemptWithoutParagraph, s.At,
            $"'{s.Value}' is not a paragraph of Schedule 12A; write 'exempt: N' with the paragraph number 1 to 7 (3: financial or business affairs, 1: information about an individual …).");
        return null;
    }

    private IReadOnlyList<Block> Paragraphs(MappingReader m, string key) => m.List(key, ParagraphReader);

    internal IReadOnlyList<Block> Blocks(MappingReader m, string key) => Paragraphs(m, key);

    internal IReadOnlyList<Footnote> Footnotes(MappingReader m) =>
        ReadPairs(m, "footnotes", (k, v, at) => MappingReader.RichOf(v, k.Value, diagnostics) is { } text ? new Footnote(k.Value, text) { At = at } : null);

    private Section? ReadSection(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Section);
        if (m is null) return null;
        return new Section(m.RequiredRich("heading"))
        {
            At = m.At,
            Id = m.Text("id"),
            Numbered = m.Bool("numbered"),
            Slot = m.Text("slot"),
            Lettered = m.Bool("lettered") ?? false,
            Paragraphs = Paragraphs(m, "paragraphs"),
            Sections = m.List("sections", SectionReader),
        };
    }

    private Block? ReadParagraph(YNode node)
    {
        if (node is YScalar s)
        {
            if (s.IsNull) return null;
            if (string.IsNullOrWhiteSpace(s.Value)) diagnostics.Error(DiagnosticCode.EmptyText, s.At, "This paragraph is empty; write its text, or remove the line.");
            return new Paragraph(MappingReader.RichOf(s, "paragraphs", diagnostics)!) { At = s.At };
        }

        if (tables.TryRead(node) is { } table) return table;

        if (node is YMapping map && map.Entries.TrueForAll(e => !Shapes.Paragraph.KeyNames.Contains(e.Key.Value)))
        {
            // "Reason: to keep Members informed" is read by YAML as a mapping, not as text.
            diagnostics.Error(DiagnosticCode.WrongType, node.At,
                "This paragraph was read as a key and a value because its text contains ': '; put the whole text in quotes, or write it as a block with '>-'.");
            return null;
        }

        var m = MappingReader.For(node, diagnostics, Shapes.Paragraph);
        if (m is null) return null;
        return new Paragraph(m.RequiredRich("text"))
        {
            At = m.Node("text")?.At ?? m.At,
            Id = m.Text("id"),
            Numbered = m.Bool("numbered") ?? true,
            Items = m.List("items", ItemReader),
            Bullets = m.List("bullets", ItemReader),
            More = m.List<Block>("more", BlockReader),
        };
    }

    /// <summary>A sub-item: text, or a mapping with its own sub-items (also a minute's resolutions).</summary>
    internal ListItem? ReadListItem(YNode node) => ReadItem(node);

    private ListItem? ReadItem(YNode node)
    {
        if (node is YScalar s)
        {
            return s.IsNull ? null : new ListItem(MappingReader.RichOf(s, "items", diagnostics)!) { At = s.At };
        }

        var m = MappingReader.For(node, diagnostics, Shapes.Item);
        if (m is null) return null;
        return new ListItem(m.RequiredRich("text"))
        {
            At = m.Node("text")?.At ?? m.At,
            Id = m.Text("id"),
            Items = m.List("items", ItemReader),
            Bullets = m.List("bullets", ItemReader),
        };
    }

    private Block? ReadBlock(YNode node)
    {
        if (tables.TryRead(node) is { } table) return table;
        var text = MappingReader.RichOf(node, "more", diagnostics);
        return text is null ? null : new TextBlock(text) { At = node.At };
    }

    private Implications? ReadImplications(YNode node)
    {
        if (node is not YMapping)
        {
            return new Implications { At = node.At, Statement = MappingReader.ListOf(node, ParagraphReader) };
        }

        var m = MappingReader.For(node, diagnostics, Shapes.Implications)!;
        var items = new List<Implication>();
        foreach (var (key, value) in ((YMapping)node).Entries)
        {
            if (value is YScalar { IsNull: true }) continue;
            if (value is YMapping entry && entry.Entries.Exists(e => e.Key.Value is "paragraphs" or "sign-off"))
            {
                // The long form: the paragraphs and who signed them off (a cross-cutting issues table prints both).
                var im = MappingReader.For(entry, diagnostics, Shapes.Implication)!;
                items.Add(new Implication(key.Value, im.List("paragraphs", ParagraphReader)) { At = key.At, SignOff = im.Text("sign-off") });
                continue;
            }

            items.Add(new Implication(key.Value, MappingReader.ListOf(value, ParagraphReader)) { At = key.At });
        }

        return new Implications { At = m.At, Items = items };
    }

    private Recommendations? ReadRecommendations(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Recommendations);
        if (m is null) return null;
        return new Recommendations
        {
            At = m.At,
            Intro = m.Rich("intro"),
            Items = m.List("items", ReadRecommendation, required: true),
            Reason = m.Rich("reason"),
        };
    }

    private Recommendation? ReadRecommendation(YNode node)
    {
        if (node is YScalar s) return s.IsNull ? null : new Recommendation(MappingReader.RichOf(s, "items", diagnostics)!) { At = s.At };
        var m = MappingReader.For(node, diagnostics, Shapes.Recommendation);
        if (m is null) return null;
        return new Recommendation(m.RequiredRich("text")) { At = m.Node("text")?.At ?? m.At, Id = m.Text("id"), Items = m.List("items", ItemReader) };
    }

    private ContactDetails? ReadContact(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Contact);
        if (m is null) return null;
        return new ContactDetails
        {
            At = m.At,
            Authors = m.List("author", ReadPerson),
            ChiefOfficers = m.List("chief-officer", ReadPerson),
        };
    }

    internal Person? ReadPerson(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Person);
        if (m is null) return null;
        return new Person(m.RequiredText("name"))
        {
            At = m.At,
            Title = m.Text("title"),
            Department = m.Text("department"),
            Phone = m.Text("phone"),
            Email = m.Text("email"),
            Approved = m.Date("approved"),
        };
    }

    private Annex? ReadAnnex(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Annex);
        if (m is null) return null;
        return new Annex(m.RequiredRich("title")) { At = m.At, Id = m.Text("id"), File = m.Text("file") };
    }

    private IReadOnlyList<T> ReadPairs<T>(MappingReader m, string key, Func<YScalar, YNode, SourcePosition, T?> make)
        where T : class
    {
        var node = m.Node(key);
        if (node is null) return [];
        if (node is not YMapping map)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a mapping of names to texts, such as 'CSC: Children's Social Care'.");
            return [];
        }

        var result = new List<T>();
        foreach (var (k, v) in map.Entries)
        {
            if (make(k, v, k.At) is { } made) result.Add(made);
        }

        return result;
    }
}
