namespace CommitteePapers.Definition;

/// <summary>
/// The names of the house styles the library carries: its Styles/BuiltIn/*.yaml files, embedded as resources and read
/// from the assembly here, so that which councils are built in is data (a file added there is a style), never a list in
/// code. "base" is what every style starts from, not a council's, and is not among them.
/// </summary>
internal static class BuiltInStyleNames
{
    /// <summary>The resource name of a built-in style is this, its name, then ".yaml" (the csproj's LogicalName).</summary>
    public static readonly string ResourcePrefix = typeof(BuiltInStyleNames).Assembly.GetName().Name + ".Styles.";

    /// <summary>The style every other one extends: the library's defaults for all wording.</summary>
    public const string Base = "base";

    /// <summary>The built-in councils' styles, in ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(BuiltInStyleNames).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
        .Where(n => n != Base)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The built-in style a paper is built in when it names none (and a Word template or an import starts from): the
    /// name in Styles/BuiltIn/default-style.txt, data beside the styles, so that no council is named in code.
    /// </summary>
    public static string Default { get; } = ReadDefault();

    /// <summary>The names as a sentence lists them: "north-somerset, sefton, york".</summary>
    public static string Listed => string.Join(", ", All);

    private static string ReadDefault()
    {
        using var stream = typeof(BuiltInStyleNames).Assembly.GetManifestResourceStream(ResourcePrefix + "default-style.txt")
            ?? throw new InvalidOperationException("The library was built without Styles/BuiltIn/default-style.txt.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }

    /// <summary>The resource that holds a built-in style.</summary>
    public static string Resource(string name) => ResourcePrefix + name + ".yaml";
}
