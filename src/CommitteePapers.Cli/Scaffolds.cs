namespace CommitteePapers.Cli;

/// <summary>Commented example papers to start from, one per kind; each builds as it is.</summary>
internal static class Scaffolds
{
    public static IReadOnlyList<string> Kinds { get; } = ["report", "cabinet-member-update", "minutes", "notice"];

    /// <summary>
    /// The scaffold of <paramref name="kind"/>. Written into <paramref name="folder"/>, its schema line names the
    /// schema as the examples do, by its path from there, when a <c>schema/committee-paper.schema.json</c> lies in that
    /// folder or one above it (a clone of the repository); otherwise a file beside it, which the second line says how
    /// to write.
    /// </summary>
    public static string For(string kind, string? style, string? folder = null)
    {
        using var stream = typeof(Scaffolds).Assembly.GetManifestResourceStream($"CommitteePapers.Cli.Scaffolds.{kind}.yaml")
            ?? throw new InvalidOperationException("No scaffold for " + kind);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        if (folder is not null && SchemaAbove(folder) is { } schema)
        {
            var relative = Path.GetRelativePath(folder, schema).Replace('\\', '/');
            var lines = text.Split('\n').ToList();
            lines[0] = "# yaml-language-server: $schema=" + relative;
            lines.RemoveAt(1); // the schema is there: no need to say how to write one
            text = string.Join('\n', lines);
        }

        return style is null ? text : System.Text.RegularExpressions.Regex.Replace(text, "^style: .*$", "style: " + style, System.Text.RegularExpressions.RegexOptions.Multiline);
    }

    private static string? SchemaAbove(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schema", "committee-paper.schema.json");
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
