using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Word;

/// <summary>Writes document.xml: the body, from laid-out blocks. It decides no numbers: layout did.</summary>
internal static class DocumentWriter
{
    public static void Write(LaidOutPaper paper, HouseStyle house, RunWriter runs, StyleMap styles, PageFurniture furniture)
    {
        var xml = runs.Xml;
        xml.Start("w:document"u8)
            .Attr("xmlns:w"u8, Namespaces.W)
            .Attr("xmlns:r"u8, Namespaces.R);
        xml.Start("w:body"u8);
        var spaceAfterTable = StylesWriter.Twips(house.SpaceAfter);
        for (var i = 0; i < paper.Body.Count; i++)
        {
            switch (paper.Body[i])
            {
                case LParagraph p:
                    // Space between a table and the text after it, as the councils' papers have.
                    Paragraph(p, runs, styles, i > 0 && paper.Body[i - 1] is LTable ? spaceAfterTable : null);
                    break;
                case LSectionBreak br:
                    xml.Start("w:p"u8);
                    xml.Start("w:pPr"u8);
                    SectionProperties(xml, paper.Page, Furniture(furniture, br.NoFooter, br.FooterIndex), br.Landscape, br.StartPageNumber, br.Lettered);
                    xml.End("w:pPr"u8);
                    xml.End("w:p"u8);
                    break;
                case LPageBreak:
                    xml.Start("w:p"u8);
                    xml.Start("w:r"u8);
                    xml.Start("w:br"u8).Attr("w:type"u8, "page"u8).End("w:br"u8);
                    xml.End("w:r"u8);
                    xml.End("w:p"u8);
                    break;
                case LTable t:
                    Table(t, runs, styles);
                    // Two tables in a row would merge in Word, and a body should not end with a table.
                    if (i + 1 == paper.Body.Count || paper.Body[i + 1] is LTable) xml.Empty("w:p"u8);
                    break;
            }
        }

        SectionProperties(xml, paper.Page, Furniture(furniture, false, paper.LastSectionFooterIndex), paper.EndsLandscape, paper.LastSectionStartPage, paper.LastSectionLettered);
        xml.End("w:body"u8);
        xml.End("w:document"u8);
    }

    /// <summary>A paragraph, its properties in the schema's order (pStyle, keepNext, numPr, bidi, spacing, ind, jc).</summary>
    public static void Paragraph(LParagraph p, RunWriter runs, StyleMap styles, int? spaceBefore = null)
    {
        var xml = runs.Xml;
        xml.Start("w:p"u8);
        xml.Start("w:pPr"u8);
        xml.Value("w:pStyle"u8, "w:val"u8, styles.IdOf(p.Style));
        if (p.KeepWithNext && p.Style is not (ParaStyle.Heading1 or ParaStyle.Heading2 or ParaStyle.Heading3 or ParaStyle.Heading4))
        {
            xml.Empty("w:keepNext"u8);
        }

        if (p.List is { } list)
        {
            xml.Start("w:numPr"u8);
            xml.Value("w:ilvl"u8, "w:val"u8, list.Level);
            xml.Value("w:numId"u8, "w:val"u8, list.NumId);
            xml.End("w:numPr"u8);
        }

        if (p.RightToLeft) xml.Empty("w:bidi"u8);
        if (spaceBefore is { } before)
        {
            xml.Start("w:spacing"u8).Attr("w:before"u8, before).End("w:spacing"u8);
        }
        else if (p.Hidden)
        {
            // A line only bookmarks and screen readers see takes (almost) no room on the page.
            xml.Start("w:spacing"u8).Attr("w:before"u8, "0"u8).Attr("w:after"u8, "0"u8).Attr("w:line"u8, "20"u8).Attr("w:lineRule"u8, "exact"u8).End("w:spacing"u8);
        }

        if (p.Indent is { } indent)
        {
            xml.Start("w:ind"u8).Attr("w:left"u8, indent.Left).Attr("w:hanging"u8, indent.Hanging).End("w:ind"u8);
        }

        if (p.Align != Align.Left)
        {
            xml.Value("w:jc"u8, "w:val"u8, p.Align == Align.Right ? "right"u8 : "center"u8);
        }

        xml.End("w:pPr"u8);
        var look = new RunLook(
            Bold: p.Bold,
            Colour: p.Hidden ? "FFFFFF" : null,
            HalfPoints: p.Size is { } size ? StylesWriter.HalfPoints(size) : null,
            Language: p.Language,
            RightToLeft: p.RightToLeft);
        if (p.Bookmark is { } name)
        {
            runs.BookmarkStart(name, out var id);
            runs.Write(p.Content, look);
            runs.BookmarkEnd(id);
        }
        else
        {
            runs.Write(p.Content, look);
        }

        xml.End("w:p"u8);
    }

    private static void Table(LTable t, RunWriter runs, StyleMap styles)
    {
        var xml = runs.Xml;
        var total = 0;
        foreach (var w in t.ColumnWidthsTwips) total += w;
        xml.Start("w:tbl"u8);
        xml.Start("w:tblPr"u8);
        if (t.Borders) xml.Value("w:tblStyle"u8, "w:val"u8, "TableGrid"u8);
        xml.Start("w:tblW"u8).Attr("w:w"u8, total).Attr("w:type"u8, "dxa"u8).End("w:tblW"u8);
        xml.Value("w:tblLayout"u8, "w:type"u8, "fixed"u8);
        xml.Start("w:tblLook"u8).Attr("w:val"u8, "04A0"u8).Attr("w:firstRow"u8, "1"u8).Attr("w:lastRow"u8, "0"u8)
            .Attr("w:firstColumn"u8, "0"u8).Attr("w:lastColumn"u8, "0"u8).Attr("w:noHBand"u8, "1"u8).Attr("w:noVBand"u8, "1"u8).End("w:tblLook"u8);
        if (t.Description is { } description) xml.Value("w:tblCaption"u8, "w:val"u8, description);
        xml.End("w:tblPr"u8);
        xml.Start("w:tblGrid"u8);
        foreach (var w in t.ColumnWidthsTwips) xml.Value("w:gridCol"u8, "w:w"u8, w);
        xml.End("w:tblGrid"u8);
        foreach (var row in t.Rows)
        {
            xml.Start("w:tr"u8);
            xml.Start("w:trPr"u8);
            xml.Empty("w:cantSplit"u8);
            if (row.IsHeader) xml.Empty("w:tblHeader"u8);
            xml.End("w:trPr"u8);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                xml.Start("w:tc"u8);
                xml.Start("w:tcPr"u8);
                xml.Start("w:tcW"u8).Attr("w:w"u8, t.ColumnWidthsTwips[i]).Attr("w:type"u8, "dxa"u8).End("w:tcW"u8);
                if (cell.Fill is { } fill) xml.Start("w:shd"u8).Attr("w:val"u8, "clear"u8).Attr("w:color"u8, "auto"u8).Attr("w:fill"u8, fill).End("w:shd"u8);
                if (cell.NoWrap) xml.Empty("w:noWrap"u8);
                xml.End("w:tcPr"u8);
                foreach (var p in cell.Paragraphs) Paragraph(p, runs, styles);
                xml.End("w:tc"u8);
            }

            xml.End("w:tr"u8);
        }

        xml.End("w:tbl"u8);
    }

    private static PageFurniture Furniture(PageFurniture furniture, bool noFooter, int? footerIndex) =>
        noFooter ? furniture with { FooterId = null }
        : footerIndex is { } index ? furniture with { FooterId = furniture.SectionFooterIds[index] }
        : furniture;

    private static void SectionProperties(XmlOut xml, PageGeometry page, PageFurniture furniture, bool landscape, int? startPage, bool lettered)
    {
        xml.Start("w:sectPr"u8);
        if (furniture.HeaderId is { } header) xml.Start("w:headerReference"u8).Attr("w:type"u8, "default"u8).Attr("r:id"u8, header).End("w:headerReference"u8);
        if (furniture.FooterId is { } footer) xml.Start("w:footerReference"u8).Attr("w:type"u8, "default"u8).Attr("r:id"u8, footer).End("w:footerReference"u8);
        xml.Start("w:pgSz"u8);
        if (landscape) xml.Attr("w:w"u8, page.Height).Attr("w:h"u8, page.Width).Attr("w:orient"u8, "landscape"u8);
        else xml.Attr("w:w"u8, page.Width).Attr("w:h"u8, page.Height);
        xml.End("w:pgSz"u8);
        xml.Start("w:pgMar"u8).Attr("w:top"u8, page.Top).Attr("w:right"u8, page.Right).Attr("w:bottom"u8, page.Bottom).Attr("w:left"u8, page.Left)
            .Attr("w:header"u8, 709).Attr("w:footer"u8, 709).Attr("w:gutter"u8, 0).End("w:pgMar"u8);
        if (lettered)
        {
            // Pages added after a republished paper's last: "14a", "14b" (the footer prints "14", the page number the letter).
            xml.Start("w:pgNumType"u8).Attr("w:fmt"u8, "lowerLetter"u8);
            if (startPage is { } first) xml.Attr("w:start"u8, first);
            xml.End("w:pgNumType"u8);
        }
        else if (startPage is { } start)
        {
            xml.Value("w:pgNumType"u8, "w:start"u8, start);
        }

        xml.End("w:sectPr"u8);
    }
}

/// <summary>The relationship ids of the header and footer every section uses, and of the footers some sections have of their own.</summary>
internal sealed record PageFurniture(string? HeaderId, string? FooterId)
{
    /// <summary>The relationship ids of <see cref="LaidOutPaper.SectionFooters"/>, in order.</summary>
    public IReadOnlyList<string> SectionFooterIds { get; init; } = [];
}

/// <summary>The XML namespaces the parts use.</summary>
internal static class Namespaces
{
    public static ReadOnlySpan<byte> W => "http://schemas.openxmlformats.org/wordprocessingml/2006/main"u8;

    public static ReadOnlySpan<byte> R => "http://schemas.openxmlformats.org/officeDocument/2006/relationships"u8;

    public static ReadOnlySpan<byte> WordDrawing => "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"u8;

    public static ReadOnlySpan<byte> Drawing => "http://schemas.openxmlformats.org/drawingml/2006/main"u8;

    public static ReadOnlySpan<byte> Picture => "http://schemas.openxmlformats.org/drawingml/2006/picture"u8;
}
