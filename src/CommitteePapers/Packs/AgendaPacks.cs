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

    /// <summary>
    /// Build this supplement instead of the agenda's pack: only the late papers and added items marked for it, with a
    /// front sheet of its own and pages numbered after the agenda's last (or from 1, as the style says). The agenda's
    /// files are not written.
    /// </summary>
    public int? Supplement { get; init; }

    /// <summary>
    /// Rebuild the published pack after a paper changed, keeping every other paper's page numbers (as recorded in the
    /// manifest the published pack was built with), and write a change note saying what moved.
    /// </summary>
    public bool Republish { get; init; }

    /// <summary>Write (and update) the meeting's manifest: every item, paper, page range, checksum and publication date, as JSON.</summary>
    public bool Manifest { get; init; }
}

/// <summary>The pages of an agenda item in a built pack, as printed.</summary>
/// <param name="Number">The item number.</param>
/// <param name="Title">The item title.</param>
/// <param name="First">The first printed page number.</param>
/// <param name="Last">The last printed page number.</param>
public sealed record ItemPages(int Number, string Title, int First, int Last)
{
    /// <summary>Lettered pages after <see cref="Last"/> (a republished paper that grew: 14a, 14b); 0 when none.</summary>
    public int AddedPages { get; init; }

    /// <summary>The last page as printed: "14", or "14b" after lettered pages.</summary>
    public string LastPrinted => AddedPages == 0 ? Last.ToString(CultureInfo.InvariantCulture) : Last.ToString(CultureInfo.InvariantCulture) + Layout.NoticeLayout.Letters(AddedPages);
}

/// <summary>What building a pack gave.</summary>
/// <param name="Succeeded">True when the pack's files were written.</param>
/// <param name="Diagnostics">Errors and warnings, with positions in the pack file and its papers.</param>
/// <param name="Files">The files written.</param>
/// <param name="Pages">The printed pages of each agenda item with papers in the public pack.</param>
public sealed record PackResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Files, IReadOnlyList<ItemPages> Pages)
{
    /// <summary>What a republished pack changed: which papers changed, and whose pages moved; null when not republished.</summary>
    public string? ChangeNote { get; init; }
}

/// <summary>
/// Builds agenda packs with one LibreOffice kept running for all of them, so that it starts once (starting is about a
/// second; converting a pack's documents takes less). For a batch of meetings, or a service that builds packs as they
/// come; dispose it to stop LibreOffice. <see cref="Build(string, string)"/> may be called from several threads at once: the packs
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

    /// <summary>
    /// Builds the pack with choices of its own (a supplement, a republication, the manifest), through this builder's
    /// LibreOffice: <paramref name="choices"/>' LibreOffice settings are not used.
    /// </summary>
    public PackResult Build(string packPath, string outputFolder, PackOptions choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return AgendaPacks.Build(packPath, outputFolder, choices with { SofficePath = options.SofficePath, TimeLimit = options.TimeLimit }, libreOffice);
    }

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
        var calendar = new WorkingDays(style.Nation);
        CheckCalendar(pack, calendar, diagnostics);
        CheckLatePapers(pack, calendar, diagnostics);
        if (options.Format == RenderFormat.Html) return WebPack.Build(pack, style, name, folder, outputFolder, options, diagnostics);
        if (options.Republish && options.Supplement is not null)
        {
            diagnostics.Error(DiagnosticCode.ManifestProblem, pack.At,
                "A republication rebuilds the agenda's pack, and a supplement is published on its own; build them one at a time (--republish, or --supplement N).");
            return failed;
        }

        PackSupplement? supplement = null;
        if (options.Supplement is { } wanted)
        {
            supplement = pack.Supplements.FirstOrDefault(s => s.Number == wanted);
            if (supplement is null || !pack.Items.Any(i => i.In(wanted).Any()))
            {
                diagnostics.Error(DiagnosticCode.EmptySupplement, supplement?.At ?? pack.At, supplement is null
                    ? $"The pack declares no supplement {wanted}; add it under 'supplements:' with its publication date, and mark the late papers it publishes 'supplement: {wanted}'."
                    : $"Supplement {wanted} has nothing in it; mark the late papers it publishes 'supplement: {wanted}' (with their files), or the items it adds ('supplement: {wanted}' with 'urgent:').");
                return failed;
            }
        }

        // The record of what was published: read when asked for, and needed to republish.
        var manifestPath = Path.Combine(outputFolder, name + PackManifest.Extension);
        PackManifest? previous = null;
        if (options.Manifest || options.Republish)
        {
            previous = PackManifest.Read(manifestPath, Shown(manifestPath), pack, diagnostics);
            if (diagnostics.HasErrors) return failed;
        }

        if (options.Republish && (previous?.Agenda is null || pack.Republished is null))
        {
            diagnostics.Error(DiagnosticCode.ManifestProblem, pack.At, previous?.Agenda is null
                ? $"There is no record of the published pack ({Shown(manifestPath)}) to keep its page numbers from; build the published pack with --manifest first, into the same folder."
                : "A republished pack says when it is republished; add 'republished: YYYY-MM-DD' to the pack file.");
            return failed;
        }

        // LibreOffice starts (about a second) while the papers are read and laid out.
        libreOffice.Warm();

        // Read and lay out every paper; a broken paper fails this pack, with its own diagnostics.
        var papers = new List<PaperSource>();
        var late = new List<PaperSource>();
        foreach (var (item, index) in pack.Items.Select((item, i) => (item, i)))
        {
            foreach (var paper in item.OnTime)
            {
                if (Source(paper, item.Item, index, folder, style, options, diagnostics, work, papers.Count + late.Count) is { } source) papers.Add(source);
            }

            if (supplement is null) continue;
            foreach (var paper in item.In(supplement.Number))
            {
                if (Source(paper, item.Item, index, folder, style, options, diagnostics, work, papers.Count + late.Count) is { } source) late.Add(source);
            }
        }

        if (diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCode.PaperFailed, pack.At, $"The pack '{name}' was not built because of the errors reported with it; nothing was written.");
            return failed;
        }

        // What changed since the record was made is known now, before anything is converted.
        if (previous is not null && supplement is null)
        {
            if (options.Republish) previous.ReportUnrecorded(pack, papers, diagnostics);
            else previous.ReportChanges(pack, papers, diagnostics);
        }

        var agenda = new Edition(string.Empty, null, papers, options.Republish ? pack.Republished : null, pack.Notice.PublicationDate);
        var edition = supplement is null ? agenda : new Edition($"-supplement-{supplement.Number}", supplement.Number, late, null, supplement.PublicationDate);

        // Measure: convert every paper on its own and each front sheet with a first guess at its page ranges, in one
        // request to the LibreOffice this pack (or batch) keeps running.
        var jobs = new List<PdfJob>();
        foreach (var e in supplement is null ? [agenda] : new[] { agenda, edition })
        {
            var guessed = NoticeFor(pack, e, e.Papers.Select(p => p.ItemIndex).Distinct().ToDictionary(i => i, _ => (888, 889)), new Dictionary<int, int>());
            var docx = Path.Combine(work, $"front-sheet-measure{e.Suffix}.docx");
            if (!WriteFrontSheetMeasure(pack, e.Papers.Count > 0, guessed, style, docx, diagnostics)) return failed;
            jobs.Add(new PdfJob(docx, Path.ChangeExtension(docx, ".pdf")));
        }

        var versions = WithPrivateVersions(papers.Concat(late)).ToList();
        jobs.AddRange(versions.Where(p => p.Docx is not null).Select(p => new PdfJob(p.Docx!, Path.ChangeExtension(p.Docx!, ".pdf"))));
        var measured = libreOffice.Convert(jobs);
        if (!measured.Succeeded)
        {
            diagnostics.Error(DiagnosticCode.PdfFailed, pack.At, measured.Message);
            return failed;
        }

        foreach (var paper in versions.Where(p => p.Docx is not null))
        {
            paper.Pdf ??= Path.ChangeExtension(paper.Docx!, ".pdf");
            paper.Pages = PageCount(paper.Pdf);
        }

        // Republishing: the pages each paper had, and where a paper that grew past them splits off its lettered pages.
        IReadOnlyDictionary<PaperSource, Slot>? slots = null;
        if (options.Republish && style.RepublishKeepsPages)
        {
            slots = previous!.Slots(pack, papers);
            if (!new Republishing(libreOffice, work, style, diagnostics, pack.At).Split(slots)) return failed;
        }

        var context = new BuildContext(pack, style, name, work, libreOffice, diagnostics);
        // Building a supplement, the agenda's pack is only planned (its front sheet measured with its real ranges), to
        // know where its pages end; it is not converted or written.
        var agendaBuild = BuildEdition(context, agenda, PageCount(jobs[0].Pdf) - 1, 1, slots, planOnly: supplement is not null);
        if (agendaBuild is null) return failed;
        // The first paper to move had pages to keep (one the record did not hold was reported already).
        if (slots is not null && agendaBuild[0].Plan!.Moved is { Count: > 0 } moved && slots.ContainsKey(moved[0]))
        {
            diagnostics.Warning(DiagnosticCode.PagesNotKept, moved[0].Named?.At ?? pack.At,
                $"'{moved[0].Named?.File}' could not keep its page numbers ({(moved[0].IsOurs ? "a paper before it grew past its pages, or it grew and has no place to split its lettered pages off" : "a supplied file cannot be split")}), so {Counted.Of(moved.Count, "paper")} from it on are numbered afresh; the change note lists them.");
        }
        var built = agendaBuild;
        if (supplement is not null)
        {
            // A supplement's pages follow the agenda's last page (or start at 1, as the style says); the agenda's pack
            // was built above only to know where it ends, and is not written.
            var first = style.SupplementPagesContinue ? agendaBuild[0].Plan!.LastPrinted + 1 : 1;
            built = BuildEdition(context, edition, PageCount(jobs[1].Pdf) - 1, first, null);
            if (built is null) return failed;
        }

        var publicNotice = built[0].Notice!;
        var agendaDocx = Path.Combine(work, $"{name}{edition.Suffix}-agenda.docx");
        using (var stream = File.Create(agendaDocx)) Papers.Render(publicNotice, style, stream);

        // Everything is made: now move it into place, each file whole. Nothing goes over a device, a FIFO or a folder.
        var moves = new List<(string From, string To)>();
        foreach (var variant in built)
        {
            moves.Add((variant.Pdf!, Path.Combine(outputFolder, $"{name}{variant.Suffix}.pdf")));
            moves.Add((variant.Docx!, Path.Combine(outputFolder, $"{name}{variant.Suffix}.docx")));
        }

        moves.Add((agendaDocx, Path.Combine(outputFolder, $"{name}{edition.Suffix}-agenda.docx")));
        moves.AddRange(WithPrivateVersions(edition.Papers).Where(p => p.IsOurs).Select(p => (p.Docx!, Path.Combine(outputFolder, p.OutputName))));

        // The change note and the manifest say what this build published, against the record of the last.
        var note = options.Republish
            ? Republishing.Note(pack, previous!, built[0].Plan!.Placed, built[0].Plan!.Moved, p => $"item {pack.Numbers[p.ItemIndex]}, {p.Title} ({p.Named?.File})")
            : null;
        if (note is not null)
        {
            var notePath = Path.Combine(work, $"{name}-changes.txt");
            File.WriteAllText(notePath, note);
            moves.Add((notePath, Path.Combine(outputFolder, $"{name}-changes.txt")));
        }

        if (options.Manifest)
        {
            var kind = supplement is not null ? "supplement" : options.Republish ? "republished" : "agenda";
            var recorded = built.SelectMany(v => new[] { ($"{name}{v.Suffix}.pdf", v.Pdf!), ($"{name}{v.Suffix}.docx", v.Docx!) }).ToList();
            var plan = built[0].Plan!;
            var manifest = PackManifest.Record(previous, pack, name, kind, supplement?.Number, kind == "republished" ? pack.Republished : edition.Published,
                recorded, plan.FirstPrinted, plan.LastPrinted, plan.Placed, item => Plan.Title(item, style));
            var manifestWork = Path.Combine(work, name + PackManifest.Extension);
            File.WriteAllBytes(manifestWork, manifest);
            moves.Add((manifestWork, manifestPath));
        }

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

        return new PackResult(true, [], files, built[0].Plan!.Pages) { ChangeNote = note };
    }

    /// <summary>What the pack context every edition is built in holds.</summary>
    private sealed record BuildContext(Pack Pack, HouseStyle Style, string Name, string Work, LibreOfficeSession LibreOffice, DiagnosticBag Diagnostics);

    /// <summary>
    /// Builds one edition of the pack — the agenda's, or a supplement's — and its private version when it has exempt
    /// papers: the whole pack with the page ranges that measuring gave. The front sheet then prints the real ranges,
    /// which can wrap differently from the guess, so it is measured again in the same run; while its length differs
    /// from the one the ranges were worked out for, they are worked out again (a real range can move the front sheet
    /// onto one more page, or one fewer). Should it swing between two lengths, the longer one is kept and the front
    /// sheet padded with a blank page, which settles it. Null when it failed, with the reason in the diagnostics.
    /// </summary>
    private static List<Variant>? BuildEdition(BuildContext context, Edition edition, int frontPages, int firstNumber, IReadOnlyDictionary<PaperSource, Slot>? slots, bool planOnly = false)
    {
        var (pack, style, name, work, libreOffice, diagnostics) = context;
        var variants = new List<Variant> { new(edition.Suffix, false, frontPages) };
        if (!planOnly && edition.Papers.Any(p => pack.Items[p.ItemIndex].Item.ExemptParagraph is not null || p.PrivateVersion is not null))
        {
            variants.Add(new(edition.Suffix + "-private", true, frontPages));
        }

        for (var attempt = 1; ; attempt++)
        {
            var finalJobs = new List<PdfJob>();
            foreach (var variant in variants)
            {
                // The private pack holds every paper, each in its private version where it has one.
                var included = edition.Papers.Where(p => variant.Private || pack.Items[p.ItemIndex].Item.ExemptParagraph is null)
                    .Select(p => variant.Private ? p.PrivateVersion ?? p : p).ToList();
                variant.Plan = Plan.Make(pack, included, variant.FrontContent, variant.FrontPadding, style, firstNumber, variant.Private ? null : slots);
                variant.Notice = NoticeFor(pack, edition, variant.Plan.Ranges, variant.Plan.Added);
                var noticeLaid = Papers.Lay(variant.Notice, style, new DiagnosticBag());
                if (!planOnly)
                {
                    var title = Wording.Plain(style, variant.Private ? "pack-title-private" : edition.Supplement is null ? "pack-title" : "pack-title-supplement",
                        new Dictionary<string, object?> { ["committee"] = pack.Notice.Committee, ["date"] = pack.Notice.Date, ["supplement"] = edition.Supplement });
                    var combined = PackLayout.Combine(noticeLaid.Info with { Title = title }, noticeLaid.Page, noticeLaid.Footer, LetteredFooter(style), variant.Plan.Parts(noticeLaid));
                    variant.Docx = Path.Combine(work, $"{name}{variant.Suffix}.docx");
                    using (var stream = File.Create(variant.Docx)) WordPackage.Write(combined, style, stream);
                    finalJobs.Add(new PdfJob(variant.Docx, Path.ChangeExtension(variant.Docx, ".pdf")));
                }

                var check = Path.Combine(work, $"front-sheet-check{variant.Suffix}.docx");
                if (!WriteFrontSheetMeasure(pack, edition.Papers.Count > 0, variant.Notice, style, check, null)) return null;
                finalJobs.Add(new PdfJob(check, Path.ChangeExtension(check, ".pdf")));
            }

            var final = libreOffice.Convert(finalJobs);
            if (!final.Succeeded)
            {
                diagnostics.Error(DiagnosticCode.PdfFailed, pack.At, final.Message);
                return null;
            }

            // Each variant's jobs: its pack (unless only planned), then its front sheet.
            var settled = true;
            var per = planOnly ? 1 : 2;
            foreach (var (variant, index) in variants.Select((v, i) => (v, i)))
            {
                if (!planOnly) variant.Pdf = finalJobs[per * index].Pdf;
                settled &= variant.Settle(PageCount(finalJobs[(per * index) + per - 1].Pdf) - 1, attempt);
            }

            if (settled) break;
            if (attempt == MaxBuildAttempts)
            {
                diagnostics.Error(DiagnosticCode.PagesMoved, pack.At,
                    $"The front sheet's length kept changing with its page numbers ({attempt} tries), so its page numbers cannot be trusted; shorten an agenda item's title or wording and build again.");
                return null;
            }
        }

        foreach (var variant in variants.Where(_ => !planOnly))
        {
            var count = PageCount(variant.Pdf!);
            if (count != variant.Plan!.TotalPages)
            {
                diagnostics.Error(DiagnosticCode.PagesMoved, pack.At,
                    $"The pack came out at {Counted.Of(count, "page")}, not the {variant.Plan.TotalPages} measured, so its page numbers cannot be trusted; check that every paper uses the pack's house style.");
                return null;
            }

            if (variant.Plan.Supplied.Count > 0) DrawSupplied(variant.Pdf!, variant.Plan);
            PdfFiles.Settle(variant.Pdf!, edition.Published ?? pack.Notice.Date);
        }

        return variants;
    }

    /// <summary>Each paper followed by its private version, where it has one.</summary>
    private static IEnumerable<PaperSource> WithPrivateVersions(IEnumerable<PaperSource> papers) =>
        papers.SelectMany(p => p.PrivateVersion is { } version ? new[] { p, version } : [p]);

    /// <summary>The footer of a page lettered after <c>page</c>: the style's added-page words, its letter Word's page number.</summary>
    private static Func<int, IReadOnlyList<LInline>> LetteredFooter(HouseStyle style) => page =>
        Wording.Inlines(style, "added-page", new Dictionary<string, object?>
        {
            ["page"] = page,
            ["letter"] = (IReadOnlyList<LInline>)[new LField(" PAGE \\* alphabetic ", [new LText("a")])],
        });

    /// <summary>
    /// The front sheet of an edition: the agenda lists every item but those supplements add, a late paper's item "to
    /// follow"; a supplement lists only its own items, with their agenda numbers and pages.
    /// </summary>
    private static Notice NoticeFor(Pack pack, Edition edition, IReadOnlyDictionary<int, (int First, int Last)> ranges, IReadOnlyDictionary<int, int> added)
    {
        var items = new List<AgendaItem>();
        for (var i = 0; i < pack.Items.Count; i++)
        {
            var item = pack.Items[i];
            var pages = ranges.TryGetValue(i, out var r) ? r : ((int, int)?)null;
            if (edition.Supplement is { } number)
            {
                if (!item.In(number).Any()) continue;
                items.Add(item.Item with { Pages = pages, ToFollow = null, Number = pack.Numbers[i] });
            }
            else if (item.Supplement is null)
            {
                items.Add(item.Item with { Pages = pages, AddedPages = added.TryGetValue(i, out var a) ? a : 0 });
            }
        }

        return pack.Notice with { Items = items, Supplement = edition.Supplement, PublicationDate = edition.Published, Republished = edition.Republished };
    }

    private static PaperSource? Source(PackPaper paper, AgendaItem item, int itemIndex, string folder, HouseStyle style, PackOptions options,
        DiagnosticBag diagnostics, string work, int index)
    {
        if (paper.File is null) return null;
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

                return new PaperSource(itemIndex, bookmarkTitle, docx) { Laid = laid, OutputName = outputName, PrivateVersion = privateVersion, Named = paper };
            case ".docx":
                if (InputFile.Read(path, paper.File, FileKind.SuppliedPaper, paper.At, diagnostics) is not { } bytes) return null;
                if (!InputFile.IsSafeZip(bytes, paper.At, diagnostics)) return null;
                var copy = Path.Combine(work, $"paper-{index}.docx");
                File.WriteAllBytes(copy, bytes);
                return new PaperSource(itemIndex, title, copy) { Named = paper };
            case ".pdf":
                if (InputFile.Read(path, paper.File, FileKind.SuppliedPaper, paper.At, diagnostics) is not { } pdfBytes) return null;
                try
                {
                    // Read once, and from here on only our own copy (the pages are drawn from it at the end).
                    using var document = PdfReader.Open(new MemoryStream(pdfBytes, writable: false), PdfDocumentOpenMode.Import);
                    var pdfCopy = Path.Combine(work, $"paper-{index}.pdf");
                    File.WriteAllBytes(pdfCopy, pdfBytes);
                    return new PaperSource(itemIndex, title, null) { Pdf = pdfCopy, Pages = document.PageCount, Named = paper };
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
    private static bool WriteFrontSheetMeasure(Pack pack, bool hasPapers, Notice notice, HouseStyle style, string path, DiagnosticBag? diagnostics)
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
        var pages = new PartPages { NoFooter = !pack.NumberFrontSheet && hasPapers };
        var combined = PackLayout.Combine(laid.Info, laid.Page, laid.Footer, LetteredFooter(style),
            [new PaperPart(laid, "_PackFront", "_PackFrontEnd") { Numbering = pages }, new BlankPart(Plan.BlankText(style)) { Numbering = pages }]);
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
                $"The pack is published {clear} clear working day{(clear == 1 ? string.Empty : "s")} before the meeting; the law asks for five (weekends, bank holidays and the days of publication and meeting do not count). Publish by {LatestPublication(pack.Notice.Date, calendar).ToString("dddd d MMMM yyyy", English.Culture)}.");
        }
    }

    /// <summary>Warns of each late paper: the law asks for papers five clear working days before the meeting.</summary>
    private static void CheckLatePapers(Pack pack, WorkingDays calendar, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < pack.Items.Count; i++)
        {
            var item = pack.Items[i];
            if (item.Supplement is not null) continue;
            foreach (var paper in item.Papers.Where(p => p.IsLate))
            {
                var expected = paper.ToFollow ?? pack.Supplements.FirstOrDefault(s => s.Number == paper.Supplement)?.PublicationDate;
                var title = item.Item.Title.IsEmpty ? item.Item.Standard : item.Item.Title.PlainText;
                var when = expected is { } date
                    ? $"expected on {date.ToString("d MMMM yyyy", English.Culture)}, {Counted.Of(Math.Max(0, calendar.ClearBetween(date, pack.Notice.Date)), "clear working day")} before the meeting"
                    : "its date not given";
                diagnostics.Warning(DiagnosticCode.PaperToFollow, paper.IsLate && paper.ToFollow is not null ? paper.ToFollowAt : paper.At,
                    $"The paper for '{title}' is to follow ({when}); the law asks for papers five clear working days before the meeting, so the Chair must agree to consider it as a matter of urgency (section 100B(4)(b) of the Local Government Act 1972). Publish it in a supplement, and give the reason in the minutes.");
            }
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

        /// <summary>The paper as the pack file names it (null for a paper to follow).</summary>
        public PackPaper? Named { get; init; }

        /// <summary>Where a republished paper that grew past its pages splits off its lettered pages: the body block they start with.</summary>
        public int? SplitAt { get; set; }

        /// <summary>The pages before <see cref="SplitAt"/>.</summary>
        public int PagesBeforeSplit { get; set; }

        /// <summary>The pages from <see cref="SplitAt"/> on.</summary>
        public int PagesAfterSplit { get; set; }

        /// <summary>A checksum of the paper as the pack prints it (SHA-256 of its Word document, or of the supplied file).</summary>
        public string Checksum => checksum ??= Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Docx ?? Pdf!)));

        private string? checksum;
    }

    /// <summary>The pages a paper had in the published pack (printed numbers): from its first to the last before the next paper's.</summary>
    /// <param name="First">Its first page.</param>
    /// <param name="Through">The last page before the next paper (blank pages after it included).</param>
    internal sealed record Slot(int First, int Through)
    {
        public int Capacity => Through - First + 1;
    }

    /// <summary>An edition of the pack: the agenda's, or a supplement's, with the papers it holds.</summary>
    private sealed record Edition(string Suffix, int? Supplement, IReadOnlyList<PaperSource> Papers, DateOnly? Republished, DateOnly? Published);

    /// <summary>Where every paper falls: blank pages, printed page numbers, each item's range.</summary>
    internal sealed class Plan
    {
        /// <summary>The parts after the front sheet, each with the paper it prints (none for a blank page).</summary>
        private readonly List<(PackPart Part, PaperSource? Source)> parts = [];

        private PartPages frontPages = new();

        private Plan()
        {
        }

        public Dictionary<int, (int First, int Last)> Ranges { get; } = [];

        /// <summary>Lettered pages after an item's range (a republished paper that grew), by item.</summary>
        public Dictionary<int, int> Added { get; } = [];

        public List<ItemPages> Pages { get; } = [];

        public List<(PaperSource Source, int FirstPhysical)> Supplied { get; } = [];

        /// <summary>Each paper's pages as printed, for the manifest.</summary>
        public List<(PaperSource Source, int First, int Last, int Added, int Through)> Placed { get; } = [];

        /// <summary>The papers whose page numbers moved from the published pack's (republishing only).</summary>
        public List<PaperSource> Moved { get; } = [];

        public int TotalPages { get; private set; }

        /// <summary>The number the papers' pages start at.</summary>
        public int FirstPrinted { get; private set; }

        /// <summary>The number on the pack's last page (a supplement's pages continue after it).</summary>
        public int LastPrinted { get; private set; }

        public static string BlankText(HouseStyle style) => style.WordFor("blank-page").PlainText;

        /// <summary>
        /// The plan for a front sheet of <paramref name="frontContent"/> pages and <paramref name="frontPadding"/> blank
        /// pages after it, whose papers' pages are numbered from <paramref name="firstNumber"/>; with
        /// <paramref name="slots"/>, each paper keeps the pages it had where it can.
        /// </summary>
        public static Plan Make(Pack pack, IReadOnlyList<PaperSource> papers, int frontContent, int frontPadding, HouseStyle style,
            int firstNumber, IReadOnlyDictionary<PaperSource, Slot>? slots)
        {
            var plan = new Plan();
            var blankText = BlankText(style);
            var odd = pack.Convention == PageConvention.OddPage;
            var numberFront = pack.NumberFrontSheet;
            var physical = frontContent + frontPadding;
            var blankAfterFront = odd && papers.Count > 0 && physical % 2 == 1;
            if (blankAfterFront) physical++;

            // The front sheet: numbered from the first number, or without a footer and with unprinted numbers whose last
            // differs in evenness from the first paper's (LibreOffice puts an empty page between two odd-numbered pages).
            var front = numberFront
                ? new PartPages { Start = firstNumber != 1 ? firstNumber : null }
                : new PartPages { NoFooter = true, Start = papers.Count > 0 && Math.Abs(firstNumber - physical) % 2 == 0 ? 0 : null };
            for (var i = 0; i < frontPadding + (blankAfterFront ? 1 : 0); i++) plan.parts.Add((new BlankPart(blankText) { Numbering = front with { Start = null } }, null));
            var printed = numberFront ? firstNumber + physical : firstNumber;
            int? restart = numberFront ? null : firstNumber;
            plan.frontPages = front;

            PartPages Next(PartPages? lettered = null)
            {
                var pages = lettered ?? new PartPages { Start = restart };
                restart = null;
                return pages;
            }

            void Blank(PartPages? pages = null)
            {
                plan.parts.Add((new BlankPart(blankText) { Numbering = pages ?? Next() }, null));
                physical++;
                if (pages?.LetteredAfter is null) printed++;
            }

            var pinned = slots is not null;
            foreach (var paper in papers)
            {
                if (odd && physical % 2 == 1) Blank();
                var slot = pinned && slots!.TryGetValue(paper, out var s) ? s : null;
                if (slot is not null)
                {
                    while (printed < slot.First) Blank();
                    // Lettered pages follow an even-numbered page, or LibreOffice puts an empty page between two
                    // odd-numbered ones (a), so a slot that ends on an odd page cannot take them.
                    if (printed != slot.First || (paper.Pages > slot.Capacity && (paper.SplitAt is null || slot.Through % 2 == 1)))
                    {
                        // From here on the pages cannot be kept: this paper and the ones after it move.
                        pinned = false;
                        slot = null;
                    }
                }

                if (slots is not null && slot is null) plan.Moved.Add(paper);
                var first = printed;
                var added = 0;
                if (!paper.IsOurs) plan.Supplied.Add((paper, physical + 1));
                if (slot is not null && paper.Pages > slot.Capacity)
                {
                    // It grew past its pages: those it had are filled (blank pages where its split left a gap), and the
                    // rest are lettered after its last ("14a", "14b"); the next paper starts again at its own number.
                    var lettered = new PartPages { Start = 1, LetteredAfter = slot.Through };
                    added = paper.PagesAfterSplit;
                    plan.parts.Add((new PaperPart(paper.Laid!, string.Empty, string.Empty)
                    {
                        Numbering = Next(),
                        SplitAt = paper.SplitAt,
                        GapAtSplit = slot.Capacity - paper.PagesBeforeSplit,
                        GapText = blankText,
                        OverflowPages = lettered,
                    }, paper));
                    physical += slot.Capacity + added;
                    printed = slot.Through + 1;
                    // An even number of lettered pages, so that the next paper's odd number follows an even letter (b, d …).
                    if (added % 2 == 1) Blank(lettered with { Start = null });
                    restart = printed;
                }
                else
                {
                    var numbering = Next();
                    plan.parts.Add((paper.Laid is { } laid
                        ? new PaperPart(laid, string.Empty, string.Empty) { Numbering = numbering }
                        : new SuppliedPart(paper.Title, paper.Pages, string.Empty, string.Empty) { Numbering = numbering }, paper));
                    physical += paper.Pages;
                    printed += paper.Pages;
                }

                var last = added > 0 ? slot!.Through : printed - 1;
                if (slot is not null)
                {
                    while (printed <= slot.Through) Blank();
                }

                plan.Placed.Add((paper, first, last, added, printed - 1));
                plan.Ranges[paper.ItemIndex] = plan.Ranges.TryGetValue(paper.ItemIndex, out var r) ? (r.First, last) : (first, last);
                plan.Added[paper.ItemIndex] = added;
            }

            if (odd && physical % 2 == 1 && papers.Count > 0) Blank();

            // Each paper's pages run to the page before the next paper's (blank pages after it included): the pages a
            // republication keeps for it.
            for (var i = 0; i < plan.Placed.Count; i++)
            {
                var through = i + 1 < plan.Placed.Count ? plan.Placed[i + 1].First - 1 : printed - 1;
                plan.Placed[i] = plan.Placed[i] with { Through = Math.Max(through, plan.Placed[i].Last) };
            }

            plan.TotalPages = physical;
            plan.FirstPrinted = firstNumber;
            plan.LastPrinted = printed - 1;
            foreach (var (index, range) in plan.Ranges.OrderBy(r => r.Key))
            {
                plan.Pages.Add(new ItemPages(pack.Numbers[index], Title(pack.Items[index].Item, style), range.First, range.Last) { AddedPages = plan.Added[index] });
            }

            return plan;
        }

        /// <summary>An item's title as the agenda prints it: its own, or its standard item's in the style.</summary>
        public static string Title(AgendaItem item, HouseStyle style) =>
            !item.Title.IsEmpty ? item.Title.PlainText
            : item.Standard is { } key && style.StandardItems.TryGetValue(key, out var standard) ? standard.Title : item.Standard ?? string.Empty;

        /// <summary>The parts of the combined document: the front sheet, then the plan's, each paper bookmarked at its ends.</summary>
        public IReadOnlyList<PackPart> Parts(LaidOutPaper notice)
        {
            var result = new List<PackPart>(parts.Count + 1) { new PaperPart(notice, "_PackFront", "_PackFrontEnd") { Numbering = frontPages } };
            var n = 0;
            foreach (var (part, source) in parts)
            {
                if (source is not null) n++;
                result.Add(part switch
                {
                    PaperPart paper when source is not null => paper with { StartBookmark = $"_PackStart{n}", EndBookmark = $"_PackEnd{n}" },
                    SuppliedPart supplied => supplied with { StartBookmark = $"_PackStart{n}", EndBookmark = $"_PackEnd{n}" },
                    _ => part,
                });
            }

            return result;
        }
    }
}
