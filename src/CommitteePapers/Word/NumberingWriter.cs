using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Word;

/// <summary>
/// Writes numbering.xml from layout's numbering plan: one abstract definition per list definition and one
/// <c>w:num</c> per list instance; instances that count on their own get a start override on every level. It decides
/// nothing: formats, level texts, starts and indents are the plan's.
/// </summary>
internal static class NumberingWriter
{
    public static void Write(XmlOut xml, IReadOnlyList<ListDefinition> definitions, IReadOnlyList<ListInstance> instances, string bulletFont)
    {
        xml.Start("w:numbering"u8).Attr("xmlns:w"u8, Namespaces.W);
        foreach (var definition in definitions) Abstract(xml, definition, bulletFont);
        foreach (var instance in instances)
        {
            xml.Start("w:num"u8).Attr("w:numId"u8, instance.NumId);
            xml.Value("w:abstractNumId"u8, "w:val"u8, instance.DefinitionId);
            if (instance.Restart)
            {
                var levels = definitions[instance.DefinitionId - 1].Levels;
                for (var level = 0; level < levels.Count; level++)
                {
                    xml.Start("w:lvlOverride"u8).Attr("w:ilvl"u8, level);
                    xml.Value("w:startOverride"u8, "w:val"u8, level == 0 ? instance.Start : levels[level].Start);
                    xml.End("w:lvlOverride"u8);
                }
            }

            xml.End("w:num"u8);
        }

        xml.End("w:numbering"u8);
    }

    private static void Abstract(XmlOut xml, ListDefinition definition, string bulletFont)
    {
        xml.Start("w:abstractNum"u8).Attr("w:abstractNumId"u8, definition.Id);
        // nsid is derived from the definition's id, never random, so output is byte-identical from run to run.
        Span<char> nsid = stackalloc char[8];
        "C0DE".CopyTo(nsid);
        definition.Id.TryFormat(nsid[4..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
        xml.Value("w:nsid"u8, "w:val"u8, new string(nsid));
        xml.Value("w:multiLevelType"u8, "w:val"u8, definition.Levels.Count <= 1 ? "singleLevel"u8 : "multilevel"u8);
        for (var level = 0; level < definition.Levels.Count; level++)
        {
            // lvl children in the schema's order: start, numFmt, lvlText, lvlJc, pPr, rPr.
            var plan = definition.Levels[level];
            xml.Start("w:lvl"u8).Attr("w:ilvl"u8, level);
            xml.Value("w:start"u8, "w:val"u8, plan.Start);
            xml.Value("w:numFmt"u8, "w:val"u8, Format(plan.Format));
            xml.Value("w:lvlText"u8, "w:val"u8, plan.LevelText);
            xml.Value("w:lvlJc"u8, "w:val"u8, "left"u8);
            xml.Start("w:pPr"u8);
            xml.Start("w:ind"u8).Attr("w:left"u8, plan.IndentTwips).Attr("w:hanging"u8, plan.HangingTwips).End("w:ind"u8);
            xml.End("w:pPr"u8);
            if (plan.Format == NumberFormat.Bullet)
            {
                xml.Start("w:rPr"u8);
                xml.Start("w:rFonts"u8).Attr("w:ascii"u8, bulletFont).Attr("w:hAnsi"u8, bulletFont).Attr("w:hint"u8, "default"u8).End("w:rFonts"u8);
                xml.End("w:rPr"u8);
            }

            xml.End("w:lvl"u8);
        }

        xml.End("w:abstractNum"u8);
    }

    private static ReadOnlySpan<byte> Format(NumberFormat format) => format switch
    {
        NumberFormat.LowerLetter => "lowerLetter"u8,
        NumberFormat.UpperLetter => "upperLetter"u8,
        NumberFormat.LowerRoman => "lowerRoman"u8,
        NumberFormat.UpperRoman => "upperRoman"u8,
        NumberFormat.Bullet => "bullet"u8,
        _ => "decimal"u8,
    };
}
