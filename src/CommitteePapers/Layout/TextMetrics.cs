using System.Globalization;
using System.Text;

namespace CommitteePapers.Layout;

/// <summary>
/// The advance widths of one font's characters, in em, read from its file by the caller (Layout reads no files).
/// <see cref="Advance"/> is NaN for a character the font has no glyph for. Immutable once built.
/// </summary>
internal sealed class FontAdvances
{
    private readonly float[] advances;

    /// <param name="source">Where the widths came from (a font file, and the face's index in a collection), for messages and tests.</param>
    /// <param name="family">The family name the font file gives.</param>
    /// <param name="advances">Advance in em of each code point of the Basic Multilingual Plane, NaN where the font has no glyph.</param>
    public FontAdvances(string source, string family, float[] advances)
    {
        if (advances.Length != 0x10000) throw new ArgumentException("One advance per code point of the Basic Multilingual Plane.", nameof(advances));
        Source = source;
        Family = family;
        this.advances = (float[])advances.Clone();
    }

    /// <summary>The font file (and face index) the widths came from.</summary>
    public string Source { get; }

    /// <summary>The family name in the font file's name table.</summary>
    public string Family { get; }

    /// <summary>The advance in em of a code point, or NaN when the font has no glyph for it (or it is outside the BMP).</summary>
    public double Advance(int codePoint) => codePoint is >= 0 and < 0x10000 ? advances[codePoint] : double.NaN;
}

/// <summary>
/// How wide text is in a style's font, for table column widths. Built by the facade from the font file it found
/// (loaded only when a table is measured); without one, Arial's proportions as the library has always used them.
/// Deterministic: the same font file gives the same widths.
/// </summary>
internal sealed class TextMetrics
{
    private readonly Lazy<FontAdvances?> font;

    /// <param name="load">Reads the style's font, or gives null when it is not installed; called at most once.</param>
    public TextMetrics(Func<FontAdvances?> load) => font = new Lazy<FontAdvances?>(load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Arial's proportions, for a style whose font cannot be found.</summary>
    public static TextMetrics ArialProportions { get; } = new(() => null);

    /// <summary>The font measured with, or null when Arial's proportions are used.</summary>
    public FontAdvances? Font => font.Value;

    /// <summary>The width of text in em.</summary>
    public double Em(string s)
    {
        if (font.Value is not { } advances)
        {
            // The figures of every release before fonts were read, kept exactly for text they already covered.
            double total = 0;
            foreach (var c in s) total += IsWide(c) ? 1.0 : ArialEm(c);
            return total;
        }

        double em = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            var advance = advances.Advance(rune.Value);
            em += double.IsNaN(advance) ? Missing(rune) : advance;
        }

        return em;
    }

    /// <summary>
    /// A character the font has no glyph for is printed from another font by Word and LibreOffice: East Asian wide
    /// characters (ideographs, kana, Hangul, full-width forms) take a full em in every CJK font; a combining mark
    /// takes no room; anything else is counted with Arial's proportions.
    /// </summary>
    private static double Missing(Rune rune)
    {
        if (IsWide(rune.Value)) return 1.0;
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            ? 0
            : rune.IsBmp ? ArialEm((char)rune.Value) : 1.0;
    }

    /// <summary>East Asian Wide and Fullwidth ranges (Unicode UAX #11) that fonts draw one em wide.</summary>
    internal static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F // Hangul Jamo leading consonants
        or >= 0x2E80 and <= 0x303E // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        or >= 0x3041 and <= 0x33FF // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed and compatibility
        or >= 0x3400 and <= 0x4DBF // CJK extension A
        or >= 0x4E00 and <= 0x9FFF // CJK unified ideographs
        or >= 0xA000 and <= 0xA4CF // Yi
        or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
        or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
        or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
        or >= 0xFF00 and <= 0xFF60 // full-width forms
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD; // CJK extensions B onwards

    /// <summary>Approximate width in em from Arial's proportions (capitals and digits are wider than lower case).</summary>
    internal static double ArialEm(char c) => c switch
    {
        ' ' or '.' or ',' or ':' or ';' or 'i' or 'l' or 'j' or '\'' or '|' or '!' => 0.28,
        'f' or 't' or 'r' or '(' or ')' or '-' or 'I' => 0.36,
        'm' or 'w' or 'M' or 'W' or '%' or '@' => 0.86,
        >= 'A' and <= 'Z' => 0.70,
        >= '0' and <= '9' or '£' or '$' => 0.56,
        _ => 0.53,
    };
}
