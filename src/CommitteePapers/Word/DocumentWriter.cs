using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>Writes document.xml: the body, from laid-out blocks. It decides no numbers: layout did.</summary>
internal static class DocumentWriter
{
    public static Document Write(LaidOutPaper paper, HouseStyle house, RunWriter runs, string footerRelationshipId)
    {
        var body = new Body();
        for (var i = 0; i < paper.Body.Count; i++)
        {
            switch (paper.Body[i])
            {
                case LParagraph p:
                    body.Append(Paragraph(p, runs));
                    break;
                case LTable t:
                    body.Append(Table(t, runs));
                    // Two tables in a row would merge in Word, and a body should not end with a table.
                    if (i + 1 == paper.Body.Count || paper.Body[i + 1] is LTable) body.Append(new Paragraph());
                    break;
            }
        }

        body.Append(SectionProperties(house, footerRelationshipId));
        return new Document(body);
    }

    public static Paragraph Paragraph(LParagraph p, RunWriter runs)
    {
        var ppr = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = StylesWriter.IdOf(p.Style) } };
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

        if (p.Style is ParaStyle.ListItem or ParaStyle.Continuation && p.Depth > 0)
        {
            var left = StylesWriter.IndentStep * (p.Depth + 1);
            ppr.Indentation = new Indentation
            {
                Left = left.ToString(CultureInfo.InvariantCulture),
                Hanging = (p.Style == ParaStyle.ListItem ? StylesWriter.IndentStep : 0).ToString(CultureInfo.InvariantCulture),
            };
        }

        var paragraph = new Paragraph(ppr);
        var content = runs.Write(p.Content).ToList();
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

    private static Table Table(LTable t, RunWriter runs)
    {
        var total = t.ColumnWidthsTwips.Sum();
        var tblPr = new TableProperties
        {
            TableWidth = new TableWidth { Width = total.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
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
                var cell = new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = t.ColumnWidthsTwips[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                foreach (var p in row.Cells[i].Paragraphs) cell.Append(Paragraph(p, runs));
                tr.Append(cell);
            }

            table.Append(tr);
        }

        return table;
    }

    private static SectionProperties SectionProperties(HouseStyle house, string footerRelationshipId)
    {
        static UInt32Value Mm(double mm) => (uint)Math.Round(mm * 1440 / 25.4);
        var (top, right, bottom, left) = house.MarginsMm;
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerRelationshipId },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin
            {
                Top = (int)Mm(top).Value, Right = Mm(right), Bottom = (int)Mm(bottom).Value, Left = Mm(left),
                Header = 709, Footer = 709, Gutter = 0,
            });
    }
}
