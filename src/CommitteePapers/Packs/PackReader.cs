using System.Text;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Packs;

/// <summary>Reads a pack.yaml: the meeting as a notice, the page convention, and each item's papers.</summary>
internal static class PackReader
{
    public static Pack? Read(string text, string file, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCode.FileTooLarge, new SourcePosition(file, 1, 1), InputFile.TooLarge(file, FileKind.PackFile(limits)));
            return null;
        }

        var root = YamlTree.Parse(text, file, limits, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors) diagnostics.Error(DiagnosticCode.MissingField, new SourcePosition(file, 1, 1), "The pack file is empty; start it with 'pack: agenda'.");
            return null;
        }

        var m = MappingReader.For(root, diagnostics, Shapes.Pack);
        if (m is null) return null;
        var reader = new MeetingReader(diagnostics, new ReportReader(diagnostics));
        var papers = new List<IReadOnlyList<PackPaper>>();
        var notice = reader.ReadNotice(m, node =>
        {
            var item = MappingReader.For(node, diagnostics, Shapes.PackItem);
            if (item is null) return null;
            papers.Add(item.List("papers", ReadPaper));
            return reader.ReadAgendaItem(item);
        });
        var convention = m.Text("page-convention") switch
        {
            null or "odd-page" => PageConvention.OddPage,
            _ => PageConvention.RunOn,
        };
        return new Pack(notice, notice.Items.Select((item, i) => new PackItem(item, papers[i])).ToList())
        {
            At = m.At,
            Convention = convention,
            NumberFrontSheet = m.Text("page-numbers") == "from-front-sheet",
        };

        PackPaper? ReadPaper(YNode node)
        {
            if (node is YScalar s) return s.IsNull ? null : new PackPaper(s.Value) { At = s.At };
            var p = MappingReader.For(node, diagnostics, Shapes.PackPaper);
            return p is null ? null : new PackPaper(p.RequiredText("file")) { At = p.Node("file")?.At ?? p.At, Title = p.Text("title") };
        }
    }
}
