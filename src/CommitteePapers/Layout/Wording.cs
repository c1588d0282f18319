using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>A house style's wording filled in with simple values (numbers, names, dates), for text outside a paper's body.</summary>
internal static class Wording
{
    /// <summary>The word <paramref name="key"/> with its placeholders filled in, as laid-out text.</summary>
    public static IReadOnlyList<LInline> Inlines(HouseStyle style, string key, IReadOnlyDictionary<string, object?> values) =>
        style.WordFor(key).Inlines.SelectMany(inline => inline switch
        {
            Run r => [new LText(r.Text, r.Bold, r.Italic)],
            // Laid-out text given for a placeholder (a field) goes in as it is.
            Placeholder p when values.TryGetValue(p.Name, out var v) && v is IReadOnlyList<LInline> laid => laid,
            Placeholder p => [new LText(Value(values.TryGetValue(p.Name, out var v) ? v : p.Name == "council" ? style.Council : null, p.Format, style), p.Bold, p.Italic)],
            LineBreak => [new LBreak()],
            _ => (IReadOnlyList<LInline>)[new LText(string.Empty)],
        }).ToList();

    /// <summary>The word <paramref name="key"/> filled in, as plain text.</summary>
    public static string Plain(HouseStyle style, string key, IReadOnlyDictionary<string, object?> values) =>
        string.Concat(Inlines(style, key, values).OfType<LText>().Select(t => t.Text));

    private static string Value(object? value, string? format, HouseStyle style) => value switch
    {
        null => string.Empty,
        DateOnly d => PaperLayout.FormatDate(d, format ?? style.DateFormat),
        int n => n.ToString(English.Culture),
        _ => value.ToString() ?? string.Empty,
    };
}
