using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Tests.Support;

/// <summary>The REF fields of a document and the paragraphs their bookmarks mark, read from the XML.</summary>
internal static class CrossReferences
{
    /// <summary>A REF field: the bookmark it refers to, whether it asks for the paragraph number (\n), and the text it shows.</summary>
    public sealed record Reference(string Bookmark, bool Number, string Shown);

    /// <summary>Every REF field in the body and the footnotes, in order.</summary>
    public static IReadOnlyList<Reference> Read(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var main = doc.MainDocumentPart!;
        var roots = new List<OpenXmlElement> { main.Document!.Body! };
        if (main.FootnotesPart?.Footnotes is { } notes) roots.Add(notes);
        var result = new List<Reference>();
        foreach (var root in roots)
        {
            // A complex field: begin, its code, separate, the result's runs, end.
            string? code = null;
            System.Text.StringBuilder? shown = null;
            foreach (var element in root.Descendants())
            {
                switch (element)
                {
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Begin:
                        code = string.Empty;
                        shown = null;
                        break;
                    case FieldCode fieldCode when code is not null && shown is null:
                        code += fieldCode.Text;
                        break;
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Separate:
                        shown = new System.Text.StringBuilder();
                        break;
                    case Text text when shown is not null:
                        shown.Append(text.Text);
                        break;
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.End:
                        var words = (code ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (words.Length >= 2 && words[0] == "REF") result.Add(new Reference(words[1], words.Contains("\\n"), shown?.ToString() ?? string.Empty));
                        code = null;
                        shown = null;
                        break;
                }
            }
        }

        return result;
    }

    /// <summary>The index among the body's paragraphs (as <see cref="DocumentOutline.Read"/> lists them) of each bookmark's paragraph.</summary>
    public static IReadOnlyDictionary<string, int> BookmarkedParagraphs(byte[] docx)
    {
        using var doc = Docx.Open(docx);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var mark in paragraphs[i].Descendants<BookmarkStart>()) result[mark.Name!.Value!] = i;
        }

        return result;
    }

    /// <summary>A number as a cross-reference quotes it: "12" for "12.", "3.1" for "3.1.", "a" for "a)", "i" for "(i)".</summary>
    public static string Quoted(string number) => number.Trim().Trim('.', ')', '(', ' ');
}
