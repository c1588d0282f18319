using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// Councils the project had not seen, each written as a style file alone, each with a report or minutes from its
/// published papers: the numbers Word shows (read back from numbering.xml) and the decision labels are the original's,
/// paragraph by paragraph. The expected numbers, labels and first words are copied from the published papers, not from
/// our output.
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

    /// <summary>
    /// Minutes read back from the first minute on: each paragraph as (the number Word shows, its first four words), so
    /// a decision's label and where it stands (run into its resolution, or on a line of its own) can be compared.
    /// </summary>
    private static List<(string Number, string Start)> Minutes(string example) =>
        DocumentOutline.Read(Docx.Build(Repo.Example(example, "minutes.yaml")))
            .Where(l => l.Text.Length > 0)
            .SkipWhile(l => l.Number is null)
            .Select(l => (l.Number ?? string.Empty, string.Join(' ', l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4))))
            .ToList();

    [Fact]
    public void North_East_Derbyshire_numbers_its_minutes_in_the_hundreds_with_RESOLVED_run_in_or_above_resolutions_1_to_5()
    {
        // North East Derbyshire District Council, Cabinet, 13 February 2020: minutes 509 to 512. The apologies and
        // declarations minutes print the council's wording for none; "RESOLVED –" runs into 511's one resolution and
        // stands above 512's five, numbered "(1)" on; then "REASON FOR DECISION –". The original misprints the fifth
        // resolution "(3)"; Word numbering prints "(5)".
        Assert.Equal(
        [
            ("509.", "Apologies for Absence"),
            ("", "There were no apologies"),
            ("510.", "Declarations of Interest"),
            ("", "No declarations of interest"),
            ("511.", "Minutes of Last Meeting"),
            ("", "RESOLVED – That the"),
            ("512.", "Medium Term Financial Plan"),
            ("", "RESOLVED –"),
            ("(1)", "That Cabinet endorsed the"),
            ("(2)", "That Cabinet endorsed the"),
            ("(3)", "That Cabinet endorsed a"),
            ("(4)", "That Cabinet endorsed the"),
            ("(5)", "That the agreed recommendations"),
            ("", "REASON FOR DECISION –"),
        ], Minutes("north-east-derbyshire-cabinet-2020-02-13"));
    }

    [Fact]
    public void Staffordshire_labels_each_decision_Decision_with_the_reasons_first_and_prints_only_the_public_text_of_its_exempt_minute()
    {
        // Staffordshire County Council, Cabinet, 4 December 2019: minutes 1 to 3. "Decision –" runs into each decision,
        // but minute 2 prints "Decision" with no dash; minute 3 (exempt, paragraph 3) is headed "(Exemption paragraph 3)"
        // and gives its reasons before what was said, then the decision and the clerk's note; the Leader signs.
        Assert.Equal(
        [
            ("1.", "Decision notice of the"),
            ("", "Decision – That the"),
            ("2.", "Exclusion of the Public"),
            ("", "Decision That the public"),
            ("", "PART TWO"),
            ("3.", "Sale of Land at"),
            ("", "(Exemption paragraph 3)"),
            ("", "Reasons for the Decision"),
            ("", "The Chairman circulated to"),
            ("", "Decision – That the"),
            ("", "Note by Clerk: In"),
            ("", "Philip Atkins OBE"),
            ("", "Leader of the County"),
        ], Minutes("staffordshire-cabinet-2019-12-04"));
    }

    [Theory]
    [InlineData("north-east-derbyshire-cabinet-2020-02-13", "north-east-derbyshire.yaml", "minutes.yaml")]
    [InlineData("staffordshire-cabinet-2019-12-04", "staffordshire.yaml", "minutes.yaml")]
    public void A_councils_minutes_are_a_style_file_with_no_warnings_under_strict_in_both_versions(string example, string style, string paper)
    {
        var loaded = HouseStyles.Load(Path.Combine(Repo.Examples, example, style));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Empty(loaded.Diagnostics);
        var minutes = Papers.Load(Repo.Example(example, paper));
        Assert.Empty(minutes.Diagnostics);
        foreach (var isPrivate in new[] { false, true }.Where(p => !p || minutes.Paper is Definition.Minutes m && m.Items.Any(i => i.ExemptParagraph is not null)))
        {
            using var output = new MemoryStream();
            var rendered = Papers.Render(minutes.Paper!, loaded.Style!, output, new RenderOptions { WarningsAsErrors = true, Private = isPrivate });
            Assert.True(rendered.Written, string.Join("\n", rendered.Diagnostics));
            Docx.AssertValid(output.ToArray());
        }
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
