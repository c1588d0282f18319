using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using CommitteePapers.Word;

namespace CommitteePapers;

/// <summary>What loading a house style gave: the style (null when it could not be read) and every diagnostic.</summary>
/// <param name="Style">The style, or null.</param>
/// <param name="Diagnostics">Errors and warnings.</param>
public sealed record StyleLoadResult(HouseStyle? Style, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a style and no errors.</summary>
    public bool Succeeded => Style is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The built-in house styles (City of York, North Somerset, Sefton) and loading a council's own from a style file.
/// The built-in styles are themselves style files shipped inside the library: a fourth council needs a file, not code.
/// </summary>
public static class HouseStyles
{
    private static readonly Lazy<IReadOnlyList<HouseStyle>> BuiltInStyles = new(LoadBuiltIn);

    /// <summary>City of York Council: Arial 12, paragraphs numbered 1..N through every heading.</summary>
    public static HouseStyle York => Find("york")!;

    /// <summary>North Somerset Council: recommendations first, "1. SUMMARY OF REPORT", paragraphs 1.1, 1.2.</summary>
    public static HouseStyle NorthSomerset => Find("north-somerset")!;

    /// <summary>Sefton Council: unnumbered, with the cabinet member update's header table.</summary>
    public static HouseStyle Sefton => Find("sefton")!;

    /// <summary>Every built-in style.</summary>
    public static IReadOnlyList<HouseStyle> BuiltIn => BuiltInStyles.Value;

    /// <summary>A built-in style by name (case-insensitive), or null.</summary>
    public static HouseStyle? Find(string name) =>
        BuiltIn.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The style every style starts from: the library's wording and numbering, no council's look.</summary>
    internal static HouseStyle Base => BaseStyle.Value;

    /// <summary>
    /// The style a paper is built in when it names none (and a Word template or an import starts from): the first
    /// built-in style the library shipped with. Named here once; everything else asks for it.
    /// </summary>
    internal static HouseStyle Default => Find(DefaultName)!;

    /// <summary>The name of <see cref="Default"/>, for messages that should not load the styles to say it.</summary>
    internal const string DefaultName = "york";

    private static readonly Lazy<HouseStyle> BaseStyle = new(() => ReadBuiltIn(BuiltInStyleNames.Base, _ => null));

    private static HouseStyle? FindOrBase(string name) => name == BuiltInStyleNames.Base ? Base : Find(name);

    /// <summary>Reads a style file. Files it names (logo, template) are read from its folder and must stay inside it.</summary>
    public static StyleLoadResult Load(string path, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        limits ??= ReaderLimits.Default;
        var diagnostics = new DiagnosticBag();
        var text = InputFile.Read(full, path, FileKind.StyleFile(limits), new SourcePosition(path, 0, 0), diagnostics) is { } bytes
            ? InputFile.DecodeText(bytes, path, diagnostics)
            : null;
        return text is null ? new StyleLoadResult(null, diagnostics.ToSortedList()) : Parse(text, path, Path.GetDirectoryName(full), limits);
    }

    /// <summary>Reads a style from YAML text; <paramref name="folder"/> is where its logo or template are found (none when null).</summary>
    public static StyleLoadResult Parse(string yaml, string fileName = "style.yaml", string? folder = null, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        var style = new StyleReader(diagnostics, folder, FindOrBase, TemplateImport.Apply).Read(yaml, fileName, limits ?? ReaderLimits.Default);
        return new StyleLoadResult(diagnostics.HasErrors ? null : style, diagnostics.ToSortedList());
    }

    /// <summary>
    /// A style that uses a council's Word template (.dotx or .docx): its styles, fonts, theme, headers, footers and logo.
    /// <paramref name="roles"/> names which template styles play our roles ("heading-1", "numbered-paragraph", "caption" …).
    /// </summary>
    public static StyleLoadResult FromTemplate(HouseStyle basedOn, ReadOnlyMemory<byte> template, IReadOnlyDictionary<string, string>? roles = null)
    {
        ArgumentNullException.ThrowIfNull(basedOn);
        var diagnostics = new DiagnosticBag();
        var style = TemplateImport.Apply(basedOn, template.ToArray(), roles ?? new Dictionary<string, string>(), SourcePosition.None, diagnostics);
        return new StyleLoadResult(diagnostics.HasErrors ? null : style, diagnostics.ToSortedList());
    }

    private static IReadOnlyList<HouseStyle> LoadBuiltIn() =>
        BuiltInStyleNames.All.Select(name => ReadBuiltIn(name, FindOrBase)).ToList();

    private static HouseStyle ReadBuiltIn(string name, Func<string, HouseStyle?> builtIn)
    {
        var resource = BuiltInStyleNames.Resource(name);
        using var stream = typeof(HouseStyles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in style {name} is missing from the library.");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        var style = new StyleReader(diagnostics, folder: null, builtIn).Read(reader.ReadToEnd(), resource, ReaderLimits.Default);
        if (style is null || diagnostics.HasErrors)
        {
            throw new InvalidOperationException($"The built-in style {name} is broken: {string.Join("; ", diagnostics.Items)}");
        }

        return style;
    }
}
