using System.Text;

namespace CommitteePapers.Definition;

/// <summary>
/// Writes docs/reference.md from <see cref="Shapes"/>: every key of every paper kind, style file and pack file with
/// its kind of value and description — the same source as the readers and the JSON Schema, so it cannot drift.
/// </summary>
internal static class ReferenceWriter
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Reference: every key");
        sb.AppendLine();
        sb.AppendLine("Generated from the same description of the YAML as the readers and the JSON Schemas");
        sb.AppendLine("(`committee-papers schema --of reference`); a test keeps it current. For a guided tour, see");
        sb.AppendLine("[yaml-reference.md](yaml-reference.md).");
        foreach (var (name, shape) in Shapes.Named.OrderBy(n => Order(n.Key)).ThenBy(n => n.Key, StringComparer.Ordinal))
        {
            if (shape is OneOfShape oneOf)
            {
                sb.AppendLine().AppendLine($"## {name}").AppendLine().AppendLine(oneOf.Description).AppendLine();
                sb.AppendLine($"One of: {Kind(oneOf)}.");
                continue;
            }

            if (shape is not MapShape map) continue;
            sb.AppendLine();
            sb.AppendLine($"## {name}");
            sb.AppendLine();
            sb.AppendLine(map.Description);
            if (map.Keys.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("| key | value | required | what it is |");
                sb.AppendLine("|---|---|---|---|");
                foreach (var key in map.Keys)
                {
                    sb.AppendLine($"| `{key.Key}` | {Kind(key.Value)} | {(key.Required ? "yes" : string.Empty)} | {Escape(Describe(key.Value))} |");
                }
            }

            if (map.FreeKeys is { } free) sb.AppendLine().AppendLine($"Any key: {Kind(free)} — {Escape(free.Description)}");
        }

        return sb.ToString();
    }

    private static int Order(string name) => name switch
    {
        "report" => 0,
        "cabinet-member-update" => 1,
        "minutes" => 2,
        "notice" => 3,
        "pack" => 4,
        "house-style" => 5,
        _ => 10,
    };

    private static string Describe(Shape shape) => shape switch
    {
        RefShape r => r.Description.Length > 0 ? r.Description : Shapes.Named[r.Name].Description,
        _ => shape.Description,
    };

    private static string Kind(Shape shape) => shape switch
    {
        RefShape r => $"[{r.Name}](#{r.Name})",
        TextShape { Allowed: { } allowed } => string.Join(" \\| ", allowed.Select(a => $"`{a}`")),
        TextShape { Markdown: true } => "text (Markdown)",
        TextShape => "text",
        DateShape => "date YYYY-MM-DD",
        TimeShape => "time HH:MM",
        BoolShape => "true \\| false",
        NumberShape n => n.Integer ? "whole number" : "number",
        AnyScalarShape => "text, number or ~",
        ListShape l => $"list of {Kind(l.Item)}",
        OneOfShape o => string.Join(" or ", o.Options.Select(Kind)),
        MapShape m => $"mapping ({m.What})",
        _ => "value",
    };

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
