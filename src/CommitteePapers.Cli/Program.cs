using System.CommandLine;
using CommitteePapers;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Cli;

/// <summary>The <c>committee-papers</c> command. Thin: every decision is the library's.</summary>
internal static class Program
{
    private const int Built = 0;
    private const int InputErrors = 1;
    private const int BadUsage = 2;

    private static int Main(string[] args)
    {
        var root = new RootCommand(
            "Builds council committee papers from YAML into house-style Word documents.\n\n" +
            "Start with:  committee-papers build examples/york-safeguarding-update/report.yaml -o report.docx");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(SchemaCommand());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'committee-papers --help' for how to use it.");
            return BadUsage;
        }

        return parsed.Invoke();
    }

    private static Command BuildCommand()
    {
        var file = new Argument<FileInfo>("paper") { Description = "The paper's YAML file, e.g. report.yaml." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the Word document (default: the YAML file's name with .docx)." };
        var style = new Option<string?>("--style") { Description = "House style: york, north-somerset, sefton, a style file (.yaml) or a Word template (.dotx); overrides the paper's 'style:'." };
        var command = new Command("build", "Build a paper into a Word document (.docx).") { file, output, style };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            var target = parse.GetValue(output)?.FullName ?? Path.ChangeExtension(input.FullName, ".docx");
            return Run(input, parse.GetValue(style), target);
        });
        return command;
    }

    private static Command CheckCommand()
    {
        var file = new Argument<FileInfo>("paper") { Description = "The paper's YAML file." };
        var style = new Option<string?>("--style") { Description = "House style to check against." };
        var command = new Command("check", "Check a paper for errors and warnings without writing anything.") { file, style };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(style), target: null));
        return command;
    }

    private static Command SchemaCommand()
    {
        var command = new Command("schema", "Print the JSON Schema of papers (for editors: yaml-language-server).");
        command.SetAction(_ =>
        {
            Console.Out.Write(Papers.JsonSchema);
            return Built;
        });
        return command;
    }

    private static int Run(FileInfo input, string? styleName, string? target)
    {
        if (!input.Exists)
        {
            Console.Error.WriteLine($"error: there is no file '{input.FullName}'.");
            return BadUsage;
        }

        var name = Path.GetRelativePath(Environment.CurrentDirectory, input.FullName);
        LoadResult loaded;
        using (var stream = input.OpenRead())
        {
            loaded = Papers.Load(stream, name);
        }

        Report(loaded.Diagnostics);
        if (!loaded.Succeeded) return Summarise(loaded.Diagnostics, InputErrors);

        var style = Papers.ResolveStyle(loaded.Paper!, styleName, input.DirectoryName, out var styleDiagnostics);
        Report(styleDiagnostics);
        if (style is null) return styleName is null ? InputErrors : BadUsage;

        RenderResult rendered;
        if (target is null)
        {
            rendered = Papers.Render(loaded.Paper!, style, Stream.Null);
        }
        else
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"error: the folder '{folder}' does not exist.");
                return BadUsage;
            }

            rendered = Papers.Render(loaded.Paper!, style, target);
        }

        Report(rendered.Diagnostics);
        var all = loaded.Diagnostics.Concat(rendered.Diagnostics).ToList();
        if (!rendered.Written) return Summarise(all, InputErrors);
        if (target is not null) Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
        return Summarise(all, Built);
    }

    private static void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
    }

    private static int Summarise(IReadOnlyCollection<Diagnostic> diagnostics, int code)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (errors > 0 || warnings > 0)
        {
            Console.Error.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}{(code == InputErrors ? "; nothing was written" : string.Empty)}.");
        }

        return code;
    }

    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
