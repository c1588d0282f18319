using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CommitteePapers.Pdf;

/// <summary>
/// Converts Word documents to tagged PDF with LibreOffice headless: all the documents of one call in one soffice run
/// (starting LibreOffice costs about a second, each further document about a tenth of that).
/// </summary>
/// <remarks>
/// Every run gets its own folder (profile, copied inputs, outputs) that is deleted afterwards, so concurrent calls
/// never share a LibreOffice profile and never hand their work to a LibreOffice the user already has open.
/// A run that takes longer than <see cref="LibreOfficeOptions.TimeLimit"/> is stopped with its whole process tree
/// and tried once more. PDFs are moved into place only when complete. Problems come back as results, not exceptions;
/// only null arguments and cancellation throw. Thread-safe.
/// </remarks>
internal sealed class LibreOfficeConverter
{
    /// <summary>
    /// Tagged PDF (accessibility), headings as bookmarks, and blank pages kept: packs start papers on odd pages, and
    /// LibreOffice otherwise drops the empty page, so the printed page numbers would jump.
    /// </summary>
    internal const string ExportFilter =
        "pdf:writer_pdf_Export:{"
        + "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"},"
        + "\"IsSkipEmptyPages\":{\"type\":\"boolean\",\"value\":\"false\"}}";

    internal const string NotInstalled =
        "LibreOffice is not installed: install the Debian package libreoffice-writer (apt-get install libreoffice-writer)";

    /// <summary>After a run has ended or been stopped, how long to wait for the last of its output.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    private readonly LibreOfficeOptions options;
    private readonly Func<string, string?> environment;
    private readonly Lazy<ProcessContainment> containment;

    /// <summary>A converter with the given options (<see cref="LibreOfficeOptions.Default"/> when null).</summary>
    public LibreOfficeConverter(LibreOfficeOptions? options = null)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>A converter that reads environment variables through <paramref name="environment"/> (tests use this).</summary>
    internal LibreOfficeConverter(LibreOfficeOptions? options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        this.options = options ?? LibreOfficeOptions.Default;
        if (this.options.TimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.TimeLimit, "The time limit must be positive.");
        }

        this.environment = environment;
        containment = new Lazy<ProcessContainment>(() => ProcessContainment.Detect(environment("PATH")));
    }

    /// <summary>How this converter starts LibreOffice (tests ask).</summary>
    internal ContainmentKind Containment => containment.Value.Kind;

    /// <summary>How this converter reads environment variables.</summary>
    internal Func<string, string?> EnvironmentReader => environment;

    /// <summary>
    /// A LibreOffice kept running for many conversions, started on the first (or on <see cref="LibreOfficeSession.Warm"/>);
    /// the caller disposes it.
    /// </summary>
    public LibreOfficeSession OpenSession() => new(this, options);

    /// <summary>A contained start of <paramref name="program"/> (see <see cref="ProcessContainment"/>).</summary>
    internal ProcessStartInfo ContainedStart(string program, IEnumerable<string> arguments) => containment.Value.Start(program, arguments);

    /// <summary>Converts one document.</summary>
    public PdfConversionResult Convert(string docx, string pdf) => Convert([new PdfJob(docx, pdf)]);

    /// <summary>Converts documents in one LibreOffice run, waiting for it to finish.</summary>
    public PdfConversionResult Convert(IReadOnlyList<PdfJob> jobs) =>
        ConvertAsync(jobs, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();

    /// <summary>Converts documents in one LibreOffice run.</summary>
    /// <param name="jobs">The documents and where their PDFs go.</param>
    /// <param name="cancellationToken">Stops LibreOffice (its whole process tree) and throws <see cref="OperationCanceledException"/>.</param>
    public async Task<PdfConversionResult> ConvertAsync(IReadOnlyList<PdfJob> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        foreach (var job in jobs)
        {
            ArgumentNullException.ThrowIfNull(job);
            ArgumentNullException.ThrowIfNull(job.Docx);
            ArgumentNullException.ThrowIfNull(job.Pdf);
        }

        if (jobs.Count == 0) return new PdfConversionResult(true, [], "There was nothing to convert.");

        var missing = jobs.Where(j => !File.Exists(j.Docx)).Select(j => j.Docx).ToList();
        if (missing.Count > 0)
        {
            return PdfConversionResult.Failed("There is no document to convert at " + string.Join(", ", missing.Select(m => $"'{m}'")) + ".");
        }

        var (soffice, problem) = FindSoffice(options.SofficePath, environment);
        if (soffice is null) return PdfConversionResult.Failed(problem!);

        var clock = Stopwatch.StartNew();
        var first = await RunAsync(soffice, jobs, cancellationToken).ConfigureAwait(false);
        if (first is not null) return first with { Message = first.Message + Took(clock) };

        // One slow run can be bad luck (a loaded machine, a first start); two in a row is the document or the installation.
        var second = await RunAsync(soffice, jobs, cancellationToken).ConfigureAwait(false);
        if (second is not null) return second with { Message = second.Message + " LibreOffice timed out once and was tried again." + Took(clock) };

        return PdfConversionResult.Failed(
            $"LibreOffice did not finish converting {Documents(jobs.Count)} within the time limit of {Seconds(options.TimeLimit)}, "
            + "twice; each time it was stopped. Check that the document opens in Word, or allow more time.");
    }

    /// <summary>Finds soffice: the configured path, else the environment variable, else PATH.</summary>
    /// <returns>The program's path, or null and a message saying what to do.</returns>
    internal static (string? Path, string? Problem) FindSoffice(string? configured, Func<string, string?> environment)
    {
        var (given, source) = !string.IsNullOrWhiteSpace(configured)
            ? (configured, "the SofficePath option")
            : (environment(LibreOfficeOptions.SofficeVariable), $"the {LibreOfficeOptions.SofficeVariable} environment variable");
        var path = environment("PATH") ?? string.Empty;

        if (!string.IsNullOrWhiteSpace(given))
        {
            var found = IsProgram(given) ? Path.GetFullPath(given)
                : given.IndexOfAny(['/', '\\']) < 0 ? SearchPath(path, [given]) // a bare name such as "soffice" means "on PATH"
                : null;
            return found is not null
                ? (found, null)
                : (null, $"LibreOffice was not found at '{given}' (set by {source}), or cannot be run from there: correct the path, "
                    + "or install the Debian package libreoffice-writer (apt-get install libreoffice-writer).");
        }

        var onPath = SearchPath(path, OperatingSystem.IsWindows() ? ["soffice.exe", "soffice.com"] : ["soffice"]);
        return onPath is not null ? (onPath, null) : (null, NotInstalled);
    }

    private static string? SearchPath(string path, string[] names)
    {
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (IsProgram(candidate)) return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static bool IsProgram(string path)
    {
        if (!File.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }

    /// <summary>One soffice run in its own folder. Null when it ran out of time (it has then been stopped).</summary>
    private async Task<PdfConversionResult?> RunAsync(string soffice, IReadOnlyList<PdfJob> jobs, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.TemporaryFolder ?? Path.GetTempPath());
        var folder = Path.Combine(root, "cp-soffice-" + Guid.NewGuid().ToString("N"));
        try
        {
            string input, output;
            try
            {
                input = Directory.CreateDirectory(Path.Combine(folder, "in")).FullName;
                output = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return PdfConversionResult.Failed($"No temporary folder could be made in '{root}' for LibreOffice: {e.Message}");
            }

            var profile = Path.Combine(folder, "profile");
            List<string> arguments =
            [
                "-env:UserInstallation=" + new Uri(profile).AbsoluteUri,
                "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--convert-to", ExportFilter,
                "--outdir", output,
            ];

            var copies = CopyInputs(jobs, input, output, out var produced);
            if (copies.Failure is { } failure) return failure;
            arguments.AddRange(copies.Paths);

            // In a PID namespace (or at least a session) of its own, so that all it starts can be ended as a whole.
            var start = containment.Value.Start(soffice, arguments);
            var marker = MarkedProcesses.Mark(start, folder);

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                return PdfConversionResult.Failed($"LibreOffice could not be started ('{soffice}'): {e.Message}.");
            }

            string errors;
            var exitCode = -1;
            var timedOut = false;
            var stopped = false;
            try
            {
                process.StandardInput.Close(); // it must never wait for a reply from a console

                // What arrives is kept as it arrives: a child left behind holding the pipes would delay the end of the
                // stream, and then whatever soffice said would be lost (which happened under load).
                var stdout = new OutputPump(process.StandardOutput);
                var stderr = new OutputPump(process.StandardError);
                using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    limit.CancelAfter(options.TimeLimit);
                    try
                    {
                        await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                        exitCode = process.ExitCode;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        timedOut = true;
                    }
                }

                // Stop what is left either way: the tree on a time-out, and on a normal exit the children LibreOffice
                // leaves behind, which hold our pipes open and would otherwise run on.
                Stop(process, marker);
                stopped = true;
                cancellationToken.ThrowIfCancellationRequested();
                if (timedOut) return null;

                // Everything that could hold the pipes has been stopped, so both end at once; the grace is for a process
                // that could not be found.
                await Task.WhenAny(Task.WhenAll(stdout.Completion, stderr.Completion), Task.Delay(OutputGrace, CancellationToken.None)).ConfigureAwait(false);
                errors = Relevant(stderr.Text);
            }
            finally
            {
                if (!stopped) Stop(process, marker); // cancelled, or something above threw
            }

            return Publish(jobs, produced, exitCode, errors);
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    /// <summary>
    /// Copies of the documents in <paramref name="input"/>, with names that cannot clash in the one output folder (two
    /// papers may both be report.docx); they also keep LibreOffice's lock files out of the user's folders.
    /// <paramref name="produced"/> says where each PDF will appear in <paramref name="output"/>.
    /// </summary>
    internal static (IReadOnlyList<string> Paths, PdfConversionResult? Failure) CopyInputs(IReadOnlyList<PdfJob> jobs, string input, string output, out string[] produced)
    {
        produced = new string[jobs.Count];
        var paths = new List<string>(jobs.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < jobs.Count; i++)
        {
            var stem = Path.GetFileNameWithoutExtension(jobs[i].Docx);
            if (stem.Length == 0) stem = "document";
            var name = stem;
            for (var n = 2; !names.Add(name); n++) name = $"{stem}-{n}";
            var copy = Path.Combine(input, name + Path.GetExtension(jobs[i].Docx));
            try
            {
                File.Copy(jobs[i].Docx, copy);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ([], PdfConversionResult.Failed($"'{jobs[i].Docx}' could not be read: {e.Message}"));
            }

            produced[i] = Path.Combine(output, name + ".pdf");
            paths.Add(copy);
        }

        return (paths, null);
    }

    /// <summary>Moves each complete PDF into place through a temporary file beside it, so the destination is never half-written.</summary>
    internal static PdfConversionResult Publish(IReadOnlyList<PdfJob> jobs, string[] produced, int exitCode, string errors)
    {
        var written = new List<string>();
        var failures = new List<string>();
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!IsPdf(produced[i]))
            {
                failures.Add($"'{jobs[i].Docx}' was not converted (LibreOffice could not read it)");
                continue;
            }

            var destination = Path.GetFullPath(jobs[i].Pdf);
            var temporary = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(produced[i], temporary);
                File.Move(temporary, destination, overwrite: true);
                written.Add(destination);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"'{destination}' could not be written: {e.Message}");
            }
            finally
            {
                TryDelete(temporary);
            }
        }

        if (failures.Count == 0) return new PdfConversionResult(true, written, $"Converted {Documents(jobs.Count)} to PDF.");

        var message = new StringBuilder(string.Join("; ", failures)).Append('.');
        if (exitCode != 0) message.Append(CultureInfo.InvariantCulture, $" LibreOffice exited with code {exitCode}.");
        if (errors.Length > 0) message.Append(" LibreOffice said: ").Append(errors).Append(errors.EndsWith('.') ? string.Empty : ".");
        return new PdfConversionResult(false, written, message.ToString());
    }

    internal void Stop(Process process, string marker)
    {
        containment.Value.Stop(process);
        MarkedProcesses.StopAll(marker); // whatever left the session and kept its environment
    }

    /// <summary>Reads a child's output as it comes, so what was said is there even if the stream never ends.</summary>
    internal sealed class OutputPump
    {
        private readonly System.Text.StringBuilder text = new();

        public OutputPump(StreamReader reader) => Completion = Task.Run(() => Pump(reader));

        public Task Completion { get; }

        public string Text
        {
            get
            {
                lock (text) return text.ToString();
            }
        }

        /// <summary>How much has been kept so far.</summary>
        public int Length
        {
            get
            {
                lock (text) return text.Length;
            }
        }

        /// <summary>What was said after <paramref name="start"/> characters.</summary>
        public string TextFrom(int start)
        {
            lock (text) return start >= text.Length ? string.Empty : text.ToString(start, text.Length - start);
        }

        private async Task Pump(StreamReader reader)
        {
            var buffer = new char[4096];
            try
            {
                int n;
                while ((n = await reader.ReadAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
                {
                    lock (text)
                    {
                        // Enough for any message; a chatty process must not fill the memory.
                        if (text.Length < 1_000_000) text.Append(buffer, 0, n);
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The process and its pipe are gone; what was read is kept.
            }
        }
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("%PDF-"u8);
    }

    /// <summary>LibreOffice's error output without the harmless javaldx warning, kept short.</summary>
    internal static string Relevant(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("failed to launch javaldx", StringComparison.Ordinal));
        var text = string.Join(" | ", lines);
        return text.Length <= 2000 ? text : text[..2000] + " …";
    }

    internal static void DeleteFolder(string folder)
    {
        // A process that has only just been killed can still be closing files; a second try then succeeds.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; it is a hidden .tmp file.
        }
    }

    private static string Documents(int count) => count == 1 ? "1 document" : $"{count.ToString(CultureInfo.InvariantCulture)} documents";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Took(Stopwatch clock) =>
        $" It took {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.";
}
