using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Word;

/// <summary>Writes the page header (text and logo with alt text) and the footer layout decided.</summary>
internal static class HeaderFooterWriter
{
    /// <summary>The relationship id of the logo, in the header's own relationships.</summary>
    public const string LogoId = "rIdLogo";

    /// <summary>Whether there is a footer to write: layout decided one (a PAGE field, "Page x of y").</summary>
    public static bool HasFooter(IReadOnlyList<LInline> content) => content.Count > 0;

    /// <summary>Whether there is a header to write: text or a logo.</summary>
    public static bool HasHeader(HouseStyle house, string? headerText) => headerText is not null || house.Logo is not null;

    public static void Footer(IReadOnlyList<LInline> content, RunWriter runs)
    {
        var xml = runs.Xml;
        xml.Start("w:ftr"u8).Attr("xmlns:w"u8, Namespaces.W).Attr("xmlns:r"u8, Namespaces.R);
        xml.Start("w:p"u8);
        xml.Start("w:pPr"u8);
        xml.Value("w:pStyle"u8, "w:val"u8, "Footer"u8);
        xml.Value("w:jc"u8, "w:val"u8, "center"u8);
        xml.End("w:pPr"u8);
        runs.Write(content, RunLook.Plain);
        xml.End("w:p"u8);
        xml.End("w:ftr"u8);
    }

    public static void Header(HouseStyle house, string? headerText, RunWriter runs)
    {
        var xml = runs.Xml;
        xml.Start("w:hdr"u8).Attr("xmlns:w"u8, Namespaces.W).Attr("xmlns:r"u8, Namespaces.R);
        xml.Start("w:p"u8);
        xml.Start("w:pPr"u8);
        xml.Value("w:pStyle"u8, "w:val"u8, "Header"u8);
        xml.Value("w:jc"u8, "w:val"u8, "right"u8);
        xml.End("w:pPr"u8);
        if (house.Logo is { } logo)
        {
            xml.Start("w:r"u8);
            Logo(xml, logo);
            xml.End("w:r"u8);
        }

        if (headerText is { } text)
        {
            if (house.Logo is not null)
            {
                xml.Start("w:r"u8);
                xml.Empty("w:br"u8);
                xml.End("w:r"u8);
            }

            runs.Text(text, RunLook.Plain);
        }

        xml.End("w:p"u8);
        xml.End("w:hdr"u8);
    }

    private static void Logo(XmlOut xml, Logo logo)
    {
        const long EmuPerMm = 36000;
        var cx = (long)(logo.WidthMm * EmuPerMm);
        var cy = (long)(logo.HeightMm * EmuPerMm);
        xml.Start("w:drawing"u8);
        xml.Start("wp:inline"u8).Attr("xmlns:wp"u8, Namespaces.WordDrawing)
            .Attr("distT"u8, 0).Attr("distB"u8, 0).Attr("distL"u8, 0).Attr("distR"u8, 0);
        xml.Start("wp:extent"u8).Attr("cx"u8, cx).Attr("cy"u8, cy).End("wp:extent"u8);
        xml.Start("wp:effectExtent"u8).Attr("l"u8, 0).Attr("t"u8, 0).Attr("r"u8, 0).Attr("b"u8, 0).End("wp:effectExtent"u8);
        // Drawing ids must be unique in the document: the logo is the only drawing we write, id 1.
        xml.Start("wp:docPr"u8).Attr("id"u8, 1).Attr("name"u8, "Logo"u8).Attr("descr"u8, logo.AltText).End("wp:docPr"u8);
        xml.Start("wp:cNvGraphicFramePr"u8);
        xml.Start("a:graphicFrameLocks"u8).Attr("xmlns:a"u8, Namespaces.Drawing).Attr("noChangeAspect"u8, "1"u8).End("a:graphicFrameLocks"u8);
        xml.End("wp:cNvGraphicFramePr"u8);
        xml.Start("a:graphic"u8).Attr("xmlns:a"u8, Namespaces.Drawing);
        xml.Start("a:graphicData"u8).Attr("uri"u8, Namespaces.Picture);
        xml.Start("pic:pic"u8).Attr("xmlns:pic"u8, Namespaces.Picture);
        xml.Start("pic:nvPicPr"u8);
        xml.Start("pic:cNvPr"u8).Attr("id"u8, 0).Attr("name"u8, "logo"u8).Attr("descr"u8, logo.AltText).End("pic:cNvPr"u8);
        xml.Empty("pic:cNvPicPr"u8);
        xml.End("pic:nvPicPr"u8);
        xml.Start("pic:blipFill"u8);
        xml.Start("a:blip"u8).Attr("r:embed"u8, LogoId).End("a:blip"u8);
        xml.Start("a:stretch"u8);
        xml.Empty("a:fillRect"u8);
        xml.End("a:stretch"u8);
        xml.End("pic:blipFill"u8);
        xml.Start("pic:spPr"u8);
        xml.Start("a:xfrm"u8);
        xml.Start("a:off"u8).Attr("x"u8, 0).Attr("y"u8, 0).End("a:off"u8);
        xml.Start("a:ext"u8).Attr("cx"u8, cx).Attr("cy"u8, cy).End("a:ext"u8);
        xml.End("a:xfrm"u8);
        xml.Start("a:prstGeom"u8).Attr("prst"u8, "rect"u8);
        xml.Empty("a:avLst"u8);
        xml.End("a:prstGeom"u8);
        xml.End("pic:spPr"u8);
        xml.End("pic:pic"u8);
        xml.End("a:graphicData"u8);
        xml.End("a:graphic"u8);
        xml.End("wp:inline"u8);
        xml.End("w:drawing"u8);
    }
}
