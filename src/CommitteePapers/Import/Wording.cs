using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;

namespace CommitteePapers.Import;

/// <summary>
/// A house style's wording read backwards: "Report of the {report-of}" against "Report of the Assistant Director"
/// gives report-of = "Assistant Director". Literal words match regardless of case, spacing and a colon here or
/// there; a date placeholder matches only a date in its format.
/// </summary>
internal static class Wording
{
    /// <summary>The placeholders' values when <paramref name="text"/> is the wording filled in (all of it, or its start when <paramref name="prefix"/>).</summary>
    public static Dictionary<string, string>? Match(RichText wording, string text, bool prefix = false) =>
        Match(wording.Inlines, text, prefix, out _);

    public static Dictionary<string, string>? Match(IReadOnlyList<Inline> inlines, string text, bool prefix, out int literal)
    {
        var pattern = new StringBuilder("^\\s*");
        var names = new List<(string Name, string? Format)>();
        literal = 0;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Run r:
                    pattern.Append(Literal(r.Text));
                    literal += r.Text.Count(char.IsLetterOrDigit);
                    break;
                case Placeholder p:
                    var group = "p" + names.Count.ToString(CultureInfo.InvariantCulture);
                    names.Add((p.Name, p.Format));
                    pattern.Append("(?<").Append(group).Append('>').Append(p.Format is { } f && IsDateFormat(f) ? DatePattern(f) : ".+?").Append(')');
                    break;
                case LineBreak:
                    pattern.Append("\\s*");
                    break;
            }
        }

        pattern.Append(prefix ? "\\s*" : "\\s*$");
        if (names.Count == 0 && literal == 0) return null;
        Match match;
        try
        {
            match = Regex.Match(text, pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        if (!match.Success) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var value = match.Groups["p" + i.ToString(CultureInfo.InvariantCulture)].Value.Trim();
            if (value.Length == 0) return null;
            values[names[i].Name] = value;
            if (names[i].Format is { } f) values[names[i].Name + ":format"] = f;
        }

        values[":length"] = match.Length.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    private static string Literal(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) sb.Append("\\s*");
            else if (c == ':') sb.Append(":?");
            else if (c is '–' or '-' or '—') sb.Append("[–—-]");
            else if (c is '\'' or '’') sb.Append("['’]");
            else sb.Append(Regex.Escape(c.ToString()));
        }

        // Space around the words is optional: "Report of the" then the value.
        return (text.Length > 0 && char.IsWhiteSpace(text[0]) ? "\\s*" : string.Empty) + sb + (text.Length > 0 && char.IsWhiteSpace(text[^1]) ? "\\s*" : string.Empty);
    }

    private static bool IsDateFormat(string format) => format.Contains("yy", StringComparison.Ordinal) || format.Contains("MM", StringComparison.Ordinal);

    private static readonly (string Token, string Pattern)[] DateTokens =
    [
        ("dddd", "[A-Za-z]+"), ("ddd", "[A-Za-z]+"), ("Do", "\\d{1,2}(?:st|nd|rd|th)"), ("dd", "\\d{2}"), ("d", "\\d{1,2}"),
        ("MMMM", "[A-Za-z]+"), ("MMM", "[A-Za-z]+"), ("MM", "\\d{2}"), ("M", "\\d{1,2}"), ("yyyy", "\\d{4}"), ("yy", "\\d{2}"),
    ];

    /// <summary>A regular expression for dates in a .NET format with "Do" for 22nd.</summary>
    private static string DatePattern(string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length;)
        {
            var token = Array.Find(DateTokens, t => format.AsSpan(i).StartsWith(t.Token, StringComparison.Ordinal));
            if (token.Token is not null)
            {
                sb.Append(token.Pattern);
                i += token.Token.Length;
                continue;
            }

            sb.Append(char.IsWhiteSpace(format[i]) ? "\\s*" : Regex.Escape(format[i].ToString()));
            i++;
        }

        return sb.ToString();
    }

    /// <summary>A date as a style prints it, in <paramref name="format"/> (with "Do"), or any common form when the format is null.</summary>
    public static DateOnly? Date(string text, string? format)
    {
        text = Regex.Replace(text.Trim(), @"(\d)(st|nd|rd|th)\b", "$1", RegexOptions.IgnoreCase);
        string[] formats = format is null
            ? ["d MMMM yyyy", "dddd d MMMM yyyy", "dddd, d MMMM yyyy", "d MMM yyyy", "dd/MM/yyyy", "dd/MM/yy", "d/M/yyyy", "yyyy-MM-dd", "MMMM yyyy"]
            : [format.Replace("Do", "d", StringComparison.Ordinal), "d MMMM yyyy"];
        foreach (var f in formats)
        {
            if (DateTime.TryParseExact(text, f, English.Culture, DateTimeStyles.AllowWhiteSpaces, out var d)) return DateOnly.FromDateTime(d);
            if (DateTime.TryParseExact(text.ToLowerInvariant(), f, English.Culture, DateTimeStyles.AllowWhiteSpaces, out d)) return DateOnly.FromDateTime(d);
            var titled = English.Culture.TextInfo.ToTitleCase(text.ToLowerInvariant());
            if (DateTime.TryParseExact(titled, f, English.Culture, DateTimeStyles.AllowWhiteSpaces, out d)) return DateOnly.FromDateTime(d);
        }

        return null;
    }

    /// <summary>A time as a style prints it ("5.30 pm", "17:30").</summary>
    public static TimeOnly? Time(string text, IReadOnlyList<string> amPm)
    {
        var t = text.Trim().ToLowerInvariant();
        var pm = false;
        var am = false;
        if (amPm.Count == 2)
        {
            if (t.EndsWith(amPm[1].ToLowerInvariant(), StringComparison.Ordinal)) pm = true;
            else if (t.EndsWith(amPm[0].ToLowerInvariant(), StringComparison.Ordinal)) am = true;
        }

        var m = Regex.Match(t, @"^(\d{1,2})[.:](\d{2})");
        if (!m.Success) return null;
        var hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (pm && hour < 12) hour += 12;
        if (am && hour == 12) hour = 0;
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>A heading or label as compared: lower case, letters and digits only, single spaces.</summary>
    public static string Key(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }

        return sb.ToString().Trim();
    }
}
