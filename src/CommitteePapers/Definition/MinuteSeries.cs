using System.Globalization;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Definition;

/// <summary>
/// Works out where a committee's minute numbers continue from: minutes that name the previous minutes
/// (<c>follows:</c>) start at the previous first number plus its number of items, so the clerk never types one.
/// </summary>
internal static class MinuteSeries
{
    private const int MaxChain = 200;

    public static Minutes Resolve(Minutes minutes, string folder, string root, ReaderLimits limits, DiagnosticBag diagnostics) =>
        Resolve(minutes, folder, root, limits, diagnostics, new HashSet<string>(StringComparer.Ordinal), 0) ?? minutes;

    private static Minutes? Resolve(Minutes minutes, string folder, string root, ReaderLimits limits, DiagnosticBag diagnostics, HashSet<string> visited, int depth)
    {
        if (minutes.Follows is not { } follows) return minutes;
        if (depth > MaxChain)
        {
            diagnostics.Error(DiagnosticCode.SeriesBackwards, minutes.FollowsAt, $"The chain of 'follows:' is longer than {MaxChain} meetings; start the series again with 'first-minute:'.");
            return null;
        }

        var path = Confinement.Resolve(folder, follows, minutes.FollowsAt, diagnostics, root);
        if (path is null) return null;
        if (!visited.Add(path))
        {
            diagnostics.Error(DiagnosticCode.SeriesBackwards, minutes.FollowsAt, $"'{follows}' leads back to minutes already in this series; each minutes file must follow an earlier one.");
            return null;
        }

        var previousDiagnostics = new DiagnosticBag();
        var display = Path.GetRelativePath(root, path);
        if (InputFile.Read(path, follows, FileKind.Paper(limits), minutes.FollowsAt, diagnostics) is not { } bytes) return null;
        var text = InputFile.DecodeText(bytes, display, previousDiagnostics);
        var previous = text is null ? null : PaperReader.Read(text, display, limits, previousDiagnostics) as Minutes;
        if (previous is null || previousDiagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCode.BadFile, minutes.FollowsAt,
                previous is null && !previousDiagnostics.HasErrors
                    ? $"'{follows}' is not minutes ('paper: minutes'); name the previous meeting's minutes."
                    : $"The previous minutes '{follows}' have errors ({previousDiagnostics.Items.First(d => d.Severity == Severity.Error)}); fix them first.");
            return null;
        }

        previous = Resolve(previous, Path.GetDirectoryName(path)!, root, limits, diagnostics, visited, depth + 1);
        if (previous is null) return null;
        if (previous.Date >= minutes.Date)
        {
            diagnostics.Error(DiagnosticCode.SeriesBackwards, minutes.FollowsAt,
                $"These minutes ({minutes.Date.ToString("d MMMM yyyy", English.Culture)}) follow minutes of {previous.Date.ToString("d MMMM yyyy", English.Culture)}, which is not earlier; name the previous meeting's minutes.");
            return null;
        }

        var next = (previous.FirstMinute ?? 1) + previous.Items.Count;
        if (minutes.FirstMinute is { } declared && declared != next)
        {
            diagnostics.Error(DiagnosticCode.SeriesMismatch, minutes.FollowsAt,
                $"'first-minute: {declared}' does not follow the previous minutes, which end at {next - 1}; remove 'first-minute:' and let it be worked out.");
            return null;
        }

        return minutes with { FirstMinute = next };
    }
}
