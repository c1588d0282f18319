using System.Text.Json;
using System.Text.Json.Nodes;
using CommitteePapers.Tests.Support;
using Json.Schema;
using Xunit;

namespace CommitteePapers.Tests;

public class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Repo.Root, "schema", "committee-paper.schema.json");
    private static readonly JsonSchema Schema = JsonSchema.FromText(Papers.JsonSchema);

    [Fact]
    public void Committed_schema_equals_the_generated_one()
    {
        // Regenerate with: dotnet run --project src/CommitteePapers.Cli -- schema > schema/committee-paper.schema.json
        Assert.Equal(Papers.JsonSchema, File.ReadAllText(SchemaPath).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("house-style.schema.json")]
    [InlineData("agenda-pack.schema.json")]
    public void Committed_style_and_pack_schemas_equal_the_generated_ones(string file)
    {
        var generated = file.StartsWith("house", StringComparison.Ordinal) ? Papers.StyleJsonSchema : Papers.PackJsonSchema;
        Assert.Equal(generated, File.ReadAllText(Path.Combine(Repo.Root, "schema", file)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Committed_key_reference_equals_the_generated_one()
    {
        // Regenerate with: dotnet run --project src/CommitteePapers.Cli -- schema --of reference > docs/reference.md
        Assert.Equal(Papers.KeyReference.ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(Repo.Root, "docs", "reference.md")).ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void Every_example_is_valid_against_the_schema(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        var firstLine = File.ReadLines(path).First();
        var schemaRef = firstLine["# yaml-language-server: $schema=".Length..];
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaRef))), $"{schemaRef} does not resolve from {example}");
        var result = Schema.Evaluate(Element(File.ReadAllText(path)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, JsonSerializer.Serialize(result)[..Math.Min(3000, JsonSerializer.Serialize(result).Length)]);
    }

    [Theory]
    [InlineData("recomendations: {items: [x]}")]
    [InlineData("title: [a, b]")]
    [InlineData("sections: [{heading: H, lettered: maybe}]")]
    [InlineData("date: 11/01/2017")]
    [InlineData("paper: reprot")]
    public void Broken_papers_are_rejected_by_the_schema(string change)
    {
        var yaml = "paper: report\nmeeting: M\ndate: 2017-01-11\nreport-of: D\ntitle: T\n";
        var key = change[..change.IndexOf(':')];
        yaml = string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal))) + "\n" + change + "\n";
        Assert.False(Schema.Evaluate(Element(yaml)).IsValid, yaml);
    }

    private static JsonElement Element(string yaml) => JsonSerializer.SerializeToElement(YamlJson.Convert(yaml));

    [Fact]
    public void Every_property_has_a_description()
    {
        var root = JsonNode.Parse(Papers.JsonSchema)!;
        var missing = new List<string>();
        foreach (var (name, definition) in root["definitions"]!.AsObject())
        {
            if (definition!["description"] is null) missing.Add(name);
            foreach (var (key, property) in definition["properties"]?.AsObject() ?? [])
            {
                if (property!["description"] is null) missing.Add($"{name}.{key}");
            }
        }

        Assert.Empty(missing);
    }
}
