using System.Text;

namespace CommitteePapers.Import;

/// <summary>A stretch of a paragraph's text with the look Word gives it: emphasis, a link, a footnote mark or a break.</summary>
/// <param name="Text">The characters (empty for a footnote mark).</param>
/// <param name="Bold">Bold by direct formatting or a character style.</param>
/// <param name="Italic">Italic likewise.</param>
internal sealed record Span(string Text, bool Bold, bool Italic)
{
    /// <summary>The web or email address the text links to.</summary>
    public string? Url { get; init; }

    /// <summary>The name of the footnote this mark refers to ("1", "2" …, in order of first use).</summary>
    public string? Footnote { get; init; }
}

/// <summary>The text of a paragraph as Word shows it, kept as spans so it can be written as inline Markdown.</summary>
internal sealed class SourceText
{
    public SourceText(IReadOnlyList<Span> spans)
    {
        Spans = spans;
        Plain = string.Concat(spans.Select(s => s.Text));
    }

    public IReadOnlyList<Span> Spans { get; }

    /// <summary>What a reader sees, footnote marks left out.</summary>
    public string Plain { get; }

    /// <summary>Whether every visible character is bold (a heading typed by hand, a label).</summary>
    public bool AllBold => Spans.Any(s => s.Text.Trim().Length > 0) && Spans.Where(s => s.Text.Trim().Length > 0).All(s => s.Bold);

    /// <summary>The text from character <paramref name="start"/> of <see cref="Plain"/> on, as spans.</summary>
    public SourceText From(int start)
    {
        if (start <= 0) return this;
        var result = new List<Span>();
        var at = 0;
        foreach (var span in Spans)
        {
            var end = at + span.Text.Length;
            if (end <= start)
            {
                // A footnote mark at the very start of what is kept stays with it.
                if (span.Footnote is not null && at >= start) result.Add(span);
                at = end;
                continue;
            }

            result.Add(at >= start ? span : span with { Text = span.Text[(start - at)..] });
            at = end;
        }

        return new SourceText(result);
    }

    /// <summary>The text as inline Markdown: emphasis, links and footnote references, every other special character escaped.</summary>
    public string Markdown(bool emphasis = true) => InlineWriter.Write(Spans, emphasis);

    public override string ToString() => Plain;
}

/// <summary>A numbered paragraph's number as Word shows it, counted from numbering.xml.</summary>
/// <param name="Text">The label: "12.", "a)", "ii.", "•".</param>
/// <param name="NumId">The list (<c>w:num</c>) it belongs to.</param>
/// <param name="Level">Its level in that list (0 = top).</param>
/// <param name="Format">The level's number format: decimal, lowerLetter, lowerRoman, bullet …</param>
/// <param name="Counters">How many counters the label shows (2 for "3.1").</param>
internal sealed record NumberLabel(string Text, int NumId, int Level, string Format, int Counters)
{
    public bool IsBullet => Format is "bullet";

    /// <summary>A paragraph number ("12.", "3.1"): decimal, on the list's top level or showing the levels above it.</summary>
    public bool IsOutline => Format is "decimal" or "decimalZero" && (Level == 0 || Counters > 1);

    public bool IsLetter => Format is "lowerLetter" or "upperLetter";
}

/// <summary>A block of the document's body, in order.</summary>
internal abstract record SourceBlock
{
    /// <summary>Its place among the body's paragraphs and tables, from 1: where diagnostics point.</summary>
    public int Index { get; init; }
}

/// <summary>A paragraph of the body (or of a table cell).</summary>
internal sealed record SourceParagraph(SourceText Text) : SourceBlock
{
    public string StyleId { get; init; } = string.Empty;

    public string StyleName { get; init; } = string.Empty;

    /// <summary>1 to 9 for a heading (by style or outline level), null for body text.</summary>
    public int? HeadingLevel { get; init; }

    /// <summary>The number Word shows, or null.</summary>
    public NumberLabel? Number { get; init; }

    /// <summary>A number typed as text at its start ("12." then a tab), taken off <see cref="Text"/>.</summary>
    public string? TypedNumber { get; init; }

    /// <summary>How far the text starts from the margin, in twips: the paragraph's own indent, its list level's, or its style's.</summary>
    public int Indent { get; init; }

    public bool IsTitle => StyleName.Equals("Title", StringComparison.OrdinalIgnoreCase);

    public bool IsSubtitle => StyleName.Equals("Subtitle", StringComparison.OrdinalIgnoreCase);

    public bool IsCaption => StyleName.Contains("caption", StringComparison.OrdinalIgnoreCase);

    public string Plain => Text.Plain.Trim();
}

/// <summary>A table: its rows of cells, each cell its paragraphs; header rows marked.</summary>
internal sealed record SourceTable(IReadOnlyList<SourceRow> Rows) : SourceBlock;

/// <summary>A row of a table.</summary>
internal sealed record SourceRow(IReadOnlyList<SourceCell> Cells, bool IsHeader);

/// <summary>A cell of a table: its paragraphs.</summary>
internal sealed record SourceCell(IReadOnlyList<SourceParagraph> Paragraphs)
{
    public string Plain => string.Join(" ", Paragraphs.Select(p => p.Plain).Where(t => t.Length > 0));

    public bool AllBold => Paragraphs.Any(p => p.Plain.Length > 0) && Paragraphs.Where(p => p.Plain.Length > 0).All(p => p.Text.AllBold);

    /// <summary>The cell as one line of Markdown: its paragraphs joined by spaces.</summary>
    public string Markdown(bool emphasis = true) =>
        string.Join(" ", Paragraphs.Where(p => p.Plain.Length > 0).Select(p => p.Text.Markdown(emphasis).Trim()));
}

/// <summary>A Word document as read: its body in order, its footnotes by name, and what it says about itself.</summary>
internal sealed record SourceDocument(IReadOnlyList<SourceBlock> Body, IReadOnlyDictionary<string, SourceText> Footnotes)
{
    /// <summary>The title in the document's properties, if any.</summary>
    public string? Title { get; init; }

    /// <summary>When the document was created or last saved, from its properties.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Whether any paragraph carries a heading style or an outline level.</summary>
    public bool HasHeadingStyles => Body.OfType<SourceParagraph>().Any(p => p.HeadingLevel is not null);
}

/// <summary>
/// Writes spans as inline Markdown that reads back as the same text: ASCII punctuation Markdown could take for syntax is
/// escaped, emphasis keeps its spaces outside the markers, and a footnote mark becomes <c>[^name]</c>.
/// </summary>
internal static class InlineWriter
{
    public static string Write(IReadOnlyList<Span> spans, bool emphasis)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < spans.Count)
        {
            var span = spans[i];
            if (span.Footnote is { } note)
            {
                sb.Append("[^").Append(note).Append(']');
                i++;
                continue;
            }

            // A run of spans with the same link and emphasis is written as one.
            var j = i + 1;
            var text = new StringBuilder(span.Text);
            while (j < spans.Count && spans[j].Footnote is null && spans[j].Url == span.Url && spans[j].Bold == span.Bold && spans[j].Italic == span.Italic)
            {
                text.Append(spans[j].Text);
                j++;
            }

            var content = text.ToString();
            var escaped = Escape(content, sb.Length == 0);
            if (emphasis && (span.Bold || span.Italic) && content.Trim().Length > 0)
            {
                var marker = span.Bold && span.Italic ? "***" : span.Bold ? "**" : "*";
                var lead = content.Length - content.TrimStart().Length;
                var trail = content.Length - content.TrimEnd().Length;
                var core = Escape(content.Trim(), sb.Length == 0 && lead == 0);
                escaped = content[..lead] + marker + core + marker + content[(content.Length - trail)..];
            }

            if (span.Url is { } url)
            {
                escaped = "[" + (escaped.Length == 0 ? Escape(url, false) : escaped) + "](<" + url.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">)";
            }

            sb.Append(escaped);
            i = j;
        }

        return sb.ToString();
    }

    /// <summary>Escapes what inline Markdown (and our <c>[^…]</c>, <c>[@…]</c>) could read as syntax.</summary>
    public static string Escape(string text, bool atStart)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '!' or '~' or '|')
            {
                sb.Append('\\');
            }
            else if (c == '#' && atStart && sb.Length == 0)
            {
                sb.Append('\\');
            }
            else if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
