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
        var to = Program.ToOption();
        var supplement = new Option<int?>("--supplement") { Description = "Build supplement N: the late papers and urgent items marked 'supplement: N', with its own front sheet and pages after the agenda's. The agenda's files are left as they are." };
        var republish = new Option<bool>("--republish") { Description = "Rebuild the published pack after a paper changed, keeping every other paper's page numbers as the manifest beside it records them; writes a change note." };
        var manifest = new Option<bool>("--manifest") { Description = "Write (and update) NAME.manifest.json: every item, paper, page range, checksum and publication date; the next build compares against it." };
        var command = new Command("pack", "Build agenda packs: front sheet, agenda with page numbers, every paper; a Word document and a tagged PDF, or with --to html the meeting's web pages.")
        {
            files, output, style, to, supplement, republish, manifest,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(output), new PackOptions
        {
            Style = parse.GetValue(style),
            Format = parse.GetValue(to) == "html" ? RenderFormat.Html : RenderFormat.Word,
            Supplement = parse.GetValue(supplement),
            Republish = parse.GetValue(republish),
            Manifest = parse.GetValue(manifest),
        }));
        return command;
    }

    /// <summary>A file a pack wrote, named from the folder the user gave (-o, or the pack's own), as they typed it.</summary>
    private static string Shown(string file, DirectoryInfo? output, FileInfo pack)
    {
        var folder = output?.ToString() ?? Path.GetDirectoryName(pack.ToString()) ?? string.Empty;
        var full = output?.FullName ?? pack.DirectoryName!;
        var relative = Path.GetRelativePath(full, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : Path.Combine(folder, relative);
    }

    private static int Run(FileInfo[] packs, DirectoryInfo? output, PackOptions options)
    {
        if (options.Format == RenderFormat.Html && (options.Supplement is not null || options.Republish || options.Manifest))
        {
            Console.Error.WriteLine("error: --supplement, --republish and --manifest build the Word and PDF packs; a meeting's web pages already show every paper that has arrived.");
            return 2;
        }

        var missing = packs.Where(p => !p.Exists).ToList();
        if (missing.Count > 0)
        {
            foreach (var m in missing) Console.Error.WriteLine($"error: there is no file '{m.FullName}'.");
            return 2;
        }

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
            Parallel.For(0, packs.Length, parallel, BuildOne);
        }

        // Each pack under its own heading, in the order given: its messages, its page ranges and the files it wrote, so
        // what belongs to which pack is plain however the builds interleaved. Messages go to standard error, the rest
        // to standard output; each is flushed in turn so a terminal shows them in this order.
        var warnings = 0;
        for (var i = 0; i < packs.Length; i++)
        {
            Console.Out.WriteLine($"{(results[i].Succeeded ? "built" : "FAILED")} {packs[i]}");
            Console.Out.Flush();
            foreach (var d in results[i].Diagnostics) Console.Error.WriteLine("  " + d);
            Console.Error.Flush();
            warnings += results[i].Diagnostics.Count(d => d.Severity == Severity.Warning);
            if (results[i].Succeeded)
            {
                foreach (var pages in results[i].Pages) Console.Out.WriteLine($"  {pages.Number}. {pages.Title} (Pages {pages.First} - {pages.LastPrinted})");
                if (results[i].ChangeNote is { } note) Console.Out.Write(string.Concat(note.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n")));
                foreach (var file in results[i].Files) Console.Out.WriteLine($"  wrote {Shown(file, output, packs[i])}");
            }
        }

        var built = results.Count(r => r.Succeeded);
        Console.Out.WriteLine($"{built} built, {Counted.Of(warnings, "warning")}, {packs.Length - built} failed in {watch.Elapsed.TotalSeconds:0.0} s.");
        // A pack that failed because of its files or its output (a FIFO, a device, a folder that cannot be written, a full
        // disk) is the environment's doing: 2, as for 'build'.
        return built == packs.Length ? 0 : results.Any(r => !r.Succeeded && Program.IsEnvironment(r.Diagnostics)) ? 2 : 1;
    }
}
