using System.Text;
using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Html;

/// <summary>
/// Writes a laid-out paper as one self-contained HTML5 page: the language of the paper on the document, its title,
/// the house style as a style sheet (screen and print), the council's logo inline, the body and the footnotes. No
/// script, nothing fetched from elsewhere. The same paper gives the same bytes.
/// </summary>
internal static class HtmlPage
{
    public static void Write(LaidOutPaper paper, HouseStyle house, Stream output)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Text(paper, house));
        output.Write(bytes);
    }

    public static string Text(LaidOutPaper paper, HouseStyle house)
    {
        var html = new Markup();
        html.Raw("<!DOCTYPE html>").Line();
        html.Open("html", ("lang", paper.Info.Language)).Line();
        html.Open("head").Line();
        html.Open("meta", ("charset", "utf-8")).Line();
        html.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        html.Element("title", paper.Info.Title.Length > 0 ? paper.Info.Title : paper.Info.Subject).Line();
        if (paper.Info.Creator.Length > 0) html.Open("meta", ("name", "author"), ("content", paper.Info.Creator)).Line();
        if (paper.Info.Subject.Length > 0) html.Open("meta", ("name", "description"), ("content", paper.Info.Subject)).Line();
        html.Open("meta", ("name", "generator"), ("content", "CommitteePapers")).Line();
        html.Open("style").Line().Raw(StyleSheet.For(house, paper.Page)).Close("style").Line();
        html.Close("head").Line();
        html.Open("body").Line();
        Header(html, house, paper.Header);
        html.Open("main").Line();
        new BlockWriter(html, paper).Write();
        NotesWriter.Write(html, paper);
        html.Close("main").Line();
        html.Close("body").Line();
        html.Close("html").Line();
        return html.ToString();
    }

    /// <summary>The council's logo and the page header's text, once at the top (Word repeats them on every page).</summary>
    private static void Header(Markup html, HouseStyle house, string? text)
    {
        if (house.Logo is null && string.IsNullOrEmpty(text)) return;
        html.Open("header", ("class", "page-header")).Line();
        if (house.Logo is { } logo)
        {
            var source = $"data:image/{(logo.Format == "png" ? "png" : "jpeg")};base64,{Convert.ToBase64String(logo.Image.Span)}";
            html.Open("img", ("src", source), ("alt", logo.AltText), ("style", $"width:{Mm(logo.WidthMm)};height:auto")).Line();
        }

        if (!string.IsNullOrEmpty(text)) html.Element("p", text).Line();
        html.Close("header").Line();
    }

    private static string Mm(double mm) => mm.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "mm";
}
