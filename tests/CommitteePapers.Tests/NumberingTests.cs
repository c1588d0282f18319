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
