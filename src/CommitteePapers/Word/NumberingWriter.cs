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

    public static Numbering Write(IReadOnlyList<ListInstance> lists, HouseStyle house)
    {
        var numbering = new Numbering();
        var kinds = lists.Select(l => l.Kind).Distinct().Order().ToList();
        foreach (var kind in kinds)
        {
            numbering.Append(Abstract(kind, house));
        }

        foreach (var list in lists)
        {
            var num = new NumberingInstance { NumberID = list.NumId };
            num.Append(new AbstractNumId { Val = AbstractId(list.Kind) });
            if (list.Restart)
            {
                for (var level = 0; level < Levels; level++)
                {
                    num.Append(new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = level });
                }
            }

            numbering.Append(num);
        }

        return numbering;
    }

    private static int AbstractId(ListKind kind) => (int)kind + 1;

    private static AbstractNum Abstract(ListKind kind, HouseStyle house)
    {
        // nsid is derived from the kind, never random, so output is byte-identical from run to run.
        var abstractNum = new AbstractNum { AbstractNumberId = AbstractId(kind) };
        abstractNum.Append(new Nsid { Val = $"C0DE{AbstractId(kind):X4}" });
        abstractNum.Append(new MultiLevelType { Val = kind == ListKind.Paragraphs ? MultiLevelValues.SingleLevel : MultiLevelValues.HybridMultilevel });
        for (var level = 0; level < Levels; level++)
        {
            var (format, text) = FormatOf(kind, level, house);
            var left = kind switch
            {
                ListKind.Paragraphs or ListKind.HeadingLetters => StylesWriter.IndentStep,
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
        var placeholder = $"%{level + 1}";
        string With(string levelText) => levelText.Replace("%1", placeholder, StringComparison.Ordinal);
        return kind switch
        {
            ListKind.Paragraphs => (NumberFormatValues.Decimal, With("%1.")),
            ListKind.SubItems => level % 2 == 0
                ? (NumberFormatValues.LowerLetter, With(house.SubItemFormat))
                : (NumberFormatValues.LowerRoman, With("%1.")),
            ListKind.Bullets => level % 2 == 0
                ? (NumberFormatValues.Bullet, "•")
                : (NumberFormatValues.LowerRoman, With("%1.")),
            ListKind.Recommendations => (NumberFormatValues.LowerRoman, With(house.RecommendationFormat)),
            ListKind.HeadingLetters => (NumberFormatValues.LowerLetter, With("%1)")),
            _ => (NumberFormatValues.Decimal, With("%1.")),
        };
    }
}
