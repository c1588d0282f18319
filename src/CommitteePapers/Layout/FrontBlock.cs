using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Humanizer;

namespace CommitteePapers.Layout;

/// <summary>
/// Fills in a house style's front-block lines: <c>{meeting}</c>, <c>{date:dddd d MMMM yyyy}</c>,
/// <c>{date:Do MMMM yyyy}</c> (Do is the day as an ordinal: 22nd). A line whose placeholders are all empty is dropped.
/// </summary>
internal static partial class FrontBlock
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [GeneratedRegex(@"\{(?<name>[a-z-]+)(:(?<format>[^}]*))?\}")]
    private static partial Regex Placeholder();

    /// <summary>The field names a front block may use, for checking style files.</summary>
    public static IEnumerable<string> PlaceholdersIn(string line) => Placeholder().Matches(line).Select(m => m.Groups["name"].Value);

    /// <summary>The filled-in line as Markdown, or null when every placeholder in it was empty.</summary>
    public static string? Fill(string line, IReadOnlyDictionary<string, object?> fields, bool upper)
    {
        var any = false;
        var filled = false;
        var result = Placeholder().Replace(line, m =>
        {
            any = true;
            fields.TryGetValue(m.Groups["name"].Value, out var value);
            var text = Format(value, m.Groups["format"].Success ? m.Groups["format"].Value : null);
            if (text.Length > 0) filled = true;
            return Escape(upper ? text.ToUpper(EnGb) : text);
        });
        if (any && !filled) return null;
        // Upper case applies to the whole line, labels too ("Report to the" → "REPORT TO THE").
        return upper ? result.ToUpper(EnGb) : result;
    }

    public static string Format(object? value, string? format) => value switch
    {
        null => string.Empty,
        DateOnly d => FormatDate(d, format ?? "d MMMM yyyy"),
        bool b => b ? "Yes" : "No",
        IEnumerable<string> list => string.Join(", ", list),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A date in a .NET format with "Do" for the ordinal day (22nd), always in en-GB.</summary>
    public static string FormatDate(DateOnly date, string format)
    {
        var sb = new StringBuilder();
        var parts = format.Split("Do");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) sb.Append(date.Day.Ordinalize(EnGb));
            var part = parts[i];
            if (part.Trim().Length == 0)
            {
                sb.Append(part);
                continue;
            }

            try
            {
                // A one-letter format would be a standard format ("d" is the short date): % makes it custom.
                sb.Append(date.ToString(part.Length == 1 ? "%" + part : part, EnGb));
            }
            catch (FormatException)
            {
                sb.Append(date.ToString("d MMMM yyyy", EnGb));
            }
        }

        return sb.ToString();
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => "\\`*_{}[]()#+-.!<>|~^".Contains(c) ? "\\" + c : c.ToString()));
}
