namespace CommitteePapers.Diagnostics;

/// <summary>Collects diagnostics while a paper is read and laid out. Not thread-safe: one per build.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Exists(d => d.Severity == Severity.Error);

    public void Error(DiagnosticCode code, SourcePosition at, string message) =>
        items.Add(new Diagnostic(code.Id, Severity.Error, at, message));

    public void Warning(DiagnosticCode code, SourcePosition at, string message) =>
        items.Add(new Diagnostic(code.Id, Severity.Warning, at, message));

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public IReadOnlyList<Diagnostic> ToSortedList() =>
        items.OrderBy(d => d.Position.File, StringComparer.Ordinal)
             .ThenBy(d => d.Position.Line)
             .ThenBy(d => d.Position.Column)
             .ThenBy(d => d.Code, StringComparer.Ordinal)
             .ToList();
}
