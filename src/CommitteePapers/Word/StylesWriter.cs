using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml.Wordprocessing;

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
    public static DocumentFormat.OpenXml.Wordprocessing.Styles Write(HouseStyle house, string language)
    {
        var indentStep = (int)Math.Round(house.IndentMm * 1440 / 25.4);
        var styles = new DocumentFormat.OpenXml.Wordprocessing.Styles();
        styles.Append(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = house.Font, HighAnsi = house.Font, ComplexScript = house.Font, EastAsia = house.Font },
                FontSize = new FontSize { Val = HalfPoints(house.BodySize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(house.BodySize) },
                Languages = new Languages { Val = language, EastAsia = "zh-CN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = Twips(house.SpaceAfter), Line = "240", LineRule = LineSpacingRuleValues.Auto },
            })));

        styles.Append(Paragraph("Normal", "Normal", null, isDefault: true));
        styles.Append(Paragraph("Title", "Title", "Normal", bold: true, size: house.HeadingSizes[0], keepNext: true, outline: 0, colour: house.HeadingColour));
        styles.Append(Paragraph("Subtitle", "Subtitle", "Normal", bold: true, size: house.BodySize, keepNext: true, colour: house.HeadingColour));
        styles.Append(Paragraph("FrontMatter", "Front Matter", "Normal", keepNext: true));
        styles.Append(Paragraph("CouncilName", "Council Name", "Normal", bold: true, size: house.HeadingSizes[0], keepNext: true, colour: house.HeadingColour));
        for (var level = 1; level <= 4; level++)
        {
            var size = house.HeadingSizes[Math.Min(level, house.HeadingSizes.Count - 1)];
            styles.Append(Paragraph($"Heading{level}", $"heading {level}", "Normal", bold: level < 4, italic: level >= 3,
                size: size, keepNext: true, outline: level - 1, colour: house.HeadingColour));
        }

        styles.Append(Paragraph("NumberedParagraph", "Numbered Paragraph", "Normal", indent: (indentStep, indentStep)));
        styles.Append(Paragraph("BodyText", "Body Text", "Normal", indent: (indentStep, 0)));
        styles.Append(Paragraph("ListParagraph", "List Paragraph", "Normal", indent: (2 * indentStep, indentStep), spaceAfter: 6));
        styles.Append(Paragraph("Label", "Label", "Normal", keepNext: true));
        styles.Append(Paragraph("TableText", "Table Text", "Normal", spaceAfter: 0));
        styles.Append(Paragraph("TableHeading", "Table Heading", "TableText", bold: true, spaceAfter: 0, keepNext: true));
        styles.Append(Paragraph("Caption", "caption", "Normal", bold: true, size: house.BodySize - 1, keepNext: false, spaceAfter: 6));
        styles.Append(Paragraph("FootnoteText", "footnote text", "Normal", size: house.BodySize - 2, spaceAfter: 0));
        styles.Append(Paragraph("Header", "header", "Normal", spaceAfter: 0));
        styles.Append(Paragraph("Footer", "footer", "Normal", spaceAfter: 0));
        styles.Append(new Style(
            new StyleName { Val = "footnote reference" },
            new UIPriority { Val = 99 },
            new StyleRunProperties { VerticalTextAlignment = new VerticalTextAlignment { Val = VerticalPositionValues.Superscript } })
        { Type = StyleValues.Character, StyleId = "FootnoteReference" });
        styles.Append(new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new StyleRunProperties { Color = new Color { Val = "0563C1" }, Underline = new Underline { Val = UnderlineValues.Single } })
        { Type = StyleValues.Character, StyleId = "Hyperlink" });
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn, bool isDefault = false, bool bold = false, bool italic = false,
        double? size = null, bool keepNext = false, int? outline = null, (int Left, int Hanging)? indent = null, double? spaceAfter = null, string? colour = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.StyleName = new StyleName { Val = name };
        if (basedOn is not null) style.BasedOn = new BasedOn { Val = basedOn };
        style.PrimaryStyle = new PrimaryStyle();
        var ppr = new StyleParagraphProperties();
        if (keepNext) ppr.KeepNext = new KeepNext();
        if (spaceAfter is { } after) ppr.SpacingBetweenLines = new SpacingBetweenLines { After = Twips(after) };
        if (outline is { } level)
        {
            ppr.SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "120" };
            ppr.OutlineLevel = new OutlineLevel { Val = level };
        }

        if (indent is { } ind)
        {
            ppr.Indentation = new Indentation { Left = ind.Left.ToString(CultureInfo.InvariantCulture), Hanging = ind.Hanging.ToString(CultureInfo.InvariantCulture) };
        }

        if (ppr.HasChildren) style.StyleParagraphProperties = ppr;
        var rpr = new StyleRunProperties();
        if (bold) rpr.Bold = new Bold();
        if (italic) rpr.Italic = new Italic();
        if (colour is not null && colour != "000000") rpr.Color = new Color { Val = colour };
        if (size is { } s) rpr.FontSize = new FontSize { Val = HalfPoints(s) };
        if (rpr.HasChildren) style.StyleRunProperties = rpr;
        return style;
    }

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    public static string Twips(double points) => ((int)Math.Round(points * 20)).ToString(CultureInfo.InvariantCulture);
}
