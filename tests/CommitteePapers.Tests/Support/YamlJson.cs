using System.Globalization;
using System.Text.Json.Nodes;
using CommitteePapers.Definition;
using YamlDotNet.RepresentationModel;

namespace CommitteePapers.Tests.Support;

/// <summary>
/// Converts YAML to JSON as the YAML language server does, to validate against the JSON Schema: by the project's one
/// rule for what an unquoted value is (<see cref="YamlScalars"/>, YAML 1.2's core schema), so the tests, the readers
/// and the editor read <c>True</c>, <c>0x3</c> and <c>yes</c> alike.
/// </summary>
internal static class YamlJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } p => Plain(p.Value ?? string.Empty),
        YamlScalarNode q => JsonValue.Create(q.Value),
        _ => null,
    };

    private static JsonNode? Plain(string v) => YamlScalars.Resolve(v, plain: true) switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => JsonValue.Create(v.Equals("true", StringComparison.OrdinalIgnoreCase)),
        ScalarKind.Number => YamlScalars.Integer(v) is { } whole && !v.Contains('.', StringComparison.Ordinal) && !v.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? JsonValue.Create(whole)
            : JsonValue.Create(YamlScalars.Number(v) is { } d ? (double)d : double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) && double.IsFinite(big) ? big : double.MaxValue),
        _ => JsonValue.Create(v),
    };
}
