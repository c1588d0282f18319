using CommitteePapers.Layout;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>Writes the footer: the page number as a PAGE field, centred.</summary>
internal static class FooterWriter
{
    public static Footer Write(RunWriter runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Normal" },
            Justification = new Justification { Val = JustificationValues.Center },
        });
        paragraph.Append(runs.Write([new Field(" PAGE ", [new TextRun("1")])]));
        return new Footer(paragraph);
    }
}
