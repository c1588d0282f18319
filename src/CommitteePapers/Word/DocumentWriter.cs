using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>Writes document.xml: the body, from laid-out blocks. It decides no numbers: layout did.</summary>
internal static class DocumentWriter
{
    public static Document Write(LaidOutPaper paper, HouseStyle house, RunWriter runs, StyleMap styles, PageFurniture furniture)
    {
        var body = new Body();
        for (var i = 0; i < paper.Body.Count; i++)
        {
            switch (paper.Body[i])
            {
                case LParagraph p:
                    var paragraph = Paragraph(p, runs, styles);
                    if (i > 0 && paper.Body[i - 1] is LTable)
                    {
                        // Space between a table and the text after it, as the councils' papers have.
                        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = StylesWriter.Twips(house.SpaceAfter) };
                    }

                    body.Append(paragraph);
                    break;
                case LSectionBreak br:
                    body.Append(new Paragraph(new ParagraphProperties { SectionProperties = SectionProperties(paper.Page, br.NoFooter ? furniture with { FooterId = null } : furniture, br.Landscape, br.StartPageNumber) }));
                    break;
                case LPageBreak:
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    break;
                case LTable t:
                    body.Append(Table(t, runs, styles));
                    // Two tables in a row would merge in Word, and a body should not end with a table.
                    if (i + 1 == paper.Body.Count || paper.Body[i + 1] is LTable) body.Append(new Paragraph());
                    break;
            }
        }

        body.Append(SectionProperties(paper.Page, furniture, paper.EndsLandscape, paper.LastSectionStartPage));
        return new Document(body);
    }

    public static Paragraph Paragraph(LParagraph p, RunWriter runs, StyleMap styles)
    {
        var ppr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = styles.IdOf(p.Style) } };
        if (p.Align != Align.Left)
        {
            ppr.Justification = new Justification { Val = p.Align == Align.Right ? JustificationValues.Right : JustificationValues.Center };
        }

        if (p.KeepWithNext && p.Style is not (ParaStyle.Heading1 or ParaStyle.Heading2 or ParaStyle.Heading3 or ParaStyle.Heading4))
        {
            ppr.KeepNext = new KeepNext();
        }

        if (p.List is { } list)
        {
            ppr.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = list.Level },
                new NumberingId { Val = list.NumId });
        }

        if (p.Indent is { } indent)
        {
            ppr.Indentation = new Indentation
            {
                Left = indent.Left.ToString(CultureInfo.InvariantCulture),
                Hanging = indent.Hanging.ToString(CultureInfo.InvariantCulture),
            };
        }

        if (p.RightToLeft) ppr.BiDi = new BiDi();
        if (p.Hidden)
        {
            // A line only bookmarks and screen readers see takes (almost) no room on the page.
            ppr.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact };
        }

        var paragraph = new Paragraph(ppr);
        var content = runs.Write(p.Content).ToList();
        if (p.Language is { } language)
        {
            // Each run carries its language: east-Asian and complex scripts in their own attributes, so Word,
            // screen readers and the PDF pick the right fonts and voices.
            var primary = language.Split('-')[0];
            foreach (var run in content.SelectMany(e => e is Run r ? [r] : e.Descendants<Run>()))
            {
                run.RunProperties ??= new RunProperties();
                run.RunProperties.Languages = primary switch
                {
                    "zh" or "ja" or "ko" => new Languages { Val = "en-GB", EastAsia = language },
                    "ur" or "ar" or "fa" or "he" or "bn" or "hi" or "pa" or "gu" => new Languages { Val = "en-GB", Bidi = language },
                    _ => new Languages { Val = language },
                };
                if (p.RightToLeft) run.RunProperties.RightToLeftText = new RightToLeftText();
                if (primary is "bn" or "hi" or "pa" or "gu" or "ur" or "ar") run.RunProperties.ComplexScript = new ComplexScript();
            }
        }

        if (p.Bold || p.Size is not null || p.Hidden)
        {
            foreach (var run in content.SelectMany(e => e is Run r ? [r] : e.Descendants<Run>()))
            {
                run.RunProperties ??= new RunProperties();
                if (p.Bold) run.RunProperties.Bold = new Bold();
                if (p.Hidden) run.RunProperties.Color = new Color { Val = "FFFFFF" };
                if (p.Size is { } size)
                {
                    run.RunProperties.FontSize = new FontSize { Val = StylesWriter.HalfPoints(size) };
                    run.RunProperties.FontSizeComplexScript = new FontSizeComplexScript { Val = StylesWriter.HalfPoints(size) };
                }
            }
        }

        if (p.Bookmark is { } name)
        {
            var (start, end) = runs.Bookmark(name);
            paragraph.Append(start);
            paragraph.Append(content);
            paragraph.Append(end);
        }
        else
        {
            paragraph.Append(content);
        }

        return paragraph;
    }

    private static Table Table(LTable t, RunWriter runs, StyleMap styles)
    {
        var total = t.ColumnWidthsTwips.Sum();
        var tblPr = new TableProperties
        {
            TableWidth = new TableWidth { Width = total.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableLayout = new DocumentFormat.OpenXml.Wordprocessing.TableLayout { Type = TableLayoutValues.Fixed },
            TableLook = new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
        };
        if (t.Borders) tblPr.TableStyle = new TableStyle { Val = "TableGrid" };
        if (t.Description is { } description)
        {
            tblPr.TableCaption = new TableCaption { Val = description };
        }

        var table = new Table(tblPr);
        table.Append(new TableGrid(t.ColumnWidthsTwips.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        foreach (var row in t.Rows)
        {
            var tr = new TableRow();
            var trPr = new TableRowProperties(new CantSplit());
            if (row.IsHeader) trPr.Append(new TableHeader());
            tr.Append(trPr);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var tcPr = new TableCellProperties
                {
                    TableCellWidth = new TableCellWidth { Width = t.ColumnWidthsTwips[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                };
                if (row.Cells[i].Fill is { } fill) tcPr.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill };
                if (row.Cells[i].NoWrap) tcPr.NoWrap = new NoWrap();
                var cell = new TableCell(tcPr);
                foreach (var p in row.Cells[i].Paragraphs) cell.Append(Paragraph(p, runs, styles));
                tr.Append(cell);
            }

            table.Append(tr);
        }

        return table;
    }

    private static SectionProperties SectionProperties(PageGeometry page, PageFurniture furniture, bool landscape, int? startPage)
    {
        var section = new SectionProperties();
        if (furniture.HeaderId is { } header) section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = header });
        if (furniture.FooterId is { } footer) section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footer });
        section.Append(landscape
            ? new PageSize { Width = (uint)page.Height, Height = (uint)page.Width, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (uint)page.Width, Height = (uint)page.Height });
        section.Append(new PageMargin
        {
            Top = page.Top,
            Right = (uint)page.Right,
            Bottom = page.Bottom,
            Left = (uint)page.Left,
            Header = 709,
            Footer = 709,
            Gutter = 0,
        });
        if (startPage is { } start) section.Append(new PageNumberType { Start = start });
        return section;
    }
}

/// <summary>The relationship ids of the header and footer every section uses.</summary>
internal sealed record PageFurniture(string? HeaderId, string? FooterId);
