using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using CommitteePapers.Pdf;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using CsCheck;
using DocumentFormat.OpenXml.Wordprocessing;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;
using CpTableLayout = CommitteePapers.Layout.TableLayout;
using Def = CommitteePapers.Definition;
using Kpi = CommitteePapers.Layout.Kpi;
using WCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace CommitteePapers.Tests;

/// <summary>
/// Tables and KPI tables: RAG and direction of travel derived from the values, totals checked and computed,
/// numbers formatted as the councils print them, and the Word (and PDF) output read back.
/// </summary>
public class TableTests
{
    private const string Mtfp = "north-somerset-mtfp";
    private const string Q3 = "north-somerset-q3-performance";

    /// <summary>The two North Somerset examples, built (and validated) once for the tests that read them.</summary>
    private static readonly Lazy<byte[]> MtfpDocx = new(() => Docx.Build(Repo.Example(Mtfp)));
    private static readonly Lazy<byte[]> Q3Docx = new(() => Docx.Build(Repo.Example(Q3)));

    /// <summary>
    /// The published North Somerset agenda pack as text, which the examples were transcribed from. It lives beside the
    /// repository (/work/shared/reference-papers), not in it; CP_REFERENCE_PAPERS names another folder.
    /// </summary>
    private static string ReferencePack
    {
        get
        {
            const string name = "north-somerset-panel-agenda-pack.txt";
            string?[] folders =
            [
                Environment.GetEnvironmentVariable("CP_REFERENCE_PAPERS"),
                Path.Combine(Path.GetDirectoryName(Repo.Root)!, "shared", "reference-papers"),
                "/work/shared/reference-papers",
            ];
            var found = folders.Where(f => !string.IsNullOrEmpty(f)).Select(f => Path.Combine(f!, name)).FirstOrDefault(File.Exists);
            Assert.True(found is not null, $"{name} not found in {string.Join(", ", folders.Where(f => !string.IsNullOrEmpty(f)))}; set CP_REFERENCE_PAPERS to its folder.");
            return found!;
        }
    }

    // ==== 1. RAG and direction of travel ===================================================================

    private static (string? Rag, string? Dot) Derive(decimal? previous, decimal? latest, decimal? target, Def.Polarity? polarity, decimal tolerance = 5m) =>
        Kpi.Derive(new Def.Indicator("Indicator", [previous, latest]) { Target = target, Polarity = polarity }, tolerance);

    private static (string? Rag, string? Dot) None(string? dot) => (null, dot);

    private static (string? Rag, string? Dot) Rated(string rag, string? dot) => (rag, dot);

    [Theory]
    // Higher is better, target 80, tolerance 5 % of 80 = 4: GREEN from 80, AMBER from 76, RED below.
    [InlineData("higher", "80", "GREEN")]
    [InlineData("higher", "80.01", "GREEN")]
    [InlineData("higher", "79.99", "AMBER")]
    [InlineData("higher", "76", "AMBER")]
    [InlineData("higher", "75.99", "RED")]
    [InlineData("higher", "0", "RED")]
    // Lower is better, the mirror: GREEN up to 80, AMBER up to 84, RED above.
    [InlineData("lower", "80", "GREEN")]
    [InlineData("lower", "79.99", "GREEN")]
    [InlineData("lower", "80.01", "AMBER")]
    [InlineData("lower", "84", "AMBER")]
    [InlineData("lower", "84.01", "RED")]
    [InlineData("lower", "200", "RED")]
    public void Rag_boundaries_with_a_five_percent_tolerance(string polarity, string latest, string expected)
    {
        var p = polarity == "higher" ? Def.Polarity.Higher : Def.Polarity.Lower;
        Assert.Equal(expected, Derive(50m, decimal.Parse(latest, CultureInfo.InvariantCulture), 80m, p).Rag);
    }

    [Fact]
    public void Rag_boundaries_follow_the_tolerance_given()
    {
        // Tolerance 10 % of 80 = 8.
        Assert.Equal("AMBER", Derive(1, 72, 80, Def.Polarity.Higher, 10).Rag);
        Assert.Equal("RED", Derive(1, 71.99m, 80, Def.Polarity.Higher, 10).Rag);
        Assert.Equal("AMBER", Derive(1, 88, 80, Def.Polarity.Lower, 10).Rag);
        Assert.Equal("RED", Derive(1, 88.01m, 80, Def.Polarity.Lower, 10).Rag);
        // No tolerance: anything off target is RED.
        Assert.Equal("RED", Derive(1, 79.99m, 80, Def.Polarity.Higher, 0).Rag);
        Assert.Equal("GREEN", Derive(1, 80, 80, Def.Polarity.Higher, 0).Rag);
        // A target of 0 has no band: lower is better, 0 is GREEN and anything above RED (North Somerset's ISRO caseloads).
        Assert.Equal("GREEN", Derive(0, 0, 0, Def.Polarity.Lower).Rag);
        Assert.Equal("RED", Derive(0, 0.01m, 0, Def.Polarity.Lower).Rag);
    }

    [Fact]
    public void Untargeted_indicators_have_no_rag_and_increase_stable_or_decrease()
    {
        Assert.Equal(None("INCREASE"), Derive(10, 11, null, null));
        Assert.Equal(None("STABLE"), Derive(10, 10, null, null));
        Assert.Equal(None("DECREASE"), Derive(10, 9, null, null));
        // A polarity alone does not make an indicator targeted.
        Assert.Equal(None("DECREASE"), Derive(26, 18, null, Def.Polarity.Lower));
    }

    [Fact]
    public void Targeted_indicators_have_positive_stable_or_negative_by_polarity()
    {
        Assert.Equal("POSITIVE", Derive(10, 11, 50, Def.Polarity.Higher).Dot);
        Assert.Equal("NEGATIVE", Derive(10, 9, 50, Def.Polarity.Higher).Dot);
        Assert.Equal("STABLE", Derive(10, 10, 50, Def.Polarity.Higher).Dot);
        Assert.Equal("NEGATIVE", Derive(10, 11, 50, Def.Polarity.Lower).Dot);
        Assert.Equal("POSITIVE", Derive(10, 9, 50, Def.Polarity.Lower).Dot);
        Assert.Equal("STABLE", Derive(10, 10, 50, Def.Polarity.Lower).Dot);
    }

    [Fact]
    public void Missing_values_and_missing_polarity_give_no_rating()
    {
        // No latest value: no RAG and no direction.
        Assert.Equal(None(null), Derive(70, null, 80, Def.Polarity.Higher));
        // No previous value: a RAG but no direction.
        Assert.Equal(Rated("RED", null), Derive(null, 51, 80, Def.Polarity.Higher));
        // Only one value at all.
        Assert.Equal(Rated("GREEN", null), Kpi.Derive(new Def.Indicator("One", [95m]) { Target = 90, Polarity = Def.Polarity.Higher }, 5));
        Assert.Equal(None(null), Kpi.Derive(new Def.Indicator("None", []) { Target = 90, Polarity = Def.Polarity.Higher }, 5));
        // A target without a polarity: no RAG, and the direction of an untargeted indicator.
        Assert.Equal(None("DECREASE"), Derive(33, 16, 31, null));
    }

    private static readonly Gen<decimal> Value = Gen.Int[-100_000, 100_000].Select(i => i / 100m);
    private static readonly Gen<decimal> Tolerance = Gen.Int[0, 2_500].Select(i => i / 100m);

    private static int Rank(string? rag) => rag switch { "RED" => 0, "AMBER" => 1, "GREEN" => 2, _ => throw new Xunit.Sdk.XunitException($"no RAG: '{rag}'") };

    /// <summary>A target, a tolerance, and a value that is often exactly on the target or on an edge of the band.</summary>
    private static readonly Gen<(decimal Value, decimal Target, decimal Tolerance)> NearTarget =
        Gen.Select(Value, Tolerance, Gen.Int[0, 5], Value).Select((target, tolerance, edge, random) =>
        {
            var band = Math.Abs(target) * tolerance / 100m;
            var value = edge switch { 0 => target, 1 => target - band, 2 => target + band, _ => random };
            return (value, target, tolerance);
        });

    [Fact]
    public void Property_green_exactly_when_on_the_right_side_of_the_target_and_amber_only_within_the_band() =>
        Gen.Select(NearTarget, Gen.Bool).Sample((near, higher) =>
        {
            var (value, target, tolerance) = near;
            var (rag, _) = Derive(0, value, target, higher ? Def.Polarity.Higher : Def.Polarity.Lower, tolerance);
            var onTarget = higher ? value >= target : value <= target;
            Assert.Equal(onTarget, rag == "GREEN");
            var band = Math.Abs(target) * tolerance / 100m;
            if (rag == "AMBER") Assert.True(Math.Abs(value - target) <= band, $"AMBER {value} is {Math.Abs(value - target)} from {target}, band {band}");
            if (rag == "RED") Assert.True(Math.Abs(value - target) > band, $"RED {value} is within {band} of {target}");
        }, iter: 2_000);

    [Fact]
    public void Property_rag_is_monotone_in_the_value() =>
        Gen.Select(NearTarget, Value, Gen.Bool).Sample((near, b, higher) =>
        {
            var (a, target, tolerance) = near;
            var (low, high) = a <= b ? (a, b) : (b, a);
            var polarity = higher ? Def.Polarity.Higher : Def.Polarity.Lower;
            var lowRank = Rank(Derive(0, low, target, polarity, tolerance).Rag);
            var highRank = Rank(Derive(0, high, target, polarity, tolerance).Rag);
            // A better value never gets a worse rating.
            if (higher) Assert.True(lowRank <= highRank, $"higher is better: {low} rated above {high}");
            else Assert.True(lowRank >= highRank, $"lower is better: {high} rated above {low}");
        });

    [Fact]
    public void Property_lower_is_better_mirrors_higher_is_better() =>
        Gen.Select(Value, NearTarget).Sample((previous, near) =>
        {
            var (latest, target, tolerance) = near;
            var higher = Derive(previous, latest, target, Def.Polarity.Higher, tolerance);
            var lower = Derive(-previous, -latest, -target, Def.Polarity.Lower, tolerance);
            Assert.Equal(higher, lower);
        });

    [Fact]
    public void Property_direction_compares_the_last_two_values() =>
        Gen.Select(Value, Value, Gen.Int[0, 2], Gen.Int[0, 3]).Sample((previous, other, kind, same) =>
        {
            var latest = same == 0 ? previous : other; // a quarter of the time the value has not moved
            // kind 0: untargeted, 1: higher is better, 2: lower is better.
            var (_, dot) = kind == 0
                ? Derive(previous, latest, null, null)
                : Derive(previous, latest, 50, kind == 1 ? Def.Polarity.Higher : Def.Polarity.Lower);
            var expected = latest == previous ? "STABLE"
                : kind == 0 ? (latest > previous ? "INCREASE" : "DECREASE")
                : (latest > previous) == (kind == 1) ? "POSITIVE" : "NEGATIVE";
            Assert.Equal(expected, dot);
        });

    // ==== 2. Totals and cell checks ========================================================================

    private const string TotalsPaper = """
        paper: report
        meeting: Test Committee
        date: 2024-01-11
        report-of: Director of Finance
        title: Table checks
        summary:
          - See [@budget] for the budget.
          - table:
              id: budget
              caption: Budget by service
              columns:
                - heading: Service
                - {heading: Budget £, type: money, unit: "£", decimals: 0}
                - {heading: Change, type: percent, decimals: 1}
              rows:
                - group: First group
                - [Alpha, 1000, 2.5]
                - [Beta, -250, ~]
                - subtotal: [First sub total, SUB1, ~]
                - [Gamma, 400, ~]
                - group: Second group
                - [Delta, 5000, ~]
                - [Epsilon, 7, ~]
                - subtotal: [Second sub total, SUB2, ~]
                - [Zeta, 30, ~]
                - [Eta, 12, ~]
                - subtotal: [Third sub total, SUB3, ~]
                - total: [Total, TOTAL, ~]
        """;

    private static string Totals(string sub1 = "~", string sub2 = "~", string sub3 = "~", string total = "~") =>
        TotalsPaper.Replace("SUB1", sub1, StringComparison.Ordinal).Replace("SUB2", sub2, StringComparison.Ordinal)
            .Replace("SUB3", sub3, StringComparison.Ordinal).Replace("TOTAL", total, StringComparison.Ordinal);

    /// <summary>The 1-based line and column of the only occurrence of <paramref name="marker"/> in <paramref name="yaml"/>.</summary>
    private static (int Line, int Column) PositionOf(string yaml, string marker, int skip = 0)
    {
        var lines = yaml.Split('\n');
        var hits = lines.Select((l, i) => (Line: i + 1, Column: l.IndexOf(marker, StringComparison.Ordinal) + 1)).Where(h => h.Column > 0).ToList();
        Assert.True(hits.Count > skip, $"'{marker}' is not in the YAML");
        return hits[skip];
    }

    /// <summary>
    /// A money column prints its unit in its heading as councils do ("Revised budget £", "Savings £000"), unless the
    /// heading already says it; the style's word unit-heading says how ("{heading} ({unit})" gives "Savings (£000)").
    /// </summary>
    [Fact]
    public void A_money_column_prints_its_unit_in_the_heading_unless_the_heading_says_it()
    {
        const string Yaml = """
            paper: report
            meeting: Cabinet
            date: 2024-03-12
            report-of: Director of Resources
            title: Budget
            summary:
              - table:
                  columns:
                    - Service
                    - {heading: Revised budget, type: money, unit: "£"}
                    - {heading: Forecast £m, type: money, unit: "£m", decimals: 1}
                    - {heading: Savings, type: money, unit: "£000"}
                    - {heading: "2023/24 £'000", type: money, unit: "£000"}
                    - {heading: Posts, type: number}
                  rows:
                    - [Front Door, 100, 1.5, 20, 30, 3]
            """;
        var york = Assert.Single(ReadTables(RenderYaml(Yaml))).Rows[0];
        Assert.Equal(["Service", "Revised budget £", "Forecast £m", "Savings £000", "2023/24 £'000", "Posts"], york);

        var style = HouseStyles.Parse("name: brackets\nextends: york\nwords:\n  unit-heading: \"{heading} ({unit})\"\n", "brackets.yaml").Style!;
        var bracketed = Assert.Single(ReadTables(Docx.Render(Papers.Parse(Yaml).Paper!, style))).Rows[0];
        Assert.Equal(["Service", "Revised budget (£)", "Forecast £m", "Savings (£000)", "2023/24 £'000", "Posts"], bracketed);
    }

    private static byte[] RenderYaml(string yaml, string name = "tables.yaml")
    {
        var loaded = Papers.Parse(yaml, name);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return Docx.Render(loaded.Paper!, HouseStyles.York);
    }

    [Fact]
    public void Computed_subtotals_restart_after_a_group_or_a_subtotal_and_the_total_adds_every_data_row()
    {
        var docx = RenderYaml(Totals());
        var rows = Assert.Single(ReadTables(docx)).Rows;
        string[] Row(string label) => Assert.Single(rows, r => r[0] == label);

        Assert.Equal(["Beta", "(250)", ""], Row("Beta"));
        Assert.Equal(["First sub total", "750", ""], Row("First sub total"));     // 1000 - 250
        Assert.Equal(["Second sub total", "5,007", ""], Row("Second sub total")); // 5000 + 7: Gamma, before the group, is not in it
        Assert.Equal(["Third sub total", "42", ""], Row("Third sub total"));      // 30 + 12: restarts after the subtotal
        Assert.Equal(["Total", "6,199", ""], Row("Total"));                       // every data row, no subtotal counted twice
        Assert.Equal(["First group", "", ""], Row("First group"));
        Assert.Equal("Table 1", Assert.Single(Docx.ParagraphTexts(docx), t => t.StartsWith("See ", StringComparison.Ordinal))["See ".Length..^" for the budget.".Length]);
    }

    [Fact]
    public void Correct_declared_totals_pass_without_a_diagnostic()
    {
        var diagnostics = DiagnosticTests.AllDiagnostics(Totals("750", "5007", "42", "6199"), "totals.yaml");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_subtotal_that_would_be_right_only_without_the_restart_is_reported()
    {
        // 5,407 would include Gamma from the first group.
        var yaml = Totals(sub2: "5407");
        var d = Assert.Single(DiagnosticTests.AllDiagnostics(yaml, "totals.yaml"));
        Assert.Equal("CP0025", d.Code);
        Assert.Equal(PositionOf(yaml, "5407"), (d.Position.Line, d.Position.Column));
    }

    [Fact]
    public void A_wrong_declared_total_is_an_error_at_that_cell()
    {
        var yaml = Totals(total: "6999");
        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "totals.yaml");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CP0025", d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("totals.yaml", d.Position.File);
        Assert.Equal(PositionOf(yaml, "6999"), (d.Position.Line, d.Position.Column));
        Assert.Contains("6,199", d.Message); // says what the rows add up to

        // Nothing is written.
        var loaded = Papers.Parse(yaml, "totals.yaml");
        using var stream = new MemoryStream();
        Assert.False(Papers.Render(loaded.Paper!, HouseStyles.York, stream).Written);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_an_error_at_the_row()
    {
        var yaml = Totals().Replace("[Epsilon, 7, ~]", "[Epsilon, 7]", StringComparison.Ordinal);
        var d = Assert.Single(DiagnosticTests.AllDiagnostics(yaml, "cells.yaml"), d => d.Severity == Severity.Error);
        Assert.Equal("CP0024", d.Code);
        Assert.Equal(PositionOf(yaml, "[Epsilon"), (d.Position.Line, d.Position.Column));
        Assert.Contains("2 cells", d.Message);
        Assert.Contains("3 columns", d.Message);
    }

    [Fact]
    public void Text_in_a_money_column_is_an_error_at_the_cell()
    {
        var yaml = Totals().Replace("[Delta, 5000, ~]", "[Delta, five thousand, ~]", StringComparison.Ordinal);
        var d = Assert.Single(DiagnosticTests.AllDiagnostics(yaml, "cells.yaml"), d => d.Severity == Severity.Error);
        Assert.Equal("CP0023", d.Code);
        Assert.Equal(PositionOf(yaml, "five thousand"), (d.Position.Line, d.Position.Column));
        Assert.Contains("Budget £", d.Message);
    }

    [Fact]
    public void A_word_in_a_rag_column_must_be_a_rag_rating()
    {
        var yaml = """
            paper: report
            meeting: M
            date: 2024-01-11
            report-of: D
            title: T
            summary:
              - table:
                  columns: [Ref, {heading: RAG Rating, type: rag}]
                  rows:
                    - [CH01, g]
                    - [CH02, Purple]
            """;
        var d = Assert.Single(DiagnosticTests.AllDiagnostics(yaml, "rag.yaml"));
        Assert.Equal("CP0023", d.Code);
        Assert.Equal(PositionOf(yaml, "Purple"), (d.Position.Line, d.Position.Column));
    }

    /// <summary>
    /// "12k" in a £ column is twelve thousand pounds to a reader; the reader strips the k and prints 12 without a word.
    /// Either reading it as 12,000 or refusing it would do; printing 12 silently would not.
    /// </summary>
    [Fact]
    public void A_thousands_suffix_in_a_pound_column_is_never_silently_dropped()
    {
        var yaml = Totals().Replace("[Delta, 5000, ~]", "[Delta, 5k, ~]", StringComparison.Ordinal);
        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "suffix.yaml");
        if (diagnostics.Any(d => d.Code == "CP0023")) return;
        var rows = Assert.Single(ReadTables(RenderYaml(yaml))).Rows;
        Assert.Equal("5,000", Assert.Single(rows, r => r[0] == "Delta")[1]);
    }

    /// <summary>
    /// The rounding allowance is taken from the declared figure's own decimals, not from the column's: a total of "0"
    /// under 0.4 and 0.4 is allowed 1 whole unit and passes, and the table prints "Total 0.0" under "0.4" and "0.4".
    /// </summary>
    [Fact]
    public void A_total_wrong_at_the_precision_it_is_printed_with_is_reported()
    {
        var yaml = """
            paper: report
            meeting: M
            date: 2024-01-11
            report-of: D
            title: T
            summary:
              - table:
                  columns: [Placement, {heading: FTE, type: number}]
                  rows:
                    - [Secure accommodation, 0.4]
                    - [Parent and Child, 0.4]
                    - total: [Total, 0]
            """;
        var d = Assert.Single(DiagnosticTests.AllDiagnostics(yaml, "fte.yaml"));
        Assert.Equal("CP0025", d.Code);
        Assert.Equal(PositionOf(yaml, "0]"), (d.Position.Line, d.Position.Column));
    }

    /// <summary>An indicator with more comparators than the table has comparator columns loses the extra ones without a word.</summary>
    [Fact]
    public void Kpi_comparators_beyond_the_tables_columns_are_not_dropped_silently()
    {
        var yaml = """
            paper: report
            meeting: M
            date: 2024-01-11
            report-of: D
            title: T
            summary:
              - kpi-table:
                  periods: [Q2, Q3]
                  comparators: [Statistical Neighbour]
                  groups:
                    - area: Front door
                      indicators:
                        - name: Number of MASH Enquires
                          values: [339, 402]
                          comparators: ["4.1%", "6.8%", "7.6%"]
            """;
        if (DiagnosticTests.AllDiagnostics(yaml, "kpi.yaml").Any(d => d.Position.Line == PositionOf(yaml, "comparators: [\"4.1%\"").Line)) return;
        // More comparator values than comparator columns is an error at the indicator, not a silent drop.
        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "tables.yaml");
        Assert.Contains(diagnostics, d => d.Code == "CP0024" && d.Severity == Diagnostics.Severity.Error && d.Position.Line > 1);
    }

    [Fact]
    public void Through_the_command_line_a_wrong_total_exits_1_with_its_position()
    {
        var folder = Directory.CreateTempSubdirectory("cp-tables-").FullName;
        try
        {
            var yaml = Totals(sub1: "750", total: "6999");
            File.WriteAllText(Path.Combine(folder, "totals.yaml"), yaml);
            var (code, _, stderr) = CliTests.Run(folder, "build", "totals.yaml", "-o", "totals.docx");
            Assert.Equal(1, code);
            var (line, column) = PositionOf(yaml, "6999");
            Assert.Contains($"totals.yaml({line},{column}): error CP0025", stderr);
            Assert.DoesNotContain("CP0025", stderr.Replace($"totals.yaml({line},{column}): error CP0025", string.Empty, StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(folder, "totals.docx")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // ==== 3. Formatting ====================================================================================

    private static string Format(decimal? number, Def.ColumnType type, int decimals, string? unit = null) =>
        CpTableLayout.Format(new Def.TableCell { Number = number }, new Def.TableColumn("Heading") { Type = type, Unit = unit }, decimals);

    [Theory]
    [InlineData("-1234", 0, "(1,234)")]
    [InlineData("-261214", 0, "(261,214)")]
    [InlineData("0", 0, "0")]
    [InlineData("1234567", 0, "1,234,567")]
    [InlineData("13210850", 0, "13,210,850")]
    [InlineData("-1234567.891", 2, "(1,234,567.89)")]
    [InlineData("18.98", 3, "18.980")]
    [InlineData("0.5", 0, "1")]       // away from zero, as Excel rounds
    [InlineData("-0.4", 0, "(0)")]    // a variance below 50p still shows it is an underspend: "(0)", as the MTFP paper prints
    [InlineData("-0.0004", 3, "(0.000)")]
    [InlineData("999.9996", 3, "1,000.000")]
    public void Money_is_printed_with_thousands_separators_and_brackets_for_negatives(string value, int decimals, string expected) =>
        Assert.Equal(expected, Format(decimal.Parse(value, CultureInfo.InvariantCulture), Def.ColumnType.Money, decimals, "£"));

    [Theory]
    [InlineData("51", 0, "51%")]
    [InlineData("7.81", 2, "7.81%")]
    [InlineData("2.5", 1, "2.5%")]
    [InlineData("-72.35", 2, "-72.35%")] // the MTFP paper prints a fall in a percentage column with a minus
    [InlineData("219.04", 2, "219.04%")]
    [InlineData("1234.5", 1, "1,234.5%")]
    public void Percentages_are_printed_with_a_percent_sign(string value, int decimals, string expected) =>
        Assert.Equal(expected, Format(decimal.Parse(value, CultureInfo.InvariantCulture), Def.ColumnType.Percent, decimals));

    [Theory]
    [InlineData("1720", 0, "1,720")]
    [InlineData("104.27", 2, "104.27")]
    [InlineData("0", 2, "0.00")]
    [InlineData("-15", 0, "-15")]
    public void Numbers_are_printed_with_thousands_separators(string value, int decimals, string expected) =>
        Assert.Equal(expected, Format(decimal.Parse(value, CultureInfo.InvariantCulture), Def.ColumnType.Number, decimals));

    [Fact]
    public void Empty_and_text_cells_print_as_they_are()
    {
        Assert.Equal(string.Empty, Format(null, Def.ColumnType.Money, 0, "£"));
        Assert.Equal("Local measure", CpTableLayout.Format(new Def.TableCell { Text = "Local measure" }, new Def.TableColumn("C"), 0));
    }

    /// <summary>The councils print dates in full, "11 January 2017" (as Format's own summary says), never "11 Jan 2017" or "Sept".</summary>
    [Theory]
    [InlineData(2017, 1, 11, "11 January 2017")]
    [InlineData(2024, 3, 31, "31 March 2024")]
    [InlineData(2023, 9, 5, "5 September 2023")]
    public void Dates_are_printed_as_the_councils_print_them(int year, int month, int day, string expected) =>
        Assert.Equal(expected, CpTableLayout.Format(new Def.TableCell { Date = new DateOnly(year, month, day) }, new Def.TableColumn("Deadline") { Type = Def.ColumnType.Date }, 0));

    // ==== 4. Word output of every table ====================================================================

    /// <summary>Every example that is a paper (not an agenda pack), as a path under examples/.</summary>
    public static TheoryData<string> ExamplePapers()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Regex.IsMatch(File.ReadAllText(file), @"^paper:", RegexOptions.Multiline)) data.Add(Path.GetRelativePath(Repo.Examples, file).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>
    /// Every table with borders, which is every table a paper's author writes (table:, kpi-table:) and the style's
    /// front-block and contact tables: a header row that repeats on each page, explicit widths, no merged cells. Borderless
    /// layout tables (the minutes' Meeting/Date/Present block, whose first column is the heading) are held to all but
    /// the header row.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExamplePapers))]
    public void Every_table_has_a_repeating_header_explicit_widths_and_no_merged_cells(string example)
    {
        var docx = Docx.Build(Path.Combine(Repo.Examples, example)); // validator: 0 errors
        using var doc = Docx.Open(docx);
        var tables = doc.MainDocumentPart!.Document!.Body!.Descendants<WTable>().ToList();
        foreach (var table in tables)
        {
            var rows = table.Elements<WRow>().ToList();
            Assert.NotEmpty(rows);
            if (table.GetFirstChild<TableProperties>()?.TableStyle?.Val?.Value == "TableGrid")
            {
                Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
            }

            Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<TableHeader>()));

            var tblW = table.GetFirstChild<TableProperties>()?.TableWidth;
            Assert.NotNull(tblW);
            Assert.Equal(TableWidthUnitValues.Dxa, tblW.Type!.Value);
            Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.TableLayout?.Type?.Value);
            var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
            Assert.All(grid, w => Assert.True(w > 0));
            Assert.Equal(grid.Sum(), int.Parse(tblW.Width!.Value!, CultureInfo.InvariantCulture));

            foreach (var row in rows)
            {
                var cells = row.Elements<WCell>().ToList();
                Assert.Equal(grid.Count, cells.Count);
                for (var i = 0; i < cells.Count; i++)
                {
                    var tcW = cells[i].TableCellProperties?.TableCellWidth;
                    Assert.NotNull(tcW);
                    Assert.Equal(TableWidthUnitValues.Dxa, tcW.Type!.Value);
                    Assert.Equal(grid[i], int.Parse(tcW.Width!.Value!, CultureInfo.InvariantCulture));
                    Assert.NotEmpty(cells[i].Elements<Paragraph>());
                }
            }

            Assert.Empty(table.Descendants<GridSpan>());
            Assert.Empty(table.Descendants<VerticalMerge>());
            Assert.Empty(table.Descendants<HorizontalMerge>());
            Assert.Empty(table.Descendants<WTable>()); // no nested tables
        }
    }

    [Theory]
    [MemberData(nameof(ExamplePapers))]
    public void Numbers_are_right_aligned_and_unwrapped_and_rag_cells_carry_the_word_as_well_as_the_colour(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var docx = Docx.Build(path);
        var model = ModelTables(Papers.Load(path).Paper!);
        using var doc = Docx.Open(docx);
        var matched = 0;
        foreach (var table in doc.MainDocumentPart!.Document!.Body!.Descendants<WTable>())
        {
            // Every shaded cell, in any table, says in words what its colour says.
            foreach (var cell in table.Descendants<WCell>().Where(c => c.TableCellProperties?.Shading is not null))
            {
                var word = CellText(cell);
                Assert.True(CpTableLayout.RagFill.TryGetValue(word, out var fill), $"a shaded cell reads '{word}'");
                Assert.Equal(fill, cell.TableCellProperties!.Shading!.Fill!.Value);
            }

            var rows = table.Elements<WRow>().Select(r => r.Elements<WCell>().ToList()).ToList();
            var headings = rows[0].Select(CellText).ToList();
            var spec = model.FirstOrDefault(m => !m.Matched && m.Headings.SequenceEqual(headings) && m.Rows.Count == rows.Count - 1);
            if (spec is null) continue; // a front-block or contact table: no numbers
            spec.Matched = true;
            matched++;
            Assert.NotNull(table.Elements<WRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()); // whatever its borders

            for (var c = 0; c < headings.Count; c++)
            {
                var kind = spec.Columns[c];
                Assert.Equal(kind == ColumnKind.Number, IsRight(rows[0][c]));
                for (var r = 1; r < rows.Count; r++)
                {
                    var cell = rows[r][c];
                    var where = $"{example} table '{headings[0]}' row {r} column '{headings[c]}' ('{CellText(cell)}')";
                    if (spec.Rows[r - 1])
                    {
                        Assert.False(IsRight(cell), where + ": a group row is left-aligned");
                        continue;
                    }

                    Assert.True(IsRight(cell) == (kind == ColumnKind.Number), where + (kind == ColumnKind.Number ? ": not right-aligned" : ": right-aligned"));
                    var noWrap = cell.TableCellProperties?.NoWrap is not null;
                    if (kind is ColumnKind.Number or ColumnKind.Direction) Assert.True(noWrap, where + ": may wrap");
                    if (kind == ColumnKind.Text) Assert.False(noWrap, where + ": text that cannot wrap");
                    if (kind == ColumnKind.Rag)
                    {
                        var word = CellText(cell);
                        var fill = cell.TableCellProperties?.Shading?.Fill?.Value;
                        if (word is "RED" or "AMBER" or "GREEN") Assert.Equal(CpTableLayout.RagFill[word], fill);
                        else Assert.True(fill is null, where + ": shaded without a rating");
                    }
                }
            }
        }

        Assert.Equal(model.Count, matched);
    }

    private static bool IsRight(WCell cell) =>
        cell.Elements<Paragraph>().All(p => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Right);

    /// <summary>
    /// A table wider than the text of its page runs off the paper: in the MTFP example Tables 4 and 5 (nine and ten
    /// number columns on a portrait page) are 11,683 and 13,521 twips wide against 9,638 twips of text, and the PDF loses
    /// the last columns (see <see cref="Every_figure_of_every_MTFP_table_is_printed_whole_on_its_rows_line"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(ExamplePapers))]
    public void Every_table_fits_the_text_width_of_its_page(string example)
    {
        var docx = Docx.Build(Path.Combine(Repo.Examples, example));
        using var doc = Docx.Open(docx);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var pending = new List<WTable>();
        var tooWide = new List<string>();
        void Close(SectionProperties section)
        {
            var page = section.GetFirstChild<PageSize>()!;
            var margin = section.GetFirstChild<PageMargin>()!;
            var text = (int)(page.Width!.Value - margin.Left!.Value - margin.Right!.Value);
            foreach (var t in pending)
            {
                var width = int.Parse(t.GetFirstChild<TableProperties>()!.TableWidth!.Width!.Value!, CultureInfo.InvariantCulture);
                if (width > text) tooWide.Add($"'{t.GetFirstChild<TableProperties>()!.TableCaption?.Val?.Value ?? CellText(t.Descendants<WCell>().First())}': {width} > {text} twips");
            }

            pending.Clear();
        }

        foreach (var element in body.ChildElements)
        {
            if (element is WTable t) pending.Add(t);
            else if (element is Paragraph { ParagraphProperties.SectionProperties: { } s }) Close(s);
            else if (element is SectionProperties last) Close(last);
        }

        Assert.True(tooWide.Count == 0, "tables wider than the page:\n" + string.Join("\n", tooWide));
    }

    // ==== 5. Captions and cross-references ================================================================

    [Fact]
    public void Mtfp_captions_are_numbered_by_seq_fields_in_order_with_bookmarks_that_references_point_to()
    {
        using var doc = Docx.Open(MtfpDocx.Value);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var captions = body.Descendants<Paragraph>()
            .Where(p => p.Descendants<FieldCode>().Any(f => f.Text.Contains("SEQ Table", StringComparison.Ordinal)))
            .ToList();

        // The reference paper's captions, "Table 1 – Childrens Services forecast …", in its order.
        var reference = File.ReadLines(ReferencePack)
            .Select(l => Regex.Match(l, @"^Table (\d+) – (.+)$"))
            .Where(m => m.Success)
            .Select(m => $"Table {m.Groups[1].Value}: {m.Groups[2].Value.Trim()}")
            .ToList();
        Assert.Equal(5, reference.Count);
        Assert.Equal(reference, captions.Select(ParagraphText));

        var bookmarks = new List<string>();
        for (var i = 0; i < captions.Count; i++)
        {
            var caption = captions[i];
            Assert.Equal("Caption", caption.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), FieldResult(caption, "SEQ Table"));

            // The bookmark holds "Table N", so a REF to it prints "Table N".
            var start = Assert.Single(caption.Elements<BookmarkStart>());
            var end = Assert.Single(caption.Elements<BookmarkEnd>(), e => e.Id!.Value == start.Id!.Value);
            var inside = caption.ChildElements.SkipWhile(e => e != start).TakeWhile(e => e != end).SelectMany(e => e.Descendants<Text>());
            Assert.Equal($"Table {i + 1}", string.Concat(inside.Select(t => t.Text)));
            bookmarks.Add(start.Name!.Value!);

            // The caption stands next to its table (above or below, as the style says).
            Assert.True(caption.NextSibling() is WTable || caption.PreviousSibling() is WTable, $"caption {i + 1} is not beside a table");
        }

        // [@budget-outturn] and [@mtfp-savings] become REF fields to those bookmarks, reading Table 1 and Table 2.
        var references = body.Descendants<Paragraph>().Where(p => p.Descendants<FieldCode>().Any(f => f.Text.TrimStart().StartsWith("REF ", StringComparison.Ordinal))).ToList();
        var first = Assert.Single(references, p => ParagraphText(p).StartsWith("Table 1 below provides", StringComparison.Ordinal));
        Assert.Equal("Table 1", FieldResult(first, "REF " + bookmarks[0] + " "));
        var second = Assert.Single(references, p => ParagraphText(p).Contains("are detailed in Table 2 below", StringComparison.Ordinal));
        Assert.Equal("Table 2", FieldResult(second, "REF " + bookmarks[1] + " "));
    }

    /// <summary>The text between a field's separate and end marks, for the field whose code contains <paramref name="code"/>.</summary>
    private static string FieldResult(Paragraph p, string code)
    {
        var runs = p.Elements<Run>().ToList();
        var at = runs.FindIndex(r => r.GetFirstChild<FieldCode>()?.Text.Contains(code, StringComparison.Ordinal) == true);
        Assert.True(at >= 0, $"no field '{code}' in '{ParagraphText(p)}'");
        var separate = runs.FindIndex(at, r => r.GetFirstChild<FieldChar>()?.FieldCharType?.Value == FieldCharValues.Separate);
        var end = runs.FindIndex(separate, r => r.GetFirstChild<FieldChar>()?.FieldCharType?.Value == FieldCharValues.End);
        return string.Concat(runs.Skip(separate + 1).Take(end - separate - 1).SelectMany(r => r.Elements<Text>()).Select(t => t.Text));
    }

    // ==== 6. The North Somerset KPI tables against the reference paper =====================================

    [Theory]
    [InlineData("Percentage of re-referrals within previous 12 months (rolling 12 months)", "GREEN", "POSITIVE")]
    [InlineData("Percentage of Family Wellbeing Assessments completed within 45 working days", "RED", "NEGATIVE")]
    [InlineData("Number of MASH Enquires", "Not targeted", "INCREASE")]
    [InlineData("Number of Request for Support received in quarter", "Not targeted", "DECREASE")]
    [InlineData("Percentage of strategy discussions held within one working day of referral (where a Strategy Discussion was deemed necessary)", "GREEN", "NEGATIVE")]
    [InlineData("Long Term Placement Stability (month end snapshot) (whether a child in care for at least 2.5 years has been in the same placement for at least 2 years)", "GREEN", "POSITIVE")]
    [InlineData("Percentage of discharges from care to Special Guardianship Order", "RED", "STABLE")]
    [InlineData("Percentage of care leaver PA's with more than 20 children allocated", "GREEN", "STABLE")]
    [InlineData("Average caseload of allocated Social Workers", "GREEN", "POSITIVE")]
    public void Kpi_rag_and_direction_match_the_reference_paper(string indicator, string rag, string dot)
    {
        var row = Assert.Single(KpiRows(), r => r[0] == indicator);
        Assert.Equal((rag, dot), (row[8], row[9]));
        var reference = ReferenceKpi(indicator);
        Assert.Equal((reference[8], reference[9]), (row[8], row[9]));
    }

    [Fact]
    public void Rag_cells_of_the_kpi_tables_are_shaded_by_their_rating()
    {
        using var doc = Docx.Open(Q3Docx.Value);
        var tables = doc.MainDocumentPart!.Document!.Body!.Descendants<WTable>().Where(t => CellText(t.Descendants<WCell>().First()) == "Indicator").ToList();
        Assert.Equal(5, tables.Count);
        var shaded = new Dictionary<string, HashSet<string>>();
        foreach (var row in tables.SelectMany(t => t.Elements<WRow>().Skip(1)))
        {
            var rag = row.Elements<WCell>().ElementAt(8);
            var fill = rag.TableCellProperties?.Shading?.Fill?.Value;
            var word = CellText(rag);
            if (word is "RED" or "AMBER" or "GREEN")
            {
                Assert.NotNull(fill);
                (shaded.TryGetValue(word, out var set) ? set : shaded[word] = []).Add(fill);
            }
            else
            {
                Assert.Null(fill);
            }
        }

        // One colour per rating, a different colour for each, and all three ratings in the paper.
        Assert.Equal(["AMBER", "GREEN", "RED"], shaded.Keys.Order(StringComparer.Ordinal));
        Assert.All(shaded.Values, s => Assert.Single(s));
        Assert.Equal(3, shaded.Values.Select(s => s.Single()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>
    /// Every indicator printed against the reference paper's table (the tab-separated rows of
    /// north-somerset-panel-agenda-pack.txt). They agree except where the reference is not consistent with its own
    /// rules ("GREEN: on target, AMBER: within 5% of target, RED: not on target; not targeted: no RAG"):
    /// <list type="bullet">
    /// <item>"Number of children stepped down from Child in Need to Family Wellbeing": no target or polarity (N/A), yet RED and NEGATIVE.</item>
    /// <item>"Percentage of Section 47 Enquiries leading to ICPC": a target of 31% but polarity N/A, yet RED and NEGATIVE.</item>
    /// <item>"Percentage of PLO … concluding within 16 weeks": 48% against a target of 90%, higher is better, yet "Not targeted" and INCREASE.</item>
    /// <item>"Overall percentage of practice reviews graded as good or better": 69% against 70% is within 5% of target, yet RED.</item>
    /// <item>"Number of agency workers": the target is the word "Decreasing", yet RED and POSITIVE.</item>
    /// </list>
    /// The example types the reference's RAG and DOT where it gives them, so these are exactly the indicators that warn
    /// CP0026 (typed RAG disagrees) or CP0027 (typed DOT disagrees); the PLO one warns only for its DOT, as its
    /// "Not targeted" is written as no rag.
    /// </summary>
    private static readonly string[] InconsistentInReference =
    [
        "Number of children stepped down from Child in Need to Family Wellbeing",
        "Percentage of Section 47 Enquiries leading to ICPC",
        "Percentage of PLO (Public Law Outline) concluding within 16 weeks (12 months rolling)",
        "Overall percentage of practice reviews graded as good or better",
        "Number of agency workers",
    ];

    [Fact]
    public void Every_kpi_row_matches_the_reference_paper_except_where_the_reference_contradicts_itself()
    {
        var rows = KpiRows();
        Assert.Equal(60, rows.Count);
        var differences = new List<string>();
        foreach (var row in rows)
        {
            var reference = ReferenceKpi(row[0]);
            Assert.Equal(reference[1], row[1]); // data type
            for (var i = 2; i <= 6; i++)
            {
                // The four quarters and the target, compared as numbers: 26% and 26.0% are the same value.
                if (Number(reference[i]) is { } r && Number(row[i]) is { } ours) Assert.True(r == ours, $"{row[0]}: column {i} is {row[i]}, the reference {reference[i]}");
                else if (reference[i] != row[i]) differences.Add($"{row[0]}: " + (i == 6 ? "target" : "value " + (i - 1)));
            }

            Assert.Equal(reference[7], row[7]); // polarity
            if (reference[8] != row[8]) differences.Add($"{row[0]}: RAG");
            if (reference[9] != row[9]) differences.Add($"{row[0]}: DOT");
        }

        Assert.Equal(
            [
                "Number of agency workers: DOT",
                "Number of agency workers: RAG",
                "Number of agency workers: target",
                "Number of children stepped down from Child in Need to Family Wellbeing: DOT",
                "Number of children stepped down from Child in Need to Family Wellbeing: RAG",
                "Overall percentage of practice reviews graded as good or better: RAG",
                "Percentage of PLO (Public Law Outline) concluding within 16 weeks (12 months rolling): DOT",
                "Percentage of PLO (Public Law Outline) concluding within 16 weeks (12 months rolling): RAG",
                "Percentage of Section 47 Enquiries leading to ICPC: DOT",
                "Percentage of Section 47 Enquiries leading to ICPC: RAG",
            ],
            differences.Order(StringComparer.Ordinal));
        Assert.Equal(InconsistentInReference.Order(StringComparer.Ordinal), differences.Select(d => d[..d.LastIndexOf(':')]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_kpi_example_warns_exactly_where_the_reference_contradicts_itself()
    {
        var path = Repo.Example(Q3);
        var loaded = Papers.Load(path);
        Assert.True(loaded.Succeeded);
        var style = Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(path), out _)!;

        // The paper acknowledges these warnings (the original breaks its own rule); with the acknowledgements, none is
        // reported, and without them, each is where the original contradicts itself.
        Assert.Empty(Papers.Render(loaded.Paper!, style, Stream.Null).Diagnostics);
        var render = Papers.Render(loaded.Paper! with { Acknowledgements = [] }, style, Stream.Null);
        Assert.True(render.Written);
        var warnings = loaded.Diagnostics.Concat(render.Diagnostics).Where(d => d.Code is "CP0026" or "CP0027").ToList();
        Assert.All(warnings, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal(8, warnings.Count);

        // Where each should be: the typed value of 'rag:' or 'dot:' under the indicator, found in the YAML.
        var yaml = File.ReadAllLines(path);
        (int Line, int Column) Typed(string indicator, string key)
        {
            var start = Array.FindIndex(yaml, l => l.TrimStart() == "- name: " + indicator);
            Assert.True(start >= 0, indicator);
            var at = Array.FindIndex(yaml, start + 1, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
            Assert.DoesNotContain(yaml[(start + 1)..at], l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal));
            return (at + 1, yaml[at].IndexOf(key + ":", StringComparison.Ordinal) + key.Length + 3);
        }

        var expected = new[]
        {
            ("CP0026", Typed(InconsistentInReference[0], "rag")),
            ("CP0027", Typed(InconsistentInReference[0], "dot")),
            ("CP0026", Typed(InconsistentInReference[1], "rag")),
            ("CP0027", Typed(InconsistentInReference[1], "dot")),
            ("CP0027", Typed(InconsistentInReference[2], "dot")),
            ("CP0026", Typed(InconsistentInReference[3], "rag")),
            ("CP0026", Typed(InconsistentInReference[4], "rag")),
            ("CP0027", Typed(InconsistentInReference[4], "dot")),
        };
        Assert.Equal(expected.Order(), warnings.Select(d => (d.Code, (d.Position.Line, d.Position.Column))).Order());

        // And the indicator with a target but no polarity says so.
        var noPolarity = Assert.Single(loaded.Diagnostics.Concat(render.Diagnostics), d => d.Code == "CP0028");
        Assert.Equal(Array.FindIndex(yaml, l => l.TrimStart() == "- name: " + InconsistentInReference[1]) + 1, noPolarity.Position.Line);
    }

    /// <summary>The indicator rows (not the area rows) of every KPI table in the Q3 example, read back from the docx.</summary>
    private static List<string[]> KpiRows() =>
        ReadTables(Q3Docx.Value)
            .Where(t => t.Rows[0][0] == "Indicator")
            .SelectMany(t => t.Rows.Skip(1))
            .Where(r => r.Skip(1).Any(c => c.Length > 0))
            .ToList();

    /// <summary>The reference paper's row for an indicator: name, data type, four quarters, target, polarity, RAG, DOT.</summary>
    private static string[] ReferenceKpi(string indicator)
    {
        var line = Assert.Single(File.ReadLines(ReferencePack), l => l.Contains("\t" + indicator + "\t", StringComparison.Ordinal));
        var fields = line.Split('\t');
        var at = Array.IndexOf(fields, indicator);
        return fields[at..(at + 10)];
    }

    private static decimal? Number(string s) =>
        decimal.TryParse(s.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;

    // ==== 7. Snapshots of every example's tables ===========================================================

    [Theory]
    [MemberData(nameof(ExamplePapers))]
    public void Example_tables_read_back_match_their_snapshot(string example)
    {
        var tables = ReadTables(Docx.Build(Path.Combine(Repo.Examples, example)));
        if (tables.Count == 0) return; // no snapshot for a paper without tables
        var lines = new List<string>();
        foreach (var (table, i) in tables.Select((t, i) => (t, i)))
        {
            lines.Add($"== table {i + 1}" + (table.Caption is null ? string.Empty : ": " + table.Caption));
            lines.AddRange(table.Rows.Select(r => string.Join(" | ", r)));
        }

        // The folder is named, not taken from the source path in the PDB: a build with deterministic paths
        // (ContinuousIntegrationBuild) records "/_/tests/…", and Snapshooter would write and compare there instead.
        var name = Snapshot.FullName(SnapshotNameExtension.Create(example.Replace('/', '_').Replace(".yaml", string.Empty, StringComparison.Ordinal)));
        Snapshot.Match(lines.ToArray(), new SnapshotFullName(name.Filename, Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests")));
    }

    // ==== 8. PDF ===========================================================================================

    /// <summary>The MTFP example as text from its PDF (LibreOffice, then PdfPig, a line per baseline), converted once for both PDF tests.</summary>
    private static readonly Lazy<string> MtfpPdfText = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("cp-table-pdf-").FullName;
        try
        {
            var docx = Path.Combine(folder, "mtfp.docx");
            File.WriteAllBytes(docx, MtfpDocx.Value);
            var pdf = Path.Combine(folder, "mtfp.pdf");
            var result = new LibreOfficeConverter(new LibreOfficeOptions { TemporaryFolder = Path.Combine(folder, "work") }).Convert(docx, pdf);
            Assert.True(result.Succeeded, result.Message);
            return PdfText.Text(pdf);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private static readonly Regex Figure = new(@"^\(?\d{1,3}(,\d{3})*(\.\d+)?\)?%?$");

    /// <summary>The figures of each data row of a docx table, and the row's label.</summary>
    private static IEnumerable<(string Label, string[] Figures)> FigureRows(ReadBackTable table) =>
        table.Rows.Skip(1).Select(r => (r[0], r.Skip(1).Where(c => Figure.IsMatch(c)).ToArray())).Where(r => r.Item2.Length > 0);

    /// <summary>Whether some line of the text holds these figures, each whole (not joined to other digits), in this order.</summary>
    private static bool OnOneLine(string text, string[] figures)
    {
        var pattern = string.Join(@"\s+", figures.Select(Regex.Escape));
        return Regex.IsMatch(text, @"(?<=^|\s)" + pattern + @"(?=\s|$)", RegexOptions.Multiline);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pdf_prints_every_figure_of_table_1_whole_on_its_rows_line_and_the_captions_in_order()
    {
        var text = MtfpPdfText.Value;
        var table1 = ReadTables(MtfpDocx.Value)[0];
        Assert.Equal("Childrens Services forecast out-turn as at P8 2023/24", table1.Caption);
        var rows = FigureRows(table1).ToList();
        Assert.Equal(24, rows.Count);
        Assert.Contains(rows, r => r.Figures.Contains("13,210,850"));
        Assert.Contains(rows, r => r.Figures.Contains("(261,214)"));
        Assert.All(rows, r => Assert.True(OnOneLine(text, r.Figures), $"'{r.Label}': {string.Join(" ", r.Figures)} not whole on one line"));

        var captions = Regex.Matches(text, @"^\s*Table (\d+):", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal([1, 2, 3, 4, 5], captions);
    }

    /// <summary>Tables 4 and 5 are wider than the page (see <see cref="Every_table_fits_the_text_width_of_its_page"/>): their last columns are cut off.</summary>
    [Fact]
    public void Every_figure_of_every_MTFP_table_is_printed_whole_on_its_rows_line()
    {
        var text = MtfpPdfText.Value;
        var missing = ReadTables(MtfpDocx.Value)
            .SelectMany(t => FigureRows(t).Where(r => !OnOneLine(text, r.Figures)).Select(r => $"{t.Caption}: '{r.Label}' {string.Join(" ", r.Figures)}"))
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} rows not printed whole:\n" + string.Join("\n", missing));
    }

    // ==== reading tables back ==============================================================================

    private sealed record ReadBackTable(string? Caption, IReadOnlyList<string[]> Rows);

    /// <summary>Every table of the body, as text rows, with the caption from w:tblCaption.</summary>
    private static List<ReadBackTable> ReadTables(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<WTable>()
            .Select(t => new ReadBackTable(
                t.GetFirstChild<TableProperties>()?.TableCaption?.Val?.Value,
                t.Elements<WRow>().Select(r => r.Elements<WCell>().Select(CellText).ToArray()).ToList()))
            .ToList();
    }

    private static string CellText(WCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(ParagraphText));

    private static string ParagraphText(Paragraph p) => string.Concat(p.Descendants<Text>().Select(t => t.Text));

    // ==== the tables of the model, to know what each column holds =========================================

    private enum ColumnKind { Text, Number, Rag, Direction }

    private sealed class ModelTable(IReadOnlyList<string> headings, IReadOnlyList<ColumnKind> columns, IReadOnlyList<bool> rows)
    {
        public IReadOnlyList<string> Headings { get; } = headings;
        public IReadOnlyList<ColumnKind> Columns { get; } = columns;
        /// <summary>One per body row: whether it is a group row.</summary>
        public IReadOnlyList<bool> Rows { get; } = rows;
        public bool Matched { get; set; }
    }

    /// <summary>Every table and KPI table in the paper, found by walking the model, with what its columns hold.</summary>
    private static List<ModelTable> ModelTables(Def.Paper paper)
    {
        var blocks = new List<Def.Block>();
        Walk(paper, blocks, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return blocks.Select(b => b switch
        {
            Def.Table t => new ModelTable(
                // As the layout prints it: a money column's unit after its heading (the style's unit-heading).
                t.Columns.Select(c => c.Type == Def.ColumnType.Money ? CpTableLayout.Heading(c, HouseStyles.Find(paper.Style ?? "york") ?? HouseStyles.York).Plain : c.Heading.Source).ToList(),
                t.Columns.Select(c => c.Type switch
                {
                    Def.ColumnType.Number or Def.ColumnType.Money or Def.ColumnType.Percent or Def.ColumnType.Date => ColumnKind.Number,
                    Def.ColumnType.Rag => ColumnKind.Rag,
                    Def.ColumnType.DirectionOfTravel => ColumnKind.Direction,
                    _ => ColumnKind.Text,
                }).ToList(),
                t.Rows.Select(r => r.Kind == Def.RowKind.Group).ToList()),
            Def.KpiTable k => new ModelTable(
                ["Indicator", "Data type", .. k.Periods, "Target", "Polarity", "RAG", "DOT", .. k.Comparators],
                [ColumnKind.Text, ColumnKind.Text, .. k.Periods.Select(_ => ColumnKind.Number), ColumnKind.Number, ColumnKind.Text, ColumnKind.Rag, ColumnKind.Direction, .. k.Comparators.Select(_ => ColumnKind.Text)],
                k.Groups.SelectMany(g => g.Indicators.Select(_ => false).Prepend(true)).ToList()),
            _ => throw new InvalidOperationException(),
        }).ToList();
    }

    private static void Walk(object? node, List<Def.Block> found, HashSet<object> seen)
    {
        switch (node)
        {
            case null or string:
                return;
            case Def.Table or Def.KpiTable:
                found.Add((Def.Block)node);
                return;
            case IEnumerable items:
                foreach (var item in items) Walk(item, found, seen);
                return;
        }

        var type = node.GetType();
        if (type.IsValueType || type.Namespace != typeof(Def.Paper).Namespace || !seen.Add(node)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(node), found, seen);
        }
    }
}
