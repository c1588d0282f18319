using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>
/// Keeps every path a paper, style or pack names inside the folder of the file that names it: no absolute paths,
/// no '..' escape, no symbolic link that leads outside. The library reads no file any other way.
/// </summary>
internal static class Confinement
{
    /// <summary>
    /// The full path of <paramref name="relative"/> (relative to <paramref name="folder"/>), which must lie inside
    /// <paramref name="root"/> (by default <paramref name="folder"/> itself); null with an error otherwise. What kind
    /// of file it is and how large are checked when it is read (<see cref="InputFile"/>).
    /// </summary>
    public static string? Resolve(string folder, string relative, SourcePosition at, DiagnosticBag diagnostics, string? root = null)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains(':') || relative.StartsWith('~'))
        {
            diagnostics.Error(DiagnosticCode.PathOutsideFolder, at,
                $"'{relative}' must be a path relative to this file's folder, such as 'logo.png' or 'annexes/annex-a.pdf'.");
            return null;
        }

        root = Path.GetFullPath(root ?? folder);
        var full = Path.GetFullPath(Path.Combine(Path.GetFullPath(folder), relative));
        if (!IsInside(root, full) || !IsInside(Real(root), Real(full)))
        {
            diagnostics.Error(DiagnosticCode.PathOutsideFolder, at,
                $"'{relative}' leads outside the folder '{root}'; keep the file in that folder (or below it) and name it from there.");
            return null;
        }

        if (!File.Exists(full))
        {
            diagnostics.Error(DiagnosticCode.FileNotFound, at, $"There is no file '{relative}' in '{root}'; check the name and where the file is.");
            return null;
        }

        return full;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it followed.</summary>
    private static string Real(string path)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            for (var hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not { } target) break;
                current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current) ?? "/", target));
            }
        }

        return current;
    }
}
