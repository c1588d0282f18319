using CommitteePapers.Layout;

namespace CommitteePapers.Word;

/// <summary>What a run looks like beyond its text: the paragraph's formatting that every run of it carries.</summary>
/// <param name="Bold">Bold throughout.</param>
/// <param name="Colour">A colour as RGB hex (white for hidden lines).</param>
/// <param name="HalfPoints">The size, when not the style's.</param>
/// <param name="Language">The language of the text, when not the document's.</param>
/// <param name="RightToLeft">Right-to-left text.</param>
internal readonly record struct RunLook(bool Bold = false, string? Colour = null, int? HalfPoints = null, string? Language = null, bool RightToLeft = false)
{
    public static RunLook Plain => default;
}

/// <summary>
/// Writes inline content as runs, fields, bookmarks and links. One per part being written: it hands out bookmark
/// ids and hyperlink relationship ids from counters, so output never depends on chance.
/// </summary>
internal sealed class RunWriter(XmlOut xml, PartRelationships? links)
{
    private int bookmarkId;

    public XmlOut Xml => xml;

    public void Write(IReadOnlyList<LInline> inlines, RunLook look) => Write(inlines, look, hyperlink: false);

    // Indexed, not foreach: a foreach over the interface boxes an enumerator for every paragraph written.
    private void Write(IReadOnlyList<LInline> inlines, RunLook look, bool hyperlink)
    {
        for (var i = 0; i < inlines.Count; i++) Write(inlines[i], look, hyperlink);
    }

    public void BookmarkStart(string name, out int id)
    {
        id = bookmarkId++;
        xml.Start("w:bookmarkStart"u8).Attr("w:id"u8, id).Attr("w:name"u8, name).End("w:bookmarkStart"u8);
    }

    public void BookmarkEnd(int id) => xml.Start("w:bookmarkEnd"u8).Attr("w:id"u8, id).End("w:bookmarkEnd"u8);

    private void Write(LInline inline, RunLook look, bool hyperlink)
    {
        switch (inline)
        {
            case LText t:
                Text(t.Text, look, t.Bold, t.Italic, hyperlink ? "Hyperlink" : null);
                break;
            case LBreak:
                Run(look, hyperlink ? "Hyperlink" : null);
                xml.Empty("w:br"u8);
                xml.End("w:r"u8);
                break;
            case LTab:
                Run(look, hyperlink ? "Hyperlink" : null);
                xml.Empty("w:tab"u8);
                xml.End("w:r"u8);
                break;
            case LNoteMark note:
                Run(look, "FootnoteReference");
                xml.Start("w:footnoteReference"u8).Attr("w:id"u8, note.Id).End("w:footnoteReference"u8);
                xml.End("w:r"u8);
                break;
            case LLink link:
                if (links is null)
                {
                    // A part that cannot hold relationships (the footer): the link's text stands alone.
                    Write(link.Content, look, hyperlink: true);
                    break;
                }

                var id = links.External(PartRelationships.Hyperlink, link.Url);
                xml.Start("w:hyperlink"u8).Attr("r:id"u8, id).Attr("w:history"u8, "1"u8);
                Write(link.Content, look, hyperlink: true);
                xml.End("w:hyperlink"u8);
                break;
            case LField field:
                FieldChar("begin"u8, look);
                Run(look, null);
                xml.Start("w:instrText"u8).Attr("xml:space"u8, "preserve"u8).Text(field.Instruction);
                xml.End("w:instrText"u8);
                xml.End("w:r"u8);
                FieldChar("separate"u8, look);
                Write(field.Result, look, hyperlink);
                FieldChar("end"u8, look);
                break;
            case LBookmark marked:
                BookmarkStart(marked.Name, out var bookmark);
                Write(marked.Content, look, hyperlink);
                BookmarkEnd(bookmark);
                break;
        }
    }

    private void FieldChar(ReadOnlySpan<byte> type, RunLook look)
    {
        Run(look, null);
        xml.Start("w:fldChar"u8).Attr("w:fldCharType"u8, type).End("w:fldChar"u8);
        xml.End("w:r"u8);
    }

    /// <summary>A run of text (kept as written: leading and trailing spaces too).</summary>
    public void Text(string text, RunLook look, bool bold = false, bool italic = false, string? runStyle = null)
    {
        Run(look, runStyle, bold, italic);
        xml.Start("w:t"u8).Attr("xml:space"u8, "preserve"u8).Text(text);
        xml.End("w:t"u8);
        xml.End("w:r"u8);
    }

    /// <summary>Opens a run and writes its properties, in the schema's order.</summary>
    public void Run(RunLook look, string? runStyle, bool bold = false, bool italic = false)
    {
        xml.Start("w:r"u8);
        bold |= look.Bold;
        var primary = look.Language is { } language ? Primary(language) : null;
        var complex = primary is "bn" or "hi" or "pa" or "gu" or "ur" or "ar";
        if (runStyle is null && !bold && !italic && look.Colour is null && look.HalfPoints is null && look.Language is null && !look.RightToLeft) return;
        xml.Start("w:rPr"u8);
        if (runStyle is not null) xml.Value("w:rStyle"u8, "w:val"u8, runStyle);
        if (bold) xml.Empty("w:b"u8);
        if (italic) xml.Empty("w:i"u8);
        if (look.Colour is { } colour) xml.Value("w:color"u8, "w:val"u8, colour);
        if (look.HalfPoints is { } size)
        {
            xml.Value("w:sz"u8, "w:val"u8, size);
            xml.Value("w:szCs"u8, "w:val"u8, size);
        }

        if (look.Language is { } lang)
        {
            if (look.RightToLeft) xml.Empty("w:rtl"u8);
            if (complex) xml.Empty("w:cs"u8);

            // Each run carries its language: east-Asian and complex scripts in their own attributes, so Word,
            // screen readers and the PDF pick the right fonts and voices.
            xml.Start("w:lang"u8);
            switch (primary)
            {
                case "zh" or "ja" or "ko":
                    xml.Attr("w:val"u8, "en-GB"u8).Attr("w:eastAsia"u8, lang);
                    break;
                case "ur" or "ar" or "fa" or "he" or "bn" or "hi" or "pa" or "gu":
                    xml.Attr("w:val"u8, "en-GB"u8).Attr("w:bidi"u8, lang);
                    break;
                default:
                    xml.Attr("w:val"u8, lang);
                    break;
            }

            xml.End("w:lang"u8);
        }

        xml.End("w:rPr"u8);
    }

    private static string Primary(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? language : language[..dash];
    }
}
