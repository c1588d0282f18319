using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>
/// Which style id each paragraph style is written with: our own, or the council template's style that plays that
/// role (by the style file's mapping, or because the template has a style with our id).
/// </summary>
internal sealed class StyleMap
{
    private readonly Dictionary<ParaStyle, string> ids = [];

    public StyleMap(HouseStyle house, DocumentFormat.OpenXml.Wordprocessing.Styles? templateStyles)
    {
        var byName = templateStyles?.Elements<Style>()
            .Where(s => s.StyleName?.Val?.Value is not null && s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleName!.Val!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().StyleId!.Value!, StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var style in Enum.GetValues<ParaStyle>())
        {
            var id = StylesWriter.DefaultId(style);
            if (StylesWriter.RoleOf(style) is { } role && house.TemplateStyles.TryGetValue(role, out var name) && byName.TryGetValue(name, out var templateId))
            {
                id = templateId;
            }

            ids[style] = id;
        }
    }

    public string IdOf(ParaStyle style) => ids[style];
}
