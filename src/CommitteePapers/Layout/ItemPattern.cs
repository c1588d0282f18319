namespace CommitteePapers.Layout;

/// <summary>
/// A sub-item pattern as a style file writes it — "a)", "(a)", "a.", "i.", "(i)", "1.", "A." — and the Word number
/// counting (letters, roman numerals, digits) and level text it stands for.
/// </summary>
internal sealed record ItemPattern(string Before, char Kind, string After)
{
    public static ItemPattern Parse(string pattern)
    {
        var i = pattern.IndexOfAny(['a', 'A', 'i', 'I', '1']);
        if (i < 0) return new ItemPattern(string.Empty, 'a', ")");
        return new ItemPattern(pattern[..i], pattern[i], pattern[(i + 1)..]);
    }

    public static bool IsValid(string pattern) =>
        pattern.Length is > 0 and <= 4 && pattern.Count(c => c is 'a' or 'A' or 'i' or 'I' or '1') == 1 &&
        pattern.All(c => c is 'a' or 'A' or 'i' or 'I' or '1' or '(' or ')' or '.' or '[' or ']');

    /// <summary>Word's level text, e.g. "%2)" for level 1.</summary>
    public string LevelText(int level) => $"{Before}%{level + 1}{After}";

    public string Label(int n) => Before + Kind switch
    {
        'a' => ListLabels.LowerLetter(n),
        'A' => ListLabels.LowerLetter(n).ToUpperInvariant(),
        'i' => ListLabels.LowerRoman(n),
        'I' => ListLabels.LowerRoman(n).ToUpperInvariant(),
        _ => ListLabels.Decimal(n),
    } + After;
}
