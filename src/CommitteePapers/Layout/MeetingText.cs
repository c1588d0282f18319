using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>How councils write attendance: "Councillors Daubeney (Chair), Fenton and Webb (Vice-Chair)", in the style's words.</summary>
internal static class MeetingText
{
    /// <summary>Members with their roles, in the style's order and words; null when nobody is named.</summary>
    public static string? Members(Membership members, MemberListing listing, HouseStyle style)
    {
        var names = new List<(string Sort, string Text)>();
        if (members.Chair is { } chair) names.Add((chair, $"{chair} ({listing.Chair})"));
        if (members.ViceChair is { } vice) names.Add((vice, $"{vice} ({listing.ViceChair})"));
        names.AddRange(members.Members.Select(m => (m, m)));
        names.AddRange(members.Substitutes.Select(s => (s.Name, Substitute(s, style))));
        if (names.Count == 0) return null;
        var ordered = listing.Alphabetical ? names.OrderBy(n => n.Sort, English.Names).ToList() : names;
        return Join(ordered.Select(n => n.Text).ToList(), names.Count == 1 ? listing.One : listing.Many, listing.LastSeparator);
    }

    /// <summary>Names after the style's prefix: "Councillors Baker, Barker and Fitzpatrick".</summary>
    public static string? Names(IReadOnlyList<string> names, MemberListing listing) =>
        names.Count == 0 ? null : Join(names, names.Count == 1 ? listing.One : listing.Many, listing.LastSeparator);

    private static string Substitute(Substitute substitute, HouseStyle style) =>
        string.Concat(style.WordFor("substitute").Inlines.Select(i => i switch
        {
            Placeholder { Name: "name" } => substitute.Name,
            Placeholder { Name: "for" } => substitute.For,
            Run r => r.Text,
            _ => string.Empty,
        }));

    private static string Join(IReadOnlyList<string> names, string prefix, string last)
    {
        var joined = last == "," ? string.Join(", ", names) : English.List(names, last);
        return prefix.Length == 0 ? joined : prefix + " " + joined;
    }
}
