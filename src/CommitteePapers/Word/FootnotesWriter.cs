using CommitteePapers.Layout;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>Writes footnotes.xml: the two separators Word expects, then one footnote per reference.</summary>
internal static class FootnotesWriter
{
    public static Footnotes Write(IReadOnlyList<LFootnote> notes, RunWriter runs, StyleMap styles)
    {
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var note in notes)
        {
            var paragraph = new Paragraph(
                new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "FootnoteText" } },
                new Run(new RunProperties { RunStyle = new RunStyle { Val = "FootnoteReference" } }, new FootnoteReferenceMark()),
                RunWriter.TextRunOf(" "));
            paragraph.Append(runs.Write(note.Content));
            footnotes.Append(new Footnote(paragraph) { Id = note.Id });
        }

        return footnotes;
    }
}
