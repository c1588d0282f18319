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
        var added = new List<(int? Number, SourcePosition At)>();
        var notice = reader.ReadNotice(m, node =>
        {
            var item = MappingReader.For(node, diagnostics, Shapes.PackItem);
            if (item is null) return null;
            var itemPapers = item.List("papers", ReadPaper);
            papers.Add(itemPapers);
            var supplement = item.Node("supplement") is { } s ? reader.Integer(s, "supplement", 1, 99) : null;
            added.Add((supplement, item.Node("supplement")?.At ?? item.At));
            var urgent = item.Rich("urgent");
            if (supplement is not null && urgent is null)
            {
                diagnostics.Error(DiagnosticCode.UrgentWithoutReason, item.KeyAt("supplement"),
                    "An item added after the agenda was published needs the Chair's reason for taking it as a matter of urgency (section 100B(4)(b) of the Local Government Act 1972); add 'urgent: <the reason>'.");
            }
            else if (supplement is null && urgent is not null)
            {
                diagnostics.Warning(DiagnosticCode.UrgentWithoutReason, item.KeyAt("urgent"),
                    "'urgent' is the reason for an item added after publication, but this item is on the agenda; add 'supplement: N' for the supplement that adds it, or remove 'urgent'.");
            }

            foreach (var paper in itemPapers)
            {
                if (supplement is not null && paper.IsLate)
                {
                    diagnostics.Error(DiagnosticCode.LatePaperOutOfPlace, paper.At,
                        $"This item is added by supplement {supplement}, so its papers come with it; remove 'to-follow' and 'supplement' from the paper.");
                }
            }

            return reader.ReadAgendaItem(item) with { Urgent = urgent };
        });
        var convention = m.Text("page-convention") switch
        {
            null or "odd-page" => PageConvention.OddPage,
            _ => PageConvention.RunOn,
        };
        var supplements = m.List("supplements", node => MappingReader.For(node, diagnostics, Shapes.PackSupplement) is { } s
            && s.Node("number") is { } n && reader.Integer(n, "number", 1, 99) is { } number && s.Date("publication-date", required: true) is { } date
                ? new PackSupplement(number, date) { At = s.At }
                : null);
        var items = notice.Items.Select((item, i) => new PackItem(
            item with { ToFollow = papers[i].Where(p => p.IsLate && added[i].Number is null).Select(p => p.ToFollow ?? notice.PublicationDate ?? notice.Date).Cast<DateOnly?>().Max() },
            papers[i]) { Supplement = added[i].Number, SupplementAt = added[i].At }).ToList();
        foreach (var used in items.SelectMany(i => i.Papers.Select(p => (p.Supplement, p.At)).Append((i.Supplement, At: i.SupplementAt))))
        {
            if (used.Supplement is { } number && supplements.All(s => s.Number != number))
            {
                diagnostics.Error(DiagnosticCode.UnknownSupplement, used.At,
                    $"Supplement {number} is not declared; add it under 'supplements:' with its publication date, e.g. '- {{number: {number}, publication-date: YYYY-MM-DD}}'.");
            }
        }

        foreach (var twice in supplements.GroupBy(s => s.Number).Where(g => g.Count() > 1))
        {
            diagnostics.Error(DiagnosticCode.UnknownSupplement, twice.Last().At, $"Supplement {twice.Key} is declared twice; give each supplement its own number.");
        }

        return new Pack(notice with { Items = items.Select(i => i.Item).ToList() }, items)
        {
            At = m.At,
            Convention = convention,
            NumberFrontSheet = m.Text("page-numbers") == "from-front-sheet",
            Supplements = supplements,
            Republished = m.Date("republished"),
        };

        PackPaper? ReadPaper(YNode node)
        {
            if (node is YScalar s) return s.IsNull ? null : new PackPaper(s.Value) { At = s.At };
            var p = MappingReader.For(node, diagnostics, Shapes.PackPaper);
            if (p is null) return null;
            var toFollow = p.Date("to-follow");
            var supplement = p.Node("supplement") is { } n ? reader.Integer(n, "supplement", 1, 99) : null;
            var file = p.Text("file");
            if (file is null && supplement is not null)
            {
                diagnostics.Error(DiagnosticCode.MissingField, p.KeyAt("supplement"),
                    $"A paper published in supplement {supplement} needs its file; add 'file: papers/…' now that it has arrived.");
            }
            else if (file is null && toFollow is null)
            {
                p.Missing("file");
            }

            return new PackPaper(file) { At = p.Node("file")?.At ?? p.At, Title = p.Text("title"), ToFollow = toFollow, ToFollowAt = p.Node("to-follow")?.At ?? p.At, Supplement = supplement };
        }
    }
}
