using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using CsCheck;
using Xunit;
using Xunit.Abstractions;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Tests;

/// <summary>
/// Property tests: CsCheck generates valid papers of every kind (see <see cref="Generators"/>) and each property
/// must hold for every one of them in every built-in house style. A failure is shrunk by CsCheck, reduced further by
/// <see cref="ModelReducer"/> and printed as C# (<see cref="ModelPrinter"/>), with the seed to replay it.
/// COMMITTEE_PAPERS_PROPERTY_ITER multiplies the number of cases (default 1) for longer runs. The generators make the
/// inputs of the bugs found and fixed too, so the properties guard the fixes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Warnings a valid generated paper may give: characters XML forbids (CP0018), a footnote nobody refers to
    /// (CP0019), text that looks like block Markdown such as "# of" at the start of a line (CP0020), a section the
    /// style has no place for (CP0032), an exempt minute with no exclusion of the press and public before it (CP0071:
    /// generated minutes put their items in any order). Anything else, and any error, fails property 1.
    /// </summary>
    private static readonly HashSet<string> ExpectedWarnings = ["CP0018", "CP0019", "CP0020", "CP0032", "CP0071"];

    internal static readonly int Multiplier =
        int.TryParse(Environment.GetEnvironmentVariable("COMMITTEE_PAPERS_PROPERTY_ITER"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 1;

    private static IReadOnlyList<HouseStyle> Styles => HouseStyles.BuiltIn;

    private static long Iterations(int cases) => (long)cases * Multiplier;

    // ==== 1. Every paper renders, valid, in every style ==================================================

    [Fact]
    public void Every_paper_renders_a_valid_document_in_every_built_in_style()
    {
        var cases = 0;
        var watch = Stopwatch.StartNew();
        Generators.Paper.Sample(paper =>
        {
            Interlocked.Increment(ref cases);
            Fail(RenderProblem(paper));
        }, iter: Iterations(400), print: p => PrintReduced(p, RenderProblem), writeLine: output.WriteLine);
        Summarise("valid documents", cases, cases * Styles.Count, watch);
    }

    /// <summary>
    /// Why <paramref name="paper"/> fails property 1, first line the kind of failure (which reduction keeps), or null:
    /// it must be written in every style with no error and no warning but the expected ones, and be valid.
    /// </summary>
    private static string? RenderProblem(Paper paper)
    {
        foreach (var style in Styles)
        {
            RenderResult result;
            byte[] bytes;
            try
            {
                (result, bytes) = Render(paper, style);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return $"{style.Name}: {ex.GetType().Name} thrown by {Frame(ex)}\n{ex}";
            }

            // Numbers up to decimal's range may add up past it: then, and only then, CP0038 (and nothing written).
            var overflow = Generators.MayOverflow(paper);
            var bad = result.Diagnostics.Where(d => (d.Severity == Severity.Error || !ExpectedWarnings.Contains(d.Code)) && !(overflow && d.Code == "CP0038")).ToList();
            if (overflow && !result.Written && bad.Count == 0) continue;
            if (!result.Written || bad.Count > 0)
            {
                return $"{style.Name}: {(result.Written ? "written" : "not written")} with {string.Join(", ", bad.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal))}\n{Describe(bad)}";
            }

            try
            {
                Docx.AssertValid(bytes);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var first = ex.Message.Split('\n').Skip(1).FirstOrDefault() ?? ex.Message.Split('\n')[0];
                var description = first.Contains(": ", StringComparison.Ordinal) ? first[(first.LastIndexOf(": ", StringComparison.Ordinal) + 2)..] : first;
                return $"{style.Name}: invalid document: {Regex.Replace(description, @"'[^']*'|\d+", "…")}\n{ex.Message}";
            }
        }

        return null;
    }

    // ==== 2. No text is lost ===========================================================================

    [Fact]
    public void Every_character_of_the_input_text_is_printed_and_forbidden_ones_are_dropped_with_CP0018()
    {
        var cases = 0;
        var watch = Stopwatch.StartNew();
        Generators.Paper.Sample(paper =>
        {
            Interlocked.Increment(ref cases);
            Fail(TextProblem(paper));
        }, iter: Iterations(400), print: p => PrintReduced(p, TextProblem), writeLine: output.WriteLine);
        Summarise($"text kept ({Interlocked.Read(ref checkedTexts)} texts checked)", cases, cases * Styles.Count, watch);
    }

    private static long checkedTexts;

    /// <summary>
    /// Why <paramref name="paper"/> fails property 2, or null: every text the style prints must appear, in order,
    /// within one paragraph of the document (after <see cref="TextCheck.Expected"/>); a printed text that holds
    /// characters XML forbids gives CP0018, and CP0018 comes only when some text holds one.
    /// </summary>
    private static string? TextProblem(Paper paper)
    {
        var anyForbidden = ModelStrings.All(paper).Any(TextCheck.HasForbidden);
        foreach (var style in Styles)
        {
            RenderResult result;
            byte[] bytes;
            try
            {
                (result, bytes) = Render(paper, style);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return $"{style.Name}: {ex.GetType().Name} thrown by {Frame(ex)}\n{ex}";
            }

            if (!result.Written && Generators.MayOverflow(paper) && result.Diagnostics.Where(d => d.Severity == Severity.Error).All(d => d.Code == "CP0038")) return null;
            if (!result.Written) return $"{style.Name}: not written\n{Describe(result.Diagnostics)}";
            var paragraphs = AllParagraphTexts(bytes).Select(TextCheck.Significant).ToList();
            var printed = PrintedTexts.Of(paper, style).ToList();
            var cursor = 0;
            foreach (var (where, text) in printed)
            {
                var expected = TextCheck.Expected(text);
                if (expected.Length == 0) continue;
                Interlocked.Increment(ref checkedTexts);

                // Texts come mostly in document order, so the search starts where the last one was found.
                var readings = TextCheck.Readings(text);
                var found = Enumerable.Range(0, paragraphs.Count).Select(k => (cursor + k) % paragraphs.Count)
                    .FirstOrDefault(i => readings.Any(r => TextCheck.IsSubsequence(r, paragraphs[i])), -1);
                if (found >= 0)
                {
                    cursor = found;
                    continue;
                }

                var best = paragraphs.OrderByDescending(p => TextCheck.MatchedPrefix(expected, p)).FirstOrDefault() ?? string.Empty;
                var got = TextCheck.MatchedPrefix(expected, best);
                var kind = Regex.Replace(Regex.Replace(where, @"[\d/]+", string.Empty), @"\s+", " ").Trim();
                return $"{style.Name}: text lost from {kind}\n" +
                    $"  input:    {ModelPrinter.Print(text)}\n  expected: {ModelPrinter.Print(expected)}\n" +
                    $"  the closest paragraph has {got} of its {expected.Length} characters, up to {ModelPrinter.Print(expected[got..])}:\n  {ModelPrinter.Print(best)}";
            }

            var warned = result.Diagnostics.Any(d => d.Code == "CP0018");
            // Trimmed: names are joined by Humanizer, which trims them, so a forbidden white-space character (U+000C) at
            // either end of one never reaches the document and needs no warning.
            if (printed.FirstOrDefault(t => TextCheck.HasForbidden(t.Text.Trim())) is { Where: { } forbidden } && !warned)
            {
                return $"{style.Name}: no CP0018 for characters XML forbids\n{forbidden} holds one";
            }

            if (warned && !anyForbidden) return $"{style.Name}: CP0018 without a forbidden character\n{Describe(result.Diagnostics)}";
        }

        return null;
    }

    // ==== 3. Determinism ===============================================================================

    [Fact]
    public void The_same_paper_gives_the_same_bytes_twice_and_from_eight_threads_at_once()
    {
        var cases = 0;
        var watch = Stopwatch.StartNew();
        Generators.Paper.Sample(paper =>
        {
            Interlocked.Increment(ref cases);
            Fail(DeterminismProblem(paper));
        }, iter: Iterations(200), print: p => PrintReduced(p, DeterminismProblem), writeLine: output.WriteLine);
        Summarise("deterministic bytes", cases, cases * (2 * Styles.Count + 8), watch);
    }

    /// <summary>
    /// Why <paramref name="paper"/> fails property 3, or null: each style rendered twice on this thread gives the same
    /// bytes, and 8 renders at once on parallel threads (the styles in turn) give those bytes too.
    /// </summary>
    private static string? DeterminismProblem(Paper paper)
    {
        try
        {
            var sequential = Styles.Select(s => Bytes(paper, s)).ToArray();
            for (var i = 0; i < Styles.Count; i++)
            {
                if (!sequential[i].AsSpan().SequenceEqual(Bytes(paper, Styles[i]))) return $"{Styles[i].Name}: a second render gave different bytes";
            }

            var parallel = new byte[8][];
            Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = parallel.Length }, i => parallel[i] = Bytes(paper, Styles[i % Styles.Count]));
            for (var i = 0; i < parallel.Length; i++)
            {
                if (!sequential[i % Styles.Count].AsSpan().SequenceEqual(parallel[i])) return $"{Styles[i % Styles.Count].Name}: a render on parallel threads differs from the one on one thread";
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"{ex.GetType().Name} thrown by {Frame(ex)}\n{ex}";
        }

        return null;
    }

    // ==== 4. Computed totals ===========================================================================

    [Fact]
    public void A_computed_total_is_the_sum_of_the_printed_rows_within_rounding()
    {
        var cases = 0;
        var watch = Stopwatch.StartNew();
        Generators.MoneyTable.Sample(table =>
        {
            Interlocked.Increment(ref cases);
            Fail(TotalsProblem(table));
        }, iter: Iterations(500), print: t => PrintReduced(t, TotalsProblem), writeLine: output.WriteLine);
        Summarise($"totals add up ({Interlocked.Read(ref checkedTotals)} totals checked)", cases, cases * Styles.Count, watch);
    }

    private static long checkedTotals;

    /// <summary>
    /// Why <paramref name="table"/> fails property 4, or null: in a report in each style, every worked-out subtotal
    /// and total of a money or number column, as printed, is the sum of the data rows above it as printed, within
    /// rounding (half a unit of the last printed digit for each row and for the total).
    /// </summary>
    private static string? TotalsProblem(Definition.Table table)
    {
        var paper = new Report
        {
            Meeting = "Executive",
            Date = new DateOnly(2024, 2, 22),
            ReportOf = "Director of Finance",
            Title = "Budget monitoring",
            Sections = [new Section("Budget") { Paragraphs = [new Paragraph("The figures:"), table] }],
        };
        foreach (var style in Styles)
        {
            var (result, bytes) = Render(paper, style);
            if (!result.Written && Generators.MayOverflow(table) && result.Diagnostics.Where(d => d.Severity == Severity.Error).All(d => d.Code == "CP0038")) return null;
            if (!result.Written) return $"{style.Name}: not written\n{Describe(result.Diagnostics)}";
            var rows = FindTable(bytes, table.Columns.Select(c => c.Heading.Source).ToList());
            if (rows is null) return $"{style.Name}: no table with the headings {string.Join(" | ", table.Columns.Select(c => c.Heading.Source))}";
            if (rows.Count != table.Rows.Count + 1) return $"{style.Name}: the table has {rows.Count} rows, not {table.Rows.Count + 1}";
            for (var column = 1; column < table.Columns.Count; column++)
            {
                decimal group = 0, all = 0;
                int groupCount = 0, allCount = 0;
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    var printed = rows[r + 1][column];
                    switch (table.Rows[r].Kind)
                    {
                        case RowKind.Group:
                            group = 0;
                            groupCount = 0;
                            break;
                        case RowKind.Data:
                            var value = printed.Length == 0 ? 0 : ParseEnGb(printed);
                            try
                            {
                                group += value;
                                all += value;
                            }
                            catch (OverflowException)
                            {
                                return null; // printed figures rounded up past the range: nothing to compare with
                            }

                            groupCount++;
                            allCount++;
                            break;
                        default:
                            var subtotal = table.Rows[r].Kind == RowKind.Subtotal;
                            var word = subtotal ? "subtotal" : "total";
                            var (sum, count) = subtotal ? (group, groupCount) : (all, allCount);
                            Interlocked.Increment(ref checkedTotals);
                            if (printed.Length == 0) return $"{style.Name}: a {word} is empty\nrow {r}, column {column}";
                            var total = ParseEnGb(printed);
                            var point = printed.IndexOf('.', StringComparison.Ordinal);
                            var decimals = point < 0 ? 0 : printed.TrimEnd(')', '%').Length - point - 1;
                            // Half a unit of the last printed digit for each row and the total; and, since decimal
                            // holds 28 or 29 significant digits in all, each addition may round by a unit of the 28th
                            // digit too — which matters once a figure has more than about 25 digits before its point
                            // (found with seed cJotE3EvoCD1: 27 digits, so only two after the point survive a sum).
                            var digitsAbove = Math.Abs(total) < 1m ? 0 : (int)Math.Floor(Math.Log10((double)Math.Abs(total)));
                            var unitOfPrecision = (decimal)Math.Pow(10, digitsAbove - 27);
                            var tolerance = (0.5m * (1m / (decimal)Math.Pow(10, decimals)) + unitOfPrecision) * (count + 1);
                            if (Math.Abs(total - sum) > tolerance)
                            {
                                return $"{style.Name}: a {word} is not the sum of its printed rows\nrow {r}, column {column} prints {printed} but the {count} rows above print " +
                                    $"{sum.ToString(CultureInfo.InvariantCulture)} (tolerance {tolerance.ToString(CultureInfo.InvariantCulture)})";
                            }

                            if (subtotal)
                            {
                                group = 0;
                                groupCount = 0;
                            }

                            break;
                    }
                }
            }
        }

        return null;
    }

    // ==== Library bugs the properties found =============================================================
    //
    // Each test below is the smallest model (CsCheck's, reduced by ModelReducer, then tidied by hand) of a bug the
    // properties found, all fixed in src/ and kept as regression tests. The generators make their inputs too
    // ("FIXED BUG" in Support/Generators.cs), so the properties guard the fixes as well.

    private static Report SmallReport() => new() { Meeting = "Executive", Date = new DateOnly(2024, 2, 22), ReportOf = "Chief Executive", Title = "Budget" };

    /// <summary>Found by property 1 (ArgumentException from XmlWriter in every style).</summary>
    [Fact]
    public void Fixed_a_reference_to_an_unnumbered_paragraph_or_heading_with_a_forbidden_character_renders()
    {
        AssertRendersValid(SmallReport() with { Summary = [new Paragraph("Costs\u000B rose") { Id = "costs", Numbered = false }, new Paragraph("As [@costs] says.")] });
        AssertRendersValid(SmallReport() with
        {
            Sections = [new Section("Budget") { Sections = [new Section("Costs\u0001") { Id = "costs" }] }],
            Summary = [new Paragraph("See [@costs].")],
        });
        AssertRendersValid(new Minutes
        {
            Committee = "Executive",
            Date = new DateOnly(2024, 2, 22),
            Items = [new MinuteItem("Budget") { Paragraphs = [new Paragraph("\u000E") { Id = "p" }] }, new MinuteItem("Next") { Paragraphs = [new TextBlock("[@p]")] }],
        });
    }

    /// <summary>Found by property 1 (IndexOutOfRangeException in PaperLayout.ResolveReference, every style).</summary>
    [Fact]
    public void Fixed_a_reference_to_an_empty_heading_renders()
    {
        AssertRendersValid(SmallReport() with
        {
            Sections = [new Section("Budget") { Sections = [new Section(string.Empty) { Id = "h" }] }],
            Summary = [new Paragraph("See [@h].")],
        });

        // At the top level too: Sefton, which numbers no headings, once said "Nothing has the id 'h'" (CP0014).
        AssertRendersValid(SmallReport() with
        {
            Sections = [new Section(string.Empty) { Id = "h" }],
            Summary = [new Paragraph("See [@h].")],
        });
    }

    /// <summary>Found by property 2 (text lost from items, bullets, paragraphs, cells: a '[' that no ']' closes).</summary>
    [Fact]
    public void Fixed_an_unclosed_bracket_is_printed()
    {
        var bytes = AssertRendersValid(SmallReport() with { Summary = [new Paragraph("Budget [draft"), new Paragraph("Look! ![no image")] });
        foreach (var texts in bytes.Values.Select(Docx.ParagraphTexts))
        {
            Assert.Contains(texts, t => t.Contains("Budget [draft", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("Look! ![no image", StringComparison.Ordinal));
        }
    }

    /// <summary>Found by property 2 (text lost above a line of only '-' or '=').</summary>
    [Fact]
    public void Fixed_text_above_a_line_of_dashes_is_printed()
    {
        var bytes = AssertRendersValid(SmallReport() with { Title = "Budget\n===", Summary = [new Paragraph("Total\n---")] });
        foreach (var texts in bytes.Values.Select(Docx.ParagraphTexts))
        {
            Assert.Contains(texts, t => t.Contains("Total", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("Budget", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Found while checking what Markdown consumes for property 2 (a whole text vanishes).</summary>
    [Fact]
    public void Fixed_a_link_reference_definition_is_printed()
    {
        var bytes = AssertRendersValid(SmallReport() with { Summary = [new Paragraph("[1]: https://www.york.gov.uk/budget")] });
        Assert.All(bytes.Values.Select(Docx.ParagraphTexts), texts => Assert.Contains(texts, t => t.Contains("www.york.gov.uk/budget", StringComparison.Ordinal)));
    }

    /// <summary>Found by property 1 with references in plain fields (errors CP0014 and CP0016 from an email address).</summary>
    [Fact]
    public void Fixed_an_email_address_is_printed_as_plain_text()
    {
        var paper = SmallReport() with { Contact = new ContactDetails { Authors = [new Person("Jo Bloggs") { Email = "[@-]" }] } };
        AssertRendersValid(paper);
    }

    /// <summary>Found while reducing the crash above: the same REF result, with Markdown in the text.</summary>
    [Fact]
    public void Fixed_a_reference_prints_the_text_of_its_target_not_its_Markdown()
    {
        var bytes = AssertRendersValid(SmallReport() with
        {
            Sections = [new Section("Budget") { Sections = [new Section("**Bold** heading") { Id = "h" }] }],
            Summary = [new Paragraph("Costs *rose*") { Id = "p", Numbered = false }, new Paragraph("See [@h] and [@p].")],
        });
        foreach (var texts in bytes.Values.Select(Docx.ParagraphTexts))
        {
            var see = Assert.Single(texts, t => t.StartsWith("See ", StringComparison.Ordinal));
            Assert.DoesNotContain("*", see, StringComparison.Ordinal);
            Assert.DoesNotContain("\\", see, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Found by property 2 once the fixed bugs' inputs were generated: a link whose text is '&lt;' and an escaped '['
    /// (to an empty mailto: address, too). The library printed it right ("&lt;["); the test's idea of the text to
    /// expect (<see cref="TextCheck.Expected"/>) took the escaped "\[" for the start of a link and expected "[&lt;".
    /// Fixed in TextCheck: a link starts only at a '[' that no backslash escapes.
    /// </summary>
    [Theory]
    [InlineData("[<\\[](mailto:)", "<[")]
    [InlineData("a [<\\[](mailto:x@y.z) b", "a <[ b")]
    [InlineData("[\\[<](mailto:)", "[<")]
    [InlineData("\\[<](mailto:)", "[<](mailto:)")]
    [InlineData("\\\\[<](mailto:)", "\\<")]
    [InlineData("[a\\](mailto:)", "[a](mailto:)")]
    public void Fixed_a_link_whose_text_is_a_less_than_and_an_escaped_bracket_is_printed(string markdown, string printed)
    {
        var bytes = AssertRendersValid(SmallReport() with { Summary = [new Paragraph(markdown)] });
        foreach (var texts in bytes.Values.Select(Docx.ParagraphTexts))
        {
            Assert.Contains(printed, texts);
            Assert.True(TextCheck.IsSubsequence(TextCheck.Expected(markdown), TextCheck.Significant(printed)), TextCheck.Expected(markdown));
        }
    }

    /// <summary>
    /// Found by property 2 with seed 4BOruyD6kHW2: a link whose text holds a code span with a ']' in it, and link syntax
    /// inside a code span. CommonMark reads code spans first, so the first is one link and the second is text; the
    /// library printed both right, and the test's regular-expression readings did not know it. Fixed in TextCheck: it
    /// also accepts Markdig's own reading. The readings still notice a character that is lost.
    /// </summary>
    [Theory]
    [InlineData("a [(x `]` y](https://e.org/z) b", "a (x ] y b")]
    [InlineData("a [(x `[h](mailto:c@e.uk)` y b", "a [(x [h](mailto:c@e.uk) y b")]
    public void Fixed_link_brackets_inside_and_around_code_spans_are_read_as_CommonMark_reads_them(string markdown, string printed)
    {
        var bytes = AssertRendersValid(SmallReport() with { Summary = [new Paragraph(markdown)] });
        foreach (var texts in bytes.Values.Select(Docx.ParagraphTexts))
        {
            Assert.Contains(printed, texts);
            Assert.Contains(TextCheck.Readings(markdown), r => TextCheck.IsSubsequence(r, TextCheck.Significant(printed)));
            Assert.DoesNotContain(TextCheck.Readings(markdown), r => TextCheck.IsSubsequence(r, TextCheck.Significant(printed.Replace("y", string.Empty, StringComparison.Ordinal))));
        }
    }

    /// <summary>
    /// Found by property 1: North Somerset printed the items of implications that have both a statement and items
    /// twice, in the grouped IMPLICATIONS section and each under its own heading, so their ids were "used twice"
    /// (CP0015). Fixed in e346c8e while these tests were written.
    /// </summary>
    [Fact]
    public void Fixed_North_Somerset_prints_each_implication_item_once()
    {
        var paper = SmallReport() with
        {
            Implications = new Implications
            {
                Statement = [new Paragraph("There are no other implications.")],
                Items = [new Implication("financial", [new Paragraph("The cost is met from reserves.") { Id = "cost" }])],
            },
        };
        var bytes = AssertRendersValid(paper);
        Assert.Single(Docx.ParagraphTexts(bytes[HouseStyles.NorthSomerset.Name]), t => t.Contains("The cost is met from reserves.", StringComparison.Ordinal));
    }

    /// <summary>
    /// Found while writing these tests: Diagnostic.ToString() threw NullReferenceException for a model built in code,
    /// whose positions are default(SourcePosition) with a null File. Fixed in e346c8e while these tests were written.
    /// </summary>
    [Fact]
    public void Fixed_Diagnostic_ToString_works_for_a_model_built_in_code()
    {
        using var stream = new MemoryStream();
        var result = Papers.Render(SmallReport() with { Title = "Budget\u0001" }, HouseStyles.York, stream);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Contains("CP0018", warning.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Renders in every style: written, no errors, valid. The documents by style name.</summary>
    private static Dictionary<string, byte[]> AssertRendersValid(Paper paper)
    {
        var documents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var style in Styles)
        {
            var (result, bytes) = Render(paper, style);
            Assert.True(result.Written && result.Diagnostics.All(d => d.Severity != Severity.Error), $"{style.Name}:\n{Describe(result.Diagnostics)}");
            Docx.AssertValid(bytes);
            documents[style.Name] = bytes;
        }

        return documents;
    }

    // ==== helpers ======================================================================================

    private sealed class PropertyFailure(string message) : Exception(message);

    private static void Fail(string? problem)
    {
        if (problem is not null) throw new PropertyFailure(problem);
    }

    /// <summary>The first frame of the library in an exception's stack trace: where it was thrown.</summary>
    private static string Frame(Exception ex) =>
        ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at CommitteePapers.", StringComparison.Ordinal) && !l.StartsWith("at CommitteePapers.Tests.", StringComparison.Ordinal)) is { } frame
            ? Regex.Replace(frame, @"^at | in .*$", string.Empty)
            : "(outside the library)";

    /// <summary>
    /// For CsCheck's report: the smallest failing model it found, reduced further by <see cref="ModelReducer"/> while
    /// it fails the same way (same first line of the problem), printed as C#, with what is wrong with it.
    /// </summary>
    private static string PrintReduced<T>(T model, Func<T, string?> problem)
        where T : class
    {
        var kind = problem(model)?.Split('\n')[0];
        if (kind is null) return ModelPrinter.Print(model);
        var reduced = ModelReducer.Reduce(model, m => (m is not Paper paper || Generators.IsValid(paper)) && problem(m)?.Split('\n')[0] == kind, budget: 2000, time: TimeSpan.FromSeconds(90));
        return $"{kind}\nsmallest failing model (CsCheck's, reduced):\n{ModelPrinter.Print(reduced)}\nproblem: {problem(reduced)}\n";
    }

    private void Summarise(string property, int cases, int renders, Stopwatch watch) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{property}: {cases} cases, {renders} renders in {watch.Elapsed.TotalSeconds:F1} s (COMMITTEE_PAPERS_PROPERTY_ITER multiplier {Multiplier})."));

    /// <summary>Diagnostics as text, one a line, without positions (a model built in code has none).</summary>
    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Severity} {d.Code}: {d.Message}"));

    private static (RenderResult Result, byte[] Bytes) Render(Paper paper, HouseStyle style)
    {
        using var stream = new MemoryStream();
        var result = Papers.Render(paper, style, stream);
        return (result, stream.ToArray());
    }

    private static byte[] Bytes(Paper paper, HouseStyle style)
    {
        var (result, bytes) = Render(paper, style);
        // Figures that add up past decimal's range write nothing (CP0038), every time, on every thread.
        var overflowed = !result.Written && Generators.MayOverflow(paper) && result.Diagnostics.Where(d => d.Severity == Severity.Error).All(d => d.Code == "CP0038");
        Assert.True(result.Written || overflowed, $"{style.Name}: not written:\n{Describe(result.Diagnostics)}");
        return bytes;
    }

    /// <summary>The text of every paragraph: body (table cells included), footnotes, headers and footers.</summary>
    private static List<string> AllParagraphTexts(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var main = doc.MainDocumentPart!;
        var roots = new List<DocumentFormat.OpenXml.OpenXmlElement> { main.Document!.Body! };
        if (main.FootnotesPart?.Footnotes is { } notes) roots.Add(notes);
        roots.AddRange(main.HeaderParts.Select(h => (DocumentFormat.OpenXml.OpenXmlElement)h.Header!));
        roots.AddRange(main.FooterParts.Select(f => (DocumentFormat.OpenXml.OpenXmlElement)f.Footer!));
        return roots.SelectMany(r => r.Descendants<W.Paragraph>())
            .Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)))
            .ToList();
    }

    /// <summary>The rows (cell texts) of the first table whose header row is <paramref name="headings"/>.</summary>
    private static List<string[]>? FindTable(byte[] docx, IReadOnlyList<string> headings)
    {
        using var doc = Docx.Open(docx);
        foreach (var table in doc.MainDocumentPart!.Document!.Body!.Descendants<W.Table>())
        {
            var rows = table.Elements<W.TableRow>()
                .Select(r => r.Elements<W.TableCell>().Select(c => string.Concat(c.Descendants<W.Text>().Select(t => t.Text)).Trim()).ToArray())
                .ToList();
            if (rows.Count > 0 && rows[0].SequenceEqual(headings)) return rows;
        }

        return null;
    }

    /// <summary>An en-GB number as the councils print it: 1,234.50; (1,234) for a negative; -7.</summary>
    private static decimal ParseEnGb(string printed)
    {
        var t = printed.Trim();
        var negative = t.StartsWith('(') && t.EndsWith(')');
        if (negative) t = t[1..^1];
        var value = decimal.Parse(t, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.GetCultureInfo("en-GB"));
        return negative ? -value : value;
    }
}
