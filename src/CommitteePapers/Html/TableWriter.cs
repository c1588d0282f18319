using CommitteePapers.Layout;

namespace CommitteePapers.Html;

/// <summary>
/// Writes a table as a data table: its caption inside it, the header row's cells as column headers (with the unit
/// layout decided they show), a label column's cells as row headers, figures right-aligned and unwrapped, and RAG
/// ratings as their word on the colour layout gave them. A wide table scrolls inside a region a keyboard can reach.
/// </summary>
internal sealed class TableWriter(Markup html, InlineWriter inlines)
{
    private int count;

    public void Write(LTable table, LParagraph? caption, bool captionBelow)
    {
        count++;
        var captionId = caption is null ? null : $"caption-{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var named = captionId is not null || table.Description is not null;
        html.Open("div",
            new("class", "table-wrap"),
            new("role", named ? "region" : null),
            new("aria-labelledby", captionId),
            new("aria-label", captionId is null ? table.Description : null),
            new("tabindex", "0")).Line();
        html.Open("table", ("class", table.Borders ? "grid" : "plain")).Line();
        if (caption is not null)
        {
            html.Open("caption", ("id", captionId), ("class", captionBelow ? "below" : null));
            inlines.Write(caption.Content);
            html.Close("caption").Line();
        }

        // The columns share the width as layout shared the page's: a figure column as wide as its widest figure.
        var total = Math.Max(1, table.ColumnWidthsTwips.Sum());
        html.Open("colgroup");
        foreach (var width in table.ColumnWidthsTwips)
        {
            html.Open("col", ("style", $"width:{(100.0 * width / total).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%"));
        }

        html.Close("colgroup").Line();

        var headerRows = table.Rows.TakeWhile(r => r.IsHeader).ToList();
        if (headerRows.Count > 0)
        {
            html.Open("thead").Line();
            foreach (var row in headerRows) Row(row, table, header: true);
            html.Close("thead").Line();
        }

        html.Open("tbody").Line();
        foreach (var row in table.Rows.Skip(headerRows.Count)) Row(row, table, header: false);
        html.Close("tbody").Line();
        html.Close("table").Line();
        html.Close("div").Line();
    }

    private void Row(LRow row, LTable table, bool header)
    {
        html.Open("tr");
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var empty = cell.Paragraphs.All(p => p.Content.Count == 0) && cell.Unit is null;
            // An empty corner cell heads nothing, so it is an ordinary cell.
            var (tag, scope) = header && !empty ? ("th", "col") : !header && i == 0 && table.RowHeaders && !empty ? ("th", "row") : ("td", null);
            var first = cell.Paragraphs.Count > 0 ? cell.Paragraphs[0] : null;
            var classes = new List<string>();
            if (first?.Align == Align.Right) classes.Add("right");
            if (first?.Align == Align.Centre) classes.Add("centre");
            if (cell.NoWrap) classes.Add("nowrap");
            if (first?.Bold == true) classes.Add("bold");
            html.Open(tag,
                new("scope", scope),
                new("class", classes.Count == 0 ? null : string.Join(' ', classes)),
                new("style", cell.Fill is { } fill ? $"background-color:#{fill}" : null));
            if (cell.Paragraphs.Count == 1)
            {
                Content(cell.Paragraphs[0]);
            }
            else
            {
                foreach (var p in cell.Paragraphs)
                {
                    html.Open("p");
                    Content(p);
                    html.Close("p");
                }
            }

            if (cell.Unit is { } unit)
            {
                html.Text(" ").Element("span", unit, ("class", "unit"));
            }

            html.Close(tag);
        }

        html.Close("tr").Line();
    }

    private void Content(LParagraph p)
    {
        if (p.Language is not null || p.RightToLeft)
        {
            html.Open("span", ("lang", p.Language), ("dir", p.RightToLeft ? "rtl" : null));
            inlines.Write(p.Content);
            html.Close("span");
            return;
        }

        inlines.Write(p.Content);
    }
}
