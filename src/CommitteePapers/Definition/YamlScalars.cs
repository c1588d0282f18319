using System.Globalization;
using System.Text.RegularExpressions;

namespace CommitteePapers.Definition;

/// <summary>What YAML makes of an unquoted value, by the rule below.</summary>
internal enum ScalarKind
{
    /// <summary>Text: what is written.</summary>
    Text,

    /// <summary>Nothing: empty, <c>~</c> or <c>null</c>.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number or a decimal one.</summary>
    Number,
}

/// <summary>
/// The one rule for what a value in a paper, style or pack file is, shared by the readers, the JSON Schemas (and so
/// the writer's editor) and the tests: YAML 1.2's core schema, which is what yaml-language-server and most current
/// YAML libraries apply to an unquoted value. Quoted values and blocks are always text.
/// <list type="bullet">
/// <item>Nothing: empty, <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c>.</item>
/// <item>true or false: <c>true</c>, <c>True</c>, <c>TRUE</c>, <c>false</c>, <c>False</c>, <c>FALSE</c>.</item>
/// <item>A number: <c>12</c>, <c>-3</c>, <c>+5</c>, <c>007</c>, <c>0x1F</c>, <c>0o17</c>, <c>1.5</c>, <c>.5</c>,
/// <c>1e3</c>, <c>.inf</c>, <c>.nan</c>.</item>
/// <item>Everything else is text, including <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c> (booleans only in the
/// YAML 1.1 of older tools), dates such as <c>2017-01-11</c> and times such as <c>17:30</c>.</item>
/// </list>
/// The readers keep every value as it is written, so a paper prints what its writer typed; where the rule reads a
/// text value otherwise (<c>True</c>, <c>1.10</c>, <c>01904</c>) they say so (CP0082). Where a key takes true or
/// false, the words <c>yes</c> and <c>no</c> are accepted as well, by the readers and the schemas alike.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The words a key that takes true or false accepts for true, however they are quoted.</summary>
    public static IReadOnlyList<string> TrueWords { get; } = ["true", "True", "TRUE", "yes", "Yes", "YES"];

    /// <summary>The words a key that takes true or false accepts for false, however they are quoted.</summary>
    public static IReadOnlyList<string> FalseWords { get; } = ["false", "False", "FALSE", "no", "No", "NO"];

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^0o[0-7]+$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex(@"^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex SpecialFloat();

    /// <summary>What the rule makes of a value: text unless it is unquoted (plain) and one of the forms above.</summary>
    public static ScalarKind Resolve(string value, bool plain)
    {
        if (!plain) return ScalarKind.Text;
        if (value is "" or "~" or "null" or "Null" or "NULL") return ScalarKind.Null;
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") return ScalarKind.Boolean;
        return IsNumber(value) ? ScalarKind.Number : ScalarKind.Text;
    }

    private static bool IsNumber(string value) =>
        value.Length <= 400 && (DecimalInteger().IsMatch(value) || OctalInteger().IsMatch(value) || HexInteger().IsMatch(value) || Float().IsMatch(value) || SpecialFloat().IsMatch(value));

    /// <summary>true, false, or null when the value is none of the words a true-or-false key accepts.</summary>
    public static bool? Boolean(string value) =>
        TrueWords.Contains(value) ? true : FalseWords.Contains(value) ? false : null;

    /// <summary>
    /// The number a value stands for under the rule (hexadecimal, octal and exponents too), or null; infinities and
    /// NaN, which no paper means, are not numbers here.
    /// </summary>
    public static decimal? Number(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || v.Length > 400) return null;
        if (HexInteger().IsMatch(v))
        {
            return ulong.TryParse(v.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        if (OctalInteger().IsMatch(v))
        {
            ulong octal = 0;
            foreach (var c in v.AsSpan(2))
            {
                if (octal > ulong.MaxValue / 8) return null;
                octal = (octal * 8) + (ulong)(c - '0');
            }

            return octal;
        }

        if (!DecimalInteger().IsMatch(v) && !Float().IsMatch(v)) return null;
        return decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A whole number under the rule (<c>12</c>, <c>0x0C</c>, <c>1.2e1</c>), or null.</summary>
    public static long? Integer(string value) =>
        Number(value) is { } d && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;

    /// <summary>
    /// How the rule's number would be written back (what the editor shows and any YAML tool prints), when that is not
    /// what was written: "1.1" for <c>1.10</c>, "1904554212" for <c>01904554212</c>, "31" for <c>0x1F</c>; null when
    /// the value is not a number, or is written as its number is.
    /// </summary>
    public static string? NumberReadOtherwise(string value)
    {
        if (!IsNumber(value)) return null;
        if (SpecialFloat().IsMatch(value)) return value.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "NaN (not a number)" : "infinity";
        if (Number(value) is not { } number)
        {
            // A figure too large for a decimal: YAML tools read it as a floating-point number, which keeps some 17 digits.
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d.ToString("R", CultureInfo.InvariantCulture) != value
                ? d.ToString("R", CultureInfo.InvariantCulture)
                : null;
        }

        var canonical = number.ToString(CultureInfo.InvariantCulture);
        if (canonical.Contains('.', StringComparison.Ordinal)) canonical = canonical.TrimEnd('0').TrimEnd('.');
        return canonical == value ? null : canonical;
    }

    /// <summary>A date written YYYY-MM-DD that is a real date.</summary>
    public static bool IsIsoDate(string value) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
