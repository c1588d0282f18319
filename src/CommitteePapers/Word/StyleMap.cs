using CommitteePapers.Layout;
using CommitteePapers.Styles;
using System.Xml.Linq;
using static CommitteePapers.Definition.WordFile;

namespace CommitteePapers.Word;

/// <summary>
/// Which style id each paragraph style is written with: our own, or the council template's style that plays that
/// role (by the style file's mapping, or because the template has a style with our id).
/// </summary>
internal sealed class StyleMap
{
    private readonly string[] ids = new string[Enum.GetValues<ParaStyle>().Length];

    private StyleMap()
    {
        foreach (var style in Enum.GetValues<ParaStyle>()) ids[(int)style] = StylesWriter.DefaultId(style);
    }

    public StyleMap(HouseStyle house, XElement templateStyles)
        : this()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var style in templateStyles.Elements(W + "style"))
        {
            if (Val(style.Element(W + "name")) is { } styleName && Attribute(style, "styleId") is { } id) byName.TryAdd(styleName, id);
        }

        foreach (var style in Enum.GetValues<ParaStyle>())
        {
            if (StylesWriter.RoleOf(style) is { } role && house.TemplateStyles.TryGetValue(role, out var name) && byName.TryGetValue(name, out var templateId))
            {
                ids[(int)style] = templateId;
            }
        }
    }

    /// <summary>Our own ids: what every paper without a template is written with.</summary>
    public static StyleMap Own { get; } = new();

    public string IdOf(ParaStyle style) => ids[(int)style];
}
