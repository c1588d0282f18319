using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using MdInline = Markdig.Syntax.Inlines.Inline;
using MdInlines = Markdig.Syntax.Inlines;

namespace CommitteePapers.Definition;

/// <summary>
/// Parses a paper's inline Markdown with Markdig into <see cref="Inline"/> records with source positions. Footnote
/// references (<c>[^name]</c>), cross-references (<c>[@id]</c>) and, in a house style's wording, placeholders
/// (<c>{name}</c>) are taken out before Markdig sees the text and put back after, as private-use characters, because
/// they are ours, not Markdown's.
/// </summary>
internal static partial class InlineMarkdown
{
    private const char Special = '\uE000';

    // Emphasis nested deeper than this keeps only its text: no paper means 40 levels of '*', and converting such
    // nesting by recursion would overflow the stack.
    private const int MaxNesting = 32;

    // Only paragraphs: headings, lists, quotes and code blocks stay literal text, so "2017. was a year" or "# of cases"
    // never turn into something else. Links, emphasis, autolinks and hard breaks stay.
    internal static readonly MarkdownPipeline Pipeline = BuildPipeline();

    [GeneratedRegex(@"(?<!\\)\[(?<kind>[\^@])(?<name>[^\]\s]{1,100})\]")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<!\\)\[(?<kind>[\^@])(?<name>[^\]\s]{1,100})\]|\{(?<placeholder>[a-z][a-z0-9-]*)(:(?<format>[^{}\n]*))?\}")]
    private static partial Regex ReferenceOrPlaceholderPattern();

    [GeneratedRegex(@"(^|\n)[ ]{0,3}(#{1,6}[ ]|>[ ]|```)|\n[ ]{0,3}([-*+]|\d{1,3}[.)])[ ]")]
    private static partial Regex BlockPattern();

    /// <summary>
    /// The characters that can start Markdown inside a paragraph (or a block, at a line's start) for our pipeline. Not
    /// '&amp;': the pipeline reads no entities. Not '[' and ']' alone: see <see cref="BracketsArePlain"/>.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> MarkdownCharacters = System.Buffers.SearchValues.Create("`*_!<>\\\n\r#");

    /// <summary>
    /// Square brackets that Markdig gives back as they are: "Her Majesty's Inspectors [HMI]". Our pipeline has no link
    /// definitions, so a bracket makes a link only as "[text](address)"; "[^" and "[@" are our references, and "]:"
    /// would read as a link definition (which gets its own warning on the way through Markdig). Empty brackets and
    /// brackets side by side ("[]", "][") go through Markdig, which places the text it gives back differently.
    /// </summary>
    private static bool BracketsArePlain(ReadOnlySpan<char> text) =>
        text.IndexOfAny('[', ']') < 0
        || (!text.Contains("](", StringComparison.Ordinal) && !text.Contains("]:", StringComparison.Ordinal)
            && !text.Contains("[^", StringComparison.Ordinal) && !text.Contains("[@", StringComparison.Ordinal)
            && !text.Contains("[]", StringComparison.Ordinal) && !text.Contains("][", StringComparison.Ordinal));

    public static IReadOnlyList<Inline> Parse(string markdown, ISourceMap map, bool placeholders, List<Diagnostic> problems) =>
        Parse(markdown, map, placeholders, problems, plainFastPath: true);

    /// <summary>As <see cref="Parse(string, ISourceMap, bool, List{Diagnostic})"/>; with <paramref name="plainFastPath"/> false even
    /// plain text goes through Markdig (the tests check that both ways give the same inlines).</summary>
    internal static IReadOnlyList<Inline> Parse(string markdown, ISourceMap map, bool placeholders, List<Diagnostic> problems, bool plainFastPath)
    {
        if (markdown.Length == 0) return [];
        if (BlockPattern().Match(markdown) is { Success: true } block)
        {
            // Headings, lists, quotes and code blocks are not made from text: the paper's structure does that.
            problems.Add(Warning(DiagnosticCode.BlockMarkdown, map.At(block.Index + (block.Value.StartsWith('\n') ? 1 : 0)),
                "This text holds block Markdown (a heading, a list, a quote or code); it is printed as it stands. Use 'sections', 'items' or 'bullets' instead."));
        }
        else if (plainFastPath && IsPlain(markdown, placeholders))
        {
            // Most of a paper's texts hold no Markdown at all: they are one run, as Markdig would make them, without
            // building a Markdig document for each (which was most of the cost of reading a paper).
            return [new Run(markdown) { At = map.At(0) }];
        }

        var parser = new Parser(markdown, map, problems);
        return parser.Run(placeholders, plainFastPath);
    }

    /// <summary>
    /// Text Markdig would give back as one literal: nothing Markdown gives a meaning to, none of our own references or
    /// placeholders, no character we leave out, and no space at either end (a paragraph's ends are trimmed).
    /// </summary>
    private static bool IsPlain(string text, bool placeholders) =>
        ReadsAsWritten(text)
        && BracketsArePlain(text)
        && (!placeholders || !text.Contains('{'))
        && !text.Contains(Special);

    /// <summary>
    /// As <see cref="IsPlain"/> for a prepared text whose specials (references, placeholders) count as letters. Beside
    /// a special any bracket goes through Markdig, which places the text after a reference differently when it holds one.
    /// </summary>
    private static bool IsPlainBesideSpecials(string text) => ReadsAsWritten(text) && text.AsSpan().IndexOfAny('[', ']') < 0;

    /// <summary>What every plain text needs: no Markdown character, no space at either end, no character left out.</summary>
    private static bool ReadsAsWritten(string text) =>
        text.AsSpan().IndexOfAny(MarkdownCharacters) < 0
        && !char.IsWhiteSpace(text[0])
        && !char.IsWhiteSpace(text[^1])
        && !HasForbidden(text);

    /// <summary>
    /// Whether the text holds a character <see cref="IsForbidden"/> names (or half of a surrogate pair): three vectorised
    /// searches. Not one search for all of them: a set of two thousand characters becomes a probabilistic map that
    /// checks every ASCII character against the whole set, which made reading a paper half as fast again.
    /// </summary>
    internal static bool HasForbidden(string text)
    {
        var span = text.AsSpan();
        return span.IndexOfAny(ForbiddenControls) >= 0 || span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 || span.IndexOfAny('\uFFFE', '\uFFFF') >= 0;
    }

    /// <summary>The control characters XML cannot hold: all below U+0020 but tab, line feed and carriage return.</summary>
    private static readonly System.Buffers.SearchValues<char> ForbiddenControls = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        builder.InlineParsers.RemoveAll(p => p is Markdig.Parsers.Inlines.HtmlEntityParser);
        return builder.Build();
    }

    private static Diagnostic Warning(DiagnosticCode code, SourcePosition at, string message) => new(code.Id, Severity.Warning, at, message);

    private static Diagnostic Error(DiagnosticCode code, SourcePosition at, string message) => new(code.Id, Severity.Error, at, message);

    internal static bool IsForbidden(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    /// <summary>One parse: the text with our specials taken out, and where each character of it came from.</summary>
    private sealed class Parser(string original, ISourceMap map, List<Diagnostic> problems)
    {
        private readonly List<Func<bool, bool, Inline>> specials = [];
        /// <summary>
        /// Where the characters of the prepared text came from, as the points where the prepared text and the original
        /// stop running side by side (a special, a dropped character): each kept character between two points is as
        /// far from the first as it was in the original. Null while the prepared text is the original itself.
        /// </summary>
        private List<(int Prepared, int Original)>? origins;

        /// <summary>The length of the prepared text, once <see cref="origins"/> is made.</summary>
        private int preparedLength;
        private int nextSpecial;

        public IReadOnlyList<Inline> Run(bool placeholders, bool plainFastPath)
        {
            var prepared = Prepare(placeholders);
            var result = new List<Inline>();
            if (plainFastPath && prepared.Length > 0 && IsPlainBesideSpecials(prepared))
            {
                // Only our references and placeholders made it more than plain text: Markdig has nothing to do.
                AddText(prepared, 0, false, false, result);
                return Merge(result);
            }

            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(prepared, Pipeline);
            }
            catch (ArgumentException)
            {
                // Markdig refuses Markdown nested past its own depth limit (thousands of '[' or '*'); no paper means it.
                problems.Add(Warning(DiagnosticCode.BlockMarkdown, map.At(0),
                    "The text nests Markdown ('*', '_', '[') too deeply to be read; it is printed as plain text."));
                AddText(prepared, 0, false, false, result);
                return Merge(result);
            }

            if (document.Any(b => b is not ParagraphBlock))
            {
                // Markdig's paragraph parser itself makes setext headings ("Total" over "---") and link reference
                // definitions ("[1]: https://…"); either would lose text, so such a text is printed as it stands.
                problems.Add(Warning(DiagnosticCode.BlockMarkdown, map.At(0),
                    "This text reads as a Markdown heading or link definition (a line of '-' or '=' under it, or '[name]: address'); it is printed as it stands."));
                AddText(prepared, 0, false, false, result);
                return Merge(result);
            }

            var first = true;
            foreach (var block in document)
            {
                if (block is not ParagraphBlock { Inline: { } inline }) continue;
                if (!first) result.Add(new Run(" ") { At = Position(block.Span.Start) });
                first = false;
                Convert(inline, false, false, result, 0);
            }

            return Merge(result);
        }

        /// <summary>The text Markdig sees: specials and forbidden characters out, each kept character's origin noted.</summary>
        private string Prepare(bool placeholders)
        {
            if (!original.Contains('[') && (!placeholders || !original.Contains('{')) && !original.Contains(Special) && !HasForbidden(original))
            {
                return original; // nothing to take out: every character stands where it was
            }

            origins = [];
            var pattern = placeholders ? ReferenceOrPlaceholderPattern() : ReferencePattern();
            var sb = new StringBuilder(original.Length);
            var dropped = new SortedSet<string>(StringComparer.Ordinal);
            var firstDropped = -1;
            var last = 0;
            foreach (Match match in pattern.Matches(original))
            {
                Keep(sb, last, match.Index, dropped, ref firstDropped);
                var at = map.At(match.Index);
                var index = match.Index;
                if (match.Groups["placeholder"].Success)
                {
                    var name = match.Groups["placeholder"].Value;
                    var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
                    specials.Add((bold, italic) => new Placeholder(name, format) { At = at, Bold = bold, Italic = italic });
                }
                else
                {
                    var name = match.Groups["name"].Value;
                    var footnote = match.Groups["kind"].Value == "^";
                    specials.Add((bold, italic) => footnote
                        ? new FootnoteReference(name) { At = at, Bold = bold, Italic = italic }
                        : new CrossReference(name) { At = at, Bold = bold, Italic = italic });
                }

                Origin(sb.Length, index);
                sb.Append(Special);
                last = match.Index + match.Length;
            }

            Keep(sb, last, original.Length, dropped, ref firstDropped);
            preparedLength = sb.Length;
            if (dropped.Count > 0)
            {
                problems.Add(Warning(DiagnosticCode.ForbiddenCharacter, map.At(firstDropped),
                    $"The text holds characters a Word document cannot contain ({string.Join(", ", dropped)}); they were left out. Retype the text to remove them."));
            }

            return sb.ToString();
        }

        private void Keep(StringBuilder sb, int from, int to, SortedSet<string> dropped, ref int firstDropped)
        {
            for (var i = from; i < to; i++)
            {
                var c = original[i];
                if (char.IsHighSurrogate(c) && i + 1 < to && char.IsLowSurrogate(original[i + 1]))
                {
                    Origin(sb.Length, i);
                    sb.Append(c).Append(original[i + 1]);
                    i++;
                    continue;
                }

                if (IsForbidden(c))
                {
                    dropped.Add($"U+{(int)c:X4}");
                    if (firstDropped < 0) firstDropped = i;
                    continue;
                }

                if (c == Special)
                {
                    // The author's own U+E000 becomes a special for itself, so specials stay in step.
                    var at = map.At(i);
                    specials.Add((bold, italic) => new Run(Special.ToString()) { At = at, Bold = bold, Italic = italic });
                }

                Origin(sb.Length, i);
                sb.Append(c);
            }
        }

        /// <summary>Notes that the prepared character at <paramref name="prepared"/> came from <paramref name="original"/>.</summary>
        private void Origin(int prepared, int original)
        {
            if (origins is [.., var (p, o)] && o + (prepared - p) == original) return; // still side by side
            origins!.Add((prepared, original));
        }

        private int OriginOf(int prepared)
        {
            if (origins!.Count == 0 || preparedLength == 0) return 0;
            prepared = Math.Clamp(prepared, 0, preparedLength - 1);
            var (low, high) = (0, origins.Count - 1);
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (origins[middle].Prepared <= prepared) low = middle;
                else high = middle - 1;
            }

            var (p, o) = origins[low];
            return o + (prepared - p);
        }

        private SourcePosition Position(int prepared) =>
            origins is null ? map.At(original.Length == 0 ? 0 : Math.Clamp(prepared, 0, original.Length - 1))
            : map.At(OriginOf(prepared));

        private void Convert(MdInlines.ContainerInline container, bool bold, bool italic, List<Inline> output, int depth)
        {
            if (depth > MaxNesting)
            {
                Flatten(container, bold, italic, output);
                return;
            }

            foreach (var inline in container)
            {
                if (LeafText(inline) is { } leaf)
                {
                    AddText(leaf, LeafStart(inline), bold, italic, output);
                    continue;
                }

                switch (inline)
                {
                    case MdInlines.LineBreakInline br:
                        output.Add(br.IsHard ? new LineBreak { At = Position(br.Span.Start) } : new Run(" ") { At = Position(br.Span.Start), Bold = bold, Italic = italic });
                        break;
                    case MdInlines.EmphasisInline emphasis:
                        var strong = emphasis.DelimiterCount >= 2;
                        Convert(emphasis, bold || strong, italic || !strong, output, depth + 1);
                        break;
                    case MdInlines.AutolinkInline auto:
                        AddLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, [new Run(auto.Url) { At = Position(auto.Span.Start), Bold = bold, Italic = italic }], auto.Span.Start, output);
                        break;
                    case MdInlines.LinkInline { IsImage: false } link:
                        var content = new List<Inline>();
                        Convert(link, bold, italic, content, depth + 1);
                        AddLink(link.Url ?? string.Empty, Merge(content), link.Span.Start, output);
                        break;
                    case MdInlines.LinkInline image:
                        problems.Add(Warning(DiagnosticCode.BlockMarkdown, Position(image.Span.Start),
                            "Images cannot stand inside text; the image's description is printed instead."));
                        Convert(image, bold, italic, output, depth + 1);
                        break;
                    case MdInlines.DelimiterInline delimiter:
                        // An unclosed '[' or '![' stays a delimiter: print it, then what follows it.
                        AddText(delimiter.ToLiteral(), delimiter.Span.Start, bold, italic, output);
                        Convert(delimiter, bold, italic, output, depth + 1);
                        break;
                    case MdInlines.ContainerInline other:
                        Convert(other, bold, italic, output, depth + 1);
                        break;
                    default:
                        AddText(inline.ToString() ?? string.Empty, inline.Span.Start, bold, italic, output);
                        break;
                }
            }
        }

        /// <summary>The text of an inline that is only text (literal, code, raw HTML), whichever converter meets it.</summary>
        private static string? LeafText(MdInline inline) => inline switch
        {
            MdInlines.LiteralInline literal => literal.Content.ToString(),
            MdInlines.CodeInline code => code.Content,
            MdInlines.HtmlInline html => html.Tag,
            _ => null,
        };

        private static int LeafStart(MdInline inline) => inline switch
        {
            MdInlines.LiteralInline literal => literal.Content.Start,
            _ => inline.Span.Start,
        };

        /// <summary>The text of everything inside <paramref name="container"/>, without recursion and without formatting or links.</summary>
        private void Flatten(MdInlines.ContainerInline container, bool bold, bool italic, List<Inline> output)
        {
            var pending = new Stack<MdInline>();
            for (var child = container.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
            while (pending.TryPop(out var inline))
            {
                if (LeafText(inline) is { } leaf)
                {
                    AddText(leaf, LeafStart(inline), bold, italic, output);
                    continue;
                }

                switch (inline)
                {
                    case MdInlines.LineBreakInline:
                        output.Add(new Run(" ") { Bold = bold, Italic = italic });
                        break;
                    case MdInlines.AutolinkInline auto:
                        AddText(auto.Url, auto.Span.Start, bold, italic, output);
                        break;
                    case MdInlines.DelimiterInline delimiter:
                        AddText(delimiter.ToLiteral(), delimiter.Span.Start, bold, italic, output);
                        for (var child = delimiter.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                        break;
                    case MdInlines.ContainerInline nested:
                        for (var child = nested.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                        break;
                    default:
                        AddText(inline.ToString() ?? string.Empty, inline.Span.Start, bold, italic, output);
                        break;
                }
            }
        }

        private void AddLink(string url, IReadOnlyList<Inline> content, int start, List<Inline> output)
        {
            var at = Position(start);
            // Markdig decodes entities in a link's address, so "(http://a/&#1;)" brings back a character that was
            // taken out of the text, and Word's XML cannot hold it.
            if (url.Any(IsForbidden))
            {
                problems.Add(Error(DiagnosticCode.BadLink, at,
                    "A link's address holds characters a Word document cannot contain (such as '&#1;'); remove them."));
                output.AddRange(content);
                return;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
            {
                problems.Add(Error(DiagnosticCode.BadLink, at,
                    $"The link '{Shorten(url)}' is not a web address (http or https) or an email address (mailto); only those can be linked."));
                output.AddRange(content);
                return;
            }

            if (Suspicious(url, uri) is { } why)
            {
                problems.Add(Warning(DiagnosticCode.SuspiciousLink, at, $"The link '{Shorten(url)}' {why}; check the address."));
            }

            output.Add(new Link(uri.OriginalString, content) { At = at });
        }

        /// <summary>Why an http(s) address would not take a reader of a published paper anywhere they should go.</summary>
        private static string? Suspicious(string url, Uri uri)
        {
            if (uri.Scheme == "mailto") return null;
            // "http:/\evil.com" and "http:\\host" are read by browsers as other hosts than they seem.
            if (!url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase) || url.Contains('\\'))
            {
                return "is malformed (a web address starts 'https://' and has no '\\')";
            }

            if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return "points at this computer (localhost), not a public website";
            if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
            {
                var bytes = ip.GetAddressBytes();
                if (ip.IsIPv6LinkLocal || (bytes.Length == 4 && bytes[0] == 169 && bytes[1] == 254)) return "points at a link-local address, which no reader can reach";
                if (bytes.Length == 4 && (bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)))
                {
                    return "points at a private network address, which readers outside the council cannot reach";
                }
            }

            return null;
        }

        private void AddText(string text, int start, bool bold, bool italic, List<Inline> output)
        {
            var from = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != Special) continue;
                if (i > from) output.Add(new Run(text[from..i]) { At = Position(start + from), Bold = bold, Italic = italic });
                if (nextSpecial < specials.Count) output.Add(specials[nextSpecial++](bold, italic));
                from = i + 1;
            }

            if (from < text.Length) output.Add(new Run(from == 0 ? text : text[from..]) { At = Position(start + from), Bold = bold, Italic = italic });
        }

        private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
    }

    /// <summary>Joins neighbouring runs of the same emphasis, keeping the first one's position.</summary>
    private static List<Inline> Merge(List<Inline> inlines)
    {
        // One StringBuilder per run of runs: text with many escapes ("\[" 100,000 times) comes from Markdig as that
        // many literals, and joining them one string at a time took minutes.
        var merged = new List<Inline>(inlines.Count);
        StringBuilder? text = null;
        Run? run = null;
        var joined = 0;
        foreach (var inline in inlines)
        {
            if (inline is Run t && run is not null && run.Bold == t.Bold && run.Italic == t.Italic)
            {
                text ??= new StringBuilder();
                if (joined++ == 0) text.Append(run.Text);
                text.Append(t.Text);
                continue;
            }

            Flush();
            if (inline is Run first)
            {
                run = first;
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
            // A run joined to nothing is kept as it is: no builder and no copy of its text.
            if (run is not null && (joined > 0 ? text!.Length : run.Text.Length) > 0)
            {
                merged.Add(joined > 0 ? run with { Text = text!.ToString() } : run);
            }

            run = null;
            joined = 0;
            text?.Clear();
        }
    }
}
