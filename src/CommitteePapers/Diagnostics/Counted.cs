using System.Globalization;

namespace CommitteePapers.Diagnostics;

/// <summary>
/// "1 cell", "2 cells", "0 errors": a count with its noun, for messages. Written out rather than with Humanizer's
/// ToQuantity, which builds about a hundred pluralisation regexes on first use (some 94 ms at start-up) to print a line.
/// </summary>
internal static class Counted
{
    /// <summary>The count and the noun, plural unless the count is one; <paramref name="plural"/> when not noun + "s".</summary>
    public static string Of(long count, string noun, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
