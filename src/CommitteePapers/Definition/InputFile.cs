using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CommitteePapers.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace CommitteePapers.Definition;

/// <summary>
/// A kind of file the library reads, with the most it may hold and the words its messages use. Every kind has one
/// limit, named in every message about it.
/// </summary>
/// <param name="Noun">What the file is, after "a": "paper", "style file", "logo".</param>
/// <param name="MaxBytes">The largest file of this kind that is read.</param>
/// <param name="TooLarge">The code for a file over the limit: CP0008 for YAML the reader limits cover, CP0031 for the others.</param>
/// <param name="Hint">What to do about a file over the limit.</param>
internal sealed record FileKind(string Noun, long MaxBytes, DiagnosticCode TooLarge, string Hint)
{
    public static FileKind Paper(ReaderLimits limits) => new("paper", limits.MaxFileBytes, DiagnosticCode.FileTooLarge, "check that it is the right file, or raise the limit");

    public static FileKind StyleFile(ReaderLimits limits) => new("style file", limits.MaxFileBytes, DiagnosticCode.FileTooLarge, "check that it is the right file");

    public static FileKind PackFile(ReaderLimits limits) => new("pack file", limits.MaxFileBytes, DiagnosticCode.FileTooLarge, "check that it is the right file");

    public static readonly FileKind Logo = new("logo", 2L * 1024 * 1024, DiagnosticCode.BadFile, "save a smaller PNG");

    public static readonly FileKind Template = new("template", 20L * 1024 * 1024, DiagnosticCode.BadFile, "a council template never is: check that it is the right file");

    public static readonly FileKind SuppliedPaper = new("supplied paper", 50L * 1024 * 1024, DiagnosticCode.BadFile, "save it again with smaller images, or split it");

    public static readonly FileKind WordDocument = new("Word document to import", 50L * 1024 * 1024, DiagnosticCode.BadFile, "save it again with smaller images, or split it");
}

/// <summary>
/// The one way the library reads a file it is given or that a file names: papers, style files, pack files, the previous
/// minutes, logos, templates and supplied papers. A file must be a regular file once links are followed (a FIFO or a
/// device is never opened: opening a FIFO waits for a writer, and /dev/zero never ends), and it is read through one
/// bounded loop that stops one byte past its kind's limit, whatever size the file system claims.
/// </summary>
internal static class InputFile
{
    /// <summary>Reads <paramref name="path"/> (shown as <paramref name="shown"/>), or gives an error at <paramref name="at"/> and null.</summary>
    public static byte[]? Read(string path, string shown, FileKind kind, SourcePosition at, DiagnosticBag diagnostics)
    {
        string? problem;
        try
        {
            problem = TypeProblem(path);
            if (problem is null)
            {
                using var stream = OpenRegular(path, out problem);
                if (stream is not null)
                {
                    var bytes = ReadBounded(stream, kind.MaxBytes);
                    if (bytes is not null) return bytes;
                    diagnostics.Error(kind.TooLarge, at.IsKnown ? at : at with { Line = 1, Column = 1 }, TooLarge(shown, kind));
                    return null;
                }
            }
        }
        catch (FileNotFoundException)
        {
            diagnostics.Error(DiagnosticCode.FileNotFound, at, $"There is no file '{shown}'.");
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            diagnostics.Error(DiagnosticCode.FileNotFound, at, $"There is no file '{shown}'.");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception)
        {
            diagnostics.Error(DiagnosticCode.NotAFile, at, $"'{shown}' cannot be read ({e.Message.TrimEnd('.')}); check that it is there and that you may read it.");
            return null;
        }

        diagnostics.Error(DiagnosticCode.NotAFile, at, $"'{shown}' {problem}; a {kind.Noun} must be an ordinary file.");
        return null;
    }

    private const long MaxExpandedBytes = 200L * 1024 * 1024;

    /// <summary>
    /// Checks a zip package's sizes before it is opened (a Word template, a document to import), so a zip bomb is
    /// refused without being expanded, and a file that is not a zip at all is said so.
    /// </summary>
    public static bool IsSafeZip(byte[] bytes, SourcePosition at, DiagnosticBag diagnostics)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxExpandedBytes || entry.Length > 50L * entry.CompressedLength + 1024 * 1024)
                {
                    diagnostics.Error(DiagnosticCode.BadFile, at, "The file expands to far more than its size (a zip bomb?); it was not opened.");
                    return false;
                }
            }

            return true;
        }
        catch (InvalidDataException)
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, "The file is not a Word document (not a zip package); save it from Word as .dotx or .docx.");
            return false;
        }
    }

    /// <summary>
    /// The text of a YAML file: UTF-8 (with or without its byte order mark), or UTF-16 with its byte order mark. Bytes
    /// that are not UTF-8 give one error at the line and column of the first of them, saying what the file was probably
    /// saved as; nothing is guessed and nothing is replaced with '\uFFFD'.
    /// </summary>
    public static string? DecodeText(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || span.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            diagnostics.Error(DiagnosticCode.NotUtf8, new SourcePosition(file, 1, 1), "The file is saved as UTF-32 text; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).");
            return null;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 with its byte order mark is unambiguous, and is what some Windows editors call "Unicode".
            var bigEndian = span[0] == 0xFE;
            try
            {
                return new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                diagnostics.Error(DiagnosticCode.NotUtf8, new SourcePosition(file, 1, 1),
                    $"The file starts as UTF-16 text ({(bigEndian ? "big" : "little")}-endian) but is damaged further on; save it again as UTF-8.");
                return null;
            }
        }

        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = span[start..];
        var bad = FirstBadUtf8(body);
        if (bad < 0) return Encoding.UTF8.GetString(body);
        if (LooksLikeUtf16(body))
        {
            // Its lines cannot be counted as UTF-8 (every other byte is NUL), so the error is at the start.
            diagnostics.Error(DiagnosticCode.NotUtf8, new SourcePosition(file, 1, 1), "The file seems to be saved as UTF-16 text without a byte order mark; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).");
            return null;
        }

        // Where the first bad byte is, counted as an editor counts: lines, then characters along the line.
        var before = Encoding.UTF8.GetString(body[..bad]);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 == before.Length || before[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = 1 + new StringInfo(before[lineStart..]).LengthInTextElements;
        var at = new SourcePosition(file, line, column);

        var value = body[bad];
        var others = CountBad(body[(bad + 1)..]);
        var meaning = Windows1252(value) is { } c ? $" (in Windows-1252 and Latin-1 it is '{c}')" : string.Empty;
        diagnostics.Error(DiagnosticCode.NotUtf8, at,
            $"The byte {value:X2} here is not UTF-8{meaning}{(others > 0 ? $", nor are {others} more bytes after it" : string.Empty)}: the file seems to be saved as Windows-1252/Latin-1; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).");
        return null;
    }

    /// <summary>-1 for valid UTF-8; else the offset of the first byte that is not.</summary>
    private static int FirstBadUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[Math.Max(1, bytes.Length)], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static int CountBad(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        var buffer = new char[Math.Max(1, bytes.Length)];
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done) break;
            count++;
            bytes = bytes[Math.Min(bytes.Length, read + 1)..];
        }

        return count;
    }

    /// <summary>Many NUL bytes at every other place: ASCII text saved as UTF-16.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 400)];
        var nulls = 0;
        foreach (var b in sample) if (b == 0) nulls++;
        return sample.Length >= 4 && nulls * 4 >= sample.Length;
    }

    private static char? Windows1252(byte value)
    {
        if (value < 0x80) return null;
        var text = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)?.GetString([value]);
        return text is { Length: 1 } && text[0] != '\uFFFD' && !char.IsControl(text[0]) ? text[0] : null;
    }

    /// <summary>The words of every "too large" message: the file, the limit and the kind the limit is for.</summary>
    public static string TooLarge(string? shown, FileKind kind) =>
        $"{(shown is null ? "The " + kind.Noun : $"'{shown}'")} is larger than {Size(kind.MaxBytes)}, the most a {kind.Noun} may be; {kind.Hint}.";

    /// <summary>A size as the messages and docs give it: "4 MiB", "512 KiB", "64 bytes".</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 1024 && bytes % 1024 == 0 ? (bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString("#,0", CultureInfo.InvariantCulture) + " bytes";

    /// <summary>
    /// Reads a stream to its end, or returns null as soon as it passes <paramref name="maxBytes"/>: never more than one
    /// byte past the limit is read, and the buffer grows with what arrives, not with what a length claims.
    /// </summary>
    public static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        var buffer = new byte[(int)Math.Min(maxBytes + 1, 64 * 1024)];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (read > maxBytes) return null;
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }

        if (read > maxBytes) return null;
        Array.Resize(ref buffer, read);
        return buffer;
    }

    /// <summary>
    /// What <paramref name="path"/> is when it is not a regular file, once links are followed ("is a FIFO (named
    /// pipe)"), or null for a regular file and for nothing at all (reading it then says there is no file). Never throws.
    /// </summary>
    public static string? NotRegular(string path)
    {
        try
        {
            return TypeProblem(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception)
        {
            return $"cannot be read ({e.Message.TrimEnd('.')})";
        }
    }

    /// <summary>As <see cref="NotRegular"/>, but throws <see cref="FileNotFoundException"/> when there is nothing there.</summary>
    private static string? TypeProblem(string path)
    {
        if (OperatingSystem.IsLinux()) return Describe(Linux.Mode(path, descriptor: -1));
        if (Directory.Exists(path)) return "is a folder, not a file";
        if (!File.Exists(path)) throw new FileNotFoundException(null, path);

        // Elsewhere the file system gives no file type; a Windows device path is refused by its name.
        return path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\GLOBALROOT", StringComparison.OrdinalIgnoreCase)
            ? "is a device, not a file"
            : null;
    }

    private static string? Describe(int mode) => (mode & Linux.TypeMask) switch
    {
        Linux.Regular => null,
        Linux.Directory => "is a folder, not a file",
        Linux.Fifo => "is a FIFO (named pipe), not a file",
        Linux.CharacterDevice => "is a character device, not a file",
        Linux.BlockDevice => "is a block device, not a file",
        Linux.Socket => "is a socket, not a file",
        _ => "is not a regular file",
    };

    /// <summary>
    /// Opens a regular file for reading. On Linux it is opened without blocking (a FIFO put in its place since it was
    /// checked cannot hang the open) and checked again through the open descriptor, so what is read is what was checked.
    /// </summary>
    private static FileStream? OpenRegular(string path, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read), FileAccess.Read, bufferSize: 0);
        }

        var handle = Linux.OpenNonBlocking(path);
        try
        {
            problem = Describe(Linux.Mode(string.Empty, (int)handle.DangerousGetHandle()));
            if (problem is not null)
            {
                handle.Dispose();
                return null;
            }

            Linux.MakeBlocking(handle);
            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The few Linux calls .NET does not offer: a file's type, and an open that cannot block on a FIFO.</summary>
    private static class Linux
    {
        public const int TypeMask = 0xF000;
        public const int Fifo = 0x1000;
        public const int CharacterDevice = 0x2000;
        public const int Directory = 0x4000;
        public const int BlockDevice = 0x6000;
        public const int Regular = 0x8000;
        public const int Socket = 0xC000;

        private const int AtCurrentFolder = -100;
        private const int AtEmptyPath = 0x1000;
        private const uint StatxType = 0x1;
        private const int ReadOnly = 0;
        private const int NoControllingTerminal = 0x100;
        private const int NonBlocking = 0x800;
        private const int CloseOnExec = 0x80000;
        private const int GetFlags = 3;
        private const int SetFlags = 4;
        private const int NoSuchFile = 2;
        private const int NotAFolder = 20;

        /// <summary>The st_mode of a path (links followed) or, with <paramref name="descriptor"/> not -1, of an open file.</summary>
        /// <remarks>statx's struct has one layout on every architecture (stx_mode is the 16 bits at offset 28).</remarks>
        public static int Mode(string path, int descriptor)
        {
            var buffer = new byte[256];
            var result = descriptor >= 0
                ? StatxDescriptor(descriptor, [0], AtEmptyPath, StatxType, buffer)
                : StatxPath(AtCurrentFolder, NullTerminated(path), 0, StatxType, buffer);
            if (result != 0) throw Failure(path);
            return BitConverter.ToUInt16(buffer, 28);
        }

        public static SafeFileHandle OpenNonBlocking(string path)
        {
            var descriptor = Open(NullTerminated(path), ReadOnly | NonBlocking | NoControllingTerminal | CloseOnExec);
            if (descriptor < 0) throw Failure(path);
            return new SafeFileHandle(descriptor, ownsHandle: true);
        }

        /// <summary>Clears O_NONBLOCK again, so .NET reads the (regular) file as one it opened itself.</summary>
        public static void MakeBlocking(SafeFileHandle handle)
        {
            var descriptor = (int)handle.DangerousGetHandle();
            var flags = Fcntl(descriptor, GetFlags, 0);
            if (flags < 0 || Fcntl(descriptor, SetFlags, flags & ~NonBlocking) < 0) throw Failure(string.Empty);
        }

        private static Exception Failure(string path)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotAFolder
                ? new FileNotFoundException(null, path)
                : new Win32Exception(error);
        }

        private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int StatxPath(int folder, byte[] path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int StatxDescriptor(int descriptor, byte[] emptyPath, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open(byte[] path, int flags);

        [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        private static extern int Fcntl(int descriptor, int command, int argument);
    }
}
