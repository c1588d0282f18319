using System.Globalization;
using Humanizer;

namespace CommitteePapers.Layout;

/// <summary>The text Word shows for a list number, so layout can quote it in outlines and cross-references.</summary>
internal static class ListLabels
{
    public static string Decimal(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string LowerRoman(int n) => n.ToRoman().ToLowerInvariant();

    /// <summary>a … z, then aa … zz as Word counts.</summary>
    public static string LowerLetter(int n)
    {
        var letter = (char)('a' + ((n - 1) % 26));
        return new string(letter, ((n - 1) / 26) + 1);
    }

    public static string Apply(string levelText, string number) => levelText.Replace("%1", number, StringComparison.Ordinal);
}
