using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CommitteePapers.Pdf;

/// <summary>How LibreOffice is started so that everything it starts can be ended as a whole.</summary>
internal enum ContainmentKind
{
    /// <summary>
    /// A PID namespace of its own (util-linux <c>unshare --pid --fork --kill-child</c>): soffice is its first process,
    /// and when soffice ends or is stopped the kernel ends every process in it, even one that started a session of its
    /// own and cleared its environment. Needs root, or user namespaces (the Debian default).
    /// </summary>
    PidNamespace,

    /// <summary>
    /// A session and process group of its own (util-linux <c>setsid</c>), ended with one signal to the group. A process
    /// that starts a session of its own leaves the group; it is found by the environment marker instead.
    /// </summary>
    Session,

    /// <summary>Started directly (not Linux, or neither tool is there): its tree is ended, and marked processes found.</summary>
    None,
}

/// <summary>
/// Starts soffice contained (see <see cref="ContainmentKind"/>) and stops everything it started. The best kind this
/// machine allows is found once per converter: trying a PID namespace costs a few milliseconds.
/// </summary>
internal sealed class ProcessContainment
{
    private const int SigKill = 9;

    private readonly string? unshare;
    private readonly string? setsid;

    private ProcessContainment(ContainmentKind kind, string? unshare, string? setsid)
    {
        Kind = kind;
        this.unshare = unshare;
        this.setsid = setsid;
    }

    public ContainmentKind Kind { get; }

    /// <summary>The containment available here, looking for the tools on <paramref name="path"/>.</summary>
    public static ProcessContainment Detect(string? path)
    {
        if (!OperatingSystem.IsLinux()) return new(ContainmentKind.None, null, null);
        var unshare = Find(path, "unshare");
        var setsid = Find(path, "setsid");
        if (unshare is not null && Works(unshare, NamespaceArguments(["true"]))) return new(ContainmentKind.PidNamespace, unshare, setsid);
        return setsid is not null ? new(ContainmentKind.Session, null, setsid) : new(ContainmentKind.None, null, null);
    }

    /// <summary>A start for <paramref name="program"/> with <paramref name="arguments"/>, contained.</summary>
    public ProcessStartInfo Start(string program, IEnumerable<string> arguments)
    {
        var (file, prefix) = Kind switch
        {
            ContainmentKind.PidNamespace => (unshare!, NamespaceArguments([program])),
            // --wait: should setsid have to fork (it does when already a group leader), it waits, so the process held
            // here still lives as long as soffice does.
            ContainmentKind.Session => (setsid!, new List<string> { "--wait", program }),
            _ => (program, new List<string>()),
        };
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in prefix.Concat(arguments)) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>
    /// Stops <paramref name="process"/> and what it started: its tree, and its process group (the session's, when
    /// started with setsid). Ending the first process of a PID namespace ends all of it.
    /// </summary>
    public void Stop(Process process)
    {
        int id;
        try
        {
            id = process.Id;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or AggregateException)
        {
            return; // never started, or gone with all of its tree
        }

        // The group outlives its leader while any member lives: a child soffice left behind still holding our pipes.
        if (Kind == ContainmentKind.Session) _ = Kill(-id, SigKill);
    }

    private static List<string> NamespaceArguments(IEnumerable<string> command)
    {
        var arguments = new List<string>();
        if (!Environment.IsPrivilegedProcess) arguments.AddRange(["--user", "--map-root-user"]);
        arguments.AddRange(["--pid", "--fork", "--kill-child"]);
        arguments.AddRange(command);
        return arguments;
    }

    private static bool Works(string program, IEnumerable<string> arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            drained.Wait(1000);
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static string? Find(string? path, string name)
    {
        if (OperatingSystem.IsWindows()) return null;
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("/usr/bin").Append("/bin"))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0) return candidate;
        }

        return null;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int process, int signal);
}
