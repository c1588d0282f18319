using System.Globalization;
using Humanizer;

namespace CommitteePapers.Definition;

/// <summary>
/// English as the papers print it, held here rather than read from the machine: the names of months and days, numbers
/// written with ',' and '.', ordinals ("22nd"), lists ("A, B and C") and the order of people's names. .NET takes a
/// culture's data from ICU on Linux, from NLS on Windows, or from nothing at all in invariant mode, and they differ:
/// September is "Sept" in ICU's en-GB and "Sep" elsewhere; Humanizer joins lists with an Oxford comma when the
/// machine's language is en-GB or en-US ("A, B, and C") and without one otherwise; en-GB ordinals come out as bare
/// numbers ("22") without ICU. A paper's bytes would then depend on the machine that built it. Everything here is
/// built on the invariant culture, which .NET carries itself, with en-GB's words where they differ from it, so the
/// library and the NativeAOT tool (which runs in invariant mode, without loading ICU) print the same.
/// </summary>
internal static class English
{
    /// <summary>The culture every date and number of a paper is formatted and read with.</summary>
    public static CultureInfo Culture { get; } = Make();

    /// <summary>People's names in alphabetical order: see <see cref="NameComparer"/>.</summary>
    public static IComparer<string> Names { get; } = new NameComparer();

    /// <summary>"1st", "22nd", "113th".</summary>
    public static string Ordinal(int n) => Ordinalizer.Convert(n, n.ToString(CultureInfo.InvariantCulture));

    /// <summary>"A", "A and B", "A, B and C", with <paramref name="last"/> as the last joining word (no Oxford comma).</summary>
    public static string List(IEnumerable<string> items, string last) => Lists.Humanize(items, last);

    // Humanizer's English ordinal rules, found by the language's name "en". en-GB would fall back to a bare number
    // without ICU's parent culture, and an app in .NET's invariant mode refuses to make any named culture, so the
    // name is given by EnglishName rather than asked of the machine.
    private static readonly IOrdinalizer Ordinalizer = Configurator.Ordinalizers.ResolveForCulture(new EnglishName());

    // The formatter Humanizer keeps for languages without their own: "A, B and C", as British English writes it.
    private static readonly ICollectionFormatter Lists = Configurator.CollectionFormatters.ResolveForCulture(CultureInfo.InvariantCulture);

    private static CultureInfo Make()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var dates = culture.DateTimeFormat;
        // The invariant culture's English, with en-GB's "Sept" (CLDR) and lower-case am and pm.
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec", ""];
        dates.AbbreviatedMonthNames = months;
        dates.AbbreviatedMonthGenitiveNames = months;
        dates.AMDesignator = "am";
        dates.PMDesignator = "pm";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The invariant culture under the name "en", for finding Humanizer's English rules in any globalization mode.</summary>
    private sealed class EnglishName() : CultureInfo(string.Empty)
    {
        public override string Name => "en";
    }

    /// <summary>
    /// Names compared as an English reader files them, the same on every machine: letters without their accents
    /// ("Émile" with the E's, "Ó Briain" with the O's, transliterated by AnyAscii), case ignored, and spaces and
    /// punctuation before letters ("de Souza" before "Dean", "O'Brien" before "Oakes"). Names that still tie are put in
    /// the order of their characters, so the order never depends on the order given.
    /// </summary>
    private sealed class NameComparer : IComparer<string>
    {
        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var filed = StringComparer.OrdinalIgnoreCase.Compare(AnyAscii.Transliteration.Transliterate(x), AnyAscii.Transliteration.Transliterate(y));
            return filed != 0 ? filed : string.CompareOrdinal(x, y);
        }
    }
}
