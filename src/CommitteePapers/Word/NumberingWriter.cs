using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>
/// Writes numbering.xml: one abstract definition per <see cref="ListKind"/> and one <c>w:num</c> per list instance
/// the layout asked for. Instances that must count from 1 get a start override on every level.
/// </summary>
internal static class NumberingWriter
{
    private const int Levels = 4;

    public static Numbering Write(IReadOnlyList<ListInstance> lists, HouseStyle house, StyleMap styleMap)
    {
        var numbering = new Numbering();
        var kinds = lists.Select(l => l.Kind).Distinct().Order().ToList();
        foreach (var kind in kinds)
        {
            numbering.Append(Abstract(kind, house, styleMap));
        }

        foreach (var list in lists)
        {
            var num = new NumberingInstance { NumberID = list.NumId };
            num.Append(new AbstractNumId { Val = AbstractId(list.Kind) });
            if (list.Restart)
            {
                for (var level = 0; level < Levels; level++)
                {
                    num.Append(new LevelOverride(new StartOverrideNumberingValue { Val = level == 0 ? list.Start : 1 }) { LevelIndex = level });
                }
            }

            numbering.Append(num);
        }

        return numbering;
    }

    private static int AbstractId(ListKind kind) => (int)kind + 1;

    private static AbstractNum Abstract(ListKind kind, HouseStyle house, StyleMap styleMap)
    {
        // nsid is derived from the kind, never random, so output is byte-identical from run to run.
        var abstractNum = new AbstractNum { AbstractNumberId = AbstractId(kind) };
        abstractNum.Append(new Nsid { Val = $"C0DE{AbstractId(kind):X4}" });
        abstractNum.Append(new MultiLevelType { Val = kind switch
        {
            ListKind.Paragraphs => MultiLevelValues.SingleLevel,
            ListKind.Decimal => MultiLevelValues.Multilevel,
            _ => MultiLevelValues.HybridMultilevel,
        } });
        for (var level = 0; level < Levels; level++)
        {
            var (format, text) = FormatOf(kind, level, house);
            var left = kind switch
            {
                ListKind.Paragraphs or ListKind.HeadingLetters or ListKind.Decimal or ListKind.Agenda => StylesWriter.IndentStep,
                ListKind.Minutes => StylesWriter.IndentStep * 2,
                _ => StylesWriter.IndentStep * (level + 2),
            };
            var lvl = new Level
            {
                LevelIndex = level,
                StartNumberingValue = new StartNumberingValue { Val = 1 },
                NumberingFormat = new NumberingFormat { Val = format },
                LevelText = new LevelText { Val = text },
                LevelJustification = new LevelJustification { Val = LevelJustificationValues.Left },
                PreviousParagraphProperties = new PreviousParagraphProperties(
                    new Indentation { Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = StylesWriter.IndentStep.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            };
            if (format == NumberFormatValues.Bullet)
            {
                lvl.NumberingSymbolRunProperties = new NumberingSymbolRunProperties(new RunFonts { Ascii = house.Font, HighAnsi = house.Font, Hint = FontTypeHintValues.Default });
            }

            abstractNum.Append(lvl);
        }

        return abstractNum;
    }

    private static (NumberFormatValues Format, string Text) FormatOf(ListKind kind, int level, HouseStyle house)
    {
        (NumberFormatValues, string) Pattern(string pattern)
        {
            var p = ItemPattern.Parse(pattern);
            return (Format(p.Kind), p.LevelText(level));
        }

        return kind switch
        {
            ListKind.Paragraphs => (NumberFormatValues.Decimal, $"%{level + 1}."),
            ListKind.Decimal => (NumberFormatValues.Decimal, string.Concat(Enumerable.Range(1, level + 1).Select(i => $"%{i}.")) ),
            ListKind.SubItems => Pattern(level % 2 == 0 ? house.SubItems : house.NestedItems),
            ListKind.Bullets => level % 2 == 0 ? (NumberFormatValues.Bullet, "•") : Pattern(house.NestedItems),
            ListKind.Recommendations => Pattern(house.RecommendationItems),
            ListKind.HeadingLetters => (NumberFormatValues.LowerLetter, $"%{level + 1})"),
            ListKind.Minutes => (NumberFormatValues.Decimal, house.MinuteNumbers.Replace("%1", $"%{level + 1}", StringComparison.Ordinal)),
            ListKind.Agenda => (NumberFormatValues.Decimal, $"%{level + 1}."),
            ListKind.Resolutions => (NumberFormatValues.LowerRoman, $"(%{level + 1})"),
            _ => (NumberFormatValues.Decimal, $"%{level + 1}."),
        };
    }

    private static NumberFormatValues Format(char kind) => kind switch
    {
        'a' => NumberFormatValues.LowerLetter,
        'A' => NumberFormatValues.UpperLetter,
        'i' => NumberFormatValues.LowerRoman,
        'I' => NumberFormatValues.UpperRoman,
        _ => NumberFormatValues.Decimal,
    };
}
