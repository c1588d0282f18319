using CommitteePapers.Layout;

namespace CommitteePapers.Html;

/// <summary>
/// Writes laid-out text: emphasis, line breaks, links, footnote references that link to their notes, and
/// cross-references that link to the anchor of what they refer to, with the text layout worked out for them.
/// </summary>
internal sealed class InlineWriter(Markup html, IReadOnlyList<LFootnote> notes)
{
    public void Write(IReadOnlyList<LInline> inlines)
    {
        foreach (var inline in inlines) Write(inline);
    }

    private void Write(LInline inline)
    {
        switch (inline)
        {
            case LText t:
                if (t.Bold) html.Open("strong");
                if (t.Italic) html.Open("em");
                html.Text(t.Text);
                if (t.Italic) html.Close("em");
                if (t.Bold) html.Close("strong");
                break;
            case LBreak:
                html.Raw("<br>");
                break;
            case LTab:
                html.Text(" ");
                break;
            case LLink link when IsSafe(link.Url):
                html.Open("a", ("href", link.Url));
                Write(link.Content);
                html.Close("a");
                break;
            case LLink link:
                Write(link.Content);
                break;
            case LNoteMark mark:
                var note = notes.FirstOrDefault(n => n.Id == mark.Id);
                html.Open("sup", ("class", "note-ref"))
                    .Open("a", ("id", note?.ReferenceAnchor), ("href", note?.Anchor is { } a ? "#" + a : null), ("role", "doc-noteref"))
                    .Text(mark.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Close("a").Close("sup");
                break;
            case LField { Anchor: { } anchor } field:
                html.Open("a", ("href", "#" + anchor));
                Write(field.Result);
                html.Close("a");
                break;
            case LField field:
                Write(field.Result);
                break;
            case LBookmark { Anchor: { } anchor } marked:
                html.Open("span", ("id", anchor));
                Write(marked.Content);
                html.Close("span");
                break;
            case LBookmark marked:
                Write(marked.Content);
                break;
        }
    }

    /// <summary>
    /// Web and email addresses (the only ones a paper may link to), and addresses relative to the page (a pack's own
    /// pages and downloads). Nothing that would run (javascript:) reaches a published page, whoever built the paper.
    /// </summary>
    internal static bool IsSafe(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !url.StartsWith('/')) return uri.Scheme is "http" or "https" or "mailto";
        return !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
    }
}
