using System.Text;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Html;
using CommitteePapers.Import;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using CommitteePapers.Word;

namespace CommitteePapers;

/// <summary>What reading a paper gave: the paper (null when it could not be read) and every diagnostic.</summary>
/// <param name="Paper">The paper, or null if errors stopped it being read.</param>
/// <param name="Diagnostics">Errors and warnings, in file order.</param>
public sealed record LoadResult(Paper? Paper, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when there is a paper and no errors.</summary>
    public bool Succeeded => Paper is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>What rendering gave: whether a document was written, and every diagnostic.</summary>
/// <param name="Written">True when the document was written.</param>
/// <param name="Diagnostics">Errors and warnings, in file order.</param>
public sealed record RenderResult(bool Written, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Choices for rendering.</summary>
public sealed record RenderOptions
{
    /// <summary>The defaults: warnings do not stop a build.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>Refuse to write when there is any warning (the command line's --strict).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>
    /// Render the private version (the command line's --private): minutes print their exempt minutes in full, where the
    /// public version prints the house style's exemption wording in their place. Other papers print the same either way.
    /// </summary>
    public bool Private { get; init; }

    /// <summary>What to write: a Word document (the default) or a web page.</summary>
    public RenderFormat Format { get; init; }
}

/// <summary>What a paper or a pack is written as.</summary>
public enum RenderFormat
{
    /// <summary>A Word document (.docx) with real numbering, heading styles and footnotes.</summary>
    Word,

    /// <summary>
    /// One self-contained, accessible HTML5 page (.html): the same numbers as the Word document printed as text a
    /// reader can cite, headings in order, lists, data tables with captions and header cells, linked footnotes and
    /// cross-references, the house style as a style sheet for screen and print, and no script.
    /// </summary>
    Html,
}

/// <summary>
/// The entry point: read papers from YAML, render them as Word documents in a house style.
/// Every method is thread-safe and never throws on bad input: problems come back as diagnostics.
/// </summary>
public static class Papers
{
    /// <summary>The JSON Schema of every kind of paper, for editors (yaml-language-server) and other tools.</summary>
    public static string JsonSchema => LazySchema.Value;

    private static readonly Lazy<string> LazySchema = new(SchemaWriter.PaperSchema);

    /// <summary>
    /// The JSON Schema of papers in one house style: their <c>fields:</c> know the style's own fields (names, what
    /// each holds, which are required), for the writer's editor.
    /// </summary>
    public static string JsonSchemaFor(HouseStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return SchemaWriter.PaperSchema(style.Name, style.Fields.Select(f => new SchemaWriter.FieldSchema(
            f.Name,
            f.Type switch
            {
                FieldType.Lines => "lines",
                FieldType.Date => "date",
                FieldType.YesNo => "yes-no",
                FieldType.Choice => "choice",
                FieldType.Paragraphs => "paragraphs",
                FieldType.Rows => "rows",
                _ => "text",
            },
            f.Required,
            f.Choices,
            f.Description)).ToList());
    }

    /// <summary>A Markdown reference of every key of every file (papers, style files, pack files).</summary>
    public static string KeyReference => ReferenceWriter.Markdown();

    /// <summary>The JSON Schema of agenda pack files (pack.yaml).</summary>
    public static string PackJsonSchema => LazyPackSchema.Value;

    private static readonly Lazy<string> LazyPackSchema = new(SchemaWriter.PackSchema);

    /// <summary>The JSON Schema of house style files (style.yaml).</summary>
    public static string StyleJsonSchema => LazyStyleSchema.Value;

    private static readonly Lazy<string> LazyStyleSchema = new(SchemaWriter.StyleSchema);

    /// <summary>Reads a paper from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name diagnostics use for the text.</param>
    /// <param name="limits">Size, depth and alias limits; <see cref="ReaderLimits.Default"/> when null.</param>
    public static LoadResult Parse(string yaml, string fileName = "paper.yaml", ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > 0 && yaml[0] == '\uFEFF') yaml = yaml[1..];
        var diagnostics = new DiagnosticBag();
        var paper = PaperReader.Read(yaml, fileName, limits ?? ReaderLimits.Default, diagnostics);
        paper = paper is null ? null : paper with
        {
            WarningsWhenRead = diagnostics.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.Code).ToHashSet(StringComparer.Ordinal),
        };
        return new LoadResult(paper, Reported(paper, diagnostics));
    }

    /// <summary>
    /// Reads a paper from a stream of UTF-8 (or UTF-16 with its byte order mark), refusing a stream over the size limit
    /// one byte past it, and bytes that are not UTF-8 with an error at their line and column.
    /// </summary>
    public static LoadResult Read(Stream yaml, string fileName, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        limits ??= ReaderLimits.Default;
        var diagnostics = new DiagnosticBag();
        if (InputFile.ReadBounded(yaml, limits.MaxFileBytes) is not { } bytes)
        {
            diagnostics.Error(DiagnosticCode.FileTooLarge, new SourcePosition(fileName, 1, 1), InputFile.TooLarge(fileName, FileKind.Paper(limits)));
            return new LoadResult(null, diagnostics.Items);
        }

        return FromBytes(bytes, fileName, limits, diagnostics);
    }

    private static LoadResult FromBytes(byte[] bytes, string fileName, ReaderLimits limits, DiagnosticBag diagnostics)
    {
        var text = InputFile.DecodeText(bytes, fileName, diagnostics);
        return text is null ? new LoadResult(null, diagnostics.ToSortedList()) : Parse(text, fileName, limits);
    }

    /// <summary>
    /// Reads a paper from a file. The previous minutes that minutes follow must lie inside <paramref name="root"/>:
    /// by default the folder above the paper's own, since a committee's folder holds one folder per meeting
    /// (<c>follows: ../2022-03-14/minutes.yaml</c>). Nothing further out is ever read unless the caller allows it.
    /// </summary>
    /// <param name="path">The paper's file.</param>
    /// <param name="limits">Size, depth and alias limits.</param>
    /// <param name="root">The folder files named by the paper must stay inside; the committee's folder (the one above the paper's) when null.</param>
    public static LoadResult Load(string path, ReaderLimits? limits = null, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= ReaderLimits.Default;
        var read = new DiagnosticBag();
        if (InputFile.Read(path, path, FileKind.Paper(limits), new SourcePosition(path, 0, 0), read) is not { } bytes)
        {
            return new LoadResult(null, read.ToSortedList());
        }

        return Load(bytes, path, limits, root);
    }

    /// <summary>A paper from the bytes of its file (which the command line has read to see whether it is a pack).</summary>
    internal static LoadResult Load(byte[] bytes, string path, ReaderLimits limits, string? root)
    {
        var loaded = FromBytes(bytes, path, limits, new DiagnosticBag());
        if (loaded.Paper is not Minutes minutes || minutes.Follows is null) return loaded;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var diagnostics = new DiagnosticBag();
        foreach (var d in loaded.Diagnostics) diagnostics.Add(d);
        var resolved = MinuteSeries.Resolve(minutes, folder, root ?? Path.GetDirectoryName(folder) ?? folder, limits, diagnostics);
        resolved = resolved with
        {
            WarningsWhenRead = diagnostics.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.Code).Concat(minutes.WarningsWhenRead).ToHashSet(StringComparer.Ordinal),
        };
        return new LoadResult(resolved, Reported(resolved, diagnostics));
    }

    /// <summary>
    /// Finds the house style to use: <paramref name="name"/> when given (a built-in name, a style file .yaml, or a Word
    /// template .dotx/.docx, paths relative to the current folder), else the paper's own <c>style:</c> (paths relative
    /// to <paramref name="paperFolder"/> and confined to it), else York.
    /// </summary>
    /// <param name="paper">The paper.</param>
    /// <param name="name">A style that overrides the paper's own (the command line's --style).</param>
    /// <param name="paperFolder">The folder of the paper's file, for a style file the paper names; null if none.</param>
    /// <param name="diagnostics">Why no style could be had, or warnings from loading it.</param>
    public static HouseStyle? ResolveStyle(Paper paper, string? name, string? paperFolder, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var bag = new DiagnosticBag();
        var fromPaper = name is null;
        var wanted = name ?? paper.Style ?? HouseStyles.Default.Name;
        var at = fromPaper ? (paper.StyleAt.IsKnown ? paper.StyleAt : paper.At) : SourcePosition.None;
        HouseStyle? style = null;
        var extension = Path.GetExtension(wanted).ToLowerInvariant();
        if (extension is ".yaml" or ".yml" or ".dotx" or ".docx" or ".dotm" or ".docm")
        {
            string? path = null;
            if (!fromPaper) path = Path.GetFullPath(wanted);
            else if (paperFolder is not null) path = Confinement.Resolve(paperFolder, wanted, at, bag);
            else bag.Error(DiagnosticCode.FileNotFound, at, $"The paper names the style file '{wanted}', but it was not read from a file, so there is no folder to find it in.");

            string? special = null;
            if (path is not null && !File.Exists(path) && !Directory.Exists(path))
            {
                bag.Error(DiagnosticCode.FileNotFound, at, $"There is no style file '{wanted}'.");
            }
            else if (path is not null && (special = InputFile.NotRegular(path)) is not null)
            {
                // Named by the paper: an error in the paper, at its 'style:'. Named on the command line: the file itself.
                bag.Error(DiagnosticCode.NotAFile, fromPaper ? at : new SourcePosition(wanted, 0, 0), $"'{wanted}' {special}; a style file must be an ordinary file.");
            }
            else if (path is not null && extension is ".yaml" or ".yml")
            {
                var loaded = HouseStyles.Load(path);
                foreach (var d in loaded.Diagnostics) bag.Add(d);
                style = loaded.Style;
            }
            else if (path is not null)
            {
                var fake = new SourcePosition(wanted, 1, 1);
                if (extension is ".dotm" or ".docm")
                {
                    bag.Error(DiagnosticCode.BadFile, fake, "This is a macro-enabled template; macros are never used: save it as .dotx (Word template) instead.");
                }
                else
                {
                    if (InputFile.Read(path, wanted, FileKind.Template, fake, bag) is { } bytes)
                    {
                        var loaded = HouseStyles.FromTemplate(HouseStyles.Default with { Name = Path.GetFileNameWithoutExtension(path) }, bytes);
                        foreach (var d in loaded.Diagnostics) bag.Add(d with { Position = d.Position.IsKnown ? d.Position : fake });
                        style = loaded.Style;
                    }
                }
            }
        }
        else
        {
            style = HouseStyles.Find(wanted);
            if (style is null)
            {
                var suggestion = Suggest.Nearest(wanted, HouseStyles.BuiltIn.Select(s => s.Name));
                bag.Error(DiagnosticCode.UnknownStyle, at,
                    $"There is no house style '{wanted}'; " + (suggestion is null
                        ? $"use one of: {string.Join(", ", HouseStyles.BuiltIn.Select(s => s.Name))}, or a style file (.yaml) or Word template (.dotx)."
                        : $"did you mean '{suggestion}'?"));
            }
        }

        diagnostics = bag.ToSortedList();
        return bag.HasErrors ? null : style;
    }

    /// <summary>
    /// Renders a paper as a Word document, or as a web page when <see cref="RenderOptions.Format"/> says so, into
    /// <paramref name="output"/>. Nothing is written if there are errors. When the stream cannot be written (a full
    /// disk, a closed pipe) the result says so with error CP0037, not an exception.
    /// </summary>
    public static RenderResult Render(Paper paper, HouseStyle style, Stream output, RenderOptions? options = null) =>
        Render(paper, style, output, options, string.Empty);

    private static RenderResult Render(Paper paper, HouseStyle style, Stream output, RenderOptions? options, string outputName)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(output);
        options ??= RenderOptions.Default;
        var diagnostics = new DiagnosticBag();
        var laidOut = Lay(paper, style, diagnostics, options.Private);
        // The other version is laid out too, only for its problems: a mistake in an exempt minute is found whichever
        // version is built.
        if (HasPrivateVersion(paper)) _ = Lay(paper, style, diagnostics, !options.Private);
        var reported = Reported(paper, diagnostics, laidOutIn: style);
        var refuse = reported.Any(d => d.Severity == Severity.Error) || (options.WarningsAsErrors && reported.Count > 0);
        if (refuse) return new RenderResult(false, reported);
        try
        {
            if ((options ?? RenderOptions.Default).Format == RenderFormat.Html) HtmlPage.Write(laidOut, style, output);
            else WordPackage.Write(laidOut, style, output);
        }
        catch (Exception e) when (OutputFile.IsWriteFailure(e))
        {
            diagnostics.Add(OutputFile.Failed(outputName, e));
            return new RenderResult(false, Reported(paper, diagnostics, laidOutIn: style));
        }

        return new RenderResult(true, reported);
    }

    /// <summary>
    /// Renders a paper to a file (Word, or HTML when the options say so). It is written to a temporary file beside it and moved into place, so a
    /// failed build never leaves a half-written file and never touches the file that was there. An output that exists
    /// and is not a regular file (a device such as /dev/full, a FIFO, a folder) is refused; a folder that cannot be
    /// written or a full disk gives error CP0037. Neither throws.
    /// </summary>
    public static RenderResult RenderToFile(Paper paper, HouseStyle style, string outputPath, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        var full = Path.GetFullPath(outputPath);
        if (OutputFile.Refused(full, outputPath) is { } refused) return new RenderResult(false, [refused]);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        try
        {
            RenderResult result;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                result = Render(paper, style, stream, options, outputPath);
                if (result.Written) stream.Flush(flushToDisk: true); // a full disk shows here, not after the move
            }

            if (result.Written) File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch (Exception e) when (OutputFile.IsWriteFailure(e))
        {
            return new RenderResult(false, [OutputFile.Failed(outputPath, e)]);
        }
        finally
        {
            OutputFile.TryDelete(temporary);
        }
    }

    /// <summary>
    /// Imports a Word paper (.docx) as the YAML a writer can build again: numbered paragraphs as Word counts them,
    /// headings, sub-items, bullets, tables with typed columns, footnotes, links, bold and italic, and the standard
    /// sections the house style's headings name. Never throws on bad input: a file that is not a Word document, a zip
    /// bomb, a macro-enabled or encrypted document or one over 50 MiB gives error CP0031 and no YAML; a block that
    /// could not be placed with certainty is kept with a comment and warning CP0100.
    /// </summary>
    /// <param name="docx">The document; read to its end, at most 50 MiB.</param>
    /// <param name="fileName">The name diagnostics use for the document.</param>
    /// <param name="options">The house style to read it in (York by default) and what the YAML names.</param>
    public static ImportResult Import(Stream docx, string fileName = "paper.docx", ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        options ??= new ImportOptions();
        var at = new SourcePosition(fileName, 1, 1);
        byte[]? bytes;
        try
        {
            bytes = InputFile.ReadBounded(docx, FileKind.WordDocument.MaxBytes);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return new ImportResult(null, null, [new Diagnostic(DiagnosticCode.BadFile.Id, Severity.Error, at, $"The document cannot be read ({e.Message.TrimEnd('.')}).")], new ImportSummary("none", 0, 0, 0, 0));
        }

        if (bytes is null)
        {
            return new ImportResult(null, null, [new Diagnostic(DiagnosticCode.BadFile.Id, Severity.Error, at, InputFile.TooLarge(fileName, FileKind.WordDocument))], new ImportSummary("none", 0, 0, 0, 0));
        }

        return Importer.Import(bytes, fileName, options, options.Style ?? HouseStyles.Default, options.OtherStyles ?? HouseStyles.BuiltIn);
    }

    /// <summary>
    /// The diagnostics to report: all, less the warnings the paper acknowledges. Once the paper is laid out (in
    /// <paramref name="laidOutIn"/>), every warning it can give is known, so an acknowledgement of a code that none of
    /// them has is reported too (CP0084): left in, it would hide the next such warning unread.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> Reported(Paper? paper, DiagnosticBag diagnostics, HouseStyle? laidOutIn = null)
    {
        if (paper is null) return diagnostics.ToSortedList();
        if (laidOutIn is not null)
        {
            var given = diagnostics.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.Code).Concat(paper.WarningsWhenRead).ToHashSet(StringComparer.Ordinal);
            foreach (var unused in paper.Acknowledgements.Where(a => !given.Contains(a.Code)))
            {
                diagnostics.Warning(DiagnosticCode.NeedlessAcknowledgement, unused.At,
                    $"The paper acknowledges {unused.Code}, but gives no such warning in the house style '{laidOutIn.Name}'; remove the line, so that it cannot hide a new warning unread.");
            }
        }

        return diagnostics.ToSortedList().Where(d => !paper.Acknowledges(d)).ToList();
    }

    /// <summary>A paper laid out in a style: its public version, or with <paramref name="isPrivate"/> its private one.</summary>
    internal static LaidOutPaper Lay(Paper paper, HouseStyle style, DiagnosticBag diagnostics, bool isPrivate = false)
    {
        if (isPrivate && paper is not Minutes)
        {
            diagnostics.Warning(DiagnosticCode.NothingPrivate, paper.At,
                "Only minutes have a private version (their exempt minutes in full); this paper is the same either way, so build it without --private.");
        }

        return paper.Accept(new PaperLayouts(style, diagnostics, InstalledFonts.Value.For(style), isPrivate));
    }

    /// <summary>How wide text is in the style's font, for layouts made outside <see cref="Lay"/> (a pack's web agenda).</summary>
    internal static TextMetrics Metrics(HouseStyle style) => InstalledFonts.Value.For(style);

    /// <summary>Whether a paper has a private version that differs from its public one: minutes with an exempt minute.</summary>
    internal static bool HasPrivateVersion(Paper paper) => paper is Minutes minutes && MinutesLayout.HasExempt(minutes);

    /// <summary>
    /// The machine's fonts, scanned once when a table is first measured (each font file's widths are read once);
    /// what it holds depends only on the installed font files, so it is a cache, not state.
    /// </summary>
    private static readonly Lazy<FontLocator> InstalledFonts = new(() => new FontLocator(FontLocator.StandardFolders()));

    /// <summary>Each kind of paper's layout; the compiler makes sure no kind is left out.</summary>
    private sealed class PaperLayouts(HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics, bool isPrivate) : IPaperVisitor<LaidOutPaper>
    {
        public LaidOutPaper Report(Report report) => ReportLayout.Lay(report, style, diagnostics, metrics);

        public LaidOutPaper Update(CabinetMemberUpdate update) => UpdateLayout.Lay(update, style, diagnostics, metrics);

        public LaidOutPaper Minutes(Minutes minutes) => MinutesLayout.Lay(minutes, style, diagnostics, metrics, isPrivate);

        public LaidOutPaper Notice(Notice notice) => NoticeLayout.Lay(notice, style, diagnostics, metrics);

        public LaidOutPaper Document(Document document) => DocumentLayout.Lay(document, style, diagnostics, metrics);
    }
}
