using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CommitteePapers.Pdf;

/// <summary>
/// One LibreOffice kept running for many conversions (a pack's measuring and building, a batch of packs), so that it
/// starts once: starting costs about a second, which was most of a pack's time.
/// </summary>
/// <remarks>
/// <para>
/// LibreOffice is started headless, contained as a single conversion is (<see cref="ProcessContainment"/>), with a
/// profile of its own and a small text document open, which keeps it from ending when a conversion finishes. Each
/// conversion is then handed to it as a second <c>soffice --convert-to</c> would hand it over, but without starting
/// one: through LibreOffice's own single-instance pipe (a Unix socket named from the profile's address), with the
/// plain-text protocol of desktop/source/app/officeipcthread.cxx: the office says <c>InternalIPC::SendArguments</c>,
/// we send <c>InternalIPC::Arguments</c> with the command line, and it answers <c>InternalIPC::ProcessingDone</c> when
/// every document has been converted. No UNO, and no process started for each conversion.
/// </para>
/// <para>
/// Should LibreOffice not start this way (an old version, a stand-in script, no socket where one is expected), every
/// conversion falls back to a LibreOffice started for it alone, as <see cref="LibreOfficeConverter.ConvertAsync"/>
/// does; a conversion that runs out of time stops LibreOffice (the next one starts it again) and is tried once more
/// on its own. Conversions are handed over one at a time, each with the whole time limit. Disposing stops LibreOffice
/// with everything it started and deletes its folder. Thread-safe.
/// </para>
/// </remarks>
internal sealed class LibreOfficeSession : IDisposable
{
    private const string SendArguments = "InternalIPC::SendArguments";
    private const string ProcessingDone = "InternalIPC::ProcessingDone";

    private readonly LibreOfficeConverter converter;
    private readonly LibreOfficeOptions options;
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly object gate = new();
    private Server? server;
    private bool disposed;
    private int requests;

    internal LibreOfficeSession(LibreOfficeConverter converter, LibreOfficeOptions options)
    {
        this.converter = converter;
        this.options = options;
    }

    /// <summary>How many conversions the running LibreOffice did (tests ask: zero means every one fell back).</summary>
    internal int ServedConversions { get; private set; }

    /// <summary>How many times LibreOffice was started for this session.</summary>
    internal int Starts { get; private set; }

    /// <summary>The running LibreOffice's socket, once it is ready (tests ask).</summary>
    internal string? Pipe
    {
        get
        {
            lock (gate) return server?.ReadyPipe;
        }
    }

    /// <summary>Starts LibreOffice now, without waiting for it, so that it starts while the caller does other work.</summary>
    public void Warm()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            server ??= StartServer();
        }
    }

    public PdfConversionResult Convert(IReadOnlyList<PdfJob> jobs) =>
        ConvertAsync(jobs, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();

    public async Task<PdfConversionResult> ConvertAsync(IReadOnlyList<PdfJob> jobs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0) return new PdfConversionResult(true, [], "There was nothing to convert.");
        var missing = jobs.Where(j => !File.Exists(j.Docx)).Select(j => j.Docx).ToList();
        if (missing.Count > 0) return PdfConversionResult.Failed("There is no document to convert at " + string.Join(", ", missing.Select(m => $"'{m}'")) + ".");

        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Server? running;
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                running = server ??= StartServer();
            }

            if (running is null) return await converter.ConvertAsync(jobs, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            Outcome result;
            try
            {
                result = await running.ConvertAsync(jobs, ++requests, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled mid-conversion: LibreOffice may still be working on it, so it is stopped with everything
                // it started, as a conversion of its own would be; the next conversion starts another.
                Forget(running);
                throw;
            }

            if (result is { Served: true })
            {
                ServedConversions++;
                return result.Result!;
            }

            // It could not take the conversion (it never started, or broke), or ran out of time: stop it, and convert
            // in a LibreOffice of this conversion's own, once.
            Forget(running);
            cancellationToken.ThrowIfCancellationRequested();
            var alone = await converter.ConvertAsync(jobs, cancellationToken).ConfigureAwait(false);
            return result.TimedOut
                ? alone with { Message = alone.Message + $" LibreOffice timed out once ({Seconds(clock.Elapsed)}) and was tried again." }
                : alone;
        }
        finally
        {
            turn.Release();
        }
    }

    public void Dispose()
    {
        Server? running;
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            running = server;
            server = null;
        }

        running?.Dispose();
    }

    /// <summary>Stops <paramref name="running"/> and, if it is still the session's, lets the next conversion start another.</summary>
    private void Forget(Server running)
    {
        lock (gate)
        {
            if (ReferenceEquals(server, running)) server = null;
        }

        running.Dispose();
    }

    private Server? StartServer()
    {
        var (soffice, _) = LibreOfficeConverter.FindSoffice(options.SofficePath, converter.EnvironmentReader);
        if (soffice is null) return null; // the one-shot conversion says what to do
        Starts++;
        return Server.Start(converter, options, soffice);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private readonly record struct Outcome(bool Served, bool TimedOut, PdfConversionResult? Result);

    /// <summary>A running LibreOffice: its process, its folder, its pipe.</summary>
    private sealed class Server : IDisposable
    {
        private readonly LibreOfficeConverter converter;
        private readonly LibreOfficeOptions options;
        private readonly string folder;
        private readonly string profileUrl;
        private readonly string lockFile;
        private readonly Process process;
        private readonly string marker;
        private readonly LibreOfficeConverter.OutputPump stderr;
        private readonly LibreOfficeConverter.OutputPump stdout;
        private readonly Task<string?> ready;
        private int disposed;

        /// <summary>The socket, once ready.</summary>
        public string? ReadyPipe => ready.IsCompletedSuccessfully ? ready.Result : null;

        private Server(LibreOfficeConverter converter, LibreOfficeOptions options, string folder, string profileUrl, string lockFile, Process process, string marker)
        {
            this.converter = converter;
            this.options = options;
            this.folder = folder;
            this.profileUrl = profileUrl;
            this.lockFile = lockFile;
            this.process = process;
            this.marker = marker;
            process.StandardInput.Close();
            stdout = new LibreOfficeConverter.OutputPump(process.StandardOutput);
            stderr = new LibreOfficeConverter.OutputPump(process.StandardError);
            ready = Task.Run(WaitUntilReady);
        }

        public static Server? Start(LibreOfficeConverter converter, LibreOfficeOptions options, string soffice)
        {
            var root = Path.GetFullPath(options.TemporaryFolder ?? Path.GetTempPath());
            var folder = Path.Combine(root, "cp-soffice-" + Guid.NewGuid().ToString("N"));
            string keep;
            try
            {
                Directory.CreateDirectory(folder);
                keep = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "keep")).FullName, "open.txt");
                File.WriteAllText(keep, "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LibreOfficeConverter.DeleteFolder(folder);
                return null;
            }

            var profileUrl = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
            var start = converter.ContainedStart(soffice,
            [
                "-env:UserInstallation=" + profileUrl,
                "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                keep,
            ]);
            var marker = MarkedProcesses.Mark(start, folder);
            var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception)
            {
                process.Dispose();
                LibreOfficeConverter.DeleteFolder(folder);
                return null;
            }

            return new Server(converter, options, folder, profileUrl, Path.Combine(folder, "keep", ".~lock.open.txt#"), process, marker);
        }

        /// <summary>
        /// The pipe, once LibreOffice has opened its document (it then stays running) and made the pipe; null if it
        /// ended first, or did not get there within the time limit.
        /// </summary>
        private async Task<string?> WaitUntilReady()
        {
            var clock = Stopwatch.StartNew();
            var pipeName = "_SingleOfficeIPC_" + Hash(profileUrl);
            while (clock.Elapsed < options.TimeLimit && Volatile.Read(ref disposed) == 0)
            {
                if (process.HasExited) return null;
                if (File.Exists(lockFile) && Pipe(pipeName) is { } pipe) return pipe;
                await Task.Delay(10).ConfigureAwait(false);
            }

            return null;
        }

        /// <summary>
        /// The office's socket: /tmp/OSL_PIPE_{user id}_SingleOfficeIPC_{hash} (or in /var/tmp when /tmp cannot be
        /// written). The user id is as LibreOffice sees it: 0 inside the user namespace it runs in when we are not root.
        /// </summary>
        private static string? Pipe(string name)
        {
            var user = GetUserId().ToString(CultureInfo.InvariantCulture);
            foreach (var candidate in new[] { $"/tmp/OSL_PIPE_{user}{name}", $"/tmp/OSL_PIPE_0{name}", $"/var/tmp/OSL_PIPE_{user}{name}", $"/var/tmp/OSL_PIPE_0{name}" })
            {
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getuid")]
        private static extern uint GetUserId();

        /// <summary>LibreOffice's CreateMD5FromString: MD5 of the UTF-16 code units, each byte in hex without a leading zero.</summary>
        internal static string Hash(string userInstallation)
        {
#pragma warning disable CA5351 // a name LibreOffice derives, not security
            var digest = System.Security.Cryptography.MD5.HashData(Encoding.Unicode.GetBytes(userInstallation));
#pragma warning restore CA5351
            var hex = new StringBuilder(32);
            foreach (var b in digest) hex.Append(b.ToString("x", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        public async Task<Outcome> ConvertAsync(IReadOnlyList<PdfJob> jobs, int request, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.TimeLimit);
            string? pipe;
            try
            {
                pipe = await ready.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome(false, false, null);
            }

            if (pipe is null || process.HasExited) return new Outcome(false, false, null);

            var input = Path.Combine(folder, $"in-{request}");
            var output = Path.Combine(folder, $"out-{request}");
            string[] produced;
            List<string> arguments = ["--convert-to", LibreOfficeConverter.ExportFilter, "--outdir", output];
            try
            {
                Directory.CreateDirectory(input);
                Directory.CreateDirectory(output);
                var copies = LibreOfficeConverter.CopyInputs(jobs, input, output, out produced);
                if (copies.Failure is { } failure) return new Outcome(true, false, failure);
                arguments.AddRange(copies.Paths);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Outcome(true, false, PdfConversionResult.Failed($"No folder could be made in '{folder}' for LibreOffice: {e.Message}"));
            }

            var said = stderr.Length;
            try
            {
                var done = await Request(pipe, arguments, limit.Token).ConfigureAwait(false);
                if (!done) return new Outcome(false, false, null); // it went away: fall back
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome(false, true, null);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                return new Outcome(false, false, null);
            }

            var result = LibreOfficeConverter.Publish(jobs, produced, 0, LibreOfficeConverter.Relevant(stderr.TextFrom(said)));
            LibreOfficeConverter.DeleteFolder(input);
            LibreOfficeConverter.DeleteFolder(output);
            return new Outcome(true, false, result);
        }

        /// <summary>Hands one command line to the office and waits until it has been carried out.</summary>
        private async Task<bool> Request(string pipe, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(pipe), cancellationToken).ConfigureAwait(false);
            using var stream = new NetworkStream(socket, ownsSocket: false);
            if (await ReadMessage(stream, cancellationToken).ConfigureAwait(false) != SendArguments) return false;

            var message = new StringBuilder("InternalIPC::Arguments1");
            Escape(message, new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri);
            foreach (var argument in arguments)
            {
                message.Append(',');
                Escape(message, argument);
            }

            message.Append('\0');
            await stream.WriteAsync(Encoding.UTF8.GetBytes(message.ToString()), cancellationToken).ConfigureAwait(false);
            return await ReadMessage(stream, cancellationToken).ConfigureAwait(false) == ProcessingDone;
        }

        /// <summary>As the office's addArgument: NUL, comma and backslash escaped with a backslash.</summary>
        private static void Escape(StringBuilder message, string argument)
        {
            foreach (var c in argument)
            {
                switch (c)
                {
                    case '\0': message.Append("\\0"); break;
                    case ',': message.Append("\\,"); break;
                    case '\\': message.Append("\\\\"); break;
                    default: message.Append(c); break;
                }
            }
        }

        /// <summary>Bytes up to a NUL; an empty string if the office closed the pipe first.</summary>
        private static async Task<string> ReadMessage(Stream stream, CancellationToken cancellationToken)
        {
            var bytes = new List<byte>();
            var buffer = new byte[256];
            while (true)
            {
                var n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n <= 0) return string.Empty;
                var end = Array.IndexOf(buffer, (byte)0, 0, n);
                bytes.AddRange(buffer.AsSpan(0, end < 0 ? n : end).ToArray());
                if (end >= 0) return Encoding.UTF8.GetString(bytes.ToArray());
                if (bytes.Count > 4096) return string.Empty; // not the office
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            converter.Stop(process, marker);
            process.Dispose();
            // Killed, LibreOffice leaves its socket behind; it is ours (named from our profile), so it goes too.
            if (Pipe("_SingleOfficeIPC_" + Hash(profileUrl)) is { } pipe) LibreOfficeConverter.TryDelete(pipe);
            LibreOfficeConverter.DeleteFolder(folder);
        }
    }
}
