using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Cli;

/// <summary>
/// <c>check --format json</c>: the diagnostics as a JSON array, written by System.Text.Json's source generator, so the
/// NativeAOT tool needs no reflection (and nothing is generated at run time).
/// </summary>
internal static class DiagnosticsJson
{
    private static readonly DiagnosticsJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        // Messages quote paths and YAML ('…', "…", <…>): kept readable, as an editor shows them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(
            diagnostics.Select(d => new JsonDiagnostic(
                d.Code,
                d.Severity == Severity.Error ? "error" : "warning",
                d.Position.File,
                d.Position.Line,
                d.Position.Column,
                d.Message)).ToList(),
            Context.ListJsonDiagnostic);
}

/// <summary>One diagnostic as editors and CI read it; the property names are the JSON's.</summary>
internal sealed record JsonDiagnostic(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("message")] string Message);

[JsonSerializable(typeof(List<JsonDiagnostic>))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
