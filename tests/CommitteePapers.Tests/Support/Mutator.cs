using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommitteePapers.Tests.Support;

/// <summary>
/// Deterministic mutations of YAML text for fuzzing the readers. The same source and seed always give the same
/// mutant (a seeded <see cref="Random"/> and nothing else), so a failure found at random is replayed with
/// <c>Mutator.Mutate(File.ReadAllText(example), seed)</c>.
/// </summary>
internal static partial class Mutator
{
    /// <summary>A mutated text, the seed that made it and what was done to it, in order.</summary>
    public sealed record Mutant(string Text, int Seed, IReadOnlyList<string> Steps);

    private sealed record Mutation(string Name, int Weight, Func<Random, string, (string Text, string Step)> Apply);

    /// <summary>Characters that readers and Word trip over: C0 controls, non-characters, lone surrogates, bidi marks, emoji, combining marks.</summary>
    private static readonly string[] Awkward =
    [
        .. Enumerable.Range(0, 0x20).Select(c => ((char)c).ToString()),
        "\u007F", "\u0085", "\u00A0", "\u00AD", "\uFFFE", "\uFFFF", "\uFFFD", "\uFEFF", "\uE000",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", // lone and reversed surrogates
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2069", // bidi
        "\u200B", "\u200C", "\u200D", "\u2028", "\u2029", "\u3000",
        "\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1EC\U0001F1E7", "\u2764\uFE0F",
        "\u0301", "\u0336", "\u20DD", "e\u0301\u0302\u0303\u0304", "\u0E47\u0E47\u0E47",
        "\u05D0\u05D1", "\u0627\u0644", "\u6F22", "\uD834\uDD1E",
    ];

    private static readonly string[] Replacements =
    [
        "[a, b]", "[]", "{a: b}", "{}", "[a, [b, {c: d}]]", "{a: [b]}",
        "42", "-7", "0", "3.14159", "1e400", "-1e-400", "0x1F", "0o17", ".inf", "-.inf", ".nan",
        "99999999999999999999999999999", "2147483648", "-2147483649",
        "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336", "0.0000000000000000000000000001",
        "(79,228,162,514,264,337,593,543,950,335)", "£79228162514264337593543950335", "7.9228162514264337593543950335",
        "~", "null", "NULL", "true", "no", "off", "\"\"", "''", string.Empty, " ",
        "2017-02-30", "2017-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "2017-01-11T10:00:00Z",
        "2017-01-11 10:00:00 +01:00", "11/01/2017", "2017-1-1", "20170111", "2017-01", "'2017-01-11'", "\"2017-01-11\"",
        "|", ">-", "|+", "|9", "\"unterminated", "'unterminated", "\"bad escape \\q\"", "\"\\u0000\"", "\"\\uD800\"",
        "- item", "key: value", "a: b: c", "#comment", "@at", "`tick", "%percent", "!", "&", "*", "[", "]", "{", "}",
        ",", "? ", ": ", "-", "---", "...", "<<", "=", "\"\\U0001F600\"",
    ];

    private static readonly string[] MarkdownSnippets =
    [
        "*", "**", "***", "_", "__", "~~", "`", "``", "[", "]", "](", ")", "<", ">", "\\", "&amp;", "&#0;", "&#xD800;",
        "[x](javascript:alert(1))", "[x](http://a b)", "[x](<>)", "[x]()", "[x](http://[::1]:99999)", "[x](mailto:)",
        "[x](http://a/&#1;)", "[x](http://a/&#xFFFE;)", "[x](mailto:a@b&#x1F;)", "[x](http://a/&#xD800;)", "[x](http://a/&#x1F600;)",
        "[x](http://a/\u0001)", "[x](<http://a/&#8;>)", "[x](http://a \"&#1;\")",
        "<http://example.org>", "<a@b.c>", "<javascript:x>", "![i](http://x/i.png)", "![](x)", "<b>", "</i>", "<!-- c -->",
        "[^nope]", "[@nope]", "[^]", "[@]", "[^a b]", "[^" + new string('x', 101) + "]", "[@annex-1]", "[^briefing-note]",
        "\uE000", "\uE000\uE000[^x]\uE000", "[ref]", "[ref]: http://x", "http://", "www.example.org", "  \n", "\n\n",
        "*a **b *c* d** e*", "[a [b [c](http://x)](http://y)](http://z)", "`code *not emphasis*`", "# not a heading",
        "1. not a list", "> not a quote", "    not code", "---", "| a | b |",
    ];

    private static readonly string[] Tags =
    [
        "!!binary ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!map ", "!!seq ", "!!set ", "!!omap ",
        "!!timestamp ", "!custom ", "!report ", "!<tag:yaml.org,2002:str> ", "!<!> ", "! ", "!e!tag ", "!!",
    ];

    private static readonly string[] DocumentMarkers =
    [
        "---", "...", "--- # next", "--- !report", "--- |", "--- [a]", "%YAML 1.2\n---", "%YAML 1.1\n%YAML 1.2\n---",
        "%TAG ! tag:example.org,2000:\n---", "%FOO bar", "---\n---", "...\n---\npaper: report",
    ];

    private static readonly Mutation[] Mutations =
    [
        new("delete-line", 6, DeleteLine),
        new("delete-range", 6, DeleteRange),
        new("duplicate-line", 4, DuplicateLine),
        new("duplicate-block", 4, DuplicateBlock),
        new("swap-lines", 5, SwapLines),
        new("replace-scalar", 10, ReplaceScalar),
        new("insert-characters", 8, InsertCharacters),
        new("insert-bytes", 3, InsertBytes),
        new("truncate", 3, Truncate),
        new("prepend-bom", 2, PrependBom),
        new("tabs-for-indentation", 4, TabsForIndentation),
        new("line-endings", 2, LineEndings),
        new("huge-scalar", 1, HugeScalar),
        new("anchor-alias", 6, AnchorAndAlias),
        new("merge-key", 3, MergeKey),
        new("document-marker", 3, DocumentMarker),
        new("tag", 4, Tag),
        new("complex-key", 3, ComplexKey),
        new("indent", 6, Indent),
        new("near-miss-key", 8, NearMissKey),
        new("markdown", 8, Markdown),
        new("deep-nesting", 2, DeepNesting),
        new("decimal-edge", 3, DecimalEdge),
    ];

    private static readonly int TotalWeight = Mutations.Sum(m => m.Weight);

    /// <summary>The names of the mutations, for reports.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Mutations.Select(m => m.Name)];

    /// <summary>Mutates <paramref name="source"/> one to four times, the same way for the same seed.</summary>
    public static Mutant Mutate(string source, int seed)
    {
        var random = new Random(seed);
        var count = random.Next(10) < 6 ? 1 : random.Next(2, 5);
        var text = source;
        var steps = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var mutation = Pick(random);
            var (mutated, step) = mutation.Apply(random, text);
            text = mutated;
            steps.Add($"{mutation.Name}: {step}");
        }

        return new Mutant(text, seed, steps);
    }

    /// <summary>Text with everything unprintable escaped and long runs cut, fit for a test report.</summary>
    public static string Printable(string text, int max = 1500)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (c == '\n') sb.Append("\\n\n");
            else if (c < 0x20 || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else sb.Append(c);
        }

        if (text.Length > max) sb.Append(CultureInfo.InvariantCulture, $"… ({text.Length - max} more characters)");
        return sb.ToString();
    }

    private static Mutation Pick(Random random)
    {
        var n = random.Next(TotalWeight);
        foreach (var m in Mutations)
        {
            if (n < m.Weight) return m;
            n -= m.Weight;
        }

        return Mutations[^1];
    }

    /// <summary>
    /// How a mutant's text is saved, for the readers of bytes (issue 15): null for plain UTF-8 text (most cases), else
    /// the bytes of another encoding or of UTF-8 with something broken in it, and what was done. The same text and
    /// seed always give the same bytes.
    /// </summary>
    public static (byte[] Bytes, string Step)? Encode(string text, int seed)
    {
        var random = new Random(unchecked(seed * 31 + 7));
        if (random.Next(100) >= 15) return null;
        var utf8 = Encoding.UTF8.GetBytes(text);
        var at = utf8.Length == 0 ? 0 : random.Next(utf8.Length + 1);
        byte[] Insert(params byte[] bytes) => [.. utf8.AsSpan(0, at), .. bytes, .. utf8.AsSpan(at)];
        return random.Next(12) switch
        {
            0 => (Encoding.Latin1.GetBytes(text), "saved as Latin-1"),
            1 => (CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text), "saved as Windows-1252"),
            2 => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "saved as UTF-16 LE with its BOM"),
            3 => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "saved as UTF-16 BE with its BOM"),
            4 => (Encoding.Unicode.GetBytes(text), "saved as UTF-16 LE without a BOM"),
            5 => ([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], "saved as UTF-32 with its BOM"),
            6 => (Insert((byte)(0x80 + random.Next(0x80))), $"a lone byte 80-FF at {at}"),
            7 => (Insert(0xC0, 0x80), $"an overlong NUL (C0 80) at {at}"),
            8 => (Insert(0xED, 0xA0, 0x80), $"a UTF-8 encoded surrogate at {at}"),
            9 => (utf8.Length == 0 ? [0xE2, 0x82] : [.. utf8, 0xE2, 0x82], "a sequence cut short at the end"),
            10 => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. utf8], "two UTF-8 BOMs"),
            _ => (Insert(0xFF, 0xFE), $"FF FE (a UTF-16 BOM) at {at}"),
        };
    }

    // ---- lines -------------------------------------------------------------------------------------------------

    private static (string, string) DeleteLine(Random random, string text)
    {
        var lines = Lines(text);
        var i = random.Next(lines.Count);
        lines.RemoveAt(i);
        return (Join(lines), $"line {i + 1}");
    }

    private static (string, string) DeleteRange(Random random, string text)
    {
        if (text.Length == 0) return (text, "nothing to delete");
        var start = random.Next(text.Length);
        var length = Math.Min(text.Length - start, 1 + random.Next(random.Next(2) == 0 ? 8 : 400));
        return (text.Remove(start, length), $"{length} characters at {start}");
    }

    private static (string, string) DuplicateLine(Random random, string text)
    {
        var lines = Lines(text);
        var i = random.Next(lines.Count);
        var at = random.Next(2) == 0 ? i : random.Next(lines.Count + 1);
        lines.Insert(at, lines[i]);
        return (Join(lines), $"line {i + 1} inserted before line {at + 1}");
    }

    private static (string, string) DuplicateBlock(Random random, string text)
    {
        var lines = Lines(text);
        var i = random.Next(lines.Count);
        var end = BlockEnd(lines, i);
        var block = lines.GetRange(i, end - i);
        var at = random.Next(2) == 0 ? end : random.Next(lines.Count + 1);
        lines.InsertRange(at, block);
        return (Join(lines), $"lines {i + 1}-{end} inserted before line {at + 1}");
    }

    private static (string, string) SwapLines(Random random, string text)
    {
        var lines = Lines(text);
        var i = random.Next(lines.Count);
        var j = random.Next(2) == 0 ? Math.Min(lines.Count - 1, i + 1) : random.Next(lines.Count);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return (Join(lines), $"lines {i + 1} and {j + 1}");
    }

    private static (string, string) Truncate(Random random, string text)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length);
        return (text[..at], $"at {at} of {text.Length}");
    }

    private static (string, string) PrependBom(Random random, string text) =>
        random.Next(4) == 0 ? ("\uFEFF\uFEFF" + text, "two BOMs") : ("\uFEFF" + text, "BOM");

    private static (string, string) TabsForIndentation(Random random, string text)
    {
        var lines = Lines(text);
        switch (random.Next(4))
        {
            case 0:
                for (var i = 0; i < lines.Count; i++) lines[i] = TabIndent(lines[i], all: true);
                return (Join(lines), "every line");
            case 1:
                var k = random.Next(lines.Count);
                var colon = lines[k].IndexOf(": ", StringComparison.Ordinal);
                if (colon < 0) goto default;
                lines[k] = lines[k][..(colon + 1)] + "\t" + lines[k][(colon + 2)..];
                return (Join(lines), $"tab after the colon on line {k + 1}");
            default:
                var j = PickLine(random, lines, l => l.StartsWith(' '));
                lines[j] = TabIndent(lines[j], all: random.Next(2) == 0);
                return (Join(lines), $"line {j + 1}");
        }
    }

    private static (string, string) LineEndings(Random random, string text)
    {
        switch (random.Next(3))
        {
            case 0:
                return (text.Replace("\n", "\r\n", StringComparison.Ordinal), "CRLF");
            case 1:
                return (text.Replace("\n", "\r", StringComparison.Ordinal), "CR only");
            default:
                var lines = Lines(text);
                var i = random.Next(lines.Count);
                lines[i] += random.Next(2) == 0 ? "\r" : "\r\r";
                return (Join(lines), $"stray CR at the end of line {i + 1}");
        }
    }

    private static (string, string) Indent(Random random, string text)
    {
        var lines = Lines(text);
        var i = PickLine(random, lines, l => l.Trim().Length > 0);
        var by = 1 + random.Next(4);
        if (random.Next(2) == 0)
        {
            lines[i] = new string(' ', by) + lines[i];
            return (Join(lines), $"line {i + 1} in by {by}");
        }

        var lead = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
        lines[i] = lines[i][Math.Min(lead, by)..];
        return (Join(lines), $"line {i + 1} out by {by}");
    }

    // ---- scalars and keys --------------------------------------------------------------------------------------

    private static (string, string) ReplaceScalar(Random random, string text)
    {
        var replacement = Replacements[random.Next(Replacements.Length)];
        return ReplaceValue(random, text, _ => replacement, $"'{replacement}'");
    }

    private static (string, string) HugeScalar(Random random, string text)
    {
        const int size = 200 * 1024;
        var (kind, value) = random.Next(6) switch
        {
            0 => ("words", Repeat("committee paper text ", size)),
            1 => ("one word", new string('x', size)),
            2 => ("quoted escapes", "\"" + Repeat("\\u0001\\t\\\" ", size) + "\""),
            3 => ("emphasis runs", Repeat("*a _b_ **c** ", size)),
            4 => ("nested emphasis", new string('*', size / 2) + "a" + new string('*', size / 2)),
            _ => ("brackets", new string('[', size / 2) + "a" + new string(']', size / 2)),
        };
        // Quoted half the time, so that text starting with '*' or '[' reaches the Markdown reader as text.
        var quoted = !value.StartsWith('"') && random.Next(2) == 0;
        if (quoted) value = "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        return ReplaceValue(random, text, _ => value, $"{kind}{(quoted ? ", quoted" : string.Empty)}, {value.Length} characters");
    }

    private static (string, string) Markdown(Random random, string text)
    {
        var snippet = MarkdownSnippets[random.Next(MarkdownSnippets.Length)];
        return ReplaceValue(random, text, value =>
        {
            var at = random.Next(value.Length + 1);
            return value[..at] + snippet + value[at..];
        }, $"'{snippet}' inserted");
    }

    private static (string, string) DeepNesting(Random random, string text)
    {
        var depth = 1 + random.Next(random.Next(2) == 0 ? 80 : 2000);
        var value = random.Next(3) switch
        {
            0 => new string('[', depth) + "a" + new string(']', depth),
            1 => Repeat("{a: ", depth * 4) + "b" + new string('}', depth),
            _ => new string('[', depth), // never closed
        };
        return ReplaceValue(random, text, _ => value, $"{depth} levels");
    }

    /// <summary>Every number on a few lines becomes decimal's largest, so a column's figures add up past its range.</summary>
    private static (string, string) DecimalEdge(Random random, string text)
    {
        var lines = Lines(text);
        var numbered = Enumerable.Range(0, lines.Count).Where(i => NumberInLine().IsMatch(lines[i])).ToList();
        if (numbered.Count == 0) return ReplaceScalar(random, text);
        var changed = new List<int>();
        for (var k = 0; k < 1 + random.Next(3); k++)
        {
            var i = numbered[random.Next(numbered.Count)];
            var edge = random.Next(4) == 0 ? "-79228162514264337593543950335" : "79228162514264337593543950335";
            lines[i] = NumberInLine().Replace(lines[i], edge);
            changed.Add(i + 1);
        }

        return (Join(lines), $"numbers on lines {string.Join(", ", changed.Distinct())} to decimal's edge");
    }

    private static (string, string) NearMissKey(Random random, string text)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => KeyLine().IsMatch(lines[i])).ToList();
        if (candidates.Count == 0)
        {
            var (inserted, step) = InsertCharacters(random, text);
            return (inserted, "no key to change, so inserted " + step);
        }

        var i = candidates[random.Next(candidates.Count)];
        var key = KeyLine().Match(lines[i]).Groups["key"];
        var k = key.Value;
        var p = random.Next(k.Length);
        var (changed, how) = random.Next(9) switch
        {
            0 => (k.Remove(p, 1), "deleted a letter"),
            1 => (k.Insert(p, k[p].ToString()), "doubled a letter"),
            2 when k.Length > 1 => (Swap(k, Math.Min(p, k.Length - 2)), "swapped two letters"),
            3 => (k[..p] + (char)('a' + random.Next(26)) + k[(p + 1)..], "changed a letter"),
            4 => (char.ToUpperInvariant(k[0]) + k[1..], "capitalised"),
            5 => (k.Contains('-', StringComparison.Ordinal) ? k.Replace('-', '_') : k + "-s", "changed a hyphen"),
            6 => (k.EndsWith('s') ? k[..^1] : k + "s", "plural"),
            7 => (k + " ", "space before the colon"),
            _ => (k.ToUpperInvariant(), "upper case"),
        };
        lines[i] = lines[i][..key.Index] + changed + lines[i][(key.Index + key.Length)..];
        return (Join(lines), $"'{k}' to '{changed}' ({how}) on line {i + 1}");
    }

    // ---- characters --------------------------------------------------------------------------------------------

    private static (string, string) InsertCharacters(Random random, string text)
    {
        var count = 1 + random.Next(random.Next(4) == 0 ? 40 : 4);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(random.Next(5) == 0 ? ((char)random.Next(0x20, 0x10000)).ToString() : Awkward[random.Next(Awkward.Length)]);
        }

        var at = random.Next(text.Length + 1);
        var inserted = sb.ToString();
        return (text.Insert(at, inserted), $"'{Printable(inserted)}' at {at}");
    }

    private static (string, string) InsertBytes(Random random, string text)
    {
        var bytes = new byte[1 + random.Next(24)];
        random.NextBytes(bytes);
        var latin = random.Next(2) == 0;
        var inserted = latin ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        var at = random.Next(text.Length + 1);
        return (text.Insert(at, inserted), $"{bytes.Length} random bytes as {(latin ? "Latin-1" : "UTF-8")} at {at}");
    }

    // ---- YAML features -----------------------------------------------------------------------------------------

    private static (string, string) AnchorAndAlias(Random random, string text)
    {
        var lines = Lines(text);
        var name = random.Next(4) == 0 ? "nope" : "a";
        switch (random.Next(5))
        {
            case 0: // anchor a scalar, alias it elsewhere (before or after)
            case 1:
                var (t1, s1) = ReplaceValue(random, text, v => "&a " + v, "anchored");
                var (t2, s2) = ReplaceValue(random, t1, _ => "*" + name, $"'*{name}'");
                return (t2, $"{s1}; {s2}");
            case 2: // anchor a block, alias it in place of a value
                var blocks = Enumerable.Range(0, lines.Count).Where(i => BlockStart().IsMatch(lines[i])).ToList();
                if (blocks.Count == 0) goto default;
                var b = blocks[random.Next(blocks.Count)];
                lines[b] = lines[b].TrimEnd() + " &a";
                var (t3, s3) = ReplaceValue(random, Join(lines), _ => "*" + name, $"'*{name}'");
                return (t3, $"block at line {b + 1} anchored; {s3}");
            case 3: // an alias inside its own anchor
                return ReplaceValue(random, text, _ => random.Next(2) == 0 ? "&a [*a]" : "&a {k: *a}", "self-referring anchor");
            default: // billion laughs
                var laughs = new StringBuilder("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                var levels = 2 + random.Next(8);
                for (var l = 1; l < levels; l++)
                {
                    laughs.Append(CultureInfo.InvariantCulture, $"lol{l}: &l{l} [")
                        .AppendJoin(", ", Enumerable.Repeat($"*l{l - 1}", 9)).Append("]\n");
                }

                var at = random.Next(lines.Count + 1);
                lines.Insert(at, laughs.ToString().TrimEnd('\n'));
                return (Join(lines), $"{levels} levels of laughs before line {at + 1}");
        }
    }

    private static (string, string) MergeKey(Random random, string text)
    {
        var lines = Lines(text);
        var i = PickLine(random, lines, l => KeyLine().IsMatch(l) || BlockStart().IsMatch(l));
        var indent = Lead(lines[i]);
        var merge = random.Next(4) switch
        {
            0 => "<<: *a",
            1 => "<<: [*a, *b]",
            2 => "<<: {title: merged}",
            _ => "<<: *nope",
        };
        lines.Insert(i, indent + merge);
        if (merge.Contains("*a", StringComparison.Ordinal)) lines.Insert(0, "base: &a {title: T, meeting: M}");
        if (merge.Contains("*b", StringComparison.Ordinal)) lines.Insert(0, "other: &b {date: 2017-01-11}");
        return (Join(lines), $"'{merge}' before line {i + 1}");
    }

    private static (string, string) DocumentMarker(Random random, string text)
    {
        var lines = Lines(text);
        var marker = DocumentMarkers[random.Next(DocumentMarkers.Length)];
        var at = random.Next(3) == 0 ? 0 : random.Next(lines.Count + 1);
        lines.Insert(at, marker);
        return (Join(lines), $"'{Printable(marker)}' before line {at + 1}");
    }

    private static (string, string) Tag(Random random, string text)
    {
        var tag = Tags[random.Next(Tags.Length)];
        if (random.Next(3) == 0)
        {
            var lines = Lines(text);
            var blocks = Enumerable.Range(0, lines.Count).Where(i => BlockStart().IsMatch(lines[i])).ToList();
            if (blocks.Count > 0)
            {
                var b = blocks[random.Next(blocks.Count)];
                lines[b] = lines[b].TrimEnd() + " " + tag.TrimEnd();
                return (Join(lines), $"'{tag.TrimEnd()}' on the block at line {b + 1}");
            }
        }

        return ReplaceValue(random, text, v => tag + v, $"'{tag.TrimEnd()}'");
    }

    private static (string, string) ComplexKey(Random random, string text)
    {
        var lines = Lines(text);
        var i = random.Next(lines.Count);
        var indent = Lead(lines[i]);
        var inserted = random.Next(5) switch
        {
            0 => $"{indent}? complex key\n{indent}: value",
            1 => $"{indent}? complex key",
            2 => $"{indent}? [a, b]\n{indent}: value",
            3 => $"{indent}? {{a: b}}\n{indent}: value",
            _ => $"{indent}? |\n{indent}  block key\n{indent}: value",
        };
        lines.Insert(i, inserted);
        return (Join(lines), $"before line {i + 1}");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Replaces the value of a random key or list item (<c>key: value</c>, <c>- value</c>); inserts awkward
    /// characters instead when no line has one.
    /// </summary>
    private static (string, string) ReplaceValue(Random random, string text, Func<string, string> replace, string what)
    {
        var lines = Lines(text);
        var candidates = new List<(int Line, int Start, int Length)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (ValueSpan(lines[i]) is { } span) candidates.Add((i, span.Start, span.Length));
        }

        if (candidates.Count == 0)
        {
            var (inserted, step) = InsertCharacters(random, text);
            return (inserted, "no value to replace, so inserted " + step);
        }

        var (line, start, length) = candidates[random.Next(candidates.Count)];
        var old = lines[line];
        lines[line] = old[..start] + replace(old.Substring(start, length)) + old[(start + length)..];
        return (Join(lines), $"{what} as the value on line {line + 1}");
    }

    private static (int Start, int Length)? ValueSpan(string line)
    {
        var m = KeyLine().Match(line);
        if (!m.Success) m = ItemLine().Match(line);
        if (!m.Success) return null;
        var value = m.Groups["value"];
        return value.Length == 0 || value.Value.StartsWith('#') ? null : (value.Index, value.Length);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static string Lead(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static int PickLine(Random random, List<string> lines, Func<string, bool> wanted)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => wanted(lines[i])).ToList();
        return candidates.Count == 0 ? random.Next(lines.Count) : candidates[random.Next(candidates.Count)];
    }

    private static int BlockEnd(List<string> lines, int start)
    {
        var indent = Lead(lines[start]).Length;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Lead(lines[end]).Length > indent)) end++;
        return end;
    }

    private static string TabIndent(string line, bool all)
    {
        var lead = line.Length - line.TrimStart(' ').Length;
        if (lead == 0) return line;
        return all ? new string('\t', (lead + 1) / 2) + line[lead..] : "\t" + line[1..];
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString();
    }

    private static string Swap(string s, int i) => s[..i] + s[i + 1] + s[i] + s[(i + 2)..];

    /// <summary><c>key: value</c>, possibly after list dashes; the value is everything after the separator.</summary>
    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)*(?<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+(?<value>[^\r]*?)[ \t\r]*$")]
    private static partial Regex KeyLine();

    /// <summary><c>- value</c> where the value is not itself a key.</summary>
    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)+(?<value>(?![A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$))[^\s-][^\r]*?)[ \t\r]*$")]
    private static partial Regex ItemLine();

    /// <summary>A figure in a flow list (a table row, KPI values): after '[' or ', '.</summary>
    [GeneratedRegex(@"(?<=[\[,]\s*)-?\d[\d,]*(\.\d+)?(?=\s*[,\]])")]
    private static partial Regex NumberInLine();

    /// <summary><c>key:</c> with nothing after it: a list or mapping follows.</summary>
    [GeneratedRegex(@"^[ \t]*(?:-[ \t]+)*[A-Za-z_][\w-]*:[ \t\r]*$")]
    private static partial Regex BlockStart();
}
