using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Import;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// <c>committee-papers import</c>: Word papers read back into YAML. Every example built and imported again builds to
/// the same numbered outline; a pandoc document and a paper typed by hand in LibreOffice import well; no word of the
/// source is lost; bad files are refused with CP0031.
/// </summary>
public partial class ImportTests
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    internal static ImportResult Import(byte[] docx, HouseStyle style, string name = "paper.docx", string? reference = null)
    {
        using var stream = new MemoryStream(docx);
        return Papers.Import(stream, name, new ImportOptions { Style = style, StyleReference = reference });
    }

    /// <summary>The numbered outline: headings and every paragraph that carries a number, with the number and text Word shows.</summary>
    internal static List<string> NumberedOutline(byte[] docx) => DocumentOutline.Read(docx)
        .Where(l => l.Number is not null || l.Style.StartsWith("Heading", StringComparison.Ordinal))
        .Select(l => $"{(l.Style.StartsWith("Heading", StringComparison.Ordinal) ? l.Style + " " : string.Empty)}{l.Number} {l.Text}".Trim())
        .ToList();

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void Every_example_built_and_imported_builds_again_to_the_same_numbered_outline(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var loaded = Papers.Load(path);
        var style = Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(path), out _)!;
        var original = Docx.Build(path, style);

        var imported = Import(original, style, Path.GetFileName(example).Replace(".yaml", ".docx", StringComparison.Ordinal));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Diagnostics));
        var again = Papers.Parse(imported.Yaml!, "imported.yaml");
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics) + "\n" + imported.Yaml);
        Assert.Equal(loaded.Paper!.GetType(), again.Paper!.GetType());
        var rebuilt = Docx.Render(again.Paper!, style);

        Assert.Equal(NumberedOutline(original), NumberedOutline(rebuilt));
    }

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void No_word_of_an_example_is_lost_on_import(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var loaded = Papers.Load(path);
        var style = Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(path), out _)!;
        var original = Docx.Build(path, style);
        var imported = Import(original, style);
        AssertNoWordLost(original, imported.Yaml!, style);
    }

    /// <summary>
    /// Every word of the document's body (paragraphs, tables and footnotes) is in the YAML, unless the house style prints
    /// it itself (its headings and wording: "Wards Affected:", "Report of the", "Annex 1"), or it is a number Word shows.
    /// </summary>
    internal static void AssertNoWordLost(byte[] docx, string yaml, HouseStyle style)
    {
        var source = Words(BodyText(docx));
        var kept = Words(yaml);
        var styleWords = Words(string.Join(" ", style.Headings.Values.Concat(style.Words.Values.Select(w => w.PlainText))
            .Concat(style.StandardItems.Values.SelectMany(s => new[] { s.Title, s.Agenda?.PlainText ?? string.Empty, s.Minutes?.PlainText ?? string.Empty }))
            .Concat(style.FrontBlocks.Values.Concat(style.EndBlocks.Values).SelectMany(b => b).SelectMany(l => (l.Table ?? []).SelectMany(r => r).Append(l.Text)).Select(t => t.PlainText))
            .Concat(style.Blocks.Values.SelectMany(b => b.Lines.Select(l => l.Text.PlainText).Append(b.Heading ?? string.Empty)))
            .Append(style.Council).Append(style.BodyHeading ?? string.Empty)
            .Concat([style.Members.One, style.Members.Many, style.Members.Chair, style.Members.ViceChair, .. style.AmPm])
            // Dates and times are printed by the style from the values the YAML gives as 2024-02-22 and 17:30.
            .Concat(CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames)
            .Concat(CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.DayNames)));
        var lost = source.Where(w => !kept.Contains(w) && !styleWords.Contains(w) && !w.All(char.IsDigit) && w.Length > 1 && !IsNumeral(w)).Order(StringComparer.Ordinal).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} words lost: {string.Join(", ", lost.Take(40))}\n{yaml}");
    }

    private static bool IsNumeral(string w) => Regex.IsMatch(w, "^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$") || Regex.IsMatch(w, "^[a-z]$") || Regex.IsMatch(w, @"^\d+(st|nd|rd|th)$");

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The text of the body and the footnotes, a line break or tab read as a space.</summary>
    internal static string BodyText(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var parts = new List<DocumentFormat.OpenXml.OpenXmlElement> { doc.MainDocumentPart!.Document!.Body! };
        if (doc.MainDocumentPart.FootnotesPart?.Footnotes is { } notes) parts.Add(notes);
        var sb = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            foreach (var e in part.Descendants())
            {
                if (e is DocumentFormat.OpenXml.Wordprocessing.Text t) sb.Append(t.Text);
                else if (e is DocumentFormat.OpenXml.Wordprocessing.Break or DocumentFormat.OpenXml.Wordprocessing.TabChar or DocumentFormat.OpenXml.Wordprocessing.Paragraph) sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
