using CommitteePapers.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CommitteePapers.Definition;

/// <summary>Limits that keep reading bounded in time and memory whatever a file contains.</summary>
public sealed record ReaderLimits
{
    /// <summary>The default limits: 4 MiB, 64 levels, 100,000 elements, 1,000 aliases.</summary>
    public static ReaderLimits Default { get; } = new();

    /// <summary>The largest file read, in bytes (UTF-8).</summary>
    public int MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How deep lists and mappings may nest.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>How many elements (scalars, lists, mappings) the file may hold once aliases are expanded.</summary>
    public int MaxElements { get; init; } = 100_000;

    /// <summary>How many aliases (<c>*name</c>) the file may use.</summary>
    public int MaxAliases { get; init; } = 1_000;
}

/// <summary>A YAML node with its position; built from parser events so every node keeps line and column.</summary>
internal abstract class YNode(SourcePosition at)
{
    public SourcePosition At { get; } = at;

    /// <summary>The number of elements this node stands for, aliases expanded.</summary>
    public long Weight { get; set; } = 1;

    /// <summary>Set on a file's root when aliases make some node below it reachable more than once.</summary>
    public bool SharesNodes { get; set; }

    public abstract string KindName { get; }
}

internal sealed class YScalar : YNode, ISourceMap
{
    // Where the scalar is written, kept as the file's line index and an offset rather than a map object per scalar:
    // the walk from value to source (ScalarSourceMap) runs only when a diagnostic or a text's position asks.
    private readonly LineIndex? lines;
    private readonly int start;
    private readonly ScalarStyle style;
    private readonly bool isPlain;

    public YScalar(SourcePosition at, string value, bool isPlain)
        : base(at)
    {
        Value = value;
        this.isPlain = isPlain;
    }

    /// <summary>A scalar read from <paramref name="lines"/>'s text, starting at the character <paramref name="start"/>.</summary>
    public YScalar(LineIndex lines, int start, ScalarStyle style, string value)
        : base(lines.At(start))
    {
        Value = value;
        this.lines = lines;
        this.start = start;
        this.style = style;
        isPlain = style == ScalarStyle.Plain;
    }

    private YScalar(SourcePosition alias, YScalar used)
        : base(alias)
    {
        Value = used.Value;
        Weight = used.Weight;
        lines = used.lines;
        start = used.start;
        style = used.style;
        isPlain = used.isPlain;
    }

    public string Value { get; }

    /// <summary>Where each character of the value is in the file, for diagnostics inside text.</summary>
    public ISourceMap Map => this;

    /// <summary>The same scalar where an alias uses it: its characters are still where the anchor wrote them.</summary>
    public YScalar UsedAt(SourcePosition alias) => new(alias, this);

    /// <summary>Written without quotes and not as a block, so YAML's rule for what it is applies (<see cref="YamlScalars"/>).</summary>
    public bool IsPlain => isPlain;

    /// <summary>A plain scalar (not quoted, not a block) can mean null: <c>~</c>, <c>null</c> or nothing.</summary>
    public bool IsNull => YamlScalars.Resolve(Value, isPlain) == ScalarKind.Null;

    public override string KindName => IsNull ? "nothing" : "text";

    SourcePosition ISourceMap.At(int offset) => lines is null
        ? LinearSourceMap.Locate(At, Value, offset)
        : ScalarSourceMap.Locate(lines, start, style, Value, offset);
}

internal sealed class YSequence(SourcePosition at) : YNode(at)
{
    public List<YNode> Items { get; private init; } = [];

    /// <summary>The same list (its items shared, not copied) where an alias uses it.</summary>
    public YSequence UsedAt(SourcePosition alias) => new(alias) { Items = Items, Weight = Weight };

    public override string KindName => "a list";
}

internal sealed class YMapping(SourcePosition at) : YNode(at)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; private init; } = [];

    /// <summary>The same mapping (its entries shared, not copied) where an alias uses it.</summary>
    public YMapping UsedAt(SourcePosition alias) => new(alias) { Entries = Entries, Weight = Weight };

    public override string KindName => "a mapping";
}

/// <summary>Reads YAML text into a <see cref="YNode"/> tree, enforcing the limits; never throws on bad input.</summary>
internal static class YamlTree
{
    public static YNode? Parse(string text, string file, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var lines = new LineIndex(text, file);
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<(YNode Node, YScalar? PendingKey, string? Anchor)>();
        YNode? root = null;
        var aliases = 0;
        long elements = 0;
        var last = Mark.Empty;
        try
        {
            while (MoveNext(parser, last))
            {
                var ev = parser.Current!;
                last = ev.End;
                YNode? complete = null;
                switch (ev)
                {
                    case DocumentStart when root is not null:
                        diagnostics.Error(DiagnosticCode.InvalidYaml, lines.At(ev.Start),
                            "A paper is one YAML document; remove the second '---' and what follows it, or put it in its own file.");
                        root.SharesNodes = aliases > 0;
                        return root;
                    case Scalar s:
                        RunOnLines.Check(text, lines, s, diagnostics);
                        complete = new YScalar(lines, (int)Math.Clamp(s.Start.Index, 0, text.Length), s.Style, s.Value);
                        Register(anchors, s.Anchor, complete);
                        break;
                    case SequenceStart ss:
                        if (!Push(stack, new YSequence(lines.At(ss.Start)), ss.Anchor, limits, lines, ss.Start, diagnostics)) return null;
                        break;
                    case MappingStart ms:
                        if (!Push(stack, new YMapping(lines.At(ms.Start)), ms.Anchor, limits, lines, ms.Start, diagnostics)) return null;
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        // A collection's anchor is registered only once it is complete, so an alias can never
                        // point into its own unfinished parent (no cycles).
                        var (finished, _, anchor) = stack.Pop();
                        if (anchor is not null) anchors[anchor] = finished;
                        complete = finished;
                        break;
                    case AnchorAlias alias:
                        if (++aliases > limits.MaxAliases)
                        {
                            diagnostics.Error(DiagnosticCode.TooManyAliases, lines.At(alias.Start),
                                $"The file uses more than {limits.MaxAliases} aliases; write the text out instead of repeating it with '*'.");
                            return null;
                        }

                        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
                        {
                            diagnostics.Error(DiagnosticCode.UnknownAlias, lines.At(alias.Start),
                                $"'*{alias.Value.Value}' refers to no anchor defined before it; define '&{alias.Value.Value}' first, or remove the alias.");
                            return null;
                        }

                        // The alias stands at its own place: a problem with the value as a whole (a list where text is
                        // wanted) is reported there. What lies inside is shared with the anchor, so a problem inside
                        // it is reported once, where it is written (the diagnostic bag keeps one of identical ones).
                        complete = anchored switch
                        {
                            YScalar s => s.UsedAt(lines.At(alias.Start)),
                            YSequence q => q.UsedAt(lines.At(alias.Start)),
                            YMapping m => m.UsedAt(lines.At(alias.Start)),
                            _ => anchored,
                        };
                        break;
                }

                if (complete is null) continue;
                elements += complete is YScalar || ev is AnchorAlias ? complete.Weight : 1;
                if (elements > limits.MaxElements)
                {
                    var code = aliases > 0 ? DiagnosticCode.TooManyAliases : DiagnosticCode.TooManyElements;
                    diagnostics.Error(code, lines.At(ev.Start), aliases > 0
                        ? $"Aliases in this file expand to more than {limits.MaxElements} elements; write the text out instead of repeating it with '*'."
                        : $"The file has more than {limits.MaxElements} elements; split the paper, or raise the limit.");
                    return null;
                }

                if (stack.Count == 0)
                {
                    root = complete;
                    continue;
                }

                var (parent, pendingKey, parentAnchor) = stack.Pop();
                parent.Weight += complete.Weight;
                switch (parent)
                {
                    case YSequence seq:
                        seq.Items.Add(complete);
                        stack.Push((parent, null, parentAnchor));
                        break;
                    case YMapping map when pendingKey is null:
                        if (complete is not YScalar key)
                        {
                            diagnostics.Error(DiagnosticCode.InvalidYaml, complete.At,
                                "A key must be a plain word such as 'title'; a list or mapping cannot be a key.");
                            return null;
                        }

                        stack.Push((parent, key, parentAnchor));
                        break;
                    case YMapping map:
                        if (HasKey(map, pendingKey.Value))
                        {
                            diagnostics.Error(DiagnosticCode.DuplicateKey, pendingKey.At,
                                $"'{pendingKey.Value}' appears twice in the same mapping; keep one and remove the other.");
                        }
                        else
                        {
                            map.Entries.Add(new(pendingKey, complete));
                        }

                        stack.Push((parent, null, parentAnchor));
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = lines.At(ex.Start);
            if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is { } line)
            {
                at = new SourcePosition(file, line, 1); // YamlDotNet points at the mapping, not at the tab
            }

            diagnostics.Error(DiagnosticCode.InvalidYaml, at, Explain(ex));
            return null;
        }

        if (root is not null) root.SharesNodes = aliases > 0;
        return root;
    }

    /// <summary>
    /// YamlDotNet throws <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> rather than
    /// <see cref="YamlException"/> on some broken input (a file that starts with '...', an unclosed '[' followed by
    /// block content, a '!!' stuck to a '['); those become YAML errors at the end of the last event read.
    /// </summary>
    /// <summary>Whether the mapping already has <paramref name="key"/>: a loop, not a closure for each key of a paper.</summary>
    private static bool HasKey(YMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value == key) return true;
        }

        return false;
    }

    private static bool MoveNext(Parser parser, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            throw new YamlException(last, last,
                "the structure breaks off here (is a '[' or '{' left open, or is there a '...' before the end?)", ex);
        }
        catch (ArgumentException ex)
        {
            throw new YamlException(last, last, "a tag or anchor here is not valid (is a '!' or '&' written by mistake?)", ex);
        }
    }

    private static int? FirstTabIndent(string text)
    {
        var line = 0;
        foreach (var l in text.Split('\n'))
        {
            line++;
            var indent = l.AsSpan(0, l.Length - l.TrimStart().Length);
            if (indent.Contains('\t')) return line;
        }

        return null;
    }

    private static bool Push(Stack<(YNode, YScalar?, string?)> stack, YNode node, AnchorName anchor, ReaderLimits limits, LineIndex lines, Mark at, DiagnosticBag diagnostics)
    {
        if (stack.Count >= limits.MaxDepth)
        {
            diagnostics.Error(DiagnosticCode.TooDeep, lines.At(at),
                $"Lists and mappings nest more than {limits.MaxDepth} levels deep here; a paper never needs that many: check the indentation.");
            return false;
        }

        stack.Push((node, null, anchor.IsEmpty ? null : anchor.Value));
        return true;
    }

    private static void Register(Dictionary<string, YNode> anchors, AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static string Explain(YamlException ex)
    {
        var message = ex.Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && colon > 0) message = message[(colon + 3)..];
        message = message.TrimEnd('.');
        var hint = message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? "indent with spaces, not tabs"
            : message.Contains("mapping values", StringComparison.OrdinalIgnoreCase)
                ? "a text that contains ': ' must be put in quotes, or written as a block with '>-'"
                : "check the indentation and quotes on this line and the one before it";
        return $"The YAML cannot be read: {message}; {hint}.";
    }
}
