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

    /// <summary>The names as a sentence lists them: "north-somerset, sefton, york".</summary>
    public static string Listed => string.Join(", ", All);

    /// <summary>The resource that holds a built-in style.</summary>
    public static string Resource(string name) => ResourcePrefix + name + ".yaml";
}
