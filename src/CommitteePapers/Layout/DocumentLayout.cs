using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// Lays out a <see cref="Definition.Document"/> — a work plan, a forward plan, an appendix: the style's front block
/// for documents (the title, by default), paragraphs, then sections numbered as the style numbers a report's body.
/// </summary>
internal sealed class DocumentLayout : OutlineLayout
{
    private readonly Document document;

    private DocumentLayout(Document document, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
        : base(document, style, diagnostics, metrics)
    {
        this.document = document;
    }

    /// <summary>
    /// Lays out a document. Its headings print as written (capitals are for a report's standard headings), and it is
    /// numbered as a report's body unless the style says documents are not numbered.
    /// </summary>
    public static LaidOutPaper Lay(Document document, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
    {
        style = style with { UpperCaseHeadings = false };
        if (!style.Numbering.Documents) style = style with { Numbering = style.Numbering with { Outline = [], Paragraphs = [] } };
        return new DocumentLayout(document, style, diagnostics, metrics).Lay();
    }

    protected override DocumentInfo Info => new(
        Plain(document.Title.PlainText), Plain(document.ReportOf ?? Style.Council), Plain(document.Meeting ?? string.Empty), Style.WordFor("language").PlainText);

    protected override void LayContent()
    {
        var fields = new Dictionary<string, object?>
        {
            ["council"] = Style.Council,
            ["meeting"] = document.Meeting,
            ["committee"] = document.Meeting,
            ["date"] = document.Date,
            ["title"] = document.Title,
            ["subtitle"] = document.Subtitle,
            ["report-of"] = document.ReportOf,
        };
        foreach (var (name, value) in CouncilFields("document", document.Fields, document.At)) fields[name] = value;
        FrontLines("document", fields);
        Blocks(document.Paragraphs);
        Sections(document.Sections, 1, 0, "body");
        EndLines("document", fields);
        EndLandscape();
    }
}
