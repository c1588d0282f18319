using System.CommandLine;
using CommitteePapers;
using CommitteePapers.Definition;
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
            "Start with:  committee-papers new report -o report.yaml\n" +
            "             committee-papers build report.yaml -o report.docx");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(CheckCommand());
        root.Subcommands.Add(NewCommand());
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
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

    private static Option<string?> StyleOption() => new("--style")
    {
        Description = $"House style: {BuiltInStyleNames.Listed}, a style file (.yaml) or a Word template (.dotx); overrides the paper's 'style:'.",
    };

    /// <summary>--to word|html; when it is not given, an output named .html or .htm means a web page.</summary>
    internal static Option<string?> ToOption()
    {
        var to = new Option<string?>("--to") { Description = "What to write: word (a .docx, the default) or html (an accessible web page)." };
        to.AcceptOnlyFromAmong("word", "html");
        return to;
    }

    internal static RenderFormat FormatOf(string? to, string? output) => to switch
    {
        "html" => RenderFormat.Html,
        "word" => RenderFormat.Word,
        _ => Path.GetExtension(output ?? string.Empty).ToLowerInvariant() is ".html" or ".htm" ? RenderFormat.Html : RenderFormat.Word,
    };

    private static Option<bool> StrictOption() => new("--strict") { Description = "Treat warnings (placeholders left in, missing reasons …) as errors." };

    private static Option<bool> PrivateOption() => new("--private")
    {
        Description = "The private version: minutes print their exempt minutes in full (the public version prints the house style's exemption wording in their place).",
    };

    private static Command BuildCommand()
    {
        var file = new Argument<FileInfo>("paper") { Description = "The paper's YAML file, e.g. report.yaml." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write it (default: the YAML file's name with .docx, or .html with --to html)." };
        var style = StyleOption();
        var strict = StrictOption();
        var isPrivate = PrivateOption();
        var to = ToOption();
        var watch = new Option<bool>("--watch") { Description = "Build again on every save, printing the problems each time; with --to html, also serve the page on 127.0.0.1 so an open tab reloads itself. Ctrl+C stops." };
        var port = new Option<int>("--port") { Description = "The port the preview (--watch --to html) is served on, on 127.0.0.1 only; 0 picks a free one.", DefaultValueFactory = _ => 8787 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be a number from 0 to 65535.");
        });
        var command = new Command("build", "Build a paper into a Word document (.docx) or a web page (.html).") { file, output, style, strict, isPrivate, to, watch, port };
        command.SetAction(parse =>
        {
            // The output as the user gave it (FileInfo.ToString() is the path as typed), so 'wrote' names it so too.
            var input = parse.GetValue(file)!;
            var privateVersion = parse.GetValue(isPrivate);
            var given = parse.GetValue(output)?.ToString();
            var format = FormatOf(parse.GetValue(to), given);
            // The private version is written beside the public one, never over it: minutes-private.docx.
            var target = given ?? Path.Combine(Path.GetDirectoryName(input.ToString()) ?? string.Empty,
                Path.GetFileNameWithoutExtension(input.Name) + (privateVersion ? "-private" : string.Empty) + (format == RenderFormat.Html ? ".html" : ".docx"));
            return parse.GetValue(watch)
                ? Preview.Watch(input, parse.GetValue(style), target, parse.GetValue(strict), format, parse.GetValue(port), privateVersion)
                : Run(input, parse.GetValue(style), target, parse.GetValue(strict), json: false, format, privateVersion);
        });
        return command;
    }

    private static Command CheckCommand()
    {
        var file = new Argument<FileInfo>("paper") { Description = "The paper's YAML file." };
        var style = StyleOption();
        var strict = StrictOption();
        var format = new Option<string>("--format") { Description = "text (default) or json: the diagnostics as JSON, for editors and CI.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var isPrivate = PrivateOption();
        var command = new Command("check", "Check a paper for errors and warnings without writing anything.") { file, style, strict, format, isPrivate };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(style), target: null, parse.GetValue(strict), parse.GetValue(format) == "json", privateVersion: parse.GetValue(isPrivate)));
        return command;
    }

    private static Command NewCommand()
    {
        var kind = new Argument<string>("kind") { Description = "The kind of paper: " + string.Join(", ", Scaffolds.Kinds) + "." };
        kind.AcceptOnlyFromAmong([.. Scaffolds.Kinds]);
        var style = new Option<string?>("--style") { Description = $"The house style the paper names: {BuiltInStyleNames.Listed}." };
        style.AcceptOnlyFromAmong([.. BuiltInStyleNames.All]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the new paper (default: print it)." };
        var command = new Command("new", "Write a commented example of a kind of paper to start from; it builds as it is.") { kind, style, output };
        command.SetAction(parse =>
        {
            if (parse.GetValue(output) is not { } target)
            {
                Console.Out.Write(Scaffolds.For(parse.GetValue(kind)!, parse.GetValue(style)));
                return Built;
            }

            var text = Scaffolds.For(parse.GetValue(kind)!, parse.GetValue(style), target.DirectoryName);

            if (target.Exists)
            {
                Console.Error.WriteLine($"error: '{target.FullName}' already exists; choose another name, or delete it first.");
                return BadUsage;
            }

            try
            {
                File.WriteAllText(target.FullName, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: '{target.FullName}' could not be written ({e.Message.TrimEnd('.')}); check that the folder can be written to and the disk has room.");
                TryDelete(target.FullName); // a part-written paper would only mislead
                return BadUsage;
            }

            Console.WriteLine($"wrote {target}");
            return Built;
        });
        return command;
    }

    private static Command SchemaCommand()
    {
        var kind = new Option<string>("--of") { Description = "Which schema: paper (default), style or pack; or reference for a Markdown reference of every key.", DefaultValueFactory = _ => "paper" };
        kind.AcceptOnlyFromAmong("paper", "style", "pack", "reference");
        var style = new Option<string?>("--style") { Description = "A house style (a built-in name or a style file): the paper schema then knows the style's own fields." };
        var command = new Command("schema", "Print the JSON Schema of papers or style files (for editors: yaml-language-server).") { kind, style };
        command.SetAction(parse =>
        {
            if (parse.GetValue(style) is { } styleName)
            {
                var chosen = styleName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || styleName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                    ? HouseStyles.Load(styleName)
                    : new StyleLoadResult(HouseStyles.Find(styleName), []);
                foreach (var d in chosen.Diagnostics) Console.Error.WriteLine(d.ToString());
                if (!chosen.Succeeded)
                {
                    if (chosen.Diagnostics.Count == 0) Console.Error.WriteLine($"error: there is no house style '{styleName}'; use {BuiltInStyleNames.Listed} or a style file (.yaml).");
                    return BadUsage;
                }

                Console.Out.Write(Papers.JsonSchemaFor(chosen.Style!));
                return Built;
            }

            Console.Out.Write(parse.GetValue(kind) switch
            {
                "style" => Papers.StyleJsonSchema,
                "pack" => Papers.PackJsonSchema,
                "reference" => Papers.KeyReference,
                _ => Papers.JsonSchema,
            });
            return Built;
        });
        return command;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It was never written, or cannot be removed either; the error above says what happened.
        }
    }

    /// <summary>
    /// Errors with a file but no place in it are about the files named on the command line or the output (a FIFO given
    /// as the paper, a folder that cannot be written, a full disk): the environment, not the paper, so exit code 2.
    /// </summary>
    internal static bool IsEnvironment(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == Severity.Error && !d.Position.IsKnown && d.Position.File.Length > 0);

    private static int Run(FileInfo input, string? styleName, string? target, bool strict, bool json, RenderFormat format = RenderFormat.Word, bool privateVersion = false) =>
        Run(input, styleName, target, strict, json, format, privateVersion, out _);

    /// <summary>Builds (or checks) a paper and prints what happened; <paramref name="problems"/> are the lines printed for a preview page.</summary>
    internal static int Run(FileInfo input, string? styleName, string? target, bool strict, bool json, RenderFormat format, bool privateVersion, out IReadOnlyList<string> problems)
    {
        problems = [];
        input.Refresh();
        if (!input.Exists)
        {
            problems = [$"error: there is no file '{input.FullName}'."];
            Console.Error.WriteLine(problems[0]);
            return BadUsage;
        }

        // Read once, through the library's bounded reader (a FIFO or a device is refused, not opened). A pack file is
        // checked for what it says, without building it ('committee-papers pack' builds it).
        var name = Path.GetRelativePath(Environment.CurrentDirectory, input.FullName);
        var shown = name.StartsWith("..", StringComparison.Ordinal) ? input.FullName : name;
        var limits = Definition.ReaderLimits.Default;
        var read = new DiagnosticBag();
        var bytes = Definition.InputFile.Read(input.FullName, shown, Definition.FileKind.Paper(limits), new SourcePosition(shown, 0, 0), read);
        var text = bytes is null ? null : Definition.InputFile.DecodeText(bytes, shown, new DiagnosticBag());
        if (text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, "^pack:", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            var packDiagnostics = Packs.AgendaPacks.Check(text, name);
            foreach (var d in packDiagnostics) Console.Error.WriteLine(d.ToString());
            var failed = packDiagnostics.Any(d => d.Severity == Severity.Error || strict);
            if (!json) Console.Error.WriteLine(Summary(packDiagnostics.Select(d => strict ? d with { Severity = Severity.Error } : d).ToList(), written: !failed));
            return failed ? InputErrors : Built;
        }

        // Files a paper names (the previous minutes) may be anywhere below the current folder, when the paper is.
        var root = name.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(name) ? input.DirectoryName : Environment.CurrentDirectory;
        var loaded = bytes is null ? new LoadResult(null, read.Items) : Papers.Load(bytes, shown, limits, root);

        var all = new List<Diagnostic>(loaded.Diagnostics);
        var code = Built;
        if (!loaded.Succeeded)
        {
            code = IsEnvironment(all) ? BadUsage : InputErrors;
        }
        else if (Papers.ResolveStyle(loaded.Paper!, styleName, input.DirectoryName, out var styleDiagnostics) is not { } style)
        {
            all.AddRange(styleDiagnostics);
            code = styleName is null && !IsEnvironment(styleDiagnostics) ? InputErrors : BadUsage;
        }
        else
        {
            all.AddRange(styleDiagnostics);
            var folder = target is null ? null : Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (folder is not null && !Directory.Exists(folder))
            {
                problems = [$"error: the folder '{folder}' does not exist."];
                Console.Error.WriteLine(problems[0]);
                return BadUsage;
            }

            var options = new RenderOptions { WarningsAsErrors = strict, Private = privateVersion, Format = format };
            var rendered = target is null
                ? Papers.Render(loaded.Paper!, style, Stream.Null, options)
                : Papers.RenderToFile(loaded.Paper!, style, target, options);
            all.AddRange(rendered.Diagnostics);
            if (!rendered.Written || (strict && all.Count > 0))
            {
                code = IsEnvironment(rendered.Diagnostics) ? BadUsage : InputErrors;
            }
            else if (target is not null && !json)
            {
                Console.WriteLine($"wrote {target}");
            }
        }

        if (strict) all = all.Select(d => d with { Severity = Severity.Error }).ToList();
        if (json)
        {
            Console.Out.WriteLine(DiagnosticsJson.Serialize(all));
            return code;
        }

        foreach (var d in all) Console.Error.WriteLine(d.ToString());
        problems = code == Built ? [] : all.Select(d => d.ToString()).ToList();
        Console.Error.WriteLine(Summary(all, code == Built));
        return code;
    }

    /// <summary>The closing count, also when there is nothing to report: "0 errors, 0 warnings."</summary>
    private static string Summary(IReadOnlyList<Diagnostic> all, bool written)
    {
        var errors = all.Count(d => d.Severity == Severity.Error);
        return $"{Counted.Of(errors, "error")}, {Counted.Of(all.Count - errors, "warning")}{(written ? string.Empty : "; nothing was written")}.";
    }
}
