namespace CommitteePapers.Definition;

/// <summary>
/// The shape of the YAML a user writes: every key, its kind of value and its description. One source of truth:
/// the readers take their key lists from here and the JSON Schema is generated from here.
/// </summary>
internal abstract record Shape(string Description);

/// <summary>Text (inline Markdown where <see cref="Markdown"/>), optionally from a closed set.</summary>
internal sealed record TextShape(string Description, bool Markdown = false, IReadOnlyList<string>? Allowed = null, string? Example = null) : Shape(Description)
{
    /// <summary>A regular expression the text must match (the schema's 'pattern').</summary>
    public string? Pattern { get; init; }

    /// <summary>What the editor says when the text does not match <see cref="Pattern"/>.</summary>
    public string? PatternMessage { get; init; }
}

/// <summary>A date written YYYY-MM-DD.</summary>
internal sealed record DateShape(string Description) : Shape(Description);

/// <summary>A time written HH:MM (24-hour clock).</summary>
internal sealed record TimeShape(string Description) : Shape(Description);

/// <summary>true or false.</summary>
internal sealed record BoolShape(string Description) : Shape(Description);

/// <summary>A whole number, or any number.</summary>
internal sealed record NumberShape(string Description, bool Integer = false, double? Minimum = null, double? Maximum = null) : Shape(Description);

/// <summary>A list; a single entry may be written without the list when <see cref="SingleAllowed"/>.</summary>
internal sealed record ListShape(string Description, Shape Item, bool SingleAllowed = true) : Shape(Description);

/// <summary>Any one of several shapes (a paragraph is text, or a mapping).</summary>
internal sealed record OneOfShape(string Description, IReadOnlyList<Shape> Options) : Shape(Description);

/// <summary>A value that can be anything (a table cell: text, a number, or nothing).</summary>
internal sealed record AnyScalarShape(string Description) : Shape(Description);

/// <summary>A reference to a named shape defined in <see cref="Shapes.Named"/> (for recursion: sections in sections).</summary>
internal sealed record RefShape(string Name, string Over = "") : Shape(Over);

/// <summary>A key of a mapping.</summary>
internal sealed record KeyShape(string Key, Shape Value, bool Required = false);

/// <summary>A mapping with known keys; <see cref="FreeKeys"/> for name → value mappings such as abbreviations.</summary>
internal sealed record MapShape(string Name, string What, string Description, IReadOnlyList<KeyShape> Keys, Shape? FreeKeys = null)
    : Shape(Description)
{
    public IReadOnlyList<string> KeyNames { get; } = Keys.Select(k => k.Key).ToArray();

    /// <summary>A regular expression every free key must match (the schema's 'propertyNames').</summary>
    public string? KeyPattern { get; init; }
}

/// <summary>
/// A kind of paper: the value of its 'paper:' key, its shape, the reader that makes its model, and the placeholders
/// its front and end blocks can fill (beside the style's own fields).
/// </summary>
internal sealed record PaperKind(string Name, MapShape Shape, Func<YMapping, Diagnostics.DiagnosticBag, Paper?> Read, IReadOnlyList<string> Placeholders);
