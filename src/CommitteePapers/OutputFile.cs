using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;

namespace CommitteePapers;

/// <summary>
/// The rules for files the library writes (a paper's .docx, a pack's files): never over something that is not a
/// regular file, and a write that fails is error CP0037 naming the file and the reason, with nothing half-written.
/// </summary>
internal static class OutputFile
{
    /// <summary>The error for an output path that exists and is not a regular file, or null.</summary>
    public static Diagnostic? Refused(string full, string shown)
    {
        // Nothing there, or a dangling link: writing makes a new file there.
        var special = InputFile.NotRegular(full);
        return special is null ? null : new Diagnostic(DiagnosticCode.OutputFailed.Id, Severity.Error, new SourcePosition(shown, 0, 0),
            $"'{shown}' {special}; write to an ordinary file (such as report.docx): nothing was written, and '{shown}' was left as it was.");
    }

    /// <summary>Failures of the file system or the stream, not of the library: a full disk, a read-only folder, a closed pipe.</summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>Error CP0037 for a write that failed.</summary>
    public static Diagnostic Failed(string shown, Exception e)
    {
        var reason = e.Message.TrimEnd('.');
        var what = shown.Length > 0 ? $"'{shown}' could not be written" : "The document could not be written";
        return new Diagnostic(DiagnosticCode.OutputFailed.Id, Severity.Error, new SourcePosition(shown, 0, 0),
            $"{what} ({reason}); check that the folder can be written to and the disk has room. Nothing was changed{(shown.Length > 0 ? $": a file already at '{shown}' is as it was" : string.Empty)}.");
    }

    /// <summary>Deletes a temporary file if it is there; a failure to do so must not hide the error that led here.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; it is a hidden .tmp file.
        }
    }
}
