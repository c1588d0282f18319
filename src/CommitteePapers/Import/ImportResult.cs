using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Import;

/// <summary>Choices for importing a Word paper.</summary>
public sealed record ImportOptions
{
    /// <summary>The house style the paper is read in: its headings, wording and numbering are recognised (York when null).</summary>
    public HouseStyle? Style { get; init; }

    /// <summary>What the YAML's <c>style:</c> line says (a built-in name or a style file's path); the style's name when null.</summary>
    public string? StyleReference { get; init; }

    /// <summary>Other councils' styles whose headings are recognised too ("SUMMARY OF REPORT", "Contact officer"); the built-in styles when null.</summary>
    public IReadOnlyList<HouseStyle>? OtherStyles { get; init; }

    /// <summary>The JSON Schema the YAML's first line names, for the writer's editor.</summary>
    public string SchemaLocation { get; init; } = "committee-paper.schema.json";
}

/// <summary>What an import found, for the one-line summary the command prints.</summary>
/// <param name="Kind">The kind of paper it was read as: report, minutes, notice, cabinet-member-update or document.</param>
/// <param name="Paragraphs">Paragraphs of text (headings not counted).</param>
/// <param name="Tables">Tables.</param>
/// <param name="Footnotes">Footnotes.</param>
/// <param name="Uncertain">Blocks kept with a comment saying why they could not be placed with certainty.</param>
public sealed record ImportSummary(string Kind, int Paragraphs, int Tables, int Footnotes, int Uncertain)
{
    /// <summary>"58 paragraphs, 3 tables, 2 footnotes; 2 blocks kept as plain text: see comments".</summary>
    public override string ToString()
    {
        static string Count(int n, string one) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : one + "s");
        var text = $"{Count(Paragraphs, "paragraph")}, {Count(Tables, "table")}, {Count(Footnotes, "footnote")}";
        return Uncertain == 0 ? text : text + $"; {Count(Uncertain, "block")} kept as plain text: see comments";
    }
}

/// <summary>What importing a Word paper gave: the YAML (null when the file could not be read), the paper it describes, and every diagnostic.</summary>
/// <param name="Yaml">The paper as YAML, starting with the schema line; null when the document could not be read.</param>
/// <param name="Paper">The paper the YAML describes.</param>
/// <param name="Diagnostics">Errors (the file could not be read) and warnings (blocks that could not be placed with certainty).</param>
/// <param name="Summary">What was found.</param>
public sealed record ImportResult(string? Yaml, Paper? Paper, IReadOnlyList<Diagnostic> Diagnostics, ImportSummary Summary)
{
    /// <summary>True when YAML was written and there are no errors.</summary>
    public bool Succeeded => Yaml is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when something was kept with a comment because it could not be placed with certainty, or a value the paper needs was not found (warnings CP0100, CP0101).</summary>
    public bool Uncertain => Diagnostics.Any(d => d.Severity == Severity.Warning);
}

/// <summary>Comments the YAML carries beside model records, and the count of uncertain blocks with their warnings.</summary>
internal sealed class Notes(string file, DiagnosticBag diagnostics)
{
    private readonly Dictionary<object, List<string>> comments = new(ReferenceEqualityComparer.Instance);

    public int UncertainCount { get; private set; }

    /// <summary>Comments on a paper's own keys ("date", "meeting"), by key.</summary>
    public Dictionary<string, string> FieldComments { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> CommentsOf(object key) => comments.TryGetValue(key, out var list) ? list : [];

    /// <summary>A comment written above the record in the YAML.</summary>
    public void Comment(object key, string text)
    {
        if (!comments.TryGetValue(key, out var list)) comments[key] = list = [];
        list.Add(text);
    }

    /// <summary>Something kept that could not be placed with certainty: a comment, a warning at its place in the document, and a count.</summary>
    public void Uncertain(object key, SourceBlock at, string why)
    {
        UncertainCount++;
        Comment(key, "import: " + why);
        var words = at is SourceParagraph p ? p.Plain : "a table";
        if (words.Length > 40) words = words[..40].TrimEnd() + "…";
        diagnostics.Warning(DiagnosticCode.ImportUncertain, new SourcePosition(file, Math.Max(1, at.Index), 1),
            $"Block {at.Index} ('{words}') could not be placed with certainty: {why} It is kept in the YAML with a comment; check it there.");
    }

    /// <summary>A required value the document does not give: a stand-in is written, with a comment and a warning.</summary>
    public void Missing(string field, string standIn)
    {
        FieldComments[field] = $"import: no {field} was found in the document; '{standIn}' stands in for it. Correct it.";
        diagnostics.Warning(DiagnosticCode.ImportMissingField, new SourcePosition(file, 1, 1),
            $"The document does not give the paper's {field}; the YAML has '{standIn}' in its place. Write the real {field} there before building.");
    }
}
