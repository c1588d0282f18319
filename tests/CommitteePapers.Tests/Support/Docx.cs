using System.Text;

using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace CommitteePapers.Tests.Support;

/// <summary>Builds documents for tests and checks every one of them with the Open XML validator.</summary>
internal static class Docx
{
    /// <summary>Reads and renders a YAML file; asserts it built, then validates the result.</summary>
    public static byte[] Build(string yamlPath, HouseStyle? style = null)
    {
        var loaded = Papers.Load(yamlPath);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return Render(loaded.Paper!, style ?? Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(Path.GetFullPath(yamlPath)), out _)!);
    }

    public static byte[] Render(CommitteePapers.Definition.Paper paper, HouseStyle style)
    {
        using var stream = new MemoryStream();
        var result = Papers.Render(paper, style, stream);
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var bytes = stream.ToArray();
        AssertValid(bytes);
        return bytes;
    }

    /// <summary>0 errors from the Open XML SDK validator (Microsoft 365), plus the Word rules it does not check.</summary>
    public static void AssertValid(byte[] docx)
    {
        using var doc = Open(docx);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} validator errors:\n" + string.Join("\n", errors.Take(20)));

        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.All(body.Descendants<TableCell>(), cell => Assert.NotEmpty(cell.Elements<Paragraph>()));
        var bookmarks = doc.MainDocumentPart.Document.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToList();
        Assert.All(bookmarks, name => Assert.InRange(name.Length, 1, 40));
        Assert.Equal(bookmarks.Count, bookmarks.Distinct(StringComparer.Ordinal).Count());
        var drawingIds = doc.MainDocumentPart.Document.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>()
            .Select(d => d.Id!.Value).ToList();
        Assert.Equal(drawingIds.Count, drawingIds.Distinct().Count());
    }

    public static WordprocessingDocument Open(byte[] docx) =>
        WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);

    /// <summary>All the text of the body, paragraph by paragraph (field results included, field codes not).</summary>
    public static IReadOnlyList<string> ParagraphTexts(byte[] docx)
    {
        using var doc = Open(docx);
        return doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>()
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))
            .ToList();
    }
}
