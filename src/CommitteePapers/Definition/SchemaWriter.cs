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
        new JsonArray(Shapes.PaperKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode)Reference(k)).ToArray()));

    /// <summary>
    /// The paper schema for one council: its papers' <c>fields:</c> know the fields its house style declares (their
    /// names, what each holds, and which are required), so the writer's editor completes and checks them.
    /// </summary>
    public static string PaperSchema(string styleName, IReadOnlyList<FieldSchema> fields)
    {
        var text = Schema(PaperSchemaFile, $"Council committee paper ({styleName})",
            $"A council committee paper for CommitteePapers in the house style '{styleName}': the 'paper' key says which kind.",
            new JsonArray(Shapes.PaperKinds.Select(k => k.Name).Order(StringComparer.Ordinal).Select(k => (JsonNode)Reference(k)).ToArray()));
        var root = JsonNode.Parse(text)!.AsObject();
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var value = field.Type switch
            {
                "choice" => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(field.Choices.Select(c => (JsonNode)c).ToArray()) },
                "date" => new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ["patternErrorMessage"] = DateMessage, ["errorMessage"] = DateMessage },
                "yes-no" => Write(new BoolShape(string.Empty)),
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
        new JsonArray(Reference("pack")));

    public static string StyleSchema() => Schema(StyleSchemaFile, "Council house style",
        "A council's house style for CommitteePapers: numbering, standard sections, front block, fonts and page furniture.",
        new JsonArray(Reference("house-style")));

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
            // A mapping's type is checked where it is referred to (Reference), with words that name the key; checked
            // here as well, the editor would give a second, unreadable message ('Expected "recommendations"').
            var definition = Write(shape);
            if (shape is MapShape) definition.Remove("type");
            definitions[name] = definition;
        }

        root["definitions"] = definitions;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/definitions/" + name };

    /// <summary>
    /// A reference to a named shape. A mapping's type is checked here rather than in its definition, with a message a
    /// writer can act on; the type also makes the editor's completion insert 'key:' and an indented block.
    /// </summary>
    private static JsonObject Reference(string name, string? key = null, string? description = null)
    {
        var value = description is null ? [] : Described(description);
        switch (Shapes.Named[name])
        {
            case MapShape m:
                value["type"] = "object";
                var keys = m.KeyNames.Count > 0 ? $" ({string.Join(", ", m.KeyNames.Take(3))} …)" : string.Empty;
                value["errorMessage"] = key is null
                    ? $"{char.ToUpperInvariant(m.What[0])}{m.What[1..]} is a mapping: write its keys{keys} on the lines below, indented."
                    : $"'{key}' takes keys of its own on the lines below it, indented{keys}.";
                break;
            case ListShape { SingleAllowed: false } when key is not null:
                value["type"] = "array";
                value["errorMessage"] = $"'{key}' is a list: write each entry on a line of its own, starting '- '.";
                break;
        }

        if (value.Count == 0) return Ref(name);
        value["allOf"] = new JsonArray(Ref(name));
        return value;
    }

    /// <summary>A council's field as the schema describes it.</summary>
    internal sealed record FieldSchema(string Name, string Type, bool Required, IReadOnlyList<string> Choices, string Description);

    private static JsonObject Write(Shape shape)
    {
        switch (shape)
        {
            case RefShape r:
                return Reference(r.Name);
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

                if (t.Allowed is null && t.Pattern is null)
                {
                    // The editor's own words ("Incorrect type. Expected one of string, number.") for True, a list or a
                    // mapping where text is meant.
                    o["errorMessage"] = "Write text here; put it in quotes if YAML would read it as true or false.";
                }

                if (t.Example is { } example) o["examples"] = new JsonArray(example);
                return o;
            }

            case DateShape d:
            {
                var o = Described(d.Description);
                o["type"] = "string";
                o["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
                o["patternErrorMessage"] = DateMessage;
                o["errorMessage"] = DateMessage; // also for a date YAML reads as a number (20170111)
                o["examples"] = new JsonArray("2017-01-11");
                return o;
            }

            case TimeShape t:
            {
                var o = Described(t.Description);
                o["type"] = "string";
                o["pattern"] = "^[0-9]{1,2}:[0-9]{2}$";
                o["patternErrorMessage"] = TimeMessage;
                o["errorMessage"] = TimeMessage;
                o["examples"] = new JsonArray("17:30");
                return o;
            }

            case BoolShape b:
            {
                // The one rule (YamlScalars): true or false, or the words yes and no, quoted or not.
                const string message = "Write true or false (yes and no do too).";
                var o = Described(b.Description);
                o["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "boolean", ["errorMessage"] = message },
                    new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. YamlScalars.TrueWords.Concat(YamlScalars.FalseWords).Select(w => (JsonNode)w)]), ["errorMessage"] = message });
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
                        value = Reference(r.Name, key.Key, r.Description.Length > 0 ? r.Description : Shapes.Named[r.Name].Description);
                    }
                    else if (key.Value is ListShape { SingleAllowed: true } && value["anyOf"]?[0] is JsonObject list)
                    {
                        // A list that may be one entry: when it is neither, say it is a list ('summary:' given keys).
                        list["errorMessage"] = $"'{key.Key}' is a list: write each entry on a line of its own, starting '- '.";
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

    private static JsonObject Described(string description) => description.Length == 0 ? [] : new() { ["description"] = description };

    private const string DateMessage = "Write the date as YYYY-MM-DD, e.g. 2017-01-11.";

    private const string TimeMessage = "Write the time on the 24-hour clock as HH:MM, e.g. 17:30.";

}
