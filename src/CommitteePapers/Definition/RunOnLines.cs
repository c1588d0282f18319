using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;
using YamlDotNet.Core;

namespace CommitteePapers.Definition;

/// <summary>
/// Text that silently swallowed what was meant as structure. YAML joins the lines of a text that is not quoted, quoted,
/// or folded (<c>&gt;</c>) with spaces, so a sub-item indented past its list's '-' becomes "… contract prices; -
/// increased energy costs" (CP0080), and a key indented too far under a block or inside quotes becomes words of the
/// text (CP0081). Both read without an error, so each is said, at the line where it happened, with the likely fix.
/// </summary>
internal static partial class RunOnLines
{
    /// <summary>Every key any file's shapes know: a line that starts with one of them inside a text was most likely meant as that key.</summary>
    private static readonly HashSet<string> KnownKeys = CollectKeys();

    /// <summary><see cref="KnownKeys"/> looked up by a span of the line, without making a string of it.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownKeyNames = KnownKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*:(\s|$)")]
    private static partial Regex KeyStart();

    public static void Check(string text, LineIndex lines, YamlDotNet.Core.Events.Scalar scalar, DiagnosticBag diagnostics)
    {
        // Lines as LineIndex counts them (line feeds only); a scalar on one line cannot have run on.
        var first = lines.At(scalar.Start.Index).Line;
        var end = lines.At(scalar.End.Index);
        var last = end.Column <= 1 ? end.Line - 1 : end.Line; // a block ends at the start of the next line
        for (var line = first + 1; line <= last; line++)
        {
            var start = lines.StartOf(line);
            var stop = line < lines.Count ? lines.StartOf(line + 1) - 1 : text.Length;
            // Spans, not substrings: every line of every text that runs over more than one line passes here.
            var raw = text.AsSpan(start, stop - start).TrimEnd('\r');
            var content = raw.TrimStart(' ');
            if (content.IsEmpty) continue;
            var at = lines.At(start + raw.Length - content.Length);
            if (scalar.Style != ScalarStyle.Literal && (content is "-" || content.StartsWith("- ", StringComparison.Ordinal)))
            {
                // In a literal block (|) the line keeps its own line, and CP0020 says that it is a Markdown list.
                var joined = scalar.Value.AsSpan().IndexOf(content, StringComparison.Ordinal);
                var shown = joined < 0 ? content.ToString() : scalar.Value[Math.Max(0, joined - 25)..Math.Min(scalar.Value.Length, joined + 25)];
                diagnostics.Warning(DiagnosticCode.ListEntryRunOn, at,
                    $"This line is read as more of the text above, not as a list entry: it is indented past the '-' of its list, so YAML joins it to that text ('…{shown}…'). Line its '-' up with the others in the list; for sub-items, write the text above as 'text:' with these lines under 'items:'.");
                continue;
            }

            if (KeyStart().IsMatch(content) && content[..content.IndexOf(':')] is var key && KnownKeyNames.Contains(key))
            {
                var name = key.ToString();
                var where = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
                    ? "it is indented as far as the block of text above, so it is part of that block"
                    : scalar.Style is ScalarStyle.Plain ? "it is indented past the key whose text runs on above it" : "it is inside the quotes of the text above";
                diagnostics.Warning(DiagnosticCode.KeyRunOn, at,
                    $"'{name}:' is read as words of the text above, not as the key '{name}': {where}. If it is the key, line it up with the key whose text this is" +
                    (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? " and close the quotes before it." : "."));
            }
        }
    }

    private static HashSet<string> CollectKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Shape>(ReferenceEqualityComparer.Instance);
        void Visit(Shape shape)
        {
            if (!seen.Add(shape)) return;
            switch (shape)
            {
                case MapShape m:
                    foreach (var k in m.Keys)
                    {
                        keys.Add(k.Key);
                        Visit(k.Value);
                    }

                    if (m.FreeKeys is { } free) Visit(free);
                    break;
                case ListShape l:
                    Visit(l.Item);
                    break;
                case OneOfShape o:
                    foreach (var option in o.Options) Visit(option);
                    break;
                case RefShape r when Shapes.Named.TryGetValue(r.Name, out var named):
                    Visit(named);
                    break;
            }
        }

        foreach (var shape in Shapes.Named.Values) Visit(shape);
        return keys;
    }
}
