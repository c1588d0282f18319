using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Styles;
using Humanizer;

namespace CommitteePapers.Layout;

/// <summary>How councils write names, times and attendance: "Councillors Daubeney (Chair), Fenton and Webb (Vice-Chair)".</summary>
internal static class MeetingText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string? Time(TimeOnly? time, HouseStyle style) =>
        time?.ToString(style.TimeFormat, EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    /// <summary>Members in alphabetical order with their roles, after "Councillors"; null when nobody is named.</summary>
    public static string? Members(Membership members, bool alphabetical)
    {
        var names = new List<(string Sort, string Text)>();
        if (members.Chair is { } chair) names.Add((chair, $"{chair} (Chair)"));
        if (members.ViceChair is { } vice) names.Add((vice, $"{vice} (Vice-Chair)"));
        names.AddRange(members.Members.Select(m => (m, m)));
        names.AddRange(members.Substitutes.Select(s => (s.Name, $"{s.Name} (Substitute for Cllr {s.For})")));
        if (names.Count == 0) return null;
        var ordered = alphabetical ? names.OrderBy(n => n.Sort, StringComparer.Create(EnGb, ignoreCase: true)).ToList() : names;
        return (names.Count == 1 ? "Councillor " : "Councillors ") + ordered.Select(n => n.Text).Humanize("and");
    }

    public static string? Names(IReadOnlyList<string> names, string? prefixOne = null, string? prefixMany = null)
    {
        if (names.Count == 0) return null;
        var prefix = names.Count == 1 ? prefixOne : prefixMany;
        return (prefix is null ? string.Empty : prefix + " ") + names.Humanize("and");
    }
}
