using System.Globalization;

namespace CommitteePapers.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The paper builds, but something should be looked at.</summary>
    Warning,

    /// <summary>The paper cannot be built until this is fixed.</summary>
    Error,
}

/// <summary>A place in a source file: 1-based line and column.</summary>
/// <param name="File">The file name as given by the caller (may be empty for text read from a string).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary>A position for text that does not come from a file (for example a model built in code).</summary>
    public static SourcePosition None { get; } = new(string.Empty, 0, 0);

    /// <summary>Whether the position points into a file.</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() =>
        IsKnown ? string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})") : File ?? string.Empty;
}

/// <summary>A problem found in a paper, a style or a pack, with its place and a fix.</summary>
/// <param name="Code">Stable code such as <c>CP0001</c>; documented in docs/diagnostics.md.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Position">Where in the source the problem is.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record Diagnostic(string Code, Severity Severity, SourcePosition Position, string Message)
{
    /// <summary>Formats the diagnostic the way MSBuild does: <c>file(line,col): error CP0001: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var where = Position.ToString();
        return where.Length == 0 ? $"{severity} {Code}: {Message}" : $"{where}: {severity} {Code}: {Message}";
    }
}
