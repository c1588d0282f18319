using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CommitteePapers.Pdf;

/// <summary>
/// Finds and stops every process started for one run, including those whose parent has already exited.
/// LibreOffice can leave children behind; once their parent has gone they belong to init, and
/// <see cref="Process.Kill(bool)"/> on the parent can no longer reach them. So each run gives its process a
/// unique environment variable, which every descendant inherits, and afterwards stops whatever still carries it.
/// </summary>
internal static class MarkedProcesses
{
    /// <summary>The environment variable whose value marks one run's processes.</summary>
    public const string Variable = "COMMITTEE_PAPERS_RUN";

    /// <summary>A new marker, unique to one run.</summary>
    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Readies a LibreOffice start: its pipes redirected (what it says is kept), run in <paramref name="folder"/>, and
    /// marked with a new marker in its environment, which its children inherit; returns the marker.
    /// </summary>
    public static string Mark(System.Diagnostics.ProcessStartInfo start, string folder)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = folder;
        var marker = NewMarker();
        start.Environment[Variable] = marker;
        return marker;
    }

    /// <summary>Stops every process (and its tree) whose environment carries <paramref name="marker"/>; returns how many were found.</summary>
    /// <remarks>Reads /proc, so it works on Linux; elsewhere it does nothing and the caller relies on killing the tree it still holds.</remarks>
    public static int StopAll(string marker)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var needle = Encoding.UTF8.GetBytes($"{Variable}={marker}\0");
        var stopped = 0;

        // A process that forks while we look can escape one pass, and one in the middle of starting a program shows an
        // empty environment for a moment (the kernel is replacing it): look again until two passes, a moment apart,
        // find nothing. One pass that happened to find nothing once left a child holding soffice's pipes.
        var quiet = 0;
        for (var pass = 0; pass < 20 && quiet < 2; pass++)
        {
            var found = Find(needle);
            if (found.Count == 0)
            {
                quiet++;
                Thread.Sleep(20);
                continue;
            }

            quiet = 0;
            foreach (var pid in found)
            {
                Stop(pid);
            }

            stopped += found.Count;
        }

        return stopped;
    }

    private static List<int> Find(byte[] needle)
    {
        var found = new List<int>();
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateDirectories("/proc");
        }
        catch (IOException)
        {
            return found;
        }

        foreach (var entry in entries)
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId) continue;
            byte[] environment;
            try
            {
                environment = File.ReadAllBytes(Path.Combine(entry, "environ"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone meanwhile, or another user's process (which cannot be ours)
            }

            // Entries are NUL-separated; match a whole entry, not the tail of another one.
            var at = environment.AsSpan().IndexOf(needle);
            if (at == 0 || (at > 0 && environment[at - 1] == 0)) found.Add(pid);
        }

        return found;
    }

    private static void Stop(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or AggregateException)
        {
            // It exited between finding and stopping it.
        }
    }
}
