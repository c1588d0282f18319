using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace CommitteePapers.Tests.Support;

/// <summary>What a PDF says about itself: its page count, title and whether it is tagged.</summary>
internal sealed record PdfInfo(int Pages, string? Title, bool Tagged);

/// <summary>
/// Reads the PDFs LibreOffice writes, in-process with PdfPig (instead of poppler's pdftotext and pdfinfo): the page
/// count, the title, whether it is tagged, and each page's text as lines. A line is the words that share a baseline,
/// left to right, one space apart; lines run from the top of the page down, so a footer's page number is the last.
/// </summary>
internal static class PdfText
{
    /// <summary>Words whose baselines are this close (in points) are on one line: a table row's cells, a number and its paragraph.</summary>
    private const double SameLine = 2.0;

    public static PdfInfo Info(string path)
    {
        using var document = PdfDocument.Open(path);
        return new PdfInfo(document.NumberOfPages, document.Information.Title, IsTagged(document));
    }

    /// <summary>Every page's lines, first page first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(Lines).ToList();
    }

    /// <summary>One page's lines (numbered from 1).</summary>
    public static IReadOnlyList<string> Page(string path, int number)
    {
        using var document = PdfDocument.Open(path);
        return Lines(document.GetPage(number));
    }

    /// <summary>The whole text: lines joined by line feeds, pages by a line feed and a form feed (as pdftotext does).</summary>
    public static string Text(string path) => string.Join("\n\f", Pages(path).Select(p => string.Join("\n", p)));

    private static IReadOnlyList<string> Lines(Page page)
    {
        var lines = new List<(double Y, List<UglyToad.PdfPig.Content.Word> Words)>();
        foreach (var word in page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderByDescending(Baseline))
        {
            var y = Baseline(word);
            if (lines.Count > 0 && Math.Abs(lines[^1].Y - y) <= SameLine) lines[^1].Words.Add(word);
            else lines.Add((y, [word]));
        }

        return lines.Select(l => string.Join(" ", l.Words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))).ToList();
    }

    private static double Baseline(UglyToad.PdfPig.Content.Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    /// <summary>Tagged as pdfinfo says: the catalogue's /MarkInfo has /Marked true.</summary>
    private static bool IsTagged(PdfDocument document)
    {
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.MarkInfo, out var token)) return false;
        if (token is IndirectReferenceToken reference) token = document.Structure.GetObject(reference.Data).Data;
        return token is DictionaryToken markInfo && markInfo.TryGet(NameToken.Marked, out var marked) && marked is BooleanToken { Data: true };
    }
}
