using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Layout;
using CommitteePapers.Pdf;
using CommitteePapers.Styles;
using CommitteePapers.Word;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CommitteePapers.Packs;

/// <summary>Choices for building a pack.</summary>
public sealed record PackOptions
{
    /// <summary>The defaults.</summary>
    public static PackOptions Default { get; } = new();

    /// <summary>A house style that overrides the pack's own.</summary>
    public string? Style { get; init; }

    /// <summary>The soffice program; found on PATH when null.</summary>
    public string? SofficePath { get; init; }

    /// <summary>How long one LibreOffice run may take.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Size, depth and alias limits for the pack file and its papers.</summary>
    public ReaderLimits Limits { get; init; } = ReaderLimits.Default;

    /// <summary>
    /// What to build: the Word document and tagged PDF (the default), or the meeting's web pages — an index with the
    /// agenda linking to a page for each paper, supplied files offered as downloads — which need no LibreOffice.
    /// </summary>
    public RenderFormat Format { get; init; }
}

/// <summary>The pages of an agenda item in a built pack, as printed.</summary>
/// <param name="Number">The item number.</param>
/// <param name="Title">The item title.</param>
/// <param name="First">The first printed page number.</param>
/// <param name="Last">The last printed page number.</param>
public sealed record ItemPages(int Number, string Title, int First, int Last);

/// <summary>What building a pack gave.</summary>
/// <param name="Succeeded">True when the pack's files were written.</param>
/// <param name="Diagnostics">Errors and warnings, with positions in the pack file and its papers.</param>
/// <param name="Files">The files written.</param>
/// <param name="Pages">The printed pages of each agenda item with papers in the public pack.</param>
public sealed record PackResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Files, IReadOnlyList<ItemPages> Pages);

/// <summary>
/// Builds agenda packs with one LibreOffice kept running for all of them, so that it starts once (starting is about a
/// second; converting a pack's documents takes less). For a batch of meetings, or a service that builds packs as they
/// come; dispose it to stop LibreOffice. <see cref="Build"/> may be called from several threads at once: the packs
/// are read and laid out in parallel, and LibreOffice converts for one at a time.
/// </summary>
public sealed class PackBuilder : IDisposable
{
    private readonly PackOptions options;
    private readonly LibreOfficeSession libreOffice;

    /// <summary>A builder with these options (<see cref="PackOptions.Default"/> when null). LibreOffice starts with the first pack.</summary>
    public PackBuilder(PackOptions? options = null)
    {
        this.options = options ?? PackOptions.Default;
        libreOffice = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = this.options.SofficePath, TimeLimit = this.options.TimeLimit }).OpenSession();
    }

    /// <summary>Builds the pack described by <paramref name="packPath"/> into <paramref name="outputFolder"/>.</summary>
    public PackResult Build(string packPath, string outputFolder) => AgendaPacks.Build(packPath, outputFolder, options, libreOffice);

    /// <summary>How many times LibreOffice was started (tests ask).</summary>
    internal int LibreOfficeStarts => libreOffice.Starts;

    /// <summary>How many conversions the kept LibreOffice did rather than one started for them alone (tests ask).</summary>
    internal int ServedConversions => libreOffice.ServedConversions;

    /// <summary>Stops LibreOffice and everything it started.</summary>
    public void Dispose() => libreOffice.Dispose();
}

/// <summary>
/// Builds a meeting's agenda pack from a pack.yaml: the front sheet and agenda, every paper in order with continuous
/// page numbers, "(Pages a - b)" that match the printed numbers, blank-page padding, a tagged PDF with bookmarks,
/// and the public and private versions when an item is exempt.
/// </summary>
public static class AgendaPacks
{
    /// <summary>How many times a pack is built while its front sheet's length settles; two is usual, three is rare.</summary>
    private const int MaxBuildAttempts = 5;

    /// <summary>Reads a pack file's text and returns its diagnostics, without reading the papers it names or building anything.</summary>
    public static IReadOnlyList<Diagnostic> Check(string yaml, string fileName = "pack.yaml", ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        PackReader.Read(yaml, fileName, limits ?? ReaderLimits.Default, diagnostics);
        return diagnostics.ToSortedList();
    }

    /// <summary>
    /// Builds the pack described by <paramref name="packPath"/> into <paramref name="outputFolder"/>, with a LibreOffice
    /// of its own (started once for the pack's measuring and building). To build several packs, use a
    /// <see cref="PackBuilder"/>: LibreOffice then starts once for all of them.
    /// </summary>
    public static PackResult Build(string packPath, string outputFolder, PackOptions? options = null)
    {
        using var builder = new PackBuilder(options);
        return builder.Build(packPath, outputFolder);
    }

    internal static PackResult Build(string packPath, string outputFolder, PackOptions options, LibreOfficeSession libreOffice)
    {
        ArgumentNullException.ThrowIfNull(packPath);
        ArgumentNullException.ThrowIfNull(outputFolder);
        var diagnostics = new DiagnosticBag();
        var work = Directory.CreateTempSubdirectory("cp-pack-");
        try
        {
            var result = Build(Path.GetFullPath(packPath), Path.GetFullPath(outputFolder), options, diagnostics, work.FullName, libreOffice);
            return result with { Diagnostics = diagnostics.ToSortedList() };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static PackResult Build(string packPath, string outputFolder, PackOptions options, DiagnosticBag diagnostics, string work, LibreOfficeSession libreOffice)
    {
        var failed = new PackResult(false, [], [], []);
        var folder = Path.GetDirectoryName(packPath)!;
        var name = Path.GetFileNameWithoutExtension(packPath) is "pack" ? Path.GetFileName(folder) : Path.GetFileNameWithoutExtension(packPath);
        var display = Path.GetRelativePath(Environment.CurrentDirectory, packPath);
        var text = InputFile.Read(packPath, display, FileKind.PackFile(options.Limits), new SourcePosition(display, 0, 0), diagnostics) is { } bytes
            ? InputFile.DecodeText(bytes, display, diagnostics)
            : null;
        if (text is null) return failed;
        var pack = PackReader.Read(text, display, options.Limits, diagnostics);
        if (pack is null || diagnostics.HasErrors) return failed;
        var style = Papers.ResolveStyle(pack.Notice, options.Style, folder, out var styleDiagnostics);
        foreach (var d in styleDiagnostics) diagnostics.Add(d);
        if (style is null) return failed;
        CheckCalendar(pack, new WorkingDays(style.Nation), diagnostics);
        if (options.Format == RenderFormat.Html) return WebPack.Build(pack, style, name, folder, outputFolder, options, diagnostics);

        // LibreOffice starts (about a second) while the papers are read and laid out.
        libreOffice.Warm();

        // Read and lay out every paper; a broken paper fails this pack, with its own diagnostics.
        var papers = new List<PaperSource>();
        foreach (var (item, index) in pack.Items.Select((item, i) => (item, i)))
        {
            foreach (var paper in item.Papers)
            {
                if (Source(paper, item.Item, index, folder, style, options, diagnostics, work, papers.Count) is { } source) papers.Add(source);
            }
        }

        if (diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCode.PaperFailed, pack.At, $"The pack '{name}' was not built because of the errors reported with it; nothing was written.");
            return failed;
        }

        // Measure: convert every paper on its own and the front sheet with a first guess at its page ranges, in one
        // request to the LibreOffice this pack (or batch) keeps running.
        var guessed = pack.Notice with { Items = pack.Items.Select(i => i.Papers.Count > 0 ? i.Item with { Pages = (888, 889) } : i.Item).ToList() };
        var noticeDocx = Path.Combine(work, "front-sheet-measure.docx");
        if (!WriteFrontSheetMeasure(pack, guessed, style, noticeDocx, diagnostics)) return failed;
        var jobs = new List<PdfJob> { new(noticeDocx, Path.ChangeExtension(noticeDocx, ".pdf")) };
        var versions = papers.Concat(papers.Select(p => p.PrivateVersion).OfType<PaperSource>()).ToList();
        jobs.AddRange(versions.Where(p => p.Docx is not null).Select(p => new PdfJob(p.Docx!, Path.ChangeExtension(p.Docx!, ".pdf"))));
        var measured = libreOffice.Convert(jobs);
        if (!measured.Succeeded)
        {
            diagnostics.Error(DiagnosticCode.PdfFailed, pack.At, measured.Message);
            return failed;
        }

        var guessedFrontPages = PageCount(jobs[0].Pdf) - 1;
        foreach (var paper in versions.Where(p => p.Docx is not null))
        {
            paper.Pdf ??= Path.ChangeExtension(paper.Docx!, ".pdf");
            paper.Pages = PageCount(paper.Pdf);
        }

        var variants = new List<Variant> { new(string.Empty, false, guessedFrontPages) };
        if (pack.Items.Any(i => i.Item.ExemptParagraph is not null && i.Papers.Count > 0) || papers.Any(p => p.PrivateVersion is not null))
        {
            variants.Add(new("-private", true, guessedFrontPages));
        }

        // Build: the whole pack with the page ranges that measuring gave. The front sheet now prints the real ranges,
        // which can wrap differently from the guess, so it is measured again in the same run; while its length differs
        // from the one the ranges were worked out for, work them out again (a real range can move the front sheet onto
        // one more page, or one fewer). Should it swing between two lengths, the longer one is kept and the front sheet
        // padded with a blank page, which settles it.
        IReadOnlyList<ItemPages> publicPages = [];
        for (var attempt = 1; ; attempt++)
        {
            var finalJobs = new List<PdfJob>();
            foreach (var variant in variants)
            {
                // The private pack holds every paper, each in its private version where it has one.
                var included = papers.Where(p => variant.Private || pack.Items[p.ItemIndex].Item.ExemptParagraph is null)
                    .Select(p => variant.Private ? p.PrivateVersion ?? p : p).ToList();
                variant.Plan = Plan.Make(pack, included, variant.FrontContent, variant.FrontPadding, style);
                if (!variant.Private) publicPages = variant.Plan.Pages;
                variant.Notice = pack.Notice with
                {
                    Items = pack.Items.Select((item, i) => variant.Plan.Ranges.TryGetValue(i, out var r) ? item.Item with { Pages = r } : item.Item).ToList(),
                };
                var noticeLaid = Papers.Lay(variant.Notice, style, new DiagnosticBag());
                var title = Wording.Plain(style, variant.Private ? "pack-title-private" : "pack-title", new Dictionary<string, object?> { ["committee"] = pack.Notice.Committee, ["date"] = pack.Notice.Date });
                var combined = PackLayout.Combine(
                    noticeLaid.Info with { Title = title },
                    noticeLaid.Page,
                    noticeLaid.Footer,
                    variant.Plan.Parts(noticeLaid),
                    variant.Plan.FirstNumberedPart,
                    variant.Plan.FirstPageNumber);
                variant.Docx = Path.Combine(work, $"{name}{variant.Suffix}.docx");
                using (var stream = File.Create(variant.Docx)) WordPackage.Write(combined, style, stream);
                finalJobs.Add(new PdfJob(variant.Docx, Path.ChangeExtension(variant.Docx, ".pdf")));
                var check = Path.Combine(work, $"front-sheet-check{variant.Suffix}.docx");
                if (!WriteFrontSheetMeasure(pack, variant.Notice, style, check, null)) return failed;
                finalJobs.Add(new PdfJob(check, Path.ChangeExtension(check, ".pdf")));
            }

            var final = libreOffice.Convert(finalJobs);
            if (!final.Succeeded)
            {
                diagnostics.Error(DiagnosticCode.PdfFailed, pack.At, final.Message);
                return failed;
            }

            var settled = true;
            foreach (var (variant, index) in variants.Select((v, i) => (v, i)))
            {
                variant.Pdf = finalJobs[2 * index].Pdf;
                settled &= variant.Settle(PageCount(finalJobs[(2 * index) + 1].Pdf) - 1, attempt);
            }

            if (settled) break;
            if (attempt == MaxBuildAttempts)
            {
                diagnostics.Error(DiagnosticCode.PagesMoved, pack.At,
                    $"The front sheet's length kept changing with its page numbers ({attempt} tries), so its page numbers cannot be trusted; shorten an agenda item's title or wording and build again.");
                return failed;
            }
        }

        foreach (var variant in variants)
        {
            var count = PageCount(variant.Pdf!);
            if (count != variant.Plan!.TotalPages)
            {
                diagnostics.Error(DiagnosticCode.PagesMoved, pack.At,
                    $"The pack came out at {Counted.Of(count, "page")}, not the {variant.Plan.TotalPages} measured, so its page numbers cannot be trusted; check that every paper uses the pack's house style.");
                return failed;
            }

            if (variant.Plan.Supplied.Count > 0) DrawSupplied(variant.Pdf!, variant.Plan);
        }

        var publicNotice = variants[0].Notice!;
        var agenda = Path.Combine(work, $"{name}-agenda.docx");
        using (var stream = File.Create(agenda)) Papers.Render(publicNotice, style, stream);

        // Everything is made: now move it into place, each file whole. Nothing goes over a device, a FIFO or a folder.
        var moves = new List<(string From, string To)>();
        foreach (var variant in variants)
        {
            moves.Add((variant.Pdf!, Path.Combine(outputFolder, $"{name}{variant.Suffix}.pdf")));
            moves.Add((variant.Docx!, Path.Combine(outputFolder, $"{name}{variant.Suffix}.docx")));
        }

        moves.Add((agenda, Path.Combine(outputFolder, $"{name}-agenda.docx")));
        moves.AddRange(versions.Where(p => p.IsOurs).Select(p => (p.Docx!, Path.Combine(outputFolder, p.OutputName))));
        foreach (var (_, to) in moves)
        {
            if (OutputFile.Refused(to, Shown(to)) is { } refused)
            {
                diagnostics.Add(refused);
                return failed;
            }
        }

        var files = new List<string>();
        var current = outputFolder;
        try
        {
            Directory.CreateDirectory(outputFolder);
            foreach (var (from, to) in moves)
            {
                current = to;
                files.Add(Place(from, to));
            }
        }
        catch (Exception e) when (OutputFile.IsWriteFailure(e))
        {
            diagnostics.Add(OutputFile.Failed(Shown(current), e));
            return failed with { Files = files };
        }

        return new PackResult(true, [], files, publicPages);
    }

    private static PaperSource? Source(PackPaper paper, AgendaItem item, int itemIndex, string folder, HouseStyle style, PackOptions options,
        DiagnosticBag diagnostics, string work, int index)
    {
        var path = Confinement.Resolve(folder, paper.File, paper.At, diagnostics);
        if (path is null) return null;
        if (InputFile.NotRegular(path) is { } special)
        {
            diagnostics.Error(DiagnosticCode.NotAFile, paper.At, $"'{paper.File}' {special}; a paper must be an ordinary file.");
            return null;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var title = paper.Title ?? Path.GetFileNameWithoutExtension(path);
        switch (extension)
        {
            case ".yaml" or ".yml":
                // Every message names the paper by its path from the current folder, as the pack's own do.
                var loaded = Papers.Load(Path.GetRelativePath(Environment.CurrentDirectory, path), options.Limits, root: folder);
                foreach (var d in loaded.Diagnostics) diagnostics.Add(d);
                if (!loaded.Succeeded) return null;
                var paperDiagnostics = new DiagnosticBag();
                var laid = Papers.Lay(loaded.Paper!, style, paperDiagnostics);
                // Minutes with an exempt minute have a private version too: the public pack takes the public minutes,
                // the private pack the minutes in full.
                var laidPrivate = Papers.HasPrivateVersion(loaded.Paper!) ? Papers.Lay(loaded.Paper!, style, paperDiagnostics, isPrivate: true) : null;
                foreach (var d in Papers.Reported(loaded.Paper, paperDiagnostics, laidOutIn: style)) diagnostics.Add(d);
                var bookmarkTitle = paper.Title ?? laid.Info.Title;
                var docx = Path.Combine(work, $"paper-{index}.docx");
                laid = Finish(laid, item, bookmarkTitle, style, docx);
                var outputName = Path.ChangeExtension(Path.GetFileName(path), ".docx");
                PaperSource? privateVersion = null;
                if (laidPrivate is not null)
                {
                    var privateDocx = Path.Combine(work, $"paper-{index}-private.docx");
                    privateVersion = new PaperSource(itemIndex, bookmarkTitle, privateDocx)
                    {
                        Laid = Finish(laidPrivate, item, bookmarkTitle, style, privateDocx),
                        OutputName = Path.GetFileNameWithoutExtension(path) + "-private.docx",
                    };
                }

                return new PaperSource(itemIndex, bookmarkTitle, docx) { Laid = laid, OutputName = outputName, PrivateVersion = privateVersion };
            case ".docx":
                if (InputFile.Read(path, paper.File, FileKind.SuppliedPaper, paper.At, diagnostics) is not { } bytes) return null;
                if (!InputFile.IsSafeZip(bytes, paper.At, diagnostics)) return null;
                var copy = Path.Combine(work, $"paper-{index}.docx");
                File.WriteAllBytes(copy, bytes);
                return new PaperSource(itemIndex, title, copy);
            case ".pdf":
                if (InputFile.Read(path, paper.File, FileKind.SuppliedPaper, paper.At, diagnostics) is not { } pdfBytes) return null;
                try
                {
                    // Read once, and from here on only our own copy (the pages are drawn from it at the end).
                    using var document = PdfReader.Open(new MemoryStream(pdfBytes, writable: false), PdfDocumentOpenMode.Import);
                    var pdfCopy = Path.Combine(work, $"paper-{index}.pdf");
                    File.WriteAllBytes(pdfCopy, pdfBytes);
                    return new PaperSource(itemIndex, title, null) { Pdf = pdfCopy, Pages = document.PageCount };
                }
                catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or IOException or NotSupportedException)
                {
                    diagnostics.Error(DiagnosticCode.BadFile, paper.At, $"'{paper.File}' cannot be read as a PDF ({ex.Message}); save it again as PDF.");
                    return null;
                }

            default:
                diagnostics.Error(DiagnosticCode.UnsupportedPaper, paper.At, $"'{paper.File}' is not a paper a pack can hold; use one of our YAML papers, a .docx or a .pdf.");
                return null;
        }
    }

    /// <summary>
    /// One of our papers as the pack prints it, written to <paramref name="docx"/>: an exempt item's paper marked as not
    /// for publication on its first line (only the private pack holds it), and a heading only bookmarks and screen readers
    /// see carrying the paper's title into the PDF's outline.
    /// </summary>
    private static LaidOutPaper Finish(LaidOutPaper laid, AgendaItem item, string bookmarkTitle, HouseStyle style, string docx)
    {
        if (item.ExemptParagraph is { } exempt)
        {
            laid = laid with
            {
                Body = [new LParagraph(ParaStyle.Label, Wording.Inlines(style, "not-for-publication", new Dictionary<string, object?> { ["paragraph"] = exempt })), .. laid.Body],
            };
        }

        laid = laid with { Body = [new LParagraph(ParaStyle.Heading1, [new LText(bookmarkTitle)]) { Size = 1, Hidden = true }, .. laid.Body] };
        using (var stream = File.Create(docx)) WordPackage.Write(laid, style, stream);
        return laid;
    }

    /// <summary>
    /// The front sheet as the pack prints it (its own section, with or without a footer as in the pack), followed by one
    /// blank page so that its section ends as it ends inside the pack: its length is the PDF's less that one page.
    /// Diagnostics from laying it out are reported when <paramref name="diagnostics"/> is given.
    /// </summary>
    private static bool WriteFrontSheetMeasure(Pack pack, Notice notice, HouseStyle style, string path, DiagnosticBag? diagnostics)
    {
        var laidDiagnostics = new DiagnosticBag();
        var laid = Papers.Lay(notice, style, laidDiagnostics);
        if (diagnostics is not null)
        {
            foreach (var d in laidDiagnostics.Items) diagnostics.Add(d);
        }

        if (laid is null || laidDiagnostics.HasErrors) return false;
        // Without a footer when the pack prints it without one (page numbers start at the first paper), but with no page
        // number restarting after it, which could make LibreOffice add a page of its own (see PackLayout.Combine).
        var unnumbered = pack.NumberFrontSheet || pack.Items.All(i => i.Papers.Count == 0) ? (int?)null : 2;
        var combined = PackLayout.Combine(laid.Info, laid.Page, laid.Footer, [new PaperPart(laid, "_PackFront", "_PackFrontEnd"), new BlankPart(Plan.BlankText(style))], unnumbered);
        using var stream = File.Create(path);
        WordPackage.Write(combined, style, stream);
        return true;
    }

    private static void CheckCalendar(Pack pack, WorkingDays calendar, DiagnosticBag diagnostics)
    {
        if (pack.Notice.PublicationDate is not { } published) return;
        var clear = calendar.ClearBetween(published, pack.Notice.Date);
        if (clear < 5)
        {
            diagnostics.Warning(DiagnosticCode.PublishedLate, pack.At,
                $"The pack is published {clear} clear working day{(clear == 1 ? string.Empty : "s")} before the meeting; the law asks for five (weekends, bank holidays and the days of publication and meeting do not count). Publish by {LatestPublication(pack.Notice.Date, calendar).ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.");
        }
    }

    private static DateOnly LatestPublication(DateOnly meeting, WorkingDays calendar)
    {
        var day = meeting.AddDays(-1);
        while (calendar.ClearBetween(day, meeting) < 5) day = day.AddDays(-1);
        return day;
    }

    internal static int PageCount(string pdf)
    {
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    /// <summary>Draws each supplied PDF's pages onto the pages kept for it, above the footer with the pack's page number.</summary>
    private static void DrawSupplied(string pdf, Plan plan)
    {
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Modify);
        foreach (var (source, firstPhysical) in plan.Supplied)
        {
            using var form = XPdfForm.FromFile(source.Pdf!);
            for (var page = 1; page <= source.Pages; page++)
            {
                form.PageNumber = page;
                var target = document.Pages[firstPhysical - 1 + page - 1];
                using var graphics = XGraphics.FromPdfPage(target, XGraphicsPdfPageOptions.Append);
                var width = target.Width.Point;
                var height = target.Height.Point - 40; // keep the bottom for the pack's page number
                var scale = Math.Min(width / form.PointWidth, height / form.PointHeight);
                graphics.DrawImage(form, (width - (form.PointWidth * scale)) / 2, 0, form.PointWidth * scale, form.PointHeight * scale);
            }
        }

        document.Save(pdf);
    }

    /// <summary>Copies a file into place through a hidden temporary file beside it, which never stays behind.</summary>
    internal static string Place(string from, string to)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(to)!, $".{Path.GetFileName(to)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            File.Copy(from, temporary, overwrite: true);
            File.Move(temporary, to, overwrite: true);
        }
        finally
        {
            OutputFile.TryDelete(temporary);
        }

        return to;
    }

    internal static string Shown(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    /// <summary>The public or the private pack while it is built: how long its front sheet is, and what was made.</summary>
    private sealed class Variant(string suffix, bool isPrivate, int frontPages)
    {
        public string Suffix { get; } = suffix;

        public bool Private { get; } = isPrivate;

        /// <summary>The front sheet's own pages, as last measured.</summary>
        public int FrontContent { get; private set; } = frontPages;

        /// <summary>Blank pages after the front sheet that keep its length from swinging (usually none).</summary>
        public int FrontPadding { get; private set; }

        public Plan? Plan { get; set; }

        public Notice? Notice { get; set; }

        public string? Docx { get; set; }

        public string? Pdf { get; set; }

        /// <summary>
        /// Takes the front sheet's length as measured with the ranges it prints; true when that is the length the ranges
        /// were worked out for. On the first try a change is the guess being replaced; a later one that shortens it
        /// would undo an earlier change, so the length is kept and the difference padded.
        /// </summary>
        public bool Settle(int measured, int attempt)
        {
            if (measured == FrontContent) return true;
            var planned = FrontContent + FrontPadding;
            FrontPadding = measured < planned && (attempt > 1 || FrontPadding > 0) ? planned - measured : 0;
            FrontContent = measured;
            return false;
        }
    }

    /// <summary>A paper of the pack: ours (laid out), a supplied .docx, or a supplied PDF.</summary>
    internal sealed class PaperSource(int itemIndex, string title, string? docx)
    {
        public int ItemIndex { get; } = itemIndex;
        public string Title { get; } = title;
        public string? Docx { get; } = docx;
        public LaidOutPaper? Laid { get; init; }
        public string? Pdf { get; set; }
        public int Pages { get; set; }
        public string OutputName { get; init; } = string.Empty;
        public bool IsOurs => Laid is not null;

        /// <summary>The private version of the paper (minutes with an exempt minute in full), for the private pack.</summary>
        public PaperSource? PrivateVersion { get; init; }
    }

    /// <summary>Where every paper falls: blank pages, printed page numbers, each item's range.</summary>
    internal sealed class Plan
    {
        private readonly List<(PaperSource Source, bool BlankBefore)> order = [];
        private readonly bool blankAfterFront;
        private readonly int frontPadding;
        private readonly string blankText;

        private Plan(bool blankAfterFront, int frontPadding, string blankText)
        {
            this.blankAfterFront = blankAfterFront;
            this.frontPadding = frontPadding;
            this.blankText = blankText;
        }

        public Dictionary<int, (int First, int Last)> Ranges { get; } = [];

        public List<ItemPages> Pages { get; } = [];

        public List<(PaperSource Source, int FirstPhysical)> Supplied { get; } = [];

        public int TotalPages { get; private set; }

        public int? FirstNumberedPart { get; private set; }

        /// <summary>What the front sheet's (unprinted) page numbers count from, when not 1: see <see cref="PackLayout.Combine"/>.</summary>
        public int? FirstPageNumber { get; private set; }

        public static string BlankText(HouseStyle style) => style.WordFor("blank-page").PlainText;

        /// <summary>The plan for a front sheet of <paramref name="frontContent"/> pages and <paramref name="frontPadding"/> blank pages after it.</summary>
        public static Plan Make(Pack pack, IReadOnlyList<PaperSource> papers, int frontContent, int frontPadding, HouseStyle style)
        {
            var odd = pack.Convention == PageConvention.OddPage;
            var physical = frontContent + frontPadding;
            var blankAfterFront = odd && papers.Count > 0 && physical % 2 == 1;
            var plan = new Plan(blankAfterFront, frontPadding, BlankText(style));
            if (blankAfterFront) physical++;
            var offset = pack.NumberFrontSheet ? 0 : physical; // printed = physical - offset
            plan.FirstNumberedPart = pack.NumberFrontSheet ? null : 1 + frontPadding + (blankAfterFront ? 1 : 0);
            plan.FirstPageNumber = !pack.NumberFrontSheet && papers.Count > 0 && physical % 2 == 1 ? 0 : null;
            foreach (var paper in papers)
            {
                var blank = odd && physical % 2 == 1;
                if (blank) physical++;
                plan.order.Add((paper, blank));
                var first = physical + 1;
                physical += paper.Pages;
                if (!paper.IsOurs) plan.Supplied.Add((paper, first));
                var range = (First: first - offset, Last: physical - offset);
                plan.Ranges[paper.ItemIndex] = plan.Ranges.TryGetValue(paper.ItemIndex, out var r) ? (r.First, range.Last) : range;
            }

            if (odd && physical % 2 == 1 && papers.Count > 0)
            {
                physical++;
                plan.order.Add((null!, true));
            }

            plan.TotalPages = physical;
            foreach (var (index, range) in plan.Ranges.OrderBy(r => r.Key))
            {
                var item = pack.Items[index].Item;
                var title = !item.Title.IsEmpty ? item.Title.PlainText
                    : item.Standard is { } key && style.StandardItems.TryGetValue(key, out var standard) ? standard.Title : item.Standard ?? string.Empty;
                plan.Pages.Add(new ItemPages(index + 1, title, range.First, range.Last));
            }

            return plan;
        }

        /// <summary>The parts of the combined document; the first is the front sheet.</summary>
        public IReadOnlyList<PackPart> Parts(LaidOutPaper notice)
        {
            var parts = new List<PackPart> { new PaperPart(notice, "_PackFront", "_PackFrontEnd") };
            for (var i = 0; i < frontPadding; i++) parts.Add(new BlankPart(blankText));
            if (blankAfterFront) parts.Add(new BlankPart(blankText));
            var n = 0;
            foreach (var (source, blankBefore) in order)
            {
                if (blankBefore) parts.Add(new BlankPart(blankText));
                if (source is null) continue;
                n++;
                parts.Add(source.Laid is { } laid
                    ? new PaperPart(laid, $"_PackStart{n}", $"_PackEnd{n}")
                    : new SuppliedPart(source.Title, source.Pages, $"_PackStart{n}", $"_PackEnd{n}"));
            }

            return parts;
        }
    }
}
