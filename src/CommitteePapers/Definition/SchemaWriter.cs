using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommitteePapers.Definition;

/// <summary>
/// Generates the JSON Schema (draft-07, which YAML editors understand best) from <see cref="Shapes"/>, so the
/// schema and the readers can never disagree. References are wrapped in allOf so their descriptions show on hover.
/// </summary>
internal static class SchemaWriter
{
    public const string PaperSchemaFile = "committee-paper.schema.json";

    public const string StyleSchemaFile = "house-style.schema.json";

    public static string PaperSchema() => Schema(PaperSchemaFile, "Council committee paper",
        "A council committee paper for CommitteePapers: the 'paper' key says which kind.",
        new JsonArray(Shapes.PaperKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode)Ref(k)).ToArray()));

    /// <summary>
    /// The paper schema for one council: its papers' <c>fields:</c> know the fields its house style declares (their
    /// names, what each holds, and which are required), so the writer's editor completes and checks them.
    /// </summary>
    public static string PaperSchema(string styleName, IReadOnlyList<FieldSchema> fields)
    {
        var text = Schema(PaperSchemaFile, $"Council committee paper ({styleName})",
            $"A council committee paper for CommitteePapers in the house style '{styleName}': the 'paper' key says which kind.",
            new JsonArray(Shapes.PaperKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode)Ref(k)).ToArray()));
        var root = JsonNode.Parse(text)!.AsObject();
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var value = field.Type switch
            {
                "choice" => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(field.Choices.Select(c => (JsonNode)c).ToArray()) },
                "date" => new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ["patternErrorMessage"] = "Write the date as YYYY-MM-DD, e.g. 2024-02-22." },
                "yes-no" => new JsonObject { ["type"] = new JsonArray("boolean", "string") },
                "lines" => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }) },
                "rows" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = new JsonArray("string", "number") } } },
                "paragraphs" => new JsonObject { ["type"] = "array", ["items"] = Ref("paragraph-entry") },
                _ => new JsonObject { ["type"] = new JsonArray("string", "number") },
            };
            value["description"] = field.Description.Length > 0 ? field.Description : $"The council's field '{field.Name}'.";
            properties[field.Name] = value;
        }

        var paperFields = root["definitions"]!["paper-fields"]!.AsObject();
        paperFields["properties"] = properties;
        paperFields["additionalProperties"] = false;
        var required = fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) paperFields["required"] = new JsonArray(required);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public const string PackSchemaFile = "agenda-pack.schema.json";

    public static string PackSchema() => Schema(PackSchemaFile, "Council agenda pack",
        "A meeting's agenda pack for CommitteePapers: the notice, the agenda items and their papers.",
        new JsonArray(Ref("pack")));

    public static string StyleSchema() => Schema(StyleSchemaFile, "Council house style",
        "A council's house style for CommitteePapers: numbering, standard sections, front block, fonts and page furniture.",
        new JsonArray(Ref("house-style")));

    private static string Schema(string file, string title, string description, JsonArray oneOf)
    {
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://committeepapers.example/schema/" + file,
            ["title"] = title,
            ["description"] = description,
            ["oneOf"] = oneOf,
        };
        var definitions = new JsonObject();
        foreach (var (name, shape) in Shapes.Named.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            definitions[name] = Write(shape);
        }

        root["definitions"] = definitions;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };

    /// <summary>A council's field as the schema describes it.</summary>
    internal sealed record FieldSchema(string Name, string Type, bool Required, IReadOnlyList<string> Choices, string Description);

    private static JsonObject Write(Shape shape)
    {
        switch (shape)
        {
            case RefShape r:
                return Ref(r.Name);
            case TextShape t:
            {
                var o = Described(t.Description);
                if (t.Allowed is { } allowed)
                {
                    o["type"] = "string";
                    o["enum"] = new JsonArray(allowed.Select(a => (JsonNode)a).ToArray());
                }
                else
                {
                    o["type"] = new JsonArray("string", "number");
                }

                if (t.Pattern is { } pattern)
                {
                    o["type"] = "string";
                    o["pattern"] = pattern;
                    if (t.PatternMessage is { } message) o["patternErrorMessage"] = message;
                }

                if (t.Example is { } example) o["examples"] = new JsonArray(example);
                return o;
            }

            case DateShape d:
            {
                var o = Described(d.Description);
                o["type"] = "string";
                o["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
                o["examples"] = new JsonArray("2017-01-11");
                return o;
            }

            case TimeShape t:
            {
                var o = Described(t.Description);
                o["type"] = "string";
                o["pattern"] = "^[0-9]{1,2}:[0-9]{2}$";
                o["examples"] = new JsonArray("17:30");
                return o;
            }

            case BoolShape b:
            {
                var o = Described(b.Description);
                o["type"] = "boolean";
                return o;
            }

            case NumberShape n:
            {
                var o = Described(n.Description);
                o["type"] = n.Integer ? "integer" : "number";
                if (n.Minimum is { } min) o["minimum"] = min;
                if (n.Maximum is { } max) o["maximum"] = max;
                return o;
            }

            case AnyScalarShape a:
            {
                var o = Described(a.Description);
                o["type"] = new JsonArray("string", "number", "boolean", "null");
                return o;
            }

            case ListShape l:
            {
                var list = new JsonObject { ["type"] = "array", ["items"] = Write(l.Item) };
                if (!l.SingleAllowed)
                {
                    list["description"] = l.Description;
                    return list;
                }

                var o = Described(l.Description);
                o["anyOf"] = new JsonArray(list, Write(l.Item));
                return o;
            }

            case OneOfShape one:
            {
                var o = Described(one.Description);
                o["anyOf"] = new JsonArray(one.Options.Select(x => (JsonNode)Write(x)).ToArray());
                return o;
            }

            case MapShape m:
            {
                var o = Described(m.Description);
                o["type"] = "object";
                var properties = new JsonObject();
                foreach (var key in m.Keys)
                {
                    var value = Write(key.Value);
                    if (key.Value is RefShape r)
                    {
                        // draft-07 ignores siblings of $ref: wrap it so the description shows in editors.
                        value = Described(r.Description.Length > 0 ? r.Description : Shapes.Named[r.Name].Description);
                        value["allOf"] = new JsonArray(Ref(r.Name));
                    }

                    properties[key.Key] = value;
                }

                o["properties"] = properties;
                var required = m.Keys.Where(k => k.Required).Select(k => (JsonNode)k.Key).ToArray();
                if (required.Length > 0) o["required"] = new JsonArray(required);
                o["additionalProperties"] = m.FreeKeys is null ? false : Write(m.FreeKeys);
                if (m.KeyPattern is { } keyPattern) o["propertyNames"] = new JsonObject { ["pattern"] = keyPattern };
                return o;
            }

            default:
                throw new InvalidOperationException("Unknown shape " + shape.GetType().Name);
        }
    }

    private static JsonObject Described(string description) => new() { ["description"] = description };
}
