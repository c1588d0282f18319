using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>A piece of inline text, parsed once when it is read, with its place in the source.</summary>
public abstract record Inline
{
    /// <summary>Where the piece starts in the source; <see cref="SourcePosition.None"/> for text built in code.</summary>
    public SourcePosition At { get; init; }
}

/// <summary>Words, with their emphasis.</summary>
/// <param name="Text">The words, exactly as printed.</param>
public sealed record Run(string Text) : Inline
{
    /// <summary>Bold (<c>**…**</c>).</summary>
    public bool Bold { get; init; }

    /// <summary>Italic (<c>*…*</c>).</summary>
    public bool Italic { get; init; }
}

/// <summary>A line break inside a paragraph (two spaces or a backslash at the end of a line).</summary>
public sealed record LineBreak : Inline;

/// <summary>A link to a web or email address.</summary>
/// <param name="Url">The address: http, https or mailto.</param>
/// <param name="Content">What the link shows.</param>
public sealed record Link(string Url, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A reference to a footnote, <c>[^name]</c>; Word numbers it.</summary>
/// <param name="Name">The footnote's name under <c>footnotes:</c>.</param>
public sealed record FootnoteReference(string Name) : Inline
{
    /// <summary>Emphasis around the reference.</summary>
    public bool Bold { get; init; }

    /// <summary>Emphasis around the reference.</summary>
    public bool Italic { get; init; }
}

/// <summary>A cross-reference, <c>[@id]</c>: "paragraph 12", "Table 3", "Annex 1", computed by the house style.</summary>
/// <param name="Id">The id of the paragraph, table, annex or heading referred to.</param>
public sealed record CrossReference(string Id) : Inline
{
    /// <summary>Emphasis around the reference.</summary>
    public bool Bold { get; init; }

    /// <summary>Emphasis around the reference.</summary>
    public bool Italic { get; init; }
}

/// <summary>A placeholder in a house style's wording, <c>{name}</c> or <c>{date:d MMMM yyyy}</c>, filled in from the paper.</summary>
/// <param name="Name">The field it stands for.</param>
/// <param name="Format">A format after the colon, or null.</param>
public sealed record Placeholder(string Name, string? Format) : Inline
{
    /// <summary>Emphasis around the placeholder.</summary>
    public bool Bold { get; init; }

    /// <summary>Emphasis around the placeholder.</summary>
    public bool Italic { get; init; }
}

/// <summary>
/// Text as a paper writes it — inline Markdown with <c>**bold**</c>, <c>*italic*</c>, links, footnotes <c>[^name]</c>
/// and cross-references <c>[@id]</c> — parsed once, when it is read, into <see cref="Inlines"/> that keep their place in
/// the source. Nothing after reading parses, builds or escapes Markdown. A plain string converts to one implicitly, so
/// a paper can be built in code as <c>new Paragraph("The **Committee** is asked …")</c>.
/// </summary>
public sealed class RichText : IEquatable<RichText>
{
    private RichText(string source, IReadOnlyList<Inline> inlines, SourcePosition at, IReadOnlyList<Diagnostic> problems)
    {
        Source = source;
        Inlines = inlines;
        At = at;
        Problems = problems;
    }

    /// <summary>Empty text.</summary>
    public static RichText Empty { get; } = new(string.Empty, [], SourcePosition.None, []);

    /// <summary>The text as written.</summary>
    public string Source { get; }

    /// <summary>The parsed text.</summary>
    public IReadOnlyList<Inline> Inlines { get; }

    /// <summary>Where the text starts in the source.</summary>
    public SourcePosition At { get; }

    /// <summary>Whether there is no text at all.</summary>
    public bool IsEmpty => Source.Length == 0;

    /// <summary>What a reader sees, without emphasis or links (references print their ids).</summary>
    public string PlainText => Inlines is [Run only] ? only.Text : PlainOf(Inlines);

    /// <summary>Problems found while parsing (a link that is not http, a character Word cannot hold); reported when the text is laid out.</summary>
    internal IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>Parses inline Markdown. Never throws: problems are kept with the text and reported when it is laid out.</summary>
    /// <param name="markdown">The text.</param>
    /// <param name="at">Where it starts in a source file, if it comes from one.</param>
    public static RichText Parse(string markdown, SourcePosition at = default)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Parse(markdown, new LinearSourceMap(at, markdown), placeholders: false);
    }

    /// <summary>Text taken literally: no Markdown, as a person's name or a figure is.</summary>
    public static RichText Plain(string text, SourcePosition at = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RichText(text, text.Length == 0 ? [] : [new Run(text) { At = at }], at, []);
    }

    /// <summary>Parses a string as inline Markdown; null stays null.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(markdown))]
    public static implicit operator RichText?(string? markdown) => markdown is null ? null : Parse(markdown);

    /// <summary>Parses with a map from offsets in the text to places in the source; <paramref name="placeholders"/> reads <c>{name}</c> as <see cref="Placeholder"/>s.</summary>
    internal static RichText Parse(string markdown, ISourceMap map, bool placeholders)
    {
        var problems = new List<Diagnostic>();
        var inlines = InlineMarkdown.Parse(markdown, map, placeholders, problems);
        return new RichText(markdown, inlines, map.At(0), problems);
    }

    /// <summary>The same text with its problems taken out, once they have been reported where it was read (a style's wording).</summary>
    internal RichText WithoutProblems() => Problems.Count == 0 ? this : new(Source, Inlines, At, []);

    /// <summary>The same text with other inlines (filled placeholders, capitals), keeping source and position.</summary>
    internal RichText With(IReadOnlyList<Inline> inlines) => new(Source, inlines, At, Problems);

    /// <inheritdoc />
    public override string ToString() => Source;

    /// <inheritdoc />
    public bool Equals(RichText? other) => other is not null && Source == other.Source && At == other.At;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RichText);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, At);

    private static string PlainOf(IReadOnlyList<Inline> inlines)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < inlines.Count; i++) text.Append(Plain(inlines[i]));
        return text.ToString();
    }

    private static string Plain(Inline inline) => inline switch
    {
        Run r => r.Text,
        LineBreak => " ",
        Link l => PlainOf(l.Content),
        CrossReference c => c.Id,
        Placeholder p => "{" + p.Name + "}",
        _ => string.Empty,
    };
}
