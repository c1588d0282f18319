using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace CommitteePapers.Word;

/// <summary>Writes the page header (text and logo with alt text) and the footer layout decided.</summary>
internal static class HeaderFooterWriter
{
    /// <summary>The footer layout decided (a PAGE field, "Page x of y"), or none when it is empty.</summary>
    public static Footer? Footer(IReadOnlyList<LInline> content, RunWriter runs)
    {
        if (content.Count == 0) return null;
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Footer" },
            Justification = new Justification { Val = JustificationValues.Center },
        });
        paragraph.Append(runs.Write(content));
        return new Footer(paragraph);
    }

    public static Header? Header(HouseStyle house, string? headerText, HeaderPart part)
    {
        if (headerText is null && house.Logo is null) return null;
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Header" },
            Justification = new Justification { Val = JustificationValues.Right },
        });
        if (house.Logo is { } logo)
        {
            var image = part.AddImagePart(logo.Format == "png" ? ImagePartType.Png : ImagePartType.Jpeg, "rIdLogo");
            using (var stream = new MemoryStream(logo.Image.ToArray(), writable: false)) image.FeedData(stream);
            paragraph.Append(new Run(Logo(logo, "rIdLogo")));
        }

        if (headerText is { } text)
        {
            if (house.Logo is not null) paragraph.Append(new Run(new Break()));
            paragraph.Append(RunWriter.TextRunOf(text));
        }

        return new Header(paragraph);
    }

    private static Drawing Logo(Logo logo, string relationshipId)
    {
        const long EmuPerMm = 36000;
        var cx = (long)(logo.WidthMm * EmuPerMm);
        var cy = (long)(logo.HeightMm * EmuPerMm);
        // Drawing ids must be unique in the document: the logo is the only drawing we write, id 1.
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = "Logo", Description = logo.AltText },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = "logo", Description = logo.AltText },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });
    }
}
