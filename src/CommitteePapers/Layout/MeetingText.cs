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

    /// <summary>Members with their roles, in the style's order and words; null when nobody is named.</summary>
    public static string? Members(Membership members, MemberListing listing)
    {
        var names = new List<(string Sort, string Text)>();
        if (members.Chair is { } chair) names.Add((chair, $"{chair} ({listing.Chair})"));
        if (members.ViceChair is { } vice) names.Add((vice, $"{vice} ({listing.ViceChair})"));
        names.AddRange(members.Members.Select(m => (m, m)));
        names.AddRange(members.Substitutes.Select(s => (s.Name, $"{s.Name} (Substitute for Cllr {s.For})")));
        if (names.Count == 0) return null;
        var ordered = listing.Alphabetical ? names.OrderBy(n => n.Sort, StringComparer.Create(EnGb, ignoreCase: true)).ToList() : names;
        return Join(ordered.Select(n => n.Text).ToList(), names.Count == 1 ? listing.One : listing.Many, listing.LastSeparator);
    }

    /// <summary>Names after the style's prefix: "Councillors Baker, Barker and Fitzpatrick".</summary>
    public static string? Names(IReadOnlyList<string> names, MemberListing listing) =>
        names.Count == 0 ? null : Join(names, names.Count == 1 ? listing.One : listing.Many, listing.LastSeparator);

    private static string Join(IReadOnlyList<string> names, string prefix, string last)
    {
        var joined = last == "," ? string.Join(", ", names) : names.Humanize(last);
        return prefix.Length == 0 ? joined : prefix + " " + joined;
    }

}
