namespace CommitteePapers.Diagnostics;

/// <summary>
/// Collects diagnostics while a paper is read and laid out. Not thread-safe: one per build. A diagnostic identical to
/// one already collected (same code, place and message) is kept once: text reached through several YAML aliases is
/// read once per alias, and its problems would otherwise be listed once per alias.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];
    private readonly HashSet<Diagnostic> seen = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Exists(d => d.Severity == Severity.Error);

    public void Error(DiagnosticCode code, SourcePosition at, string message) =>
        Add(new Diagnostic(code.Id, Severity.Error, at, message));

    public void Warning(DiagnosticCode code, SourcePosition at, string message) =>
        Add(new Diagnostic(code.Id, Severity.Warning, at, message));

    public void Add(Diagnostic diagnostic)
    {
        if (seen.Add(diagnostic)) items.Add(diagnostic);
    }

    public IReadOnlyList<Diagnostic> ToSortedList() =>
        items.OrderBy(d => d.Position.File, StringComparer.Ordinal)
             .ThenBy(d => d.Position.Line)
             .ThenBy(d => d.Position.Column)
             .ThenBy(d => d.Code, StringComparer.Ordinal)
             .ToList();
}
