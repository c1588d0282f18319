using CommitteePapers.Diagnostics;
using YamlDotNet.Core;

namespace CommitteePapers.Definition;

/// <summary>Where a character of a text is in its source file, so a diagnostic points at the exact column.</summary>
internal interface ISourceMap
{
    /// <summary>The place in the source of the character at <paramref name="offset"/> in the text.</summary>
    SourcePosition At(int offset);
}

/// <summary>Text whose characters stand in the source as they are (a string given in code, one line of a file).</summary>
internal sealed class LinearSourceMap(SourcePosition start, string text) : ISourceMap
{
    public SourcePosition At(int offset) => Locate(start, text, offset);

    /// <summary>The place of the character at <paramref name="offset"/> of <paramref name="text"/> written from <paramref name="start"/>.</summary>
    public static SourcePosition Locate(SourcePosition start, string text, int offset)
    {
        if (!start.IsKnown) return start;
        var line = start.Line;
        var column = start.Column;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return start with { Line = line, Column = column };
    }
}

/// <summary>
/// A YAML scalar's value against its text in the file. A value is not its source: quotes, escapes, block indicators,
/// indentation and folded line breaks stand between them. The two are walked side by side, each character of the
/// value matched to the next source character that can have produced it; only when a diagnostic asks.
/// </summary>
internal static class ScalarSourceMap
{
    // A character the walk cannot place within this many source characters leaves the rest at the scalar's start.
    private const int MaxSkip = 256;

    /// <summary>The place of the character at <paramref name="offset"/> in the value of a scalar written at <paramref name="start"/>.</summary>
    public static SourcePosition Locate(LineIndex lines, int start, ScalarStyle style, string value, int offset)
    {
        var source = lines.Text;
        var origin = lines.At(start);
        var j = Math.Clamp(start, 0, source.Length);
        var line = origin.Line;
        var column = origin.Column;

        void Step()
        {
            if (source[j] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            j++;
        }

        switch (style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when j < source.Length:
                Step();
                break;
            case ScalarStyle.Literal or ScalarStyle.Folded:
                // The header ('|', '>-' and any comment) ends its line; the value starts on the next.
                while (j < source.Length && source[j] != '\n') Step();
                if (j < source.Length) Step();
                break;
        }

        for (var k = 0; k <= offset && k < value.Length; k++)
        {
            var c = value[k];
            var skipped = 0;
            while (j < source.Length && !Produces(source, j, c) && skipped++ < MaxSkip) Step();
            if (j >= source.Length || skipped > MaxSkip) return origin;
            if (k == offset) break;
            var length = style == ScalarStyle.DoubleQuoted && source[j] == '\\' ? EscapeLength(source, j)
                : style == ScalarStyle.SingleQuoted && c == '\'' && j + 1 < source.Length && source[j + 1] == '\'' ? 2
                : 1;
            for (var n = 0; n < length && j < source.Length; n++) Step();
        }

        return origin with { Line = line, Column = column };

        bool Produces(string s, int at, char c) =>
            s[at] == c
            || (c is ' ' or '\n' && s[at] is '\n' or '\r')
            || (style == ScalarStyle.DoubleQuoted && s[at] == '\\');
    }

    private static int EscapeLength(string s, int at)
    {
        if (at + 1 >= s.Length) return 1;
        return s[at + 1] switch
        {
            'x' => 4,
            'u' => 6,
            'U' => 10,
            '\n' => 2,
            _ => 2,
        };
    }
}

/// <summary>
/// Lines as the writer's editor counts them: only a line feed ends a line. YAML also ends lines at U+0085, U+2028 and
/// U+2029, so the parser's own line numbers can run past the end of the file; positions come from here instead.
/// </summary>
internal sealed class LineIndex
{
    private readonly int[] starts;

    public LineIndex(string text, string file)
    {
        File = file;
        Text = text;
        starts = new int[text.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts[line++] = i + 1;
    }

    public string File { get; }

    /// <summary>The text whose lines these are.</summary>
    public string Text { get; }

    /// <summary>The number of lines (line feeds + 1).</summary>
    public int Count => starts.Length;

    /// <summary>The character index where a line (from 1) starts.</summary>
    public int StartOf(int line) => starts[Math.Clamp(line, 1, starts.Length) - 1];

    /// <summary>The place of a character index.</summary>
    public SourcePosition At(long index) => At(new Mark(index, 1, 1));

    /// <summary>The line and column of a parser mark, from its character index.</summary>
    public SourcePosition At(Mark mark)
    {
        var index = (int)Math.Clamp(mark.Index, 0, Text.Length);
        var line = Array.BinarySearch(starts, index);
        if (line < 0) line = ~line - 1;
        return new SourcePosition(File, line + 1, index - starts[line] + 1);
    }
}
