using CommitteePapers.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>
/// Writes inline content as runs, fields, bookmarks and links. One per part being written: it hands out bookmark
/// ids and hyperlink relationship ids from counters, so output never depends on chance.
/// </summary>
internal sealed class RunWriter(OpenXmlPartContainer part, Func<string> nextRelationshipId)
{
    private int bookmarkId;

    public IEnumerable<OpenXmlElement> Write(IReadOnlyList<LInline> inlines)
    {
        foreach (var inline in inlines)
        {
            foreach (var element in Write(inline))
            {
                yield return element;
            }
        }
    }

    public (BookmarkStart Start, BookmarkEnd End) Bookmark(string name)
    {
        var id = (bookmarkId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (new BookmarkStart { Id = id, Name = name }, new BookmarkEnd { Id = id });
    }

    private IEnumerable<OpenXmlElement> Write(LInline inline)
    {
        switch (inline)
        {
            case LText t:
                yield return TextRunOf(t.Text, t.Bold, t.Italic);
                break;
            case LBreak:
                yield return new Run(new Break());
                break;
            case LTab:
                yield return new Run(new TabChar());
                break;
            case LNoteMark note:
                yield return new Run(new RunProperties { RunStyle = new RunStyle { Val = "FootnoteReference" } }, new FootnoteReference { Id = note.Id });
                break;
            case LLink link:
                var relationship = part switch
                {
                    MainDocumentPart main => main.AddHyperlinkRelationship(new Uri(link.Url), true, nextRelationshipId()),
                    FootnotesPart notes => notes.AddHyperlinkRelationship(new Uri(link.Url), true, nextRelationshipId()),
                    _ => null,
                };
                var runs = Write(link.Content).Select(e => e is Run r ? Styled(r) : e).ToList();
                if (relationship is null)
                {
                    foreach (var r in runs) yield return r;
                }
                else
                {
                    yield return new DocumentFormat.OpenXml.Wordprocessing.Hyperlink(runs) { Id = relationship.Id, History = true };
                }

                break;
            case LField field:
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Begin });
                yield return new Run(new FieldCode(field.Instruction) { Space = SpaceProcessingModeValues.Preserve });
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.Separate });
                foreach (var e in Write(field.Result)) yield return e;
                yield return new Run(new FieldChar { FieldCharType = FieldCharValues.End });
                break;
            case LBookmark marked:
                var (start, end) = Bookmark(marked.Name);
                yield return start;
                foreach (var e in Write(marked.Content)) yield return e;
                yield return end;
                break;
        }
    }

    public static Run TextRunOf(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var rpr = new RunProperties();
            if (bold) rpr.Bold = new Bold();
            if (italic) rpr.Italic = new Italic();
            run.RunProperties = rpr;
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Run Styled(Run run)
    {
        run.RunProperties ??= new RunProperties();
        run.RunProperties.RunStyle = new RunStyle { Val = "Hyperlink" };
        return run;
    }
}
