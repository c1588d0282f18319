using CommitteePapers.Layout;

namespace CommitteePapers.Word;

/// <summary>Writes footnotes.xml: the two separators Word expects, then one footnote per reference.</summary>
internal static class FootnotesWriter
{
    public static void Write(IReadOnlyList<LFootnote> notes, RunWriter runs)
    {
        var xml = runs.Xml;
        xml.Start("w:footnotes"u8).Attr("xmlns:w"u8, Namespaces.W).Attr("xmlns:r"u8, Namespaces.R);
        Separator(xml, "separator"u8, -1, "w:separator"u8);
        Separator(xml, "continuationSeparator"u8, 0, "w:continuationSeparator"u8);
        foreach (var note in notes)
        {
            xml.Start("w:footnote"u8).Attr("w:id"u8, note.Id);
            xml.Start("w:p"u8);
            xml.Start("w:pPr"u8);
            xml.Value("w:pStyle"u8, "w:val"u8, "FootnoteText"u8);
            xml.End("w:pPr"u8);
            runs.Run(RunLook.Plain, "FootnoteReference");
            xml.Empty("w:footnoteRef"u8);
            xml.End("w:r"u8);
            runs.Text(" ", RunLook.Plain);
            runs.Write(note.Content, RunLook.Plain);
            xml.End("w:p"u8);
            xml.End("w:footnote"u8);
        }

        xml.End("w:footnotes"u8);
    }

    private static void Separator(XmlOut xml, ReadOnlySpan<byte> type, int id, ReadOnlySpan<byte> mark)
    {
        xml.Start("w:footnote"u8).Attr("w:type"u8, type).Attr("w:id"u8, id);
        xml.Start("w:p"u8);
        xml.Start("w:r"u8);
        xml.Empty(mark);
        xml.End("w:r"u8);
        xml.End("w:p"u8);
        xml.End("w:footnote"u8);
    }
}
