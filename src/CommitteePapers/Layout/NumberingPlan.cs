using System.Globalization;
using System.Runtime.CompilerServices;
using CommitteePapers.Styles;
using Humanizer;

namespace CommitteePapers.Layout;

/// <summary>One level of a list as Word will show it: its number format, level text ("%1.%2."), start and indents.</summary>
/// <param name="Format">How the level's own counter looks.</param>
/// <param name="LevelText">Word's level text: literal text and %1 … %9 for the counters of this level and those above it.</param>
/// <param name="IndentTwips">Where the text starts, from the margin.</param>
/// <param name="HangingTwips">How far the number hangs to the left of the text.</param>
internal sealed record LevelPlan(NumberFormat Format, string LevelText, int IndentTwips, int HangingTwips)
{
    /// <summary>The first number of the level.</summary>
    public int Start { get; init; } = 1;
}

/// <summary>A kind of list in the document (Word's abstract numbering): the outline, sub-items, recommendations …</summary>
/// <param name="Id">Its id, from 1.</param>
/// <param name="Name">What it numbers, for readers of the plan ("outline", "sub-items").</param>
/// <param name="Levels">Its levels, top first.</param>
internal sealed record ListDefinition(int Id, string Name, IReadOnlyList<LevelPlan> Levels);

/// <summary>
/// One list in the document (Word's <c>w:num</c>). A restarting instance counts on its own from <see cref="Start"/>;
/// one that does not shares its definition's counters with every other such instance, as Word counts.
/// </summary>
internal sealed record ListInstance(int NumId, int DefinitionId, bool Restart)
{
    /// <summary>The first number of the top level when the instance restarts.</summary>
    public int Start { get; init; } = 1;
}

/// <summary>A paragraph's place in a list: which instance and which level.</summary>
internal sealed record ListRef(int NumId, int Level);

/// <summary>
/// The document's numbering, decided by layout: every list definition and instance, and the label each numbered
/// paragraph shows, counted here the way Word counts. The Word writer only writes this plan into numbering.xml; the
/// text of every cross-reference comes from the labels counted here.
/// </summary>
internal sealed class NumberingPlan(int indentStepTwips)
{
    private readonly List<ListDefinition> definitions = [];
    private readonly List<ListInstance> instances = [];
    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);

    public IReadOnlyList<ListDefinition> Definitions => definitions;

    public IReadOnlyList<ListInstance> Instances => instances;

    /// <summary>
    /// The definition called <paramref name="name"/>, made from patterns on first use. An outline's levels are its
    /// patterns; a list's patterns repeat for deeper levels (a), i., a), i. …).
    /// </summary>
    public ListDefinition Define(string name, IReadOnlyList<NumberPattern> patterns, bool outline, Func<int, int>? indentSteps = null)
    {
        if (definitions.Find(d => d.Name == name) is { } existing) return existing;
        var levels = new List<LevelPlan>();
        var count = outline ? patterns.Count : patterns.Count == 0 ? 0 : 9;
        // An outline's numbers hang one step into the margin at every level; a list's step in by level.
        indentSteps ??= outline ? _ => 1 : level => level + 2;
        for (var level = 0; level < count; level++)
        {
            var pattern = patterns[level % patterns.Count];
            levels.Add(new LevelPlan(pattern.Format, LevelText(pattern, level), indentStepTwips * indentSteps(level), indentStepTwips));
        }

        var definition = new ListDefinition(definitions.Count + 1, name, levels);
        definitions.Add(definition);
        return definition;
    }

    /// <summary>A new list of a definition; <paramref name="restart"/> makes it count from <paramref name="start"/> on its own.</summary>
    public ListInstance NewInstance(ListDefinition definition, bool restart, int start = 1)
    {
        var instance = new ListInstance(instances.Count + 1, definition.Id, restart) { Start = start };
        instances.Add(instance);
        return instance;
    }

    /// <summary>Counts a paragraph at <paramref name="level"/> of <paramref name="instance"/> as Word does, and returns the label it shows.</summary>
    public string Count(ListInstance instance, int level)
    {
        var definition = definitions[instance.DefinitionId - 1];
        var key = instance.Restart ? "num" + instance.NumId : "def" + definition.Id;
        if (!counters.TryGetValue(key, out var count))
        {
            count = new int[definition.Levels.Count];
            for (var i = 0; i < count.Length; i++) count[i] = (i == 0 && instance.Restart ? instance.Start : definition.Levels[i].Start) - 1;
            counters[key] = count;
        }

        count[level]++;
        for (var deeper = level + 1; deeper < count.Length; deeper++) count[deeper] = definition.Levels[deeper].Start - 1;
        return Label(definition, count, level);
    }

    /// <summary>The label a level shows for the given counters: the level text with each %n replaced in its level's format.</summary>
    public static string Label(ListDefinition definition, IReadOnlyList<int> count, int level)
    {
        var plan = definition.Levels[level];
        if (plan.Format == NumberFormat.Bullet) return plan.LevelText;
        var text = plan.LevelText;
        if (!text.Contains('%', StringComparison.Ordinal)) return text;
        // One pass over Word's level text: each "%n" of this level or one above it becomes that level's number. A
        // label is made for every numbered paragraph, so it is built on the stack and only the result is allocated.
        var label = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[64]);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] - '1' is var of && of >= 0 && of <= level)
            {
                var format = definition.Levels[of].Format;
                if (format == NumberFormat.Decimal) label.AppendFormatted(count[of]);
                else label.AppendFormatted(Format(format, count[of]));
                i++;
                continue;
            }

            label.AppendFormatted(text[i]);
        }

        return label.ToStringAndClear();
    }

    /// <summary>A number in a format, as Word prints it: 3, c, C, iii, III; aa after z.</summary>
    public static string Format(NumberFormat format, int n) => format switch
    {
        NumberFormat.LowerLetter => Letters(n),
        NumberFormat.UpperLetter => Letters(n).ToUpperInvariant(),
        NumberFormat.LowerRoman => n > 0 ? n.ToRoman().ToLowerInvariant() : n.ToString(CultureInfo.InvariantCulture),
        NumberFormat.UpperRoman => n > 0 ? n.ToRoman() : n.ToString(CultureInfo.InvariantCulture),
        NumberFormat.Bullet => string.Empty,
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int n)
    {
        if (n < 1) return n.ToString(CultureInfo.InvariantCulture);
        var letter = (char)('a' + ((n - 1) % 26));
        return new string(letter, ((n - 1) / 26) + 1);
    }

    /// <summary>Word's level text for a pattern at a level: its last counter is the level's own, those before it the levels above.</summary>
    private static string LevelText(NumberPattern pattern, int level)
    {
        var counters = pattern.Counters;
        var n = 0;
        var text = new System.Text.StringBuilder();
        foreach (var part in pattern.Parts)
        {
            if (part is string literal)
            {
                text.Append(literal);
                continue;
            }

            var of = level - (counters - 1 - n);
            n++;
            // A pattern showing more counters than there are levels above it shows only the ones that exist.
            if (of >= 0) text.Append('%').Append((of + 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
