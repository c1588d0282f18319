using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Word;

/// <summary>Writes styles.xml: one paragraph style per <see cref="ParaStyle"/>, built-in heading names and outline levels.</summary>
internal static class StylesWriter
{
    /// <summary>Our own style id for each paragraph style.</summary>
    public static string DefaultId(ParaStyle style) => style switch
    {
        ParaStyle.Normal => "Normal",
        ParaStyle.Title => "Title",
        ParaStyle.Subtitle => "Subtitle",
        ParaStyle.FrontMatter => "FrontMatter",
        ParaStyle.Council => "CouncilName",
        ParaStyle.Heading1 => "Heading1",
        ParaStyle.Heading2 => "Heading2",
        ParaStyle.Heading3 => "Heading3",
        ParaStyle.Heading4 => "Heading4",
        ParaStyle.NumberedParagraph => "NumberedParagraph",
        ParaStyle.Continuation => "BodyText",
        ParaStyle.ListItem => "ListParagraph",
        ParaStyle.Label => "Label",
        ParaStyle.TableText => "TableText",
        ParaStyle.TableHeading => "TableHeading",
        ParaStyle.Caption => "Caption",
        _ => "Normal",
    };

    /// <summary>The template role a paragraph style can be mapped to.</summary>
    public static string? RoleOf(ParaStyle style) => style switch
    {
        ParaStyle.Normal => "normal",
        ParaStyle.Title => "title",
        ParaStyle.Subtitle => "subtitle",
        ParaStyle.Heading1 => "heading-1",
        ParaStyle.Heading2 => "heading-2",
        ParaStyle.Heading3 => "heading-3",
        ParaStyle.Heading4 => "heading-4",
        ParaStyle.NumberedParagraph => "numbered-paragraph",
        ParaStyle.Continuation => "body-text",
        ParaStyle.ListItem => "list-paragraph",
        ParaStyle.Caption => "caption",
        ParaStyle.TableText => "table-text",
        ParaStyle.TableHeading => "table-heading",
        _ => null,
    };

    /// <summary>The styles part: the house style's fonts, sizes and indent, in the paper's language.</summary>
    public static void Write(XmlOut xml, HouseStyle house, string language)
    {
        var indentStep = (int)Math.Round(house.IndentMm * 1440 / 25.4);
        xml.Start("w:styles"u8).Attr("xmlns:w"u8, Namespaces.W);
        xml.Start("w:docDefaults"u8);
        xml.Start("w:rPrDefault"u8);
        xml.Start("w:rPr"u8);
        xml.Start("w:rFonts"u8).Attr("w:ascii"u8, house.Font).Attr("w:hAnsi"u8, house.Font).Attr("w:eastAsia"u8, house.Font).Attr("w:cs"u8, house.Font).End("w:rFonts"u8);
        xml.Value("w:sz"u8, "w:val"u8, HalfPoints(house.BodySize));
        xml.Value("w:szCs"u8, "w:val"u8, HalfPoints(house.BodySize));
        xml.Start("w:lang"u8).Attr("w:val"u8, language).Attr("w:eastAsia"u8, "zh-CN"u8).Attr("w:bidi"u8, "ar-SA"u8).End("w:lang"u8);
        xml.End("w:rPr"u8);
        xml.End("w:rPrDefault"u8);
        xml.Start("w:pPrDefault"u8);
        xml.Start("w:pPr"u8);
        xml.Start("w:spacing"u8).Attr("w:after"u8, Twips(house.SpaceAfter)).Attr("w:line"u8, "240"u8).Attr("w:lineRule"u8, "auto"u8).End("w:spacing"u8);
        xml.End("w:pPr"u8);
        xml.End("w:pPrDefault"u8);
        xml.End("w:docDefaults"u8);

        Paragraph(xml, "Normal", "Normal", null, isDefault: true);
        Paragraph(xml, "Title", "Title", "Normal", bold: true, size: house.HeadingSizes[0], keepNext: true, outline: 0, colour: house.HeadingColour);
        Paragraph(xml, "Subtitle", "Subtitle", "Normal", bold: true, size: house.BodySize, keepNext: true, colour: house.HeadingColour);
        Paragraph(xml, "FrontMatter", "Front Matter", "Normal", keepNext: true);
        Paragraph(xml, "CouncilName", "Council Name", "Normal", bold: true, size: house.HeadingSizes[0], keepNext: true, colour: house.HeadingColour);
        for (var level = 1; level <= 4; level++)
        {
            var size = house.HeadingSizes[Math.Min(level, house.HeadingSizes.Count - 1)];
            Paragraph(xml, HeadingIds[level - 1], HeadingNames[level - 1], "Normal", bold: level < 4, italic: level >= 3,
                size: size, keepNext: true, outline: level - 1, colour: house.HeadingColour);
        }

        Paragraph(xml, "NumberedParagraph", "Numbered Paragraph", "Normal", indent: (indentStep, indentStep));
        Paragraph(xml, "BodyText", "Body Text", "Normal", indent: (indentStep, 0));
        Paragraph(xml, "ListParagraph", "List Paragraph", "Normal", indent: (2 * indentStep, indentStep), spaceAfter: 6);
        Paragraph(xml, "Label", "Label", "Normal", keepNext: true);
        Paragraph(xml, "TableText", "Table Text", "Normal", spaceAfter: 0);
        Paragraph(xml, "TableHeading", "Table Heading", "TableText", bold: true, spaceAfter: 0, keepNext: true);
        Paragraph(xml, "Caption", "caption", "Normal", bold: true, size: house.BodySize - 1, keepNext: false, spaceAfter: 6);
        Paragraph(xml, "FootnoteText", "footnote text", "Normal", size: house.BodySize - 2, spaceAfter: 0);
        Paragraph(xml, "Header", "header", "Normal", spaceAfter: 0);
        Paragraph(xml, "Footer", "footer", "Normal", spaceAfter: 0);

        xml.Start("w:style"u8).Attr("w:type"u8, "character"u8).Attr("w:styleId"u8, "FootnoteReference"u8);
        xml.Value("w:name"u8, "w:val"u8, "footnote reference"u8);
        xml.Value("w:uiPriority"u8, "w:val"u8, 99);
        xml.Start("w:rPr"u8);
        xml.Value("w:vertAlign"u8, "w:val"u8, "superscript"u8);
        xml.End("w:rPr"u8);
        xml.End("w:style"u8);

        xml.Start("w:style"u8).Attr("w:type"u8, "character"u8).Attr("w:styleId"u8, "Hyperlink"u8);
        xml.Value("w:name"u8, "w:val"u8, "Hyperlink"u8);
        xml.Value("w:uiPriority"u8, "w:val"u8, 99);
        xml.Start("w:rPr"u8);
        xml.Value("w:color"u8, "w:val"u8, "0563C1"u8);
        xml.Value("w:u"u8, "w:val"u8, "single"u8);
        xml.End("w:rPr"u8);
        xml.End("w:style"u8);

        xml.Start("w:style"u8).Attr("w:type"u8, "table"u8).Attr("w:styleId"u8, "TableGrid"u8);
        xml.Value("w:name"u8, "w:val"u8, "Table Grid"u8);
        xml.Start("w:tblPr"u8);
        xml.Start("w:tblBorders"u8);
        Border(xml, "w:top"u8);
        Border(xml, "w:left"u8);
        Border(xml, "w:bottom"u8);
        Border(xml, "w:right"u8);
        Border(xml, "w:insideH"u8);
        Border(xml, "w:insideV"u8);
        xml.End("w:tblBorders"u8);
        xml.End("w:tblPr"u8);
        xml.End("w:style"u8);
        xml.End("w:styles"u8);
    }

    private static readonly string[] HeadingIds = ["Heading1", "Heading2", "Heading3", "Heading4"];

    private static readonly string[] HeadingNames = ["heading 1", "heading 2", "heading 3", "heading 4"];

    private static void Border(XmlOut xml, ReadOnlySpan<byte> side) => xml.Start(side).Attr("w:val"u8, "single"u8).Attr("w:sz"u8, 4).End(side);

    /// <summary>A paragraph style; its children in the schema's order (name, basedOn, qFormat, pPr, rPr).</summary>
    private static void Paragraph(XmlOut xml, string id, string name, string? basedOn, bool isDefault = false, bool bold = false, bool italic = false,
        double? size = null, bool keepNext = false, int? outline = null, (int Left, int Hanging)? indent = null, double? spaceAfter = null, string? colour = null)
    {
        xml.Start("w:style"u8).Attr("w:type"u8, "paragraph"u8).Attr("w:styleId"u8, id);
        if (isDefault) xml.Attr("w:default"u8, "1"u8);
        xml.Value("w:name"u8, "w:val"u8, name);
        if (basedOn is not null) xml.Value("w:basedOn"u8, "w:val"u8, basedOn);
        xml.Empty("w:qFormat"u8);
        if (keepNext || spaceAfter is not null || outline is not null || indent is not null)
        {
            // pPr children in the schema's order: keepNext, spacing, ind, outlineLvl.
            xml.Start("w:pPr"u8);
            if (keepNext) xml.Empty("w:keepNext"u8);
            if (outline is not null) xml.Start("w:spacing"u8).Attr("w:before"u8, "240"u8).Attr("w:after"u8, "120"u8).End("w:spacing"u8);
            else if (spaceAfter is { } after) xml.Start("w:spacing"u8).Attr("w:after"u8, Twips(after)).End("w:spacing"u8);
            if (indent is { } ind) xml.Start("w:ind"u8).Attr("w:left"u8, ind.Left).Attr("w:hanging"u8, ind.Hanging).End("w:ind"u8);
            if (outline is { } level) xml.Value("w:outlineLvl"u8, "w:val"u8, level);
            xml.End("w:pPr"u8);
        }

        var coloured = colour is not null && colour != "000000";
        if (bold || italic || coloured || size is not null)
        {
            // rPr children in the schema's order: b, i, color, sz.
            xml.Start("w:rPr"u8);
            if (bold) xml.Empty("w:b"u8);
            if (italic) xml.Empty("w:i"u8);
            if (coloured) xml.Value("w:color"u8, "w:val"u8, colour!);
            if (size is { } s) xml.Value("w:sz"u8, "w:val"u8, HalfPoints(s));
            xml.End("w:rPr"u8);
        }

        xml.End("w:style"u8);
    }

    public static int HalfPoints(double points) => (int)Math.Round(points * 2);

    public static int Twips(double points) => (int)Math.Round(points * 20);
}
