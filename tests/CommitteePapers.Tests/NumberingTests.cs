using System.Text.RegularExpressions;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace CommitteePapers.Tests;

public class NumberingTests
{
    private static readonly byte[] Safeguarding = Docx.Build(Repo.Example("york-safeguarding-update"));

    [Fact]
    public void Paragraph_numbers_continue_across_headings_from_1_to_60()
    {
        var numbered = DocumentOutline.Read(Safeguarding).Where(l => l.Style == "NumberedParagraph").ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"{n}."), numbered.Select(l => l.Number));
        Assert.StartsWith("At a meeting of the Committee in June 2012", numbered[0].Text);
        Assert.StartsWith("Further development of this service is planned", numbered[29].Text);
        Assert.StartsWith("The Committee is invited to", numbered[59].Text);
    }

    [Fact]
    public void Numbers_come_from_numbering_definitions_not_typed_text()
    {
        var typed = new Regex(@"^\s*(\d+\.|[a-z]\)|[ivx]+\.)\s");
        var texts = Docx.ParagraphTexts(Safeguarding);
        Assert.DoesNotContain(texts, t => typed.IsMatch(t));

        using var doc = Docx.Open(Safeguarding);
        var numbering = doc.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        Assert.NotEmpty(numbering.Elements<AbstractNum>());
        var numbered = doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.True(numbered.Count > 100, $"only {numbered.Count} numbered paragraphs");
        var numIds = numbering.Elements<NumberingInstance>().Select(n => n.NumberID!.Value).ToHashSet();
        Assert.All(numbered, p => Assert.Contains(p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value, numIds));
    }

    [Fact]
    public void Sub_items_are_lettered_and_recommendations_roman()
    {
        var lines = DocumentOutline.Read(Safeguarding);
        var afterTwo = lines.SkipWhile(l => l.Number != "2.").Skip(1).TakeWhile(l => l.Style == "ListParagraph").ToList();
        Assert.Equal(["a)", "b)", "c)", "•", "•", "d)", "e)", "f)", "g)", "h)", "i)"], afterTwo.Select(l => l.Number));

        var recommendations = lines.SkipWhile(l => l.Number != "60.").Skip(1).TakeWhile(l => l.Style == "ListParagraph").ToList();
        Assert.Equal(["i.", "ii.", "iii.", "iv.", "v.", "vi.", "vii."], recommendations.Select(l => l.Number));

        var underBullets = lines.SkipWhile(l => l.Number != "39.").Skip(1).TakeWhile(l => l.Style == "ListParagraph").Select(l => l.Number).ToList();
        Assert.Equal(["•", "i.", "ii.", "iii.", "iv.", "•", "i.", "ii.", "iii.", "iv.", "v.", "vi."], underBullets);
    }

    [Fact]
    public void Lettered_headings_count_from_a_to_i()
    {
        var headings = DocumentOutline.Read(Safeguarding).Where(l => l.Style.StartsWith("Heading", StringComparison.Ordinal) && l.Number is not null);
        Assert.Equal(["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)"], headings.Select(h => h.Number));
    }

    [Fact]
    public void Headings_are_real_heading_styles_with_outline_levels()
    {
        using var doc = Docx.Open(Safeguarding);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        for (var level = 1; level <= 4; level++)
        {
            var style = styles[$"Heading{level}"];
            Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }

        var headingTexts = DocumentOutline.Read(Safeguarding).Where(l => l.Style == "Heading1").Select(l => l.Text).ToList();
        Assert.Equal(["Summary", "Background", "Council Plan", "Implications", "Recommendations", "Contact Details"], headingTexts);
    }

    [Fact]
    public void Contact_details_table_has_a_marked_header_row()
    {
        using var doc = Docx.Open(Safeguarding);
        var table = Assert.Single(doc.MainDocumentPart!.Document!.Body!.Elements<Table>());
        var first = table.Elements<TableRow>().First();
        Assert.NotNull(first.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Contains("Author:", first.InnerText);
        Assert.Contains("Eoin Rush", table.InnerText);
        Assert.All(table.Descendants<TableCell>(), c => Assert.NotNull(c.TableCellProperties?.TableCellWidth?.Width));
    }

    [Fact]
    public void Footnotes_are_real_footnotes()
    {
        using var doc = Docx.Open(Safeguarding);
        var references = doc.MainDocumentPart!.Document!.Descendants<FootnoteReference>().ToList();
        Assert.Equal(3, references.Count);
        var notes = doc.MainDocumentPart.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id!.Value > 0).ToList();
        Assert.Equal(references.Select(r => r.Id!.Value), notes.Select(n => n.Id!.Value));
        Assert.Contains("DfE / HO / DCLG /DfID briefing note 7th June 2016", notes[0].InnerText);
    }

    [Fact]
    public void Annex_references_are_fields_to_bookmarks_with_the_text_in_place()
    {
        using var doc = Docx.Open(Safeguarding);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var codes = body.Descendants<FieldCode>().Select(c => c.Text.Trim()).ToList();
        var refs = codes.Where(c => c.StartsWith("REF ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refs.Count);
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        Assert.All(refs, r => Assert.Contains(r.Split(' ')[1], bookmarks));
        Assert.Contains(Docx.ParagraphTexts(Safeguarding), t => t.Contains("described in detail in Annex 1.", StringComparison.Ordinal));
        Assert.Equal(3, codes.Count(c => c.StartsWith("SEQ Annex", StringComparison.Ordinal)));
    }

    [Fact]
    public void Document_properties_carry_title_author_and_language()
    {
        using var doc = Docx.Open(Safeguarding);
        Assert.Equal("Bi-Annual Safeguarding Update", doc.PackageProperties.Title);
        Assert.Equal("Assistant Director for Children's Specialist Services", doc.PackageProperties.Creator);
        Assert.Equal("en-GB", doc.PackageProperties.Language);
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("en-GB", defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
    }

    [Fact]
    public void Footer_carries_a_page_field()
    {
        using var doc = Docx.Open(Safeguarding);
        var footer = Assert.Single(doc.MainDocumentPart!.FooterParts);
        Assert.Contains(footer.Footer!.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE");
    }
}

/// <summary>
/// Layout decides every number once; Word counts them again from numbering.xml. For every example, each cross-reference
/// that quotes a paragraph's number (REF \n) shows the number Word gives that paragraph, counted here from the XML.
/// </summary>
public class NumberingPlanTests
{
    public static TheoryData<string> Examples() => ExampleTests.AllExamples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_cross_reference_shows_the_number_word_counts_for_its_paragraph(string example)
    {
        var docx = Docx.Build(Path.Combine(Repo.Examples, example));
        var outline = DocumentOutline.Read(docx);
        var bookmarked = CrossReferences.BookmarkedParagraphs(docx);
        foreach (var reference in CrossReferences.Read(docx))
        {
            Assert.True(bookmarked.TryGetValue(reference.Bookmark, out var index), $"{example}: REF to '{reference.Bookmark}', which marks no paragraph of the body");
            if (!reference.Number) continue;
            var number = outline[index].Number;
            Assert.True(number is not null, $"{example}: REF \\n to '{reference.Bookmark}', whose paragraph has no number");
            Assert.Equal(CrossReferences.Quoted(number), reference.Shown);
        }
    }

    [Theory]
    [InlineData("york")]
    [InlineData("north-somerset")]
    [InlineData("three-levels")]
    public void Numbers_quoted_anywhere_in_a_paper_are_the_ones_word_shows(string styleName)
    {
        // Every kind of numbered thing with an id, and a paragraph referring to each, in a style with headings and
        // paragraphs numbered to three levels (2., 2.1, 2.1.1) as well as York's and North Somerset's.
        var style = styleName == "three-levels"
            ? HouseStyles.Parse("name: three-levels\nnumbering:\n  outline: [\"1.\", \"1.1\", \"1.1.1\"]\n  headings: [true, true]\n  paragraphs: [2, 3]\n  recommendations: [\"1.\", \"a.\"]\n").Style!
            : HouseStyles.Find(styleName)!;
        const string yaml = """
            paper: report
            meeting: Cabinet
            date: 2024-03-12
            report-of: Director of Place
            title: Numbers
            summary:
              - {id: s1, text: "The summary; see [@p1], [@p2], [@p3], [@a], [@b], [@sub], [@r1], [@r2], [@r2a] and [@t]."}
            sections:
              - heading: Background
                id: background
                paragraphs:
                  - {id: p1, text: The first paragraph.}
                  - {id: p2, text: "The second, with items.", items: [{id: a, text: one}, {id: b, text: two, items: [{id: sub, text: inner}]}]}
                sections:
                  - heading: Detail
                    id: detail
                    paragraphs:
                      - {id: p3, text: A paragraph under a sub-heading.}
                      - table: {id: t, caption: Costs, columns: [Line, {heading: Cost, type: money, unit: "£"}], rows: [[Staff, 10]]}
                  - heading: Unnumbered
                    numbered: false
                    paragraphs:
                      - A paragraph under an unnumbered heading.
            recommendations:
              items:
                - {id: r1, text: Note the report.}
                - {id: r2, text: "Approve:", items: [{id: r2a, text: the budget}]}
              reason: To keep the Cabinet informed.
            """;
        var loaded = Papers.Parse(yaml);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var docx = Docx.Render(loaded.Paper!, style);
        var outline = DocumentOutline.Read(docx);
        var bookmarked = CrossReferences.BookmarkedParagraphs(docx);
        var references = CrossReferences.Read(docx);
        Assert.Equal(10, references.Count);
        foreach (var reference in references.Where(r => r.Number))
        {
            Assert.Equal(CrossReferences.Quoted(outline[bookmarked[reference.Bookmark]].Number!), reference.Shown);
        }

        if (styleName == "three-levels")
        {
            var numbers = outline.Where(l => l.Number is not null && l.Style is "Heading1" or "Heading2" or "NumberedParagraph").Select(l => l.Number).ToList();
            // Summary 1., its paragraph 1.1; Background 2., its paragraphs 2.1 and 2.2; Detail 2.3, its paragraph 2.3.1;
            // the unnumbered heading's paragraph counts on at the level of Background's (2.4); Recommendations 3.
            Assert.Equal(["1.", "1.1", "2.", "2.1", "2.2", "2.3", "2.3.1", "2.4", "3."], numbers);
        }
    }
}
