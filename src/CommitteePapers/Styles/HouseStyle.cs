namespace CommitteePapers.Styles;

/// <summary>How body paragraphs are numbered.</summary>
public enum NumberingScheme
{
    /// <summary>1, 2, 3 … straight through every heading (City of York).</summary>
    Continuous,

    /// <summary>Numbered section headings 1., 2. with paragraphs 1.1, 1.2 (North Somerset).</summary>
    Decimal,

    /// <summary>No paragraph numbers (Sefton updates).</summary>
    None,
}

/// <summary>
/// A council's house style: it decides numbering, headings of the standard sections, fonts and page furniture.
/// Immutable; safe to share between threads.
/// </summary>
public sealed record HouseStyle
{
    /// <summary>The style's name, e.g. "york".</summary>
    public required string Name { get; init; }

    /// <summary>The council whose style this is, for the document properties.</summary>
    public string Council { get; init; } = string.Empty;

    /// <summary>How body paragraphs are numbered.</summary>
    public NumberingScheme Numbering { get; init; } = NumberingScheme.Continuous;

    /// <summary>Word's level text for sub-items, e.g. "%1)" gives a), b).</summary>
    public string SubItemFormat { get; init; } = "%1)";

    /// <summary>Word's level text for recommendation items, e.g. "%1." in lower roman gives i., ii.</summary>
    public string RecommendationFormat { get; init; } = "%1.";

    /// <summary>The font of every paragraph.</summary>
    public string Font { get; init; } = "Arial";

    /// <summary>Body text size in points.</summary>
    public double BodySize { get; init; } = 12;

    /// <summary>Heading sizes in points, from the title down to the deepest heading level.</summary>
    public IReadOnlyList<double> HeadingSizes { get; init; } = [14, 12, 12, 12];

    /// <summary>Space after each paragraph, in points.</summary>
    public double SpaceAfter { get; init; } = 12;

    /// <summary>Page margins in millimetres (top, right, bottom, left).</summary>
    public (double Top, double Right, double Bottom, double Left) MarginsMm { get; init; } = (25, 25, 25, 25);

    /// <summary>The heading of each standard section, by its YAML key.</summary>
    public IReadOnlyDictionary<string, string> Headings { get; init; } = new Dictionary<string, string>();

    /// <summary>How the annexes are called: "Annex" (York) or "Appendix".</summary>
    public string AnnexWord { get; init; } = "Annex";

    /// <summary>The heading text for a standard section key, or a readable default.</summary>
    public string HeadingFor(string key) =>
        Headings.TryGetValue(key, out var heading) ? heading : key;
}
