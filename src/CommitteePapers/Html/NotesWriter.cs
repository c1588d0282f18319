using System.Globalization;
using CommitteePapers.Layout;

namespace CommitteePapers.Html;

/// <summary>
/// Writes the footnotes at the end of the page, under the heading layout gave them: each note numbered as Word numbers
/// it, and linked back to where the text refers to it.
/// </summary>
internal static class NotesWriter
{
    public static void Write(Markup html, LaidOutPaper paper)
    {
        if (paper.NotesHeading is not { } heading || paper.Footnotes.Count == 0) return;
        var inlines = new InlineWriter(html, paper.Footnotes);
        var tag = "h" + (heading.HeadingLevel ?? 2).ToString(CultureInfo.InvariantCulture);
        html.Open("section", ("class", "notes"), ("aria-labelledby", heading.Anchor)).Line();
        html.Open(tag, ("id", heading.Anchor));
        inlines.Write(heading.Content);
        html.Close(tag).Line();
        html.Open("ol", ("class", "items notes-list")).Line();
        foreach (var note in paper.Footnotes)
        {
            html.Open("li", ("id", note.Anchor));
            html.Element("span", note.Id.ToString(CultureInfo.InvariantCulture), ("class", "num")).Text(" ");
            inlines.Write(note.Content);
            if (note.ReferenceAnchor is { } back)
            {
                html.Text(" ").Open("a", ("href", "#" + back), ("class", "note-back"), ("aria-label", note.BackText)).Text("↩").Close("a");
            }

            html.Close("li").Line();
        }

        html.Close("ol").Line();
        html.Close("section").Line();
    }
}
