namespace CommitteePapers.Cli;

/// <summary>Commented example papers to start from, one per kind; each builds as it is.</summary>
internal static class Scaffolds
{
    public static IReadOnlyList<string> Kinds { get; } = ["report", "cabinet-member-update", "minutes", "notice"];

    public static string For(string kind, string? style)
    {
        using var stream = typeof(Scaffolds).Assembly.GetManifestResourceStream($"CommitteePapers.Cli.Scaffolds.{kind}.yaml")
            ?? throw new InvalidOperationException("No scaffold for " + kind);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return style is null ? text : System.Text.RegularExpressions.Regex.Replace(text, "^style: .*$", "style: " + style, System.Text.RegularExpressions.RegexOptions.Multiline);
    }
}
