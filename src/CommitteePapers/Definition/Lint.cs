using System.Text.RegularExpressions;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>
/// Checks a paper reads as finished: no template placeholders left in, recommendations with reasons, abbreviations
/// defined and used, exempt papers with their Schedule 12A paragraph, key decisions with a forward plan reference.
/// Warnings (errors with --strict), each at the place in the YAML.
/// </summary>
internal static partial class Lint
{
    [GeneratedRegex(@"List wards or tick box to indicate all|\[\s*insert[^\]]*\]|\[\s*enter[^\]]*\]|<\s*insert[^>]*>|\bXX+\b|\bTBC\b|\bTBA\b|\bTBD\b|lorem ipsum", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\b([A-Z][A-Z&]{1,7})(?:s|'s)?\b")]
    private static partial Regex AbbreviationPattern();

    public static void Run(YMapping root, Paper paper, DiagnosticBag diagnostics)
    {
        var scalars = new List<YScalar>();
        Collect(root, scalars, skipKey: "abbreviations");
        foreach (var scalar in scalars)
        {
            if (PlaceholderPattern().Match(scalar.Value) is { Success: true } match)
            {
                diagnostics.Warning(DiagnosticCode.Placeholder, scalar.At,
                    $"'{match.Value}' looks like template text left in; replace it with what the paper means (for wards: the ward names, or All).");
            }
        }

        if (paper is Report report) LintReport(root, report, scalars, diagnostics);
    }

    private static void LintReport(YMapping root, Report report, List<YScalar> scalars, DiagnosticBag diagnostics)
    {
        if (report.Recommendations is { Items.Count: > 0, Reason: null or { IsEmpty: true } } recs)
        {
            diagnostics.Warning(DiagnosticCode.RecommendationWithoutReason, recs.At,
                "The recommendations give no reason; add 'reason:' saying why the meeting should agree them.");
        }

        if (report.Exempt && report.ExemptParagraph is null && Value(root, "exempt") is YScalar { Value: "true" or "yes" } exempt)
        {
            diagnostics.Warning(DiagnosticCode.ExemptWithoutParagraph, exempt.At,
                "An exempt report must say which paragraph of Schedule 12A makes it exempt; write 'exempt: N' with N from 1 to 7.");
        }

        if (report.KeyDecision == true && string.IsNullOrWhiteSpace(report.ForwardPlanReference))
        {
            diagnostics.Warning(DiagnosticCode.KeyDecisionWithoutForwardPlan, Value(root, "key-decision")!.At,
                "A key decision must be on the forward plan; add 'forward-plan-reference:' with its reference.");
        }

        if (Value(root, "implications") is YMapping implications)
        {
            foreach (var (key, value) in implications.Entries)
            {
                if (value is YScalar { IsNull: true } or YScalar { Value.Length: 0 } or YSequence { Items.Count: 0 })
                {
                    diagnostics.Warning(DiagnosticCode.EmptyImplications, key.At,
                        $"'{key.Value}' has nothing under it; say what the implications are, or 'There are no {key.Value.Replace('-', ' ')} implications.'");
                }
            }
        }

        if (report.Abbreviations.Count == 0) return;
        var defined = report.Abbreviations.Select(a => a.Short).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scalar in scalars)
        {
            // EnumerateMatches allocates nothing per match; the word is the match less its plural ending ("CSCs", "CSC's").
            foreach (var match in AbbreviationPattern().EnumerateMatches(scalar.Value))
            {
                var text = scalar.Value.AsSpan(match.Index, match.Length);
                text = text.EndsWith("'s", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('s') ? text[..^1] : text;
                var word = text.ToString();
                used.Add(word);
                if (!defined.Contains(word) && reported.Add(word) && !NotAbbreviations.Contains(word))
                {
                    diagnostics.Warning(DiagnosticCode.UndefinedAbbreviation, scalar.At,
                        $"'{word}' is used but not in the abbreviations; add '{word}: …' under 'abbreviations:', or write it out.");
                }
            }
        }

        foreach (var abbreviation in report.Abbreviations.Where(a => !used.Contains(a.Short)))
        {
            diagnostics.Warning(DiagnosticCode.UnusedAbbreviation, abbreviation.At,
                $"'{abbreviation.Short}' is defined but never used in the paper; remove it from the abbreviations.");
        }
    }

    /// <summary>Capitalised words that are not abbreviations a reader needs spelt out.</summary>
    private static readonly HashSet<string> NotAbbreviations = ["I", "OK", "UK", "AM", "PM", "RED", "AMBER", "GREEN", "N/A", "NO", "YES", "ALL", "NONE"];

    private static YNode? Value(YMapping map, string key) => map.Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    private static void Collect(YNode node, List<YScalar> scalars, string? skipKey)
    {
        // Walks each node once: an alias shares its anchor's node, which is visited only the first time. Without aliases
        // every node is reached once, and no set is needed.
        var seen = node.SharesNodes ? new HashSet<YNode>(ReferenceEqualityComparer.Instance) : null;
        var stack = new Stack<YNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (seen is not null && !seen.Add(current)) continue;
            switch (current)
            {
                case YScalar s when !s.IsNull:
                    scalars.Add(s);
                    break;
                case YSequence seq:
                    for (var i = seq.Items.Count - 1; i >= 0; i--) stack.Push(seq.Items[i]);
                    break;
                case YMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        if (map.Entries[i].Key.Value is "paper" or "style" or "id" or "date" or "type" or "unit" or "polarity" or "rag" or "dot" || map.Entries[i].Key.Value == skipKey) continue;
                        stack.Push(map.Entries[i].Value);
                    }

                    break;
            }
        }

        scalars.Sort((a, b) => a.At.Line != b.At.Line ? a.At.Line.CompareTo(b.At.Line) : a.At.Column.CompareTo(b.At.Column));
    }
}
