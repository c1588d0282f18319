using System.Globalization;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>
/// Writes numbering.xml from layout's numbering plan: one abstract definition per list definition and one
/// <c>w:num</c> per list instance; instances that count on their own get a start override on every level. It decides
/// nothing: formats, level texts, starts and indents are the plan's.
/// </summary>
internal static class NumberingWriter
{
    public static Numbering Write(IReadOnlyList<ListDefinition> definitions, IReadOnlyList<ListInstance> instances, string bulletFont)
    {
        var numbering = new Numbering();
        foreach (var definition in definitions) numbering.Append(Abstract(definition, bulletFont));
        foreach (var instance in instances)
        {
            var num = new NumberingInstance { NumberID = instance.NumId };
            num.Append(new AbstractNumId { Val = instance.DefinitionId });
            if (instance.Restart)
            {
                var levels = definitions[instance.DefinitionId - 1].Levels;
                for (var level = 0; level < levels.Count; level++)
                {
                    num.Append(new LevelOverride(new StartOverrideNumberingValue { Val = level == 0 ? instance.Start : levels[level].Start }) { LevelIndex = level });
                }
            }

            numbering.Append(num);
        }

        return numbering;
    }

    private static AbstractNum Abstract(ListDefinition definition, string bulletFont)
    {
        // nsid is derived from the definition's id, never random, so output is byte-identical from run to run.
        var abstractNum = new AbstractNum { AbstractNumberId = definition.Id };
        abstractNum.Append(new Nsid { Val = $"C0DE{definition.Id:X4}" });
        abstractNum.Append(new MultiLevelType { Val = definition.Levels.Count <= 1 ? MultiLevelValues.SingleLevel : MultiLevelValues.Multilevel });
        for (var level = 0; level < definition.Levels.Count; level++)
        {
            var plan = definition.Levels[level];
            var lvl = new Level
            {
                LevelIndex = level,
                StartNumberingValue = new StartNumberingValue { Val = plan.Start },
                NumberingFormat = new NumberingFormat { Val = Format(plan.Format) },
                LevelText = new LevelText { Val = plan.LevelText },
                LevelJustification = new LevelJustification { Val = LevelJustificationValues.Left },
                PreviousParagraphProperties = new PreviousParagraphProperties(new Indentation
                {
                    Left = plan.IndentTwips.ToString(CultureInfo.InvariantCulture),
                    Hanging = plan.HangingTwips.ToString(CultureInfo.InvariantCulture),
                }),
            };
            if (plan.Format == NumberFormat.Bullet)
            {
                lvl.NumberingSymbolRunProperties = new NumberingSymbolRunProperties(new RunFonts { Ascii = bulletFont, HighAnsi = bulletFont, Hint = FontTypeHintValues.Default });
            }

            abstractNum.Append(lvl);
        }

        return abstractNum;
    }

    private static NumberFormatValues Format(NumberFormat format) => format switch
    {
        NumberFormat.LowerLetter => NumberFormatValues.LowerLetter,
        NumberFormat.UpperLetter => NumberFormatValues.UpperLetter,
        NumberFormat.LowerRoman => NumberFormatValues.LowerRoman,
        NumberFormat.UpperRoman => NumberFormatValues.UpperRoman,
        NumberFormat.Bullet => NumberFormatValues.Bullet,
        _ => NumberFormatValues.Decimal,
    };
}
