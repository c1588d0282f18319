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
