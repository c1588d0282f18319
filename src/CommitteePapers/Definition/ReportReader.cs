using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Reads a <c>paper: report</c> mapping into a <see cref="Report"/>.</summary>
internal sealed class ReportReader(DiagnosticBag diagnostics)
{
    private readonly TableReader tables = new(diagnostics);

    internal static readonly IReadOnlyList<(string Key, ImplicationKind Kind)> ImplicationKeys =
    [
        ("financial", ImplicationKind.Financial),
        ("human-resources", ImplicationKind.HumanResources),
        ("equalities", ImplicationKind.Equalities),
        ("legal", ImplicationKind.Legal),
        ("crime-and-disorder", ImplicationKind.CrimeAndDisorder),
        ("information-technology", ImplicationKind.InformationTechnology),
        ("property", ImplicationKind.Property),
        ("climate-change", ImplicationKind.ClimateChange),
        ("corporate", ImplicationKind.Corporate),
        ("other", ImplicationKind.Other),
    ];

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
            Exempt = m.Node("exempt") is YScalar e && !e.IsNull && e.Value is not ("false" or "no"),
            ExemptParagraph = ExemptParagraph(m),
            Summary = Paragraphs(m, "summary"),
            Policy = Paragraphs(m, "policy"),
            Consultation = Paragraphs(m, "consultation"),
            OptionsConsidered = Paragraphs(m, "options-considered"),
            Sections = m.List("sections", ReadSection),
            CouncilPlan = Paragraphs(m, "council-plan"),
            Implications = m.Node("implications") is { } imp ? ReadImplications(imp) : null,
            RiskManagement = Paragraphs(m, "risk-management"),
            Recommendations = m.Node("recommendations") is { } rec ? ReadRecommendations(rec) : null,
            Contact = m.Node("contact") is { } c ? ReadContact(c) : null,
            Wards = m.List("wards", n => MappingReader.TextOf(n, "wards", diagnostics)),
            BackgroundPapers = m.Node("background-papers") is { } bp
                ? MappingReader.ListOf(bp, n => MappingReader.TextOf(n, "background-papers", diagnostics))
                : (m.KeyAt("background-papers") != m.At ? [] : null),
            Annexes = m.List("annexes", ReadAnnex),
            Abbreviations = ReadPairs(m, "abbreviations", (k, v, at) => new Abbreviation(k, v) { At = at }),
            Footnotes = ReadPairs(m, "footnotes", (k, v, at) => new Footnote(k, v) { At = at }),
        };
        return report;
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
            Footnotes = ReadPairs(m, "footnotes", (k, v, at) => new Footnote(k, v) { At = at }),
        };
    }

    private int? ExemptParagraph(MappingReader m)
    {
        if (m.Node("exempt") is not YScalar s || s.IsNull || s.Value is "true" or "yes" or "false" or "no") return null;
        if (int.TryParse(s.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7) return n;
        diagnostics.Error(DiagnosticCode.ExemptWithoutParagraph, s.At,
            $"'{s.Value}' is not a paragraph of Schedule 12A; write 'exempt: N' with the paragraph number 1 to 7 (3: financial or business affairs, 1: information about an individual …).");
        return null;
    }

    private IReadOnlyList<Block> Paragraphs(MappingReader m, string key) => m.List(key, ReadParagraph);

    internal IReadOnlyList<Block> Blocks(MappingReader m, string key) => Paragraphs(m, key);

    internal IReadOnlyList<Footnote> Footnotes(MappingReader m) => ReadPairs(m, "footnotes", (k, v, at) => new Footnote(k, v) { At = at });

    private Section? ReadSection(YNode node)
    {
        var m = MappingReader.For(node, diagnostics, Shapes.Section);
        if (m is null) return null;
        return new Section(m.RequiredText("heading"))
        {
            At = m.At,
            Id = m.Text("id"),
            Lettered = m.Bool("lettered") ?? false,
            Paragraphs = Paragraphs(m, "paragraphs"),
            Sections = m.List("sections", ReadSection),
        };
    }

    private Block? ReadParagraph(YNode node)
    {
        if (node is YScalar s)
        {
            if (s.IsNull) return null;
            if (string.IsNullOrWhiteSpace(s.Value)) diagnostics.Error(DiagnosticCode.EmptyText, s.At, "This paragraph is empty; write its text, or remove the line.");
            return new Paragraph(s.Value) { At = s.At };
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
        return new Paragraph(m.RequiredText("text"))
        {
            At = m.Node("text")?.At ?? m.At,
            Id = m.Text("id"),
            Numbered = m.Bool("numbered") ?? true,
            Items = m.List("items", ReadItem),
            Bullets = m.List("bullets", ReadItem),
            More = m.List<Block>("more", ReadBlock),
        };
    }

    private ListItem? ReadItem(YNode node)
    {
        if (node is YScalar s)
        {
            return s.IsNull ? null : new ListItem(s.Value) { At = s.At };
        }

        var m = MappingReader.For(node, diagnostics, Shapes.Item);
        if (m is null) return null;
        return new ListItem(m.RequiredText("text"))
        {
            At = m.Node("text")?.At ?? m.At,
            Id = m.Text("id"),
            Items = m.List("items", ReadItem),
            Bullets = m.List("bullets", ReadItem),
        };
    }

    private Block? ReadBlock(YNode node)
    {
        if (tables.TryRead(node) is { } table) return table;
        var text = MappingReader.TextOf(node, "more", diagnostics);
        return text is null ? null : new TextBlock(text) { At = node.At };
    }

    private Implications? ReadImplications(YNode node)
    {
        if (node is not YMapping)
        {
            return new Implications { At = node.At, Statement = MappingReader.ListOf(node, ReadParagraph) };
        }

        var m = MappingReader.For(node, diagnostics, Shapes.Implications)!;
        var items = new List<Implication>();
        foreach (var (key, value) in ((YMapping)node).Entries)
        {
            var kind = ImplicationKeys.FirstOrDefault(k => k.Key == key.Value);
            if (kind.Key is null || value is YScalar { IsNull: true }) continue;
            items.Add(new Implication(kind.Kind, MappingReader.ListOf(value, ReadParagraph)) { At = key.At });
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
            Intro = m.Text("intro"),
            Items = m.List("items", ReadRecommendation, required: true),
            Reason = m.Text("reason"),
        };
    }

    private Recommendation? ReadRecommendation(YNode node)
    {
        if (node is YScalar s) return s.IsNull ? null : new Recommendation(s.Value) { At = s.At };
        var m = MappingReader.For(node, diagnostics, Shapes.Recommendation);
        if (m is null) return null;
        return new Recommendation(m.RequiredText("text")) { At = m.Node("text")?.At ?? m.At, Id = m.Text("id") };
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
        return new Annex(m.RequiredText("title")) { At = m.At, Id = m.Text("id"), File = m.Text("file") };
    }

    private IReadOnlyList<T> ReadPairs<T>(MappingReader m, string key, Func<string, string, SourcePosition, T> make)
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
            if (MappingReader.TextOf(v, k.Value, diagnostics) is { } text) result.Add(make(k.Value, text, k.At));
        }

        return result;
    }
}
