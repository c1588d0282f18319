using System.Text;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>Turns YAML text into a <see cref="Paper"/> and diagnostics. Never throws on bad input.</summary>
internal static class PaperReader
{
    public static IReadOnlyCollection<string> Kinds => Shapes.PaperKinds.Select(k => k.Name).ToArray();

    public static Paper? Read(string text, string file, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCode.FileTooLarge, new SourcePosition(file, 1, 1), InputFile.TooLarge(file, FileKind.Paper(limits)));
            return null;
        }

        var root = YamlTree.Parse(text, file, limits, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCode.MissingField, new SourcePosition(file, 1, 1),
                    "The file is empty; start it with 'paper: report' (run 'committee-papers new report' for a commented example).");
            }

            return null;
        }

        if (root is not YMapping map)
        {
            diagnostics.Error(DiagnosticCode.WrongType, root.At, $"A paper must be a mapping of keys such as 'paper:' and 'title:', not {root.KindName}.");
            return null;
        }

        var kindNode = map.Entries.FirstOrDefault(e => e.Key.Value == "paper").Value;
        if (kindNode is null)
        {
            diagnostics.Error(DiagnosticCode.MissingField, root.At,
                $"The paper does not say what kind it is; add 'paper: report' (kinds: {string.Join(", ", Kinds)}).");
            return null;
        }

        var kind = MappingReader.TextOf(kindNode, "paper", diagnostics);
        if (kind is null && kindNode is YScalar)
        {
            diagnostics.Error(DiagnosticCode.MissingField, kindNode.At, $"'paper:' needs the kind of paper, e.g. 'paper: report' (kinds: {string.Join(", ", Kinds)}).");
            return null;
        }

        var paper = Shapes.PaperKinds.FirstOrDefault(k => k.Name == kind)?.Read(map, diagnostics);
        if (paper is not null)
        {
            Lint.Run(map, paper, diagnostics);
            return paper;
        }

        switch (kind)
        {
            case null:
                return null;
            default:
                var suggestion = Suggest.Nearest(kind, Kinds);
                diagnostics.Error(DiagnosticCode.UnknownPaperKind, kindNode.At,
                    $"'{kind}' is not a kind of paper; " + (suggestion is null ? $"use one of: {string.Join(", ", Kinds)}." : $"did you mean '{suggestion}'?"));
                return null;
        }
    }
}
