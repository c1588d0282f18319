using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;
using Paper = CommitteePapers.Definition.Paper;
using WStyles = DocumentFormat.OpenXml.Wordprocessing.Styles;

namespace CommitteePapers.Tests;

/// <summary>
/// House styles as data: the three built-in styles, a fourth council's style file, broken style files, a council's
/// Word template, and how the command line and the paper's own 'style:' choose one. Every check reads the .docx back.
/// </summary>
public sealed class StyleTests : IDisposable
{
    private static readonly string StylesFolder = Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "Styles");
    private static readonly string SafeguardingPath = Repo.Example("york-safeguarding-update");
    private static readonly Lazy<Paper> Safeguarding = new(() => LoadPaper(SafeguardingPath));
    private static readonly Lazy<byte[]> FourthCouncilSafeguarding = new(() => Docx.Render(Safeguarding.Value, LoadStyle("fourth-council.yaml")));

    [Fact]
    public void The_built_in_styles_are_the_style_files_the_library_carries_and_each_is_found_by_its_name()
    {
        // Which councils are built in is data: each Styles/BuiltIn/*.yaml but the base is a style, named by its file.
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "src", "CommitteePapers", "Styles", "BuiltIn"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => n != "base").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, CommitteePapers.Definition.BuiltInStyleNames.All);
        Assert.Equal(files, HouseStyles.BuiltIn.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(files, name => Assert.Equal(name, HouseStyles.Find(name)?.Name));

        // The default style is data too: the name in default-style.txt, one of the built-in styles.
        var named = File.ReadAllText(Path.Combine(Repo.Root, "src", "CommitteePapers", "Styles", "BuiltIn", "default-style.txt")).Trim();
        Assert.Equal(named, CommitteePapers.Definition.BuiltInStyleNames.Default);
        Assert.Contains(named, files);
    }

    /// <summary>A number typed into the text instead of coming from numbering.xml: "1.", "1.1.", "a)", "(a)", "i.".</summary>
    private static readonly Regex TypedNumber = new(@"^\s*(\d+(\.\d+)*\.|\(?[a-z]\)|\(?[ivx]+[.)])\s");

    private const string TemplateHeaderText = "BORSETSHIRE COUNCIL – OFFICIAL";

    private readonly string folder = Directory.CreateTempSubdirectory("cp-style-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // ---- 1. the York safeguarding example in every built-in style --------------------------------------------

    public static TheoryData<string> BuiltInStyleNames() => new(HouseStyles.BuiltIn.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(BuiltInStyleNames))]
    public void Safeguarding_example_renders_valid_in_every_built_in_style(string name)
    {
        var style = HouseStyles.Find(name);
        Assert.NotNull(style);
        var docx = Docx.Render(Safeguarding.Value, style); // asserts 0 validator errors
        var texts = Docx.ParagraphTexts(docx);
        Assert.Contains(texts, t => t.StartsWith("At a meeting of the Committee in June 2012", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("There are increasing difficulties in recruiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Built_in_styles_are_york_north_somerset_and_sefton()
    {
        Assert.Equal(["north-somerset", "sefton", "york"], HouseStyles.BuiltIn.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Same(HouseStyles.York, HouseStyles.Find("YORK"));
        Assert.Equal("North Somerset Council", HouseStyles.NorthSomerset.Council);
        Assert.Empty(HouseStyles.Sefton.Numbering.Outline);
        Assert.Null(HouseStyles.Find("yrok"));
    }

    [Fact]
    public void Safeguarding_in_north_somerset_has_real_decimal_numbers_with_recommendations_first()
    {
        var docx = Docx.Render(Safeguarding.Value, HouseStyles.NorthSomerset);
        var lines = DocumentOutline.Read(docx);

        // Recommendations come first and carry no number.
        var headings = lines.Where(l => l.Style == "Heading1").ToList();
        Assert.Equal("RECOMMENDATIONS", headings[0].Text);
        Assert.Null(headings[0].Number);
        Assert.Null(headings[0].NumId);
        Assert.True(lines.ToList().IndexOf(headings[0]) < lines.ToList().FindIndex(l => l.Number == "1."));

        // Headings 1., 2., 3. … and paragraphs 1.1., 2.1. … all from one decimal list in numbering.xml.
        var numbered = headings.Where(h => h.Number is not null).ToList();
        Assert.Equal(Enumerable.Range(1, numbered.Count).Select(n => $"{n}."), numbered.Select(h => h.Number));
        Assert.Equal(["SUMMARY OF REPORT", "DETAILS", "CORPORATE PLAN"], numbered.Take(3).Select(h => h.Text));
        var decimalList = numbered[0].NumId;
        var sequence = lines.Where(l => l.NumId == decimalList).Select(l => (l.Style, l.Number)).ToList();
        Assert.Equal(
            [
                ("Heading1", "1."), ("NumberedParagraph", "1.1."),
                ("Heading1", "2."), ("Heading2", "2.1."),
                ("Heading1", "3."), ("NumberedParagraph", "3.1."),
                ("Heading1", "4."), ("NumberedParagraph", "4.1."),
            ],
            sequence);
        Assert.StartsWith("At a meeting of the Committee in June 2012", lines.First(l => l.Number == "1.1.").Text);
        Assert.StartsWith("Every aspect of this report is supportive", lines.First(l => l.Number == "3.1.").Text);

        // Each paragraph number belongs to the heading above it and counts from 1 within it.
        string? section = null;
        var count = 0;
        foreach (var line in lines.Where(l => l.NumId == decimalList))
        {
            if (line.Style == "Heading1")
            {
                section = line.Number!.TrimEnd('.');
                count = 0;
                continue;
            }

            count++;
            Assert.Equal($"{section}.{count}.", line.Number);
        }

        using (var doc = Docx.Open(docx))
        {
            var abstracts = doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!.Elements<AbstractNum>();
            var num = doc.MainDocumentPart.NumberingDefinitionsPart.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == decimalList);
            var levels = abstracts.Single(a => a.AbstractNumberId!.Value == num.AbstractNumId!.Val!.Value).Elements<Level>().ToList();
            Assert.Equal("%1.", levels[0].LevelText!.Val!.Value);
            Assert.Equal("%1.%2.", levels[1].LevelText!.Val!.Value);
            Assert.All(levels.Take(2), l => Assert.Equal(NumberFormatValues.Decimal, l.NumberingFormat!.Val!.Value));
        }

        Assert.DoesNotContain(Docx.ParagraphTexts(docx), t => TypedNumber.IsMatch(t));
    }

    [Fact]
    public void Safeguarding_in_sefton_has_no_paragraph_numbers_at_all()
    {
        var docx = Docx.Render(Safeguarding.Value, HouseStyles.Sefton);
        var lines = DocumentOutline.Read(docx);
        Assert.DoesNotContain(lines, l => l.Style == "NumberedParagraph");

        // Only sub-item and bullet lists (and the paper's own lettered headings) carry numbering properties.
        var numberedBody = lines.Where(l => l.NumId is not null && l.Style != "ListParagraph" && !l.Style.StartsWith("Heading", StringComparison.Ordinal)).ToList();
        Assert.Empty(numberedBody);
        Assert.DoesNotContain(lines, l => l.NumId is not null && l.Style is "Heading1" or "Heading2");
        Assert.Equal(["Summary", "Recommendations", "Background", "Corporate plan", "Implications", "Contact officer", "Background papers:"],
            lines.Where(l => l.Style == "Heading1").Select(l => l.Text));
        Assert.Contains(lines, l => l.Style == "ListParagraph" && l.Number == "a)");
        Assert.Contains(lines, l => l.Style == "ListParagraph" && l.Number == "•");

        using (var doc = Docx.Open(docx))
        {
            var withNumbers = doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
                .Where(p => p.ParagraphProperties?.NumberingProperties is not null)
                .Select(p => p.ParagraphProperties!.ParagraphStyleId?.Val?.Value)
                .Distinct()
                .ToList();
            Assert.All(withNumbers, s => Assert.True(s is "ListParagraph" or "Heading3", $"numbered paragraph in style {s}"));
        }

        Assert.DoesNotContain(Docx.ParagraphTexts(docx), t => TypedNumber.IsMatch(t));
    }

    // ---- 2. each built-in style's own example ------------------------------------------------------------

    public static TheoryData<string, string> OwnExamples() => new()
    {
        { "north-somerset-mtfp/report.yaml", "north-somerset" },
        { "north-somerset-q3-performance/report.yaml", "north-somerset" },
        { "sefton-cabinet-member-update/update.yaml", "sefton" },
        { "york-lead-member-report/report.yaml", "york" },
        { "york-safeguarding-update/report.yaml", "york" },
    };

    [Theory]
    [MemberData(nameof(OwnExamples))]
    public void Own_example_has_page_field_title_and_british_english(string example, string styleName)
    {
        var path = Path.Combine(Repo.Examples, example);
        var paper = LoadPaper(path);
        var resolved = Papers.ResolveStyle(paper, null, Path.GetDirectoryName(path), out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(styleName, resolved!.Name);
        var docx = Docx.Render(paper, resolved);
        using var doc = Docx.Open(docx);
        var main = doc.MainDocumentPart!;

        var footers = main.FooterParts.ToList();
        Assert.NotEmpty(footers);
        Assert.All(footers, f => Assert.Contains(f.Footer!.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE"));
        Assert.All(main.HeaderParts, h => Assert.NotEmpty(h.Header!.InnerText));
        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.All(sections, s =>
        {
            var reference = s.Elements<FooterReference>().Single();
            Assert.IsType<FooterPart>(main.GetPartById(reference.Id!.Value!));
        });

        Assert.False(string.IsNullOrWhiteSpace(doc.PackageProperties.Title));
        Assert.Equal("en-GB", doc.PackageProperties.Language);
        var languages = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!;
        Assert.Equal("en-GB", languages.Val!.Value);
    }

    [Fact]
    public void North_somerset_front_block_is_filled_in_capitals()
    {
        var docx = Docx.Build(Repo.Example("north-somerset-mtfp"));
        var texts = Docx.ParagraphTexts(docx);
        Assert.Equal("North Somerset Council", texts[0]);
        Assert.Equal("REPORT TO THE CHILDREN AND YOUNG PEOPLE'S SERVICES POLICY AND SCRUTINY PANEL", texts[1]);
        Assert.Contains("DATE OF MEETING: THURSDAY 22ND FEBRUARY 2024", texts);
        Assert.Contains("SUBJECT OF REPORT: 2023/24 MTFP PROGRESS AND 2024/25 MTFP AND DELIVERY PLAN", texts);
        Assert.Contains("KEY DECISION: NO", texts);
        Assert.Equal("2023/24 MTFP Progress and 2024/25 MTFP and Delivery Plan", Title(docx));

        // The labels are bold runs: "**Key decision:**" in the style file, in capitals in the document.
        using var doc = Docx.Open(docx);
        var keyDecision = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText == "KEY DECISION: NO");
        var boldRun = keyDecision.Elements<Run>().First(r => r.RunProperties?.Bold is not null);
        Assert.Equal("KEY DECISION:", boldRun.InnerText.Trim());

        // The MTFP's own numbers: 1.1., 1.2., 2.1. under numbered headings.
        var lines = DocumentOutline.Read(docx);
        Assert.Equal(["1.1.", "1.2.", "2.1."], lines.Where(l => l.Style == "NumberedParagraph").Take(3).Select(l => l.Number));
        Assert.Equal(["1.", "2.", "3."], lines.Where(l => l.Style == "Heading1" && l.Number is not null).Take(3).Select(l => l.Number));
    }

    [Fact]
    public void North_somerset_performance_front_block_is_filled_in()
    {
        var texts = Docx.ParagraphTexts(Docx.Build(Repo.Example("north-somerset-q3-performance")));
        Assert.Equal("North Somerset Council", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("REPORT TO THE ", StringComparison.Ordinal));
        Assert.Contains(texts, t => Regex.IsMatch(t, @"^DATE OF MEETING: (MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY) \d{1,2}(ST|ND|RD|TH) [A-Z]+ \d{4}$"));
        Assert.Contains(texts, t => Regex.IsMatch(t, "^KEY DECISION: (YES|NO)$"));
        Assert.DoesNotContain(texts, t => t.Contains('{', StringComparison.Ordinal) || t.Contains('}', StringComparison.Ordinal));
    }

    [Fact]
    public void Sefton_update_opens_with_its_header_table()
    {
        var docx = Docx.Build(Repo.Example("sefton-cabinet-member-update", "update.yaml"));
        using var doc = Docx.Open(docx);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var first = body.Elements<Table>().First(t => t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        Assert.Same(body.Elements<Table>().First(), first);
        var rows = first.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["COUNCILLOR", "PORTFOLIO", "DATE"], rows[0]);
        Assert.Equal(["Mhairi Doyle", "Children's Services", "November 2023"], rows[1]);

        // The table comes before the first heading, after the title.
        var elements = body.ChildElements.ToList();
        var firstHeading = elements.FindIndex(e => e is Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1");
        Assert.True(elements.IndexOf(first) < firstHeading);
        Assert.Equal("CABINET MEMBER UPDATE REPORT", Docx.ParagraphTexts(docx)[0]);
        Assert.False(string.IsNullOrWhiteSpace(doc.PackageProperties.Title));
    }

    // ---- 3. a fourth council: a file, not code -----------------------------------------------------------

    [Fact]
    public void Fourth_council_style_file_loads_without_diagnostics()
    {
        var loaded = HouseStyles.Load(Path.Combine(StylesFolder, "fourth-council.yaml"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal("fourth-council", loaded.Style!.Name);
        Assert.Null(HouseStyles.Find("fourth-council"));
    }

    [Fact]
    public void Fourth_council_fonts_colour_and_sizes_are_in_styles_xml()
    {
        using var doc = Docx.Open(FourthCouncilSafeguarding.Value);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var fonts = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("Verdana", fonts.Ascii!.Value);
        Assert.Equal("Verdana", fonts.HighAnsi!.Value);
        Assert.Equal("22", styles.DocDefaults.RunPropertiesDefault.RunPropertiesBaseStyle.FontSize!.Val!.Value);
        Assert.DoesNotContain(styles.Descendants<RunFonts>(), f => f.Ascii?.Value == "Arial");

        var byId = styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("1F4E79", byId["Heading1"].StyleRunProperties!.Color!.Val!.Value);
        Assert.Equal("26", byId["Heading1"].StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("32", byId["Title"].StyleRunProperties!.FontSize!.Val!.Value);

        var margins = doc.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Last().GetFirstChild<PageMargin>()!;
        Assert.Equal(1247, margins.Top!.Value); // 22 mm
        Assert.Equal(1020U, margins.Left!.Value); // 18 mm
    }

    [Fact]
    public void Fourth_council_numbering_levels_come_from_its_patterns()
    {
        var docx = FourthCouncilSafeguarding.Value;
        var lines = DocumentOutline.Read(docx);
        using var doc = Docx.Open(docx);
        var numbering = doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;

        Level LevelOf(string paragraphStart, int level)
        {
            var line = lines.First(l => l.Text.StartsWith(paragraphStart, StringComparison.Ordinal));
            var num = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == line.NumId);
            var abstractNum = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == num.AbstractNumId!.Val!.Value);
            return abstractNum.Elements<Level>().Single(l => l.LevelIndex!.Value == level);
        }

        var subItem = LevelOf("In September 2016, following extensive review", 0);
        Assert.Equal("(%1)", subItem.LevelText!.Val!.Value);
        Assert.Equal(NumberFormatValues.LowerLetter, subItem.NumberingFormat!.Val!.Value);

        var recommendation = LevelOf("note the revised Children Social Care structure", 0);
        Assert.Equal("%1.", recommendation.LevelText!.Val!.Value);
        Assert.Equal(NumberFormatValues.Decimal, recommendation.NumberingFormat!.Val!.Value);

        var nested = LevelOf("The overall experiences and progress of children", 1);
        Assert.Equal("(%2)", nested.LevelText!.Val!.Value);
        Assert.Equal(NumberFormatValues.LowerRoman, nested.NumberingFormat!.Val!.Value);

        // What Word shows, counted from numbering.xml.
        var afterBrief = lines.SkipWhile(l => !l.Text.StartsWith("The review period has been characterised", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Style == "ListParagraph").Select(l => l.Number);
        Assert.Equal(["(a)", "(b)", "(c)", "•", "•", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)"], afterBrief);
        var decisions = lines.SkipWhile(l => l.Text != "DECISIONS SOUGHT").Skip(1).Where(l => l.Style == "ListParagraph").Take(7).Select(l => l.Number);
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7."], decisions);
    }

    [Fact]
    public void Fourth_council_headings_front_block_and_order()
    {
        var docx = FourthCouncilSafeguarding.Value;
        var lines = DocumentOutline.Read(docx);
        Assert.Equal("Borsetshire County Council", lines[0].Text);
        Assert.Equal("CouncilName", lines[0].Style);
        Assert.Equal(("Title", "Bi-Annual Safeguarding Update"), (lines[1].Style, lines[1].Text));
        Assert.Equal("MEETING: LEARNING & CULTURE POLICY & SCRUTINY COMMITTEE", lines[2].Text);
        Assert.Equal("Meeting date: Wednesday 11th January 2017", lines[3].Text);
        Assert.Equal("Lead officer: Assistant Director for Children's Specialist Services", lines[4].Text);

        var headings = lines.Where(l => l.Style == "Heading1").Select(l => (l.Number, l.Text)).ToList();
        Assert.Equal(
            [
                ("1.", "PURPOSE OF THE REPORT"), (null, "DECISIONS SOUGHT"), ("2.", "BACKGROUND"), ("3.", "BORSETSHIRE PLAN"),
                ("4.", "IMPLICATIONS"), (null, "LEAD OFFICER"),
            ],
            headings);
        Assert.Contains(lines, l => l.Style == "NumberedParagraph" && l.Number == "1.1.");
        Assert.Contains(lines, l => l.Text == "Divisions affected: All");
    }

    [Fact]
    public void Fourth_council_footer_is_page_x_of_y_with_fields_and_header_has_its_text()
    {
        using var doc = Docx.Open(FourthCouncilSafeguarding.Value);
        var main = doc.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Last();

        var footer = (FooterPart)main.GetPartById(section.Elements<FooterReference>().Single().Id!.Value!);
        var codes = footer.Footer!.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        Assert.Equal(["PAGE", "NUMPAGES"], codes);
        Assert.Equal("Page 1 of 1", string.Concat(footer.Footer.Descendants<Text>().Select(t => t.Text)));
        Assert.Equal(2, footer.Footer.Descendants<FieldChar>().Count(f => f.FieldCharType!.Value == FieldCharValues.Begin));

        var header = (HeaderPart)main.GetPartById(section.Elements<HeaderReference>().Single().Id!.Value!);
        Assert.Equal("Borsetshire County Council – Cabinet papers", header.Header!.InnerText);
    }

    [Fact]
    public void Fourth_council_annexes_are_appendices_in_the_list_and_in_references()
    {
        var docx = FourthCouncilSafeguarding.Value;
        var texts = Docx.ParagraphTexts(docx);
        Assert.Contains("Appendix 1: Children's Social Care - Targeted Help to Children and Families with Safeguarding and Complex Needs", texts);
        Assert.Contains(texts, t => t.StartsWith("Appendix 2: CAMHS Cluster Pilot in Schools", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Appendix 3: School Wellbeing Service", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Annex ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("described in detail in Appendix 1.", StringComparison.Ordinal));

        using var doc = Docx.Open(docx);
        var codes = doc.MainDocumentPart!.Document!.Body!.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        Assert.Equal(3, codes.Count(c => c.StartsWith("SEQ Appendix ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Extending_york_with_two_keys_keeps_the_rest_of_york()
    {
        var loaded = HouseStyles.Load(Path.Combine(StylesFolder, "york-appendix.yaml"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var style = loaded.Style!;
        Assert.Equal("york-appendix", style.Name);

        var docx = Docx.Render(Safeguarding.Value, style);
        var lines = DocumentOutline.Read(docx);
        var york = DocumentOutline.Read(Docx.Render(Safeguarding.Value, HouseStyles.York));

        // York's numbering, headings and order are all still there …
        var numbered = lines.Where(l => l.Style == "NumberedParagraph").ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{n}."), numbered.Select(l => l.Number));
        Assert.Equal(york.Select(l => (l.Style, l.Number)), lines.Select(l => (l.Style, l.Number)));
        Assert.Equal(
            york.Where(l => l.Style == "Heading1").Select(l => l.Text),
            lines.Where(l => l.Style == "Heading1").Select(l => l.Text));

        // … and only the two changed keys differ.
        var texts = Docx.ParagraphTexts(docx);
        Assert.Contains(texts, t => t.StartsWith("Appendix 1: ", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Annex 1: ", StringComparison.Ordinal));
        var differing = lines.Zip(york).Where(p => p.First.Text != p.Second.Text).Select(p => p.First.Text).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, t => Assert.Contains("Appendix", t, StringComparison.Ordinal));
        Assert.Equal(HouseStyles.York with { Name = "york-appendix", Council = "Borsetshire County Council", AnnexWord = "Appendix" }, style, StyleComparer);
    }

    [Theory]
    [InlineData("england", Nation.England)]
    [InlineData("wales", Nation.Wales)]
    [InlineData("scotland", Nation.Scotland)]
    [InlineData("northern-ireland", Nation.NorthernIreland)]
    public void A_style_names_the_nation_whose_bank_holidays_it_keeps(string name, Nation expected)
    {
        var file = Path.Combine(folder, "nation.yaml");
        File.WriteAllText(file, $"name: nation\nextends: york\nnation: {name}\n");
        var loaded = HouseStyles.Load(file);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(expected, loaded.Style!.Nation);
        Assert.Equal(Nation.England, HouseStyles.York.Nation);
    }

    [Fact]
    public void A_nation_that_is_not_one_of_the_four_is_a_positioned_error()
    {
        var file = Path.Combine(folder, "nation.yaml");
        File.WriteAllText(file, "name: nation\nextends: york\nnation: cornwall\n");
        var loaded = HouseStyles.Load(file);
        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal((3, 9), (error.Position.Line, error.Position.Column));
        Assert.Contains("northern-ireland", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fourth-council.yaml")]
    [InlineData("york-appendix.yaml")]
    public void Test_style_files_are_valid_against_the_style_schema(string file)
    {
        var path = Path.Combine(StylesFolder, file);
        var schemaRef = File.ReadLines(path).First()["# yaml-language-server: $schema=".Length..];
        var committed = Path.GetFullPath(Path.Combine(StylesFolder, schemaRef));
        Assert.True(File.Exists(committed), $"{schemaRef} does not resolve from {file}");
        Assert.True(StyleSchema.Evaluate(AsJson(File.ReadAllText(path))).IsValid);
    }

    [Theory]
    [InlineData("broken-misspelt-key.yaml")]
    [InlineData("broken-wrong-type.yaml")]
    [InlineData("broken-order-key.yaml")]
    [InlineData("broken-scheme.yaml")]
    [InlineData("broken-extends.yaml")]
    public void Broken_style_files_are_rejected_by_the_style_schema_too(string file)
    {
        Assert.False(StyleSchema.Evaluate(AsJson(File.ReadAllText(Path.Combine(StylesFolder, file)))).IsValid);
    }

    private static readonly global::Json.Schema.JsonSchema StyleSchema = global::Json.Schema.JsonSchema.FromText(Papers.StyleJsonSchema);

    private static System.Text.Json.JsonElement AsJson(string yaml) => System.Text.Json.JsonSerializer.SerializeToElement(YamlJson.Convert(yaml));

    // ---- 4. broken style files ---------------------------------------------------------------------------

    [Theory]
    [InlineData("broken-misspelt-key.yaml", "CP0002", 4, 1, "did you mean 'annex-word'?")]
    [InlineData("broken-wrong-type.yaml", "CP0003", 5, 9, "'font' must be text")]
    [InlineData("broken-numbering-pattern.yaml", "CP0013", 5, 14, "'(x)' is not a numbering pattern")]
    [InlineData("broken-order-key.yaml", "CP0013", 4, 24, "did you mean 'recommendations'?")]
    [InlineData("broken-scheme.yaml", "CP0013", 5, 11, "did you mean 'decimal'?")]
    [InlineData("broken-colour.yaml", "CP0013", 5, 19, "'purple' is not a colour")]
    [InlineData("broken-logo-outside.yaml", "CP0029", 6, 11, "'../../etc/passwd' leads outside the folder")]
    [InlineData("broken-logo-missing.yaml", "CP0030", 5, 16, "There is no file 'borsetshire-logo.png'")]
    [InlineData("broken-template-dotm.yaml", "CP0031", 5, 9, "macro-enabled template")]
    [InlineData("broken-extends.yaml", "CP0021", 3, 10, "no built-in style 'yrok'")]
    public void Broken_style_gives_positioned_errors_matching_snapshot(string file, string code, int line, int column, string fragment)
    {
        var path = Path.Combine(StylesFolder, file);
        var text = File.ReadAllText(path);
        var loaded = HouseStyles.Parse(text, file, StylesFolder);
        Assert.False(loaded.Succeeded);
        Assert.Null(loaded.Style);

        var first = loaded.Diagnostics.First(d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal((code, line, column), (first.Code, first.Position.Line, first.Position.Column));
        Assert.Contains(fragment, first.Message, StringComparison.Ordinal);
        var lines = text.Split('\n').Length;
        Assert.All(loaded.Diagnostics, d =>
        {
            Assert.Equal(file, d.Position.File);
            Assert.InRange(d.Position.Line, 1, lines);
            Assert.InRange(d.Position.Column, 1, 200);
            Assert.Matches(@"^CP\d{4}$", d.Code);
        });

        // Load from the path gives the same diagnostics, named by that path.
        var fromFile = HouseStyles.Load(path);
        Assert.Equal(loaded.Diagnostics.Select(d => (d.Code, d.Position.Line, d.Position.Column)), fromFile.Diagnostics.Select(d => (d.Code, d.Position.Line, d.Position.Column)));
        Assert.All(fromFile.Diagnostics, d => Assert.EndsWith(file, d.Position.File, StringComparison.Ordinal));

        var shown = loaded.Diagnostics.Select(d => d.ToString().Replace(Path.GetFullPath(StylesFolder), "<styles>", StringComparison.Ordinal)).ToArray();
        Snapshot.Match(shown, SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
    }

    [Fact]
    public void Every_broken_style_file_is_tested()
    {
        var files = Directory.EnumerateFiles(StylesFolder, "broken-*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var tested = typeof(StyleTests).GetMethod(nameof(Broken_style_gives_positioned_errors_matching_snapshot))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, tested);
    }

    [Fact]
    public void Every_mistake_in_one_style_file_is_reported_at_once()
    {
        const string yaml = "name: many\nextends: york\nnumbering: {scheme: decimel, sub-items: \"(x)\"}\ntext: {heading-colour: purple, size: 200}\nanex-word: Appendix\n";
        var loaded = HouseStyles.Parse(yaml, "many.yaml");
        Assert.Equal(
            [("CP0013", 3, 21), ("CP0013", 3, 41), ("CP0013", 4, 24), ("CP0003", 4, 38), ("CP0002", 5, 1)],
            loaded.Diagnostics.Select(d => (d.Code, d.Position.Line, d.Position.Column)));
    }

    [Fact]
    public void A_style_that_is_not_yaml_or_empty_gives_a_positioned_error()
    {
        var empty = HouseStyles.Parse(string.Empty, "empty.yaml");
        Assert.Equal(("CP0004", 1, 1), Where(Assert.Single(empty.Diagnostics)));

        var invalid = HouseStyles.Parse("name: x\ntext: {font: Arial\n", "invalid.yaml");
        Assert.Contains(invalid.Diagnostics, e => e.Code == "CP0001" && e.Position.File == "invalid.yaml" && e.Position.Line >= 2);

        var list = HouseStyles.Parse("- name: x\n", "list.yaml");
        Assert.Contains(list.Diagnostics, e => e.Code == "CP0003" && e.Position.Line == 1);

        var noName = HouseStyles.Parse("extends: york\n", "noname.yaml");
        Assert.Contains(noName.Diagnostics, e => e.Code == "CP0004" && e.Message.Contains("'name'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_logo_file_that_is_not_an_image_is_refused_and_a_png_is_carried()
    {
        File.WriteAllText(Path.Combine(folder, "logo.png"), "not a picture");
        var bad = HouseStyles.Parse("name: x\nextends: york\npage:\n  logo: {file: logo.png, alt: Crest}\n", "x.yaml", folder);
        Assert.Equal(("CP0031", 4, 16), Where(Assert.Single(bad.Diagnostics)));

        File.WriteAllBytes(Path.Combine(folder, "logo.png"), Png());
        var good = HouseStyles.Parse("name: x\nextends: york\npage:\n  logo: {file: logo.png, alt: Borsetshire crest}\n", "x.yaml", folder);
        Assert.True(good.Succeeded, string.Join("\n", good.Diagnostics));
        var docx = Docx.Render(Safeguarding.Value, good.Style!);
        using var doc = Docx.Open(docx);
        var header = Assert.Single(doc.MainDocumentPart!.HeaderParts);
        Assert.Equal("Borsetshire crest", header.Header!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single().Description!.Value);
        var image = Assert.Single(header.ImageParts);
        using var stream = image.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(Png(), copy.ToArray());
    }

    [Fact]
    public void A_style_from_text_with_no_folder_cannot_name_files()
    {
        var loaded = HouseStyles.Parse("name: x\npage:\n  logo: {file: logo.png, alt: Crest}\n", "x.yaml");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal(("CP0030", 3, 16), (d.Code, d.Position.Line, d.Position.Column));
    }

    [Fact]
    public void A_logo_symlink_that_leads_outside_the_folder_is_refused()
    {
        var inner = Directory.CreateDirectory(Path.Combine(folder, "style")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "secret.png"), Png());
        File.CreateSymbolicLink(Path.Combine(inner, "logo.png"), Path.Combine(folder, "secret.png"));
        var loaded = HouseStyles.Parse("name: x\npage:\n  logo: {file: logo.png, alt: Crest}\n", "x.yaml", inner);
        Assert.Equal("CP0029", Assert.Single(loaded.Diagnostics).Code);
    }

    [Fact]
    public void Cli_build_with_a_broken_style_exits_with_the_positioned_error_and_writes_nothing()
    {
        File.Copy(Path.Combine(StylesFolder, "broken-scheme.yaml"), Path.Combine(folder, "broken.yaml"));
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "broken.yaml", "-o", "out.docx");
        Assert.True(code is 1 or 2, $"exit code {code}: {stderr}");
        Assert.Matches(@"broken\.yaml\(5,11\): error CP0013: .*did you mean 'decimal'\?", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Empty(Directory.GetFiles(folder, "*.docx"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Theory]
    [InlineData("yrok", "did you mean 'york'?")]
    [InlineData("north-somerst", "did you mean 'north-somerset'?")]
    [InlineData("nonsuch", "use one of: north-somerset, sefton, york")]
    public void Cli_unknown_style_name_suggests_the_nearest(string name, string expected)
    {
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", name, "-o", "out.docx");
        Assert.True(code is 1 or 2, $"exit code {code}: {stderr}");
        Assert.Contains("CP0021", stderr);
        Assert.Contains(expected, stderr);
        Assert.Empty(Directory.GetFiles(folder, "*.docx"));
    }

    // ---- 5. a council's Word template ---------------------------------------------------------------------

    private static readonly Dictionary<string, string> HeadingRole = new() { ["heading-1"] = "Council Heading One" };

    [Fact]
    public void Template_styles_and_header_are_used_through_the_api()
    {
        var loaded = HouseStyles.FromTemplate(HouseStyles.York, CouncilTemplate(), HeadingRole);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        AssertTemplateUsed(Docx.Render(Safeguarding.Value, loaded.Style!), mapped: true);
    }

    [Fact]
    public void Template_named_in_a_style_file_is_used_the_same_way()
    {
        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), CouncilTemplate());
        File.WriteAllText(Path.Combine(folder, "style.yaml"),
            "name: borsetshire\nextends: york\ntemplate: {file: council.dotx, styles: {heading-1: Council Heading One}}\n");
        var loaded = HouseStyles.Load(Path.Combine(folder, "style.yaml"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("Council Heading One", loaded.Style!.TemplateStyles["heading-1"]);
        AssertTemplateUsed(Docx.Render(Safeguarding.Value, loaded.Style), mapped: true);
    }

    [Fact]
    public void Cli_style_can_be_a_word_template()
    {
        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), CouncilTemplate());
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "council.dotx", "-o", "out.docx");
        Assert.True(code == 0, stderr);
        var docx = File.ReadAllBytes(Path.Combine(folder, "out.docx"));
        Docx.AssertValid(docx);
        AssertTemplateUsed(docx, mapped: false);
    }

    [Fact]
    public void Cli_style_file_with_template_works()
    {
        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), CouncilTemplate());
        File.WriteAllText(Path.Combine(folder, "style.yaml"),
            "name: borsetshire\nextends: york\ntemplate:\n  file: council.dotx\n  styles:\n    heading-1: Council Heading One\n");
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "style.yaml", "-o", "out.docx");
        Assert.True(code == 0, stderr);
        var docx = File.ReadAllBytes(Path.Combine(folder, "out.docx"));
        Docx.AssertValid(docx);
        AssertTemplateUsed(docx, mapped: true);
    }

    [Fact]
    public void Template_mapping_that_names_a_missing_style_suggests_the_nearest()
    {
        var api = HouseStyles.FromTemplate(HouseStyles.York, CouncilTemplate(), new Dictionary<string, string> { ["heading-1"] = "Council Heading On" });
        Assert.False(api.Succeeded);
        Assert.Null(api.Style);
        var d = Assert.Single(api.Diagnostics);
        Assert.Equal("CP0013", d.Code);
        Assert.Contains("no style named 'Council Heading On'; did you mean 'Council Heading One'?", d.Message, StringComparison.Ordinal);

        var role = HouseStyles.FromTemplate(HouseStyles.York, CouncilTemplate(), new Dictionary<string, string> { ["heading-one"] = "Council Heading One" });
        Assert.Contains("did you mean 'heading-1'?", Assert.Single(role.Diagnostics).Message, StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), CouncilTemplate());
        File.WriteAllText(Path.Combine(folder, "style.yaml"),
            "name: borsetshire\ntemplate:\n  file: council.dotx\n  styles:\n    heading-1: Councl Heading One\n");
        var file = HouseStyles.Load(Path.Combine(folder, "style.yaml"));
        var fd = Assert.Single(file.Diagnostics);
        Assert.Equal("CP0013", fd.Code);
        Assert.Contains("did you mean 'Council Heading One'?", fd.Message, StringComparison.Ordinal);
        Assert.True(fd.Position.Line is 3 or 5, fd.ToString()); // the template's file, or the mapping entry
    }

    public static TheoryData<string> MacroTemplates() => new() { "macro-enabled-type", "vba-part-in-dotx" };

    [Theory]
    [MemberData(nameof(MacroTemplates))]
    public void Template_with_macros_is_refused(string kind)
    {
        var bytes = kind == "macro-enabled-type" ? CouncilTemplate(WordprocessingDocumentType.MacroEnabledTemplate, macros: true) : CouncilTemplate(macros: true);
        var api = HouseStyles.FromTemplate(HouseStyles.York, bytes, HeadingRole);
        Assert.Null(api.Style);
        var d = Assert.Single(api.Diagnostics);
        Assert.Equal("CP0031", d.Code);
        Assert.Contains("macros", d.Message, StringComparison.Ordinal);

        // Named .dotx in a style file, the content still decides.
        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), bytes);
        File.WriteAllText(Path.Combine(folder, "style.yaml"), "name: b\ntemplate: {file: council.dotx}\n");
        var file = HouseStyles.Load(Path.Combine(folder, "style.yaml"));
        Assert.Equal(("CP0031", 2, 18), Where(Assert.Single(file.Diagnostics)));
    }

    [Fact]
    public void Cli_refuses_a_dotm_template()
    {
        File.WriteAllBytes(Path.Combine(folder, "council.dotm"), CouncilTemplate(WordprocessingDocumentType.MacroEnabledTemplate, macros: true));
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "council.dotm", "-o", "out.docx");
        Assert.True(code is 1 or 2, $"exit code {code}: {stderr}");
        Assert.Contains("council.dotm(1,1): error CP0031", stderr);
        Assert.Contains("macro", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Empty(Directory.GetFiles(folder, "*.docx"));
    }

    [Theory]
    [InlineData("empty", "not a Word document (not a zip package)")]
    [InlineData("text", "not a Word document (not a zip package)")]
    [InlineData("truncated-zip", "not a Word document (not a zip package)")]
    [InlineData("zip-without-content-types", "has no document in it")]
    [InlineData("zip-bomb", "zip bomb")]
    [InlineData("zip-claiming-huge-entry", "zip bomb")]
    [InlineData("styles-not-xml", "cannot be read as a Word document")]
    [InlineData("header-not-a-header", "header1.xml is damaged")]
    [InlineData("header-image-missing", "header1.xml is damaged")]
    public void Damaged_template_gives_a_clear_error_never_an_exception(string kind, string expected)
    {
        var bytes = Damaged(kind);
        var api = HouseStyles.FromTemplate(HouseStyles.York, bytes, HeadingRole);
        Assert.Null(api.Style);
        var d = Assert.Single(api.Diagnostics);
        Assert.Equal("CP0031", d.Code);
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(folder, "council.dotx"), bytes);
        File.WriteAllText(Path.Combine(folder, "style.yaml"), "name: b\ntemplate: {file: council.dotx}\n");
        var file = HouseStyles.Load(Path.Combine(folder, "style.yaml"));
        Assert.Equal(("CP0031", 2, 18), Where(Assert.Single(file.Diagnostics)));
    }

    [Theory]
    [InlineData("document-not-xml")]
    [InlineData("header-not-xml")]
    public void Template_damaged_inside_is_refused_when_loaded_or_rendered_never_with_an_exception(string kind)
    {
        var loaded = HouseStyles.FromTemplate(HouseStyles.York, Damaged(kind), HeadingRole);
        if (loaded.Style is null)
        {
            Assert.Equal("CP0031", Assert.Single(loaded.Diagnostics).Code);
            return;
        }

        using var stream = new MemoryStream();
        RenderResult? result = null;
        var exception = Record.Exception(() => result = Papers.Render(Safeguarding.Value, loaded.Style, stream));
        Assert.True(exception is null, $"Papers.Render threw {exception}");
        if (result!.Written) Docx.AssertValid(stream.ToArray());
        else Assert.Contains(result.Diagnostics, d => d.Code == "CP0031");
    }

    [Fact]
    public void Cli_refuses_a_text_file_renamed_dotx_without_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(folder, "council.dotx"), "This is not a Word template.");
        File.Copy(SafeguardingPath, Path.Combine(folder, "report.yaml"));
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "council.dotx", "-o", "out.docx");
        Assert.True(code is 1 or 2, $"exit code {code}: {stderr}");
        Assert.Contains("council.dotx(1,1): error CP0031", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Empty(Directory.GetFiles(folder, "*.docx"));
    }

    // ---- 6. the paper's own 'style:' and --style --------------------------------------------------------

    [Fact]
    public void Paper_style_is_used_without_style_option_and_style_option_overrides_it()
    {
        var yaml = File.ReadAllText(SafeguardingPath).Replace("paper: report\n", "paper: report\nstyle: north-somerset\n", StringComparison.Ordinal);
        Assert.Contains("style: north-somerset", yaml);
        File.WriteAllText(Path.Combine(folder, "report.yaml"), yaml);

        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "-o", "ns.docx");
        Assert.True(code == 0, stderr);
        var ns = DocumentOutline.Read(File.ReadAllBytes(Path.Combine(folder, "ns.docx")));
        Assert.Equal(("CouncilName", "North Somerset Council"), (ns[0].Style, ns[0].Text));
        Assert.Equal("RECOMMENDATIONS", ns.First(l => l.Style == "Heading1").Text);
        Assert.Contains(ns, l => l.Style == "NumberedParagraph" && l.Number == "1.1.");

        (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "--style", "york", "-o", "york.docx");
        Assert.True(code == 0, stderr);
        var york = DocumentOutline.Read(File.ReadAllBytes(Path.Combine(folder, "york.docx")));
        Assert.DoesNotContain(york, l => l.Style == "CouncilName");
        Assert.Equal("Learning & Culture Policy & Scrutiny Committee", york[0].Text);
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{n}."), york.Where(l => l.Style == "NumberedParagraph").Select(l => l.Number));
    }

    [Fact]
    public void Paper_style_may_name_a_style_file_beside_it()
    {
        File.Copy(Path.Combine(StylesFolder, "fourth-council.yaml"), Path.Combine(folder, "borsetshire.yaml"));
        var yaml = File.ReadAllText(SafeguardingPath).Replace("paper: report\n", "paper: report\nstyle: borsetshire.yaml\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "report.yaml"), yaml);
        var paper = LoadPaper(Path.Combine(folder, "report.yaml"));
        var style = Papers.ResolveStyle(paper, null, folder, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("fourth-council", style!.Name);
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml", "-o", "out.docx");
        Assert.True(code == 0, stderr);
        Assert.Equal("Borsetshire County Council", Docx.ParagraphTexts(File.ReadAllBytes(Path.Combine(folder, "out.docx")))[0]);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("/etc/outside.yaml")]
    [InlineData("sub/../../outside.yaml")]
    public void Paper_style_outside_its_folder_is_refused(string reference)
    {
        File.WriteAllText(Path.Combine(folder, "outside.yaml"), "name: outside\nextends: york\n");
        var paperFolder = Directory.CreateDirectory(Path.Combine(folder, "paper")).FullName;
        var yaml = File.ReadAllText(SafeguardingPath).Replace("paper: report\n", $"paper: report\nstyle: {reference}\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(paperFolder, "report.yaml"), yaml);

        var paper = LoadPaper(Path.Combine(paperFolder, "report.yaml"));
        var style = Papers.ResolveStyle(paper, null, paperFolder, out var diagnostics);
        Assert.Null(style);
        Assert.Equal("CP0029", Assert.Single(diagnostics).Code);

        var (code, _, stderr) = CliTests.Run(paperFolder, "build", "report.yaml", "-o", "out.docx");
        Assert.Equal(1, code);
        Assert.Contains("error CP0029", stderr);
        Assert.Empty(Directory.GetFiles(paperFolder, "*.docx"));
    }

    [Fact]
    public void Paper_style_outside_its_folder_is_reported_at_the_style_line()
    {
        var paperFolder = Directory.CreateDirectory(Path.Combine(folder, "paper")).FullName;
        File.WriteAllText(Path.Combine(folder, "outside.yaml"), "name: outside\nextends: york\n");
        var yaml = File.ReadAllText(SafeguardingPath).Replace("paper: report\n", "paper: report\nstyle: ../outside.yaml\n", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("style:", StringComparison.Ordinal)) + 1;
        File.WriteAllText(Path.Combine(paperFolder, "report.yaml"), yaml);
        var paper = LoadPaper(Path.Combine(paperFolder, "report.yaml"));
        Papers.ResolveStyle(paper, null, paperFolder, out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("CP0029", line, 8), (d.Code, d.Position.Line, d.Position.Column));
    }

    [Fact]
    public void Paper_with_unknown_style_name_gets_did_you_mean()
    {
        var paper = Papers.Parse("paper: report\nstyle: sefon\nmeeting: M\ndate: 2017-01-11\nreport-of: D\ntitle: T\nsummary: [Text.]\n", "p.yaml").Paper!;
        var style = Papers.ResolveStyle(paper, null, null, out var diagnostics);
        Assert.Null(style);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CP0021", d.Code);
        Assert.Contains("did you mean 'sefton'?", d.Message, StringComparison.Ordinal);
        Assert.Equal("p.yaml", d.Position.File);
    }

    // ---- library behaviour found while writing these tests ------------------------------------------------

    [Fact]
    public void A_section_the_style_leaves_out_goes_before_the_back_matter()
    {
        // North Somerset's order lists implications.* but not 'implications'; the safeguarding paper has a grouped
        // implications statement. It must come before AUTHORS and the appendices, not after them.
        var lines = DocumentOutline.Read(Docx.Render(Safeguarding.Value, HouseStyles.NorthSomerset));
        var implications = lines.ToList().FindIndex(l => l.Style == "Heading1" && l.Text == "IMPLICATIONS");
        var authors = lines.ToList().FindIndex(l => l.Style == "Heading1" && l.Text == "AUTHORS");
        Assert.True(implications >= 0 && authors >= 0);
        Assert.True(implications < authors, $"IMPLICATIONS is paragraph {implications}, after AUTHORS at {authors}");
    }

    [Fact]
    public void A_section_the_style_has_no_place_for_is_kept_or_warned_about()
    {
        // North Somerset's order has no 'abbreviations'; the safeguarding paper has eleven.
        using var stream = new MemoryStream();
        var result = Papers.Render(Safeguarding.Value, HouseStyles.NorthSomerset, stream);
        Assert.True(result.Written);
        var texts = Docx.ParagraphTexts(stream.ToArray());
        var kept = texts.Any(t => t.StartsWith("CAMHS – Children and Adolescent Mental Health Services", StringComparison.Ordinal));
        Assert.True(kept || result.Diagnostics.Any(d => d.Code == "CP0032"), "the abbreviations vanished without a word");
    }

    [Fact]
    public void A_misspelt_front_block_placeholder_is_an_error()
    {
        var loaded = HouseStyles.Parse("name: x\nextends: york\nfront-blocks:\n  report:\n    - \"{meting}\"\n    - {text: \"{title}\", role: title}\n", "x.yaml");
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((5, "CP0013"), (d.Position.Line, d.Code));
        Assert.Contains("did you mean 'meeting'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_heading_numbering_does_not_take_over_our_paragraph_lists()
    {
        // Council templates often number their heading styles (numPr in styles.xml, lists in the template's
        // numbering.xml). The template's numbering is not carried, so the style's numId must not land on one of ours.
        var template = Modify(CouncilTemplate(), doc =>
        {
            var heading = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "CouncilHeadingOne");
            heading.StyleParagraphProperties!.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 });
        });
        var loaded = HouseStyles.FromTemplate(HouseStyles.York, template, HeadingRole);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var docx = Docx.Render(Safeguarding.Value, loaded.Style!);

        using var doc = Docx.Open(docx);
        var styleNumIds = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<NumberingId>().Select(n => n.Val!.Value).ToHashSet();
        var bodyNumIds = doc.MainDocumentPart.Document!.Body!.Descendants<NumberingProperties>().Select(n => n.NumberingId!.Val!.Value).ToHashSet();
        var defined = doc.MainDocumentPart.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Select(n => n.NumberID!.Value).ToHashSet();
        Assert.All(styleNumIds, id => Assert.Contains(id, defined));
        Assert.Empty(styleNumIds.Intersect(bodyNumIds));
    }

    [Fact]
    public void Template_without_a_language_leaves_the_document_in_british_english()
    {
        var template = Modify(CouncilTemplate(), doc =>
            doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages = null);
        var loaded = HouseStyles.FromTemplate(HouseStyles.York, template, HeadingRole);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        using var doc = Docx.Open(Docx.Render(Safeguarding.Value, loaded.Style!));
        Assert.Equal("en-GB", doc.PackageProperties.Language);
        var languages = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.Languages;
        Assert.Equal("en-GB", languages?.Val?.Value);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Paper LoadPaper(string path)
    {
        var loaded = Papers.Load(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Paper!;
    }

    private static HouseStyle LoadStyle(string file)
    {
        var loaded = HouseStyles.Load(Path.Combine(StylesFolder, file));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Style!;
    }

    private static (string Code, int Line, int Column) Where(Diagnostics.Diagnostic d) => (d.Code, d.Position.Line, d.Position.Column);

    private static string? Title(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        return doc.PackageProperties.Title;
    }

    /// <summary>Compares two styles by their values, lists and dictionaries by content.</summary>
    private static readonly IEqualityComparer<HouseStyle> StyleComparer = new ValueComparer();

    private sealed class ValueComparer : IEqualityComparer<HouseStyle>
    {
        public bool Equals(HouseStyle? x, HouseStyle? y) => Describe(x!) == Describe(y!);

        public int GetHashCode(HouseStyle obj) => Describe(obj).GetHashCode(StringComparison.Ordinal);

        private static string Describe(HouseStyle s)
        {
            var sb = new StringBuilder();
            foreach (var p in typeof(HouseStyle).GetProperties())
            {
                sb.Append(p.Name).Append('=');
                var value = p.GetValue(s);
                sb.Append(value switch
                {
                    IReadOnlyDictionary<string, string> d => string.Join(";", d.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}")),
                    IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> f => string.Join(";", f.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{string.Join("|", e.Value.Select(l => $"{l.Text}/{l.Role}/{l.UpperCase}/{l.Table?.Count}"))}")),
                    IEnumerable<string> l => string.Join(",", l),
                    IEnumerable<double> l => string.Join(",", l),
                    _ => value?.ToString(),
                }).Append('\n');
            }

            return sb.ToString();
        }
    }

    /// <summary>Checks a safeguarding document built with <see cref="CouncilTemplate"/>.</summary>
    private static void AssertTemplateUsed(byte[] docx, bool mapped)
    {
        using var doc = Docx.Open(docx);
        var main = doc.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        var byId = styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);

        // The template's own styles are in styles.xml with their fonts and colour.
        var councilHeading = byId["CouncilHeadingOne"];
        Assert.Equal("Council Heading One", councilHeading.StyleName!.Val!.Value);
        Assert.Equal("Georgia", councilHeading.StyleRunProperties!.RunFonts!.Ascii!.Value);
        Assert.Equal("7030A0", councilHeading.StyleRunProperties.Color!.Val!.Value);
        Assert.Equal("Trebuchet MS", byId["Normal"].StyleRunProperties!.RunFonts!.Ascii!.Value);
        Assert.Single(styles.Elements<Style>(), s => s.StyleId!.Value == "Normal");

        // Heading 1 paragraphs use the template's style when the mapping names it.
        var headings = DocumentOutline.Read(docx).Where(l => l.Style is "CouncilHeadingOne" or "Heading1").ToList();
        Assert.Equal(["Summary", "Background", "Council Plan", "Implications", "Recommendations", "Contact Details"], headings.Select(h => h.Text));
        Assert.All(headings, h => Assert.Equal(mapped ? "CouncilHeadingOne" : "Heading1", h.Style));
        if (mapped) Assert.DoesNotContain(main.Document!.Body!.Descendants<ParagraphStyleId>(), s => s.Val?.Value == "Heading1");

        // The template's header is the document's header, referred to by every section.
        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.NotEmpty(sections);
        Assert.All(sections, s =>
        {
            var header = (HeaderPart)main.GetPartById(s.Elements<HeaderReference>().Single().Id!.Value!);
            Assert.Equal(TemplateHeaderText, header.Header!.InnerText);
        });

        // The template has no footer, so ours (a PAGE field) is used.
        var footer = (FooterPart)main.GetPartById(sections.Last().Elements<FooterReference>().Single().Id!.Value!);
        Assert.Contains(footer.Footer!.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE");

        // Still a document, not a template; still numbered paragraphs.
        Assert.Equal(WordprocessingDocumentType.Document, doc.DocumentType);
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{n}."), DocumentOutline.Read(docx).Where(l => l.Style == "NumberedParagraph").Select(l => l.Number));
    }

    /// <summary>A council's .dotx made with the Open XML SDK: Normal in Trebuchet MS, "Council Heading One" in Georgia, a header.</summary>
    internal static byte[] CouncilTemplate(WordprocessingDocumentType type = WordprocessingDocumentType.Template, bool macros = false)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, type))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = new WStyles(
                new DocDefaults(
                    new RunPropertiesDefault(new RunPropertiesBaseStyle
                    {
                        RunFonts = new RunFonts { Ascii = "Trebuchet MS", HighAnsi = "Trebuchet MS", ComplexScript = "Trebuchet MS" },
                        FontSize = new FontSize { Val = "22" },
                        Languages = new Languages { Val = "en-GB" },
                    }),
                    new ParagraphPropertiesDefault()),
                new Style
                {
                    Type = StyleValues.Paragraph,
                    StyleId = "Normal",
                    Default = true,
                    StyleName = new StyleName { Val = "Normal" },
                    PrimaryStyle = new PrimaryStyle(),
                    StyleRunProperties = new StyleRunProperties { RunFonts = new RunFonts { Ascii = "Trebuchet MS", HighAnsi = "Trebuchet MS" } },
                },
                new Style
                {
                    Type = StyleValues.Paragraph,
                    StyleId = "CouncilHeadingOne",
                    StyleName = new StyleName { Val = "Council Heading One" },
                    BasedOn = new BasedOn { Val = "Normal" },
                    NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
                    PrimaryStyle = new PrimaryStyle(),
                    StyleParagraphProperties = new StyleParagraphProperties { KeepNext = new KeepNext(), OutlineLevel = new OutlineLevel { Val = 0 } },
                    StyleRunProperties = new StyleRunProperties
                    {
                        RunFonts = new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia" },
                        Bold = new Bold(),
                        Color = new Color { Val = "7030A0" },
                        FontSize = new FontSize { Val = "32" },
                    },
                });

            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(new Paragraph(new Run(new Text(TemplateHeaderText))));
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Borsetshire County Council template"))),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 709, Footer = 709, Gutter = 0 })));
            if (macros)
            {
                var vba = main.AddNewPart<VbaProjectPart>("rIdVba");
                using var data = new MemoryStream([0xCC, 0x61, 0xFF, 0xFF, 0x00, 0x00, 0x00]);
                vba.FeedData(data);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Damaged(string kind)
    {
        switch (kind)
        {
            case "empty":
                return [];
            case "text":
                return Encoding.UTF8.GetBytes("This is not a Word template, only text with a .dotx name.");
            case "truncated-zip":
                return CouncilTemplate()[..600];
            case "zip-without-content-types":
                return Zip(z =>
                {
                    using var w = new StreamWriter(z.CreateEntry("word/document.xml").Open());
                    w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
                });
            case "zip-bomb":
                return Zip(z =>
                {
                    using var s = z.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
                    var zeros = new byte[1024 * 1024];
                    for (var i = 0; i < 64; i++) s.Write(zeros);
                });
            case "zip-claiming-huge-entry":
                {
                    // A real template whose central directory says one entry expands to almost 4 GB.
                    var bytes = CouncilTemplate();
                    var central = FindLast(bytes, [0x50, 0x4B, 0x01, 0x02]);
                    BitConverter.GetBytes(0xFFFFFFF0u).CopyTo(bytes, central + 24);
                    return bytes;
                }

            case "styles-not-xml":
                return Replace(CouncilTemplate(), "styles.xml", "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style");
            case "document-not-xml":
                return Replace(CouncilTemplate(), "document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            case "header-not-xml":
                return Replace(CouncilTemplate(), "header", "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p>");
            case "header-not-a-header":
                // Well-formed XML, but a footer's root where the header should be.
                return Replace(CouncilTemplate(), "header", "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p/></w:ftr>");
            case "header-image-missing":
                {
                    // The header refers to a logo that is not in the package.
                    var withLogo = Modify(CouncilTemplate(), doc =>
                    {
                        var image = doc.MainDocumentPart!.HeaderParts.First().AddImagePart(ImagePartType.Png, "rIdLogo");
                        using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47]);
                        image.FeedData(png);
                    });
                    using var stream = new MemoryStream();
                    stream.Write(withLogo);
                    using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) zip.Entries.Single(e => e.FullName.Contains("media/", StringComparison.Ordinal)).Delete();
                    return stream.ToArray();
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static byte[] Modify(byte[] package, Action<WordprocessingDocument> change)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var doc = WordprocessingDocument.Open(stream, true)) change(doc);
        return stream.ToArray();
    }

    /// <summary>The package with the first entry whose name contains <paramref name="part"/> replaced by <paramref name="xml"/>.</summary>
    private static byte[] Replace(byte[] package, string part, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.Contains(part, StringComparison.Ordinal) && !e.FullName.Contains("_rels", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(xml);
        }

        return stream.ToArray();
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return stream.ToArray();
    }

    private static int FindLast(byte[] haystack, byte[] needle)
    {
        for (var i = haystack.Length - needle.Length; i >= 0; i--)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        }

        throw new InvalidOperationException("not found");
    }

    /// <summary>A 1×1 PNG.</summary>
    private static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
