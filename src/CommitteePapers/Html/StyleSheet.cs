using System.Globalization;
using System.Text;
using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Html;

/// <summary>
/// The page's style sheet: the house style's font, sizes, spacing and heading colour for the screen, and for print
/// its page size and margins, landscape pages where layout turned them, header rows repeated and headings kept with
/// what follows. Printed numbers hang as they do in the Word document.
/// </summary>
internal static class StyleSheet
{
    public static string For(HouseStyle house, PageGeometry page)
    {
        static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        static string Mm(int twips) => (twips * 25.4 / 1440).ToString("0.#", CultureInfo.InvariantCulture) + "mm";
        var heading = "#" + house.HeadingColour;
        var css = new StringBuilder();
        css.Append($$"""
            html { font-family: {{FontFamily(house.Font)}}; font-size: {{N(house.BodySize)}}pt; line-height: 1.45; color: #0b0c0c; background: #fff; }
            body { margin: 0 auto; max-width: 46em; padding: 1em 1em 3em; overflow-wrap: break-word; }
            h1, h2, h3, h4, h5, h6 { color: {{heading}}; line-height: 1.25; margin: 1.2em 0 0.5em; }
            p, .table-wrap { margin: 0 0 {{N(house.SpaceAfter)}}pt; }
            a { color: #0b57a4; }
            a:focus, .table-wrap:focus { outline: 3px solid #fd0; outline-offset: 0; background: #fd0; color: #0b0c0c; }
            .council { font-weight: bold; font-size: {{N(house.HeadingSizes[0])}}pt; color: {{heading}}; }
            .subtitle { font-weight: bold; color: {{heading}}; }
            :root { --hang: 3em; --step: 3em; }
            .num { float: left; min-width: var(--hang); margin-left: calc(-1 * var(--hang)); }
            :is(p, h1, h2, h3, h4, h5, h6, li):has(> .num), .continuation { padding-left: var(--hang); }
            .items { list-style: none; margin: 0 0 {{N(house.SpaceAfter)}}pt; padding: 0; }
            .items li { margin: 0 0 0.3em; }
            .items .items { margin: 0.3em 0 0; }
            .depth-1 { margin-left: var(--step); } .depth-2 { margin-left: calc(2 * var(--step)); } .depth-3 { margin-left: calc(3 * var(--step)); }
            @media (max-width: 30em) { :root { --hang: 2.2em; --step: 1.2em; } }
            .centre { text-align: center; } .right { text-align: right; } .nowrap { white-space: nowrap; } .bold { font-weight: bold; }
            .table-wrap { overflow-x: auto; }
            .landscape { width: min(calc(100vw - 2em), 76em); margin-left: calc(50% - min(50vw - 1em, 38em)); }
            table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
            caption { text-align: left; font-weight: bold; padding: 0 0 0.4em; }
            caption.below { caption-side: bottom; padding: 0.4em 0 0; }
            th, td { padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
            th.right, td.right { text-align: right; }
            .grid th, .grid td { border: 1px solid #505a5f; }
            .grid thead th, .grid thead td { background: #f3f2f1; }
            td p, th p { margin: 0; }
            .unit { font-weight: normal; white-space: nowrap; }
            .note-ref { line-height: 0; }
            .note-back { display: inline-block; min-width: 24px; min-height: 24px; text-align: center; text-decoration: none; }
            .notes { border-top: 1px solid #b1b4b6; margin-top: 2em; font-size: 0.9em; }
            .page-header { margin-bottom: 1em; }
            .page-header img { max-width: 100%; height: auto; }
            @media print {
              @page { size: {{Mm(page.Width)}} {{Mm(page.Height)}}; margin: {{Mm(page.Top)}} {{Mm(page.Right)}} {{Mm(page.Bottom)}} {{Mm(page.Left)}}; }
              @page landscape { size: {{Mm(page.Height)}} {{Mm(page.Width)}}; }
              .landscape { page: landscape; }
              body { max-width: none; padding: 0; }
              .landscape { width: auto; margin-left: 0; }
              a { color: inherit; text-decoration: none; }
              .table-wrap { overflow: visible; }
              thead { display: table-header-group; }
              tr, li { break-inside: avoid; }
              h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
              .note-back { display: none; }
            }

            """);
        for (var level = 1; level <= 6; level++)
        {
            var size = house.HeadingSizes[Math.Min(level - 1, house.HeadingSizes.Count - 1)];
            css.Append(CultureInfo.InvariantCulture, $"h{level} {{ font-size: {N(size)}pt; }}\n");
        }

        return css.ToString();
    }

    /// <summary>The house font first, then fonts with the same measures that a machine without it may have.</summary>
    private static string FontFamily(string font)
    {
        // A font's name is the style's data: only what a font name is made of reaches the style sheet.
        var quoted = "\"" + new string(font.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()) + "\"";
        return font.Equals("Arial", StringComparison.OrdinalIgnoreCase)
            ? $"{quoted}, \"Liberation Sans\", Helvetica, sans-serif"
            : $"{quoted}, Arial, \"Liberation Sans\", sans-serif";
    }
}
