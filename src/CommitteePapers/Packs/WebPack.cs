using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Html;
using CommitteePapers.Layout;
using CommitteePapers.Styles;

namespace CommitteePapers.Packs;

/// <summary>
/// A meeting's pack on the web: index.html with the agenda as the public pack prints it (exempt items with their
/// wording and no papers), each item linking to a page of its own for each of our papers and to the files supplied by
/// others, copied beside it as downloads with their format and size. Nothing is written when any paper has errors, and each file goes into place whole.
/// </summary>
internal static class WebPack
{
    /// <summary>The meeting's page; a web server shows it for the folder.</summary>
    public const string IndexName = "index.html";

    public static PackResult Build(Pack pack, HouseStyle style, string name, string folder, string outputFolder, PackOptions options, DiagnosticBag diagnostics)
    {
        var failed = new PackResult(false, [], [], []);
        var files = new List<(string Name, byte[] Bytes)>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { IndexName };
        var links = new Dictionary<int, IReadOnlyList<PaperLink>>();
        var back = Wording.Inlines(style, "web-back-to-agenda", new Dictionary<string, object?> { ["committee"] = pack.Notice.Committee, ["date"] = pack.Notice.Date });
        foreach (var (item, index) in pack.Items.Select((item, i) => (item, i)))
        {
            // An exempt item's papers are checked like the rest, but the public pages leave them out.
            var published = item.Item.ExemptParagraph is null;
            var itemLinks = new List<PaperLink>();
            // A meeting's page offers every paper that has arrived: late papers join it as their supplements publish them.
            foreach (var paper in item.Papers.Where(p => p.File is not null))
            {
                var path = Confinement.Resolve(folder, paper.File!, paper.At, diagnostics);
                if (path is null) continue;
                if (InputFile.NotRegular(path) is { } special)
                {
                    diagnostics.Error(DiagnosticCode.NotAFile, paper.At, $"'{paper.File}' {special}; a paper must be an ordinary file.");
                    continue;
                }

                var extension = Path.GetExtension(path).ToLowerInvariant();
                switch (extension)
                {
                    case ".yaml" or ".yml":
                        var loaded = Papers.Load(Path.GetRelativePath(Environment.CurrentDirectory, path), options.Limits, root: folder);
                        foreach (var d in loaded.Diagnostics) diagnostics.Add(d);
                        if (!loaded.Succeeded) continue;
                        var paperDiagnostics = new DiagnosticBag();
                        var laid = Papers.Lay(loaded.Paper!, style, paperDiagnostics);
                        foreach (var d in Papers.Reported(loaded.Paper, paperDiagnostics)) diagnostics.Add(d);
                        if (!published) continue;
                        var page = Unique(taken, Path.GetFileNameWithoutExtension(path) + ".html");
                        // Each paper's page leads back to the meeting's.
                        laid = laid with { Body = [new LParagraph(ParaStyle.Normal, [new LLink(IndexName, back)]), .. laid.Body] };
                        files.Add((page, System.Text.Encoding.UTF8.GetBytes(HtmlPage.Text(laid, style))));
                        itemLinks.Add(new PaperLink(laid.Info.Title, Uri.EscapeDataString(page)));
                        break;
                    case ".docx" or ".pdf":
                        if (InputFile.Read(path, paper.File!, FileKind.SuppliedPaper, paper.At, diagnostics) is not { } bytes) continue;
                        if (extension == ".docx" && !InputFile.IsSafeZip(bytes, paper.At, diagnostics)) continue;
                        if (!published) continue;
                        var download = Unique(taken, Path.GetFileName(path));
                        files.Add((download, bytes));
                        itemLinks.Add(new PaperLink(paper.Title ?? Path.GetFileNameWithoutExtension(path), Uri.EscapeDataString(download), extension[1..], bytes.LongLength));
                        break;
                    default:
                        diagnostics.Error(DiagnosticCode.UnsupportedPaper, paper.At, $"'{paper.File}' is not a paper a pack can hold; use one of our YAML papers, a .docx or a .pdf.");
                        break;
                }
            }

            if (itemLinks.Count > 0) links[index] = itemLinks;
        }

        if (diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCode.PaperFailed, pack.At, $"The pack '{name}' was not built because of the errors reported with it; nothing was written.");
            return failed;
        }

        var noticeDiagnostics = new DiagnosticBag();
        // The page lists every item, added ones too, and a late paper as to follow only until it arrives.
        var notice = pack.Notice with { Items = pack.Items.Select(i => i.Item with { ToFollow = i.Papers.Any(p => p.File is null) ? i.Item.ToFollow : null }).ToList() };
        var meeting = NoticeLayout.LayForWeb(notice, style, noticeDiagnostics, Papers.Metrics(style), links);
        foreach (var d in noticeDiagnostics.Items) diagnostics.Add(d);
        if (noticeDiagnostics.HasErrors) return failed;
        files.Insert(0, (IndexName, System.Text.Encoding.UTF8.GetBytes(HtmlPage.Text(meeting, style))));
        return Write(files, outputFolder, diagnostics);
    }

    /// <summary>A file name no other file of the pack has: "report.html", then "report-2.html".</summary>
    private static string Unique(HashSet<string> taken, string wanted)
    {
        var stem = Path.GetFileNameWithoutExtension(wanted);
        var extension = Path.GetExtension(wanted);
        var name = wanted;
        for (var i = 2; !taken.Add(name); i++) name = $"{stem}-{i}{extension}";
        return name;
    }

    private static PackResult Write(IReadOnlyList<(string Name, byte[] Bytes)> files, string outputFolder, DiagnosticBag diagnostics)
    {
        var failed = new PackResult(false, [], [], []);
        foreach (var (file, _) in files)
        {
            var to = Path.Combine(outputFolder, file);
            if (OutputFile.Refused(to, AgendaPacks.Shown(to)) is { } refused)
            {
                diagnostics.Add(refused);
                return failed;
            }
        }

        var written = new List<string>();
        var current = outputFolder;
        var work = Directory.CreateTempSubdirectory("cp-web-");
        try
        {
            Directory.CreateDirectory(outputFolder);
            foreach (var (file, bytes) in files)
            {
                var made = Path.Combine(work.FullName, file);
                File.WriteAllBytes(made, bytes);
                current = Path.Combine(outputFolder, file);
                written.Add(AgendaPacks.Place(made, current));
            }
        }
        catch (Exception e) when (OutputFile.IsWriteFailure(e))
        {
            diagnostics.Add(OutputFile.Failed(AgendaPacks.Shown(current), e));
            return failed with { Files = written };
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return new PackResult(true, [], written, []);
    }
}
