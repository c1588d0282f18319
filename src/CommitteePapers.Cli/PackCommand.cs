using System.CommandLine;
using System.Diagnostics;
using CommitteePapers.Diagnostics;
using CommitteePapers.Packs;
using Spectre.Console;

namespace CommitteePapers.Cli;

/// <summary><c>committee-papers pack</c>: builds one or many agenda packs, in parallel, with progress.</summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("packs") { Description = "One or more pack.yaml files (a shell pattern such as meetings/*/pack.yaml builds them all).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "The folder for the packs (default: beside each pack.yaml). With several packs, each goes in a folder of its own name." };
        var style = new Option<string?>("--style") { Description = "House style for every pack (overrides each pack's 'style:')." };
        var command = new Command("pack", "Build agenda packs: front sheet, agenda with page numbers, every paper; a Word document and a tagged PDF.") { files, output, style };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(output), parse.GetValue(style)));
        return command;
    }

    private static int Run(FileInfo[] packs, DirectoryInfo? output, string? style)
    {
        var missing = packs.Where(p => !p.Exists).ToList();
        if (missing.Count > 0)
        {
            foreach (var m in missing) Console.Error.WriteLine($"error: there is no file '{m.FullName}'.");
            return 2;
        }

        var options = new PackOptions { Style = style };
        var results = new PackResult[packs.Length];
        var watch = Stopwatch.StartNew();
        string Target(FileInfo pack) => output is null
            ? pack.DirectoryName!
            : packs.Length == 1 ? output.FullName : Path.Combine(output.FullName, pack.Directory!.Name);

        // One LibreOffice for every pack: it starts once.
        using var builder = new PackBuilder(options);
        void BuildOne(int i) => results[i] = builder.Build(packs[i].FullName, Target(packs[i]));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(Environment.ProcessorCount, packs.Length)) };
        if (!Console.IsErrorRedirected && !Console.IsOutputRedirected && packs.Length > 1)
        {
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn()).Start(context =>
            {
                var tasks = packs.Select(p => context.AddTask(Markup.Escape(p.Directory!.Name), maxValue: 1)).ToArray();
                Parallel.For(0, packs.Length, parallel, i =>
                {
                    tasks[i].IsIndeterminate = true;
                    BuildOne(i);
                    tasks[i].Value = 1;
                    tasks[i].IsIndeterminate = false;
                });
            });
        }
        else
        {
            Parallel.For(0, packs.Length, parallel, i =>
            {
                BuildOne(i);
                Console.Out.WriteLine($"{(results[i].Succeeded ? "built" : "FAILED")} {Path.GetRelativePath(Environment.CurrentDirectory, packs[i].FullName)}");
            });
        }

        var warnings = 0;
        for (var i = 0; i < packs.Length; i++)
        {
            foreach (var d in results[i].Diagnostics) Console.Error.WriteLine(d.ToString());
            warnings += results[i].Diagnostics.Count(d => d.Severity == Severity.Warning);
            if (results[i].Succeeded)
            {
                foreach (var pages in results[i].Pages) Console.Out.WriteLine($"  {pages.Number}. {pages.Title} (Pages {pages.First} - {pages.Last})");
                foreach (var file in results[i].Files) Console.Out.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
            }
        }

        var built = results.Count(r => r.Succeeded);
        Console.Out.WriteLine($"{built} built, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {packs.Length - built} failed in {watch.Elapsed.TotalSeconds:0.0} s.");
        // A pack that failed because of its files or its output (a FIFO, a device, a folder that cannot be written, a full
        // disk) is the environment's doing: 2, as for 'build'.
        return built == packs.Length ? 0 : results.Any(r => !r.Succeeded && Program.IsEnvironment(r.Diagnostics)) ? 2 : 1;
    }
}
