using System.Globalization;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Typed access to a YAML mapping that reports unknown keys, missing fields and wrong types.</summary>
internal sealed class MappingReader
{
    private readonly YMapping mapping;
    private readonly DiagnosticBag diagnostics;
    private readonly string what;

    private MappingReader(YMapping mapping, DiagnosticBag diagnostics, MapShape shape)
    {
        this.mapping = mapping;
        this.diagnostics = diagnostics;
        what = shape.What;
        var keys = shape.KeyNames;
        foreach (var (key, _) in mapping.Entries)
        {
            // A mapping with free keys (abbreviations, a house style's own implications) takes any key.
            if (shape.FreeKeys is not null || keys.Contains(key.Value, StringComparer.Ordinal)) continue;
            var suggestion = Suggest.Nearest(key.Value, keys);
            var fix = suggestion is null
                ? $"the keys {what} can have are: {string.Join(", ", keys)}"
                : $"did you mean '{suggestion}'?";
            diagnostics.Error(DiagnosticCode.UnknownKey, key.At, $"{Capitalise(what)} {(Plural(what) ? "have" : "has")} no key '{key.Value}'; {fix}");
        }
    }

    public SourcePosition At => mapping.At;

    /// <summary>Reads <paramref name="node"/> as a mapping of the given shape; null (with an error) if it is not a mapping.</summary>
    public static MappingReader? For(YNode node, DiagnosticBag diagnostics, MapShape shape)
    {
        if (node is YMapping m) return new MappingReader(m, diagnostics, shape);
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"{Capitalise(shape.What)} must be a mapping of keys and values, not {node.KindName}.");
        return null;
    }

    public YNode? Node(string key)
    {
        foreach (var (k, v) in mapping.Entries)
        {
            if (k.Value == key) return v is YScalar { IsNull: true } ? null : v;
        }

        return null;
    }

    public SourcePosition KeyAt(string key)
    {
        foreach (var (k, _) in mapping.Entries)
        {
            if (k.Value == key) return k.At;
        }

        return mapping.At;
    }

    public string? Text(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }

        return TextOf(node, key, diagnostics);
    }

    public string RequiredText(string key)
    {
        var text = Text(key, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticCode.EmptyText, Node(key)!.At, $"'{key}' is empty; write the {key.Replace('-', ' ')}, or remove the line.");
        }

        return text ?? string.Empty;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }

        return DateOf(node, key, diagnostics);
    }

    public bool? Bool(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is YScalar s && YamlScalars.Boolean(s.Value) is { } value) return value;
        var shown = node is YScalar sc ? $"'{sc.Value}'" : node.KindName;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be true or false (yes and no do too), not {shown}.");
        return null;
    }

    /// <summary>A list whose entries are read by <paramref name="read"/>; a single entry may be written without the list.</summary>
    public IReadOnlyList<T> List<T>(string key, Func<YNode, T?> read, bool required = false)
        where T : class
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return [];
        }

        return ListOf(node, read);
    }

    public static IReadOnlyList<T> ListOf<T>(YNode node, Func<YNode, T?> read)
        where T : class
    {
        var items = node is YSequence seq ? seq.Items : [node];
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (read(item) is { } value) result.Add(value);
        }

        // An explicitly empty entry (~) of a list is left out; a reader that must keep places handles ~ itself.

        return result;
    }

    public void Missing(string key) =>
        diagnostics.Error(DiagnosticCode.MissingField, mapping.At, $"{Capitalise(what)} {(Plural(what) ? "need" : "needs")} '{key}'; add '{key}: …'.");

    /// <summary>Plain text (a name, a title): characters Word cannot hold are left out, with a warning at the first of them.</summary>
    public static string? TextOf(YNode node, string key, DiagnosticBag diagnostics)
    {
        if (node is YScalar s)
        {
            if (s.IsNull) return null;
            CheckText(s, diagnostics);
            if (!InlineMarkdown.HasForbidden(s.Value)) return s.Value;
            var kept = new System.Text.StringBuilder(s.Value.Length);
            var dropped = new SortedSet<string>(StringComparer.Ordinal);
            var at = -1;
            for (var i = 0; i < s.Value.Length; i++)
            {
                var c = s.Value[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Value.Length && char.IsLowSurrogate(s.Value[i + 1]))
                {
                    kept.Append(c).Append(s.Value[++i]);
                }
                else if (InlineMarkdown.IsForbidden(c))
                {
                    dropped.Add($"U+{(int)c:X4}");
                    if (at < 0) at = i;
                }
                else
                {
                    kept.Append(c);
                }
            }

            if (dropped.Count == 0) return s.Value;
            diagnostics.Warning(DiagnosticCode.ForbiddenCharacter, s.Map.At(at),
                $"'{key}' holds characters a Word document cannot contain ({string.Join(", ", dropped)}); they were left out. Retype the text to remove them.");
            return kept.ToString();
        }

        diagnostics.Error(DiagnosticCode.WrongType, node.At,
            $"'{key}' must be text, not {node.KindName}; write it on one line after '{key}:', or as a block with '>-'.");
        return null;
    }

    /// <summary>Inline Markdown, parsed here once, with every piece's place in the file.</summary>
    public static RichText? RichOf(YNode node, string key, DiagnosticBag diagnostics, bool placeholders = false, bool isText = true)
    {
        if (node is YScalar s)
        {
            if (s.IsNull) return null;
            if (isText) CheckText(s, diagnostics);
            return RichText.Parse(s.Value, s.Map, placeholders);
        }

        diagnostics.Error(DiagnosticCode.WrongType, node.At,
            $"'{key}' must be text, not {node.KindName}; write it on one line after '{key}:', or as a block with '>-'.");
        return null;
    }

    /// <summary>
    /// A value meant as text that YAML's rule (<see cref="YamlScalars"/>) reads as something else: true or false, or a
    /// number not written as it would be printed back (CP0082); or a date written as text, printed as written (CP0083).
    /// The value is kept as written; the warning says why the writer's editor and other tools read it otherwise.
    /// </summary>
    internal static void CheckText(YScalar s, DiagnosticBag diagnostics)
    {
        if (!s.IsPlain) return;
        switch (YamlScalars.Resolve(s.Value, plain: true))
        {
            case ScalarKind.Boolean:
                diagnostics.Warning(DiagnosticCode.NotTextToYaml, s.At,
                    $"YAML reads an unquoted {s.Value} as the value {s.Value.ToLowerInvariant()}, not as a word, so your editor marks it and other tools print '{s.Value.ToLowerInvariant()}'; put it in quotes (\"{s.Value}\") if the word is meant.");
                return;
            case ScalarKind.Number when YamlScalars.NumberReadOtherwise(s.Value) is { } other:
                diagnostics.Warning(DiagnosticCode.NotTextToYaml, s.At,
                    $"YAML reads an unquoted {Shorten(s.Value)} as the number {Shorten(other)}, so your editor and other tools see {Shorten(other)}; it is printed as written here, but put it in quotes (\"{Shorten(s.Value)}\") so that every reader agrees.");
                return;
            case ScalarKind.Text when YamlScalars.IsIsoDate(s.Value):
                diagnostics.Warning(DiagnosticCode.DateAsText, s.At,
                    $"'{s.Value}' is text here, so it is printed just as written; write the date as the paper should read ('{DateOnly.ParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", English.Culture)}'), or, in a table, give its column 'type: date'.");
                return;
        }
    }

    private static string Shorten(string s) => s.Length <= 30 ? s : s[..27] + "…";

    public RichText? Rich(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }

        return RichOf(node, key, diagnostics);
    }

    public RichText RequiredRich(string key)
    {
        var text = Rich(key, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text.Source))
        {
            diagnostics.Error(DiagnosticCode.EmptyText, Node(key)!.At, $"'{key}' is empty; write the {key.Replace('-', ' ')}, or remove the line.");
        }

        return text ?? RichText.Empty;
    }

    public static DateOnly? DateOf(YNode node, string key, DiagnosticBag diagnostics)
    {
        if (node is YScalar s && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var shown = node is YScalar sc ? $"'{sc.Value}'" : node.KindName;
        diagnostics.Error(DiagnosticCode.BadDate, node.At, $"'{key}' must be a date written YYYY-MM-DD (for example 2017-01-11), not {shown}.");
        return null;
    }

    /// <summary>"The recommendations need", "the contact details have": a thing named in the plural takes a plural verb.</summary>
    private static bool Plural(string what) => what.StartsWith("the ", StringComparison.Ordinal) && what.EndsWith('s');

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>"Did you mean …" for misspelt keys and names.</summary>
internal static class Suggest
{
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, word.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return int.MaxValue;
        var before = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var curr = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            curr[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                curr[j] = Math.Min(Math.Min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    curr[j] = Math.Min(curr[j], before[j - 2] + 1); // a swapped pair counts as one slip
                }
            }

            (before, prev, curr) = (prev, curr, before);
        }

        return prev[b.Length];
    }
}
