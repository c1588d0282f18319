using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// Three councils the project had not seen, each written as a style file alone, each with a report from its published
/// papers: the numbers Word shows (read back from numbering.xml) are the original paper's, paragraph by paragraph.
/// The expected numbers and first words are copied from the published papers, not from our output.
/// </summary>
public class CouncilTests
{
    /// <summary>Each numbered paragraph or heading of an example as (number, the text's first words).</summary>
    private static List<(string Number, string Start)> Numbered(string example) =>
        DocumentOutline.Read(Docx.Build(Repo.Example(example)))
            .Where(l => l.Number is not null)
            .Select(l => (l.Number!, string.Join(' ', l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))))
            .ToList();

    [Fact]
    public void Maidstone_numbers_its_sections_and_paragraphs_1_1_without_a_full_stop_and_leaves_the_summary_unnumbered()
    {
        // Maidstone Borough Council, Democracy Committee, 30 January 2019: no number before paragraph 1.1 but the
        // section's own "1.", paragraphs "1.1", "1.2"; the one recommendation and the summary carry none.
        Assert.Equal(
        [
            ("1.", "INTRODUCTION AND BACKGROUND"),
            ("1.1", "Maidstone Borough Council (MBC)"),
            ("1.2", "At its meeting on"),
        ], Numbered("maidstone-committee-structure-review"));
    }

    [Fact]
    public void Essex_numbers_from_the_first_section_with_a_full_stop_and_bullets_its_recommendations_inside_2_1()
    {
        // Essex County Council, Cabinet, 23 November 2017: "1. Purpose of Report", "1.1.", "2. Recommendations",
        // "2.1. That Cabinet agrees :" with four bullets, "3. Summary of issue", the unnumbered "Background", "3.1.".
        Assert.Equal(
        [
            ("1.", "Purpose of Report"),
            ("1.1.", "To present an update"),
            ("2.", "Recommendations"),
            ("2.1.", "That Cabinet agrees :"),
            ("•", "that of the initial"),
            ("•", "that Option A (northern"),
            ("•", "that work continues to"),
            ("•", "that a final decision"),
            ("3.", "Summary of issue"),
            ("3.1.", "The A120 between Braintree"),
        ], Numbered("essex-a120-option-selection"));
    }

    [Fact]
    public void Northumberland_numbers_its_recommendations_1_2_3_with_sub_items_a_b()
    {
        // Northumberland County Council, Cabinet, 13th November 2018: unnumbered headings; recommendations 1., 2.
        // (with a., b. under it), 3.
        Assert.Equal(
        [
            ("1.", "Notes the good progress"),
            ("2.", "Approves the allocation from"),
            ("a.", "£25,000 to enable scheme"),
            ("b.", "£50,000 for the implementation"),
            ("3.", "Approves the proposed tariff"),
        ], Numbered("northumberland-parking-provision"));
    }

    [Theory]
    [InlineData("maidstone-committee-structure-review", "maidstone.yaml")]
    [InlineData("essex-a120-option-selection", "essex.yaml")]
    [InlineData("northumberland-parking-provision", "northumberland.yaml")]
    public void A_council_is_a_style_file_with_no_warnings_under_strict(string example, string style)
    {
        var loaded = HouseStyles.Load(Path.Combine(Repo.Examples, example, style));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Empty(loaded.Diagnostics);
        var paper = Papers.Load(Repo.Example(example));
        Assert.Empty(paper.Diagnostics);
        using var output = new MemoryStream();
        var rendered = Papers.Render(paper.Paper!, loaded.Style!, output, new RenderOptions { WarningsAsErrors = true });
        Assert.True(rendered.Written, string.Join("\n", rendered.Diagnostics));
        Docx.AssertValid(output.ToArray());
    }
}

public class CouncilSchemaTests
{
    [Fact]
    public void A_councils_paper_schema_knows_its_fields_so_the_editor_catches_a_misspelt_one()
    {
        var style = HouseStyles.Load(Path.Combine(Repo.Examples, "maidstone-committee-structure-review", "maidstone.yaml")).Style!;
        var schema = global::Json.Schema.JsonSchema.FromText(Papers.JsonSchemaFor(style), new global::Json.Schema.BuildOptions { SchemaRegistry = new global::Json.Schema.SchemaRegistry() });
        var paper = File.ReadAllText(Repo.Example("maidstone-committee-structure-review"));
        Assert.True(schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(YamlJson.Convert(paper))).IsValid);
        var misspelt = paper.Replace("final-decision-maker:", "final-decison-maker:", StringComparison.Ordinal);
        Assert.False(schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(YamlJson.Convert(misspelt))).IsValid);
        var wrongChoice = paper.Replace("fields:\n", "fields:\n  purpose: Deciding\n", StringComparison.Ordinal);
        Assert.False(schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(YamlJson.Convert(wrongChoice))).IsValid);
    }
}
