using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CommitteePapers.Layout;

/// <summary>
/// Turns a paper's inline Markdown into <see cref="Inline"/>s with Markdig. Footnote references (<c>[^name]</c>)
/// and cross-references (<c>[@id]</c>) are taken out before Markdig sees the text and put back after, as
/// private-use placeholders, because they refer to things outside the one text Markdig parses.
/// </summary>
internal sealed partial class InlineText
{
    private const char Placeholder = '\uE000';

    // Markdown such as 100,000 '*'s around a word nests emphasis that deep; converting it by recursion would
    // overflow the stack, so below this depth only the text is kept.
    private const int MaxNesting = 32;

    // Only paragraphs: headings, lists, quotes and code blocks stay literal text, so "2017. was a year" or
    // "# of cases" never turn into something else. Links, emphasis, autolinks and hard breaks stay.
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private readonly Func<string, SourcePosition, IReadOnlyList<Inline>?> resolveReference;
    private readonly Func<string, SourcePosition, Inline?> resolveFootnote;
    private readonly DiagnosticBag diagnostics;

    public InlineText(
        DiagnosticBag diagnostics,
        Func<string, SourcePosition, IReadOnlyList<Inline>?> resolveReference,
        Func<string, SourcePosition, Inline?> resolveFootnote)
    {
        this.diagnostics = diagnostics;
        this.resolveReference = resolveReference;
        this.resolveFootnote = resolveFootnote;
    }

    [GeneratedRegex(@"(?<!\\)\[(?<kind>[\^@])(?<name>[^\]\s]{1,100})\]")]
    private static partial Regex SpecialPattern();

    [GeneratedRegex(@"(^|\n)[ ]{0,3}(#{1,6}[ ]|>[ ]|```)|\n[ ]{0,3}([-*+]|\d{1,3}[.)])[ ]")]
    private static partial Regex BlockPattern();

    public IReadOnlyList<Inline> Parse(string markdown, SourcePosition at)
    {
        if (BlockPattern().IsMatch(markdown))
        {
            // Headings, lists, quotes and code blocks are not made from text: the paper's structure does that.
            diagnostics.Warning(DiagnosticCode.BlockMarkdown, at,
                "This text holds block Markdown (a heading, a list, a quote or code); it is printed as it stands. Use 'sections', 'items' or 'bullets' instead.");
        }

        markdown = RemoveForbiddenCharacters(markdown, at);
        var specials = new List<IReadOnlyList<Inline>>();
        var prepared = new StringBuilder(markdown.Length);
        var last = 0;
        foreach (Match match in SpecialPattern().Matches(markdown))
        {
            AppendEscapingPlaceholders(prepared, markdown.AsSpan(last, match.Index - last), specials);
            var name = match.Groups["name"].Value;
            IReadOnlyList<Inline> replacement = match.Groups["kind"].Value == "^"
                ? resolveFootnote(name, at) is { } note ? [note] : [new TextRun(match.Value)]
                : resolveReference(name, at) ?? [new TextRun(match.Value)];
            specials.Add(replacement);
            prepared.Append(Placeholder);
            last = match.Index + match.Length;
        }

        AppendEscapingPlaceholders(prepared, markdown.AsSpan(last), specials);
        var result = new List<Inline>();
        var specialIndex = 0;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(prepared.ToString(), Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses Markdown nested past its depth limit (thousands of '[' or '*'); no paper means that.
            diagnostics.Warning(DiagnosticCode.BlockMarkdown, at,
                "The text nests Markdown ('*', '_', '[') too deeply to be read; it is printed as plain text.");
            AddText(prepared.ToString(), bold: false, italic: false, result, specials, ref specialIndex);
            return Merge(result);
        }

        if (document.Any(b => b is not ParagraphBlock))
        {
            // Markdig's paragraph parser itself makes setext headings ("Total" over "---") and link reference
            // definitions ("[1]: https://…"); either would lose text, so such a text is printed as it stands.
            diagnostics.Warning(DiagnosticCode.BlockMarkdown, at,
                "This text reads as a Markdown heading or link definition (a line of '-' or '=' under it, or '[name]: address'); it is printed as it stands.");
            AddText(prepared.ToString(), bold: false, italic: false, result, specials, ref specialIndex);
            return Merge(result);
        }

        var firstBlock = true;
        foreach (var block in document)
        {
            if (block is not ParagraphBlock { Inline: { } inline }) continue;
            if (!firstBlock) result.Add(new TextRun(" "));
            firstBlock = false;
            Convert(inline, bold: false, italic: false, result, specials, ref specialIndex, at);
        }

        return Merge(result);
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        builder.InlineParsers.RemoveAll(p => p is Markdig.Parsers.Inlines.HtmlEntityParser);
        return builder.Build();
    }

    private static void AppendEscapingPlaceholders(StringBuilder sb, ReadOnlySpan<char> text, List<IReadOnlyList<Inline>> specials)
    {
        foreach (var c in text)
        {
            if (c == Placeholder)
            {
                // The author's own U+E000 becomes a placeholder for itself, so placeholders stay in step.
                specials.Add([new TextRun(Placeholder.ToString())]);
            }

            sb.Append(c);
        }
    }

    private void Convert(ContainerInline container, bool bold, bool italic, List<Inline> output,
        List<IReadOnlyList<Inline>> specials, ref int specialIndex, SourcePosition at, int depth = 0)
    {
        if (depth > MaxNesting)
        {
            AddFlattened(container, bold, italic, output, specials, ref specialIndex);
            return;
        }

        foreach (var inline in container)
        {
            if (LeafText(inline) is { } leaf)
            {
                AddText(leaf, bold, italic, output, specials, ref specialIndex);
                continue;
            }

            switch (inline)
            {
                case LineBreakInline br:
                    output.Add(br.IsHard ? new LineBreak() : new TextRun(" ", bold, italic));
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    Convert(emphasis, bold || strong, italic || !strong, output, specials, ref specialIndex, at, depth + 1);
                    break;
                case AutolinkInline auto:
                    AddLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, [new TextRun(auto.Url, bold, italic)], output, at);
                    break;
                case LinkInline { IsImage: false } link:
                    var content = new List<Inline>();
                    Convert(link, bold, italic, content, specials, ref specialIndex, at, depth + 1);
                    AddLink(link.Url ?? string.Empty, Merge(content), output, at);
                    break;
                case LinkInline image:
                    diagnostics.Warning(DiagnosticCode.BlockMarkdown, at,
                        "Images cannot stand inside text; the image's description is printed instead.");
                    Convert(image, bold, italic, output, specials, ref specialIndex, at, depth + 1);
                    break;
                case DelimiterInline delimiter:
                    // An unclosed '[' or '![' stays a delimiter: print it, then what follows it.
                    AddText(delimiter.ToLiteral(), bold, italic, output, specials, ref specialIndex);
                    Convert(delimiter, bold, italic, output, specials, ref specialIndex, at, depth + 1);
                    break;
                case ContainerInline other:
                    Convert(other, bold, italic, output, specials, ref specialIndex, at, depth + 1);
                    break;
                default:
                    AddText(inline.ToString() ?? string.Empty, bold, italic, output, specials, ref specialIndex);
                    break;
            }
        }
    }

    /// <summary>The text of an inline that is only text (literal, code, raw HTML), whichever converter meets it.</summary>
    private static string? LeafText(Markdig.Syntax.Inlines.Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlInline html => html.Tag,
        _ => null,
    };

    /// <summary>The text of everything inside <paramref name="container"/>, without recursion and without formatting or links.</summary>
    private static void AddFlattened(ContainerInline container, bool bold, bool italic, List<Inline> output,
        List<IReadOnlyList<Inline>> specials, ref int specialIndex)
    {
        var pending = new Stack<Markdig.Syntax.Inlines.Inline>();
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
        while (pending.TryPop(out var inline))
        {
            if (LeafText(inline) is { } leaf)
            {
                AddText(leaf, bold, italic, output, specials, ref specialIndex);
                continue;
            }

            switch (inline)
            {
                case LineBreakInline:
                    output.Add(new TextRun(" ", bold, italic));
                    break;
                case AutolinkInline auto:
                    AddText(auto.Url, bold, italic, output, specials, ref specialIndex);
                    break;
                case DelimiterInline delimiter:
                    AddText(delimiter.ToLiteral(), bold, italic, output, specials, ref specialIndex);
                    for (var child = delimiter.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                    break;
                case ContainerInline nested:
                    for (var child = nested.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                    break;
                default:
                    AddText(inline.ToString() ?? string.Empty, bold, italic, output, specials, ref specialIndex);
                    break;
            }
        }
    }

    private void AddLink(string url, IReadOnlyList<Inline> content, List<Inline> output, SourcePosition at)
    {
        // Markdig decodes entities in a link's address, so "(http://a/&#1;)" brings back a character that
        // RemoveForbiddenCharacters took out of the text, and Word's XML cannot hold it.
        if (HasForbidden(url))
        {
            diagnostics.Error(DiagnosticCode.BadLink, at,
                "A link's address holds characters a Word document cannot contain (such as '&#1;'); remove them.");
            output.AddRange(content);
            return;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto")
        {
            output.Add(new Hyperlink(uri.OriginalString, content));
            return;
        }

        diagnostics.Error(DiagnosticCode.BadLink, at,
            $"The link '{Shorten(url)}' is not a web address (http or https) or an email address (mailto); only those can be linked.");
        output.AddRange(content);
    }

    private static void AddText(string text, bool bold, bool italic, List<Inline> output,
        List<IReadOnlyList<Inline>> specials, ref int specialIndex)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != Placeholder) continue;
            if (i > start) output.Add(new TextRun(text[start..i], bold, italic));
            if (specialIndex < specials.Count)
            {
                output.AddRange(specials[specialIndex].Select(s => s is TextRun t ? t with { Bold = bold || t.Bold, Italic = italic || t.Italic } : s));
                specialIndex++;
            }

            start = i + 1;
        }

        if (start < text.Length) output.Add(new TextRun(text[start..], bold, italic));
    }

    private string RemoveForbiddenCharacters(string text, SourcePosition at)
    {
        if (!text.Any(IsForbidden)) return text;
        var sb = new StringBuilder(text.Length);
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            if (IsForbidden(c))
            {
                dropped.Add($"U+{(int)c:X4}");
                continue;
            }

            sb.Append(c);
        }

        if (dropped.Count == 0) return text;
        diagnostics.Warning(DiagnosticCode.ForbiddenCharacter, at,
            $"The text holds characters a Word document cannot contain ({string.Join(", ", dropped)}); they were left out. Retype the text to remove them.");
        return sb.ToString();
    }

    private static bool HasForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (IsForbidden(text[i])) return true;
        }

        return false;
    }

    /// <summary>The text a reader sees of some Markdown, for a cross-reference to an unnumbered heading or paragraph.</summary>
    public static string PlainText(string markdown)
    {
        var plain = Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings(" ").Trim();
        return new string(plain.Where(c => !IsForbidden(c)).ToArray());
    }

    internal static bool IsForbidden(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    private static IReadOnlyList<Inline> Merge(List<Inline> inlines)
    {
        // Runs with the same emphasis are joined in one StringBuilder: text with many escapes ("\[" 100,000 times)
        // comes from Markdig as that many literals, and joining them one string at a time took minutes.
        var merged = new List<Inline>(inlines.Count);
        var text = new StringBuilder();
        TextRun? run = null;
        foreach (var inline in inlines)
        {
            if (inline is TextRun t && run is not null && run.Bold == t.Bold && run.Italic == t.Italic)
            {
                text.Append(t.Text);
                continue;
            }

            Flush();
            if (inline is TextRun first)
            {
                run = first;
                text.Append(first.Text);
            }
            else
            {
                merged.Add(inline);
            }
        }

        Flush();
        return merged;

        void Flush()
        {
            if (run is not null && text.Length > 0) merged.Add(run with { Text = text.ToString() });
            run = null;
            text.Clear();
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}
