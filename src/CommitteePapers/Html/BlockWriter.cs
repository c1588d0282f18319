using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Html;

/// <summary>
/// Writes the body: headings at the level layout gave them, paragraphs with the number layout counted printed as
/// text (a reader can cite and copy it), runs of list items as nested lists, tables with their captions, and the
/// sections layout turned to landscape marked for print. It decides no numbers: layout did.
/// </summary>
internal sealed class BlockWriter(Markup html, LaidOutPaper paper)
{
    private readonly InlineWriter inlines = new(html, paper.Footnotes);
    private readonly TableWriter tables = new(html, new InlineWriter(html, paper.Footnotes));

    public void Write()
    {
        var body = paper.Body;
        var landscape = LandscapeBlocks(body);
        var captions = CaptionsOfTables(body);
        var inLandscape = false;
        for (var i = 0; i < body.Count; i++)
        {
            if (landscape[i] != inLandscape && body[i] is not LSectionBreak)
            {
                if (inLandscape) html.Close("div").Line();
                else html.Open("div", ("class", "landscape")).Line();
                inLandscape = landscape[i];
            }

            switch (body[i])
            {
                case LTable table:
                    var caption = table.Caption switch
                    {
                        CaptionPlace.Above when i > 0 && captions.Contains(i - 1) => (LParagraph)body[i - 1],
                        CaptionPlace.Below when captions.Contains(i + 1) => (LParagraph)body[i + 1],
                        _ => null,
                    };
                    tables.Write(table, caption, table.Caption == CaptionPlace.Below);
                    break;
                case LParagraph p when captions.Contains(i) || p.Hidden:
                    break;
                case LParagraph { Style: ParaStyle.ListItem, List: not null }:
                    var end = i;
                    while (end + 1 < body.Count && body[end + 1] is LParagraph { Style: ParaStyle.ListItem, List: not null, Hidden: false }) end++;
                    List(body.Skip(i).Take(end - i + 1).Cast<LParagraph>().ToList());
                    i = end;
                    break;
                case LParagraph p:
                    Paragraph(p);
                    break;
            }
        }

        if (inLandscape) html.Close("div").Line();
    }

    /// <summary>Which blocks stand on landscape pages: those before a section break that ends a landscape section.</summary>
    private bool[] LandscapeBlocks(IReadOnlyList<LBlock> body)
    {
        var result = new bool[body.Count];
        var current = paper.EndsLandscape;
        for (var i = body.Count - 1; i >= 0; i--)
        {
            if (body[i] is LSectionBreak br) current = br.Landscape;
            result[i] = current;
        }

        return result;
    }

    /// <summary>The caption paragraphs that layout placed beside their tables; the web page puts them inside.</summary>
    private static HashSet<int> CaptionsOfTables(IReadOnlyList<LBlock> body)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i] is not LTable table) continue;
            var at = table.Caption switch { CaptionPlace.Above => i - 1, CaptionPlace.Below => i + 1, _ => -1 };
            if (at >= 0 && at < body.Count && body[at] is LParagraph { Style: ParaStyle.Caption }) result.Add(at);
        }

        return result;
    }

    private void Paragraph(LParagraph p)
    {
        if (p.Content.Count == 0 && p.Label is null) return;
        var tag = p.HeadingLevel is { } level ? "h" + level.ToString(CultureInfo.InvariantCulture) : "p";
        html.Open(tag, ("id", p.Anchor), ("class", Classes(p)), ("lang", p.Language), ("dir", p.RightToLeft ? "rtl" : null));
        Number(p);
        inlines.Write(p.Content);
        html.Close(tag).Line();
    }

    private static string? Classes(LParagraph p)
    {
        var classes = new List<string>();
        var kind = p.Style switch
        {
            ParaStyle.NumberedParagraph => "numbered",
            ParaStyle.Continuation => "continuation",
            ParaStyle.FrontMatter => "front",
            ParaStyle.Council => "council",
            ParaStyle.Subtitle => "subtitle",
            ParaStyle.Label => "label",
            ParaStyle.Caption => "caption",
            _ => null,
        };
        if (kind is not null && p.HeadingLevel is null) classes.Add(kind);
        if (p.Align == Align.Centre) classes.Add("centre");
        if (p.Align == Align.Right) classes.Add("right");
        if (p.Bold) classes.Add("bold");
        return classes.Count == 0 ? null : string.Join(' ', classes);
    }

    /// <summary>The printed number, as text: the same label Word shows, so a reader can cite it.</summary>
    private void Number(LParagraph p)
    {
        if (p.Label is not { } label || p.List is null) return;
        if (IsBullet(p.List))
        {
            // The list says it is a list; the bullet is only for the eye.
            html.Open("span", ("class", "num"), ("aria-hidden", "true")).Text(label).Close("span").Text(" ");
            return;
        }

        html.Element("span", label, ("class", "num")).Text(" ");
    }

    private bool IsBullet(ListRef list)
    {
        var instance = paper.Instances.First(i => i.NumId == list.NumId);
        var definition = paper.Lists.First(d => d.Id == instance.DefinitionId);
        return definition.Levels[list.Level].Format == NumberFormat.Bullet;
    }

    /// <summary>
    /// A run of list items as lists: items of one list at one depth are one list, a deeper item is a list inside the
    /// item before it, and a list of another kind at the same depth (bullets after sub-items) is a list of its own.
    /// </summary>
    private void List(IReadOnlyList<LParagraph> items)
    {
        var open = new Stack<(int Depth, int NumId, string Tag)>();
        foreach (var item in items)
        {
            var list = item.List!;
            while (open.Count > 0 && (open.Peek().Depth > item.Depth || (open.Peek().Depth == item.Depth && open.Peek().NumId != list.NumId)))
            {
                html.Close("li").Close(open.Pop().Tag).Line();
            }

            if (open.Count > 0 && open.Peek().Depth == item.Depth)
            {
                html.Close("li").Line();
            }
            else
            {
                var tag = IsBullet(list) ? "ul" : "ol";
                html.Open(tag, ("class", open.Count == 0 ? $"items depth-{Math.Min(item.Depth, 3).ToString(CultureInfo.InvariantCulture)}" : "items")).Line();
                open.Push((item.Depth, list.NumId, tag));
            }

            html.Open("li", ("id", item.Anchor), ("lang", item.Language), ("dir", item.RightToLeft ? "rtl" : null));
            Number(item);
            inlines.Write(item.Content);
        }

        while (open.Count > 0) html.Close("li").Close(open.Pop().Tag).Line();
    }
}
