using System.CommandLine;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Import;
using CommitteePapers.Styles;

namespace CommitteePapers.Cli;

/// <summary><c>committee-papers import</c>: reads a Word paper and writes the paper's YAML beside it.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("document") { Description = "The Word paper (.docx) to import." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the YAML (default: the document's name with .yaml); an existing file is not overwritten." };
        var style = new Option<string?>("--style") { Description = $"The house style the paper is in: {BuiltInStyleNames.Listed} (default {HouseStyles.DefaultName}) or a style file (.yaml); its headings and wording are recognised." };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 and write nothing when anything could not be placed with certainty." };
        var command = new Command("import", "Import a Word paper (.docx) as YAML that builds again: numbers, headings, lists, tables, footnotes and the standard sections.") { file, output, style, strict };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(style), parse.GetValue(strict)));
        return command;
    }

    private static int Run(FileInfo input, FileInfo? output, string? styleName, bool strict)
    {
        if (!input.Exists)
        {
            Console.Error.WriteLine($"error: there is no file '{input.FullName}'.");
            return 2;
        }

        var target = output?.FullName ?? Path.ChangeExtension(input.FullName, ".yaml");
        var shownTarget = Shown(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            Console.Error.WriteLine($"error: '{shownTarget}' already exists; choose another name with -o, or delete it first.");
            return 2;
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            Console.Error.WriteLine($"error: the folder '{Path.GetDirectoryName(target)}' does not exist.");
            return 2;
        }

        HouseStyle style = HouseStyles.Default;
        string? reference = null;
        if (styleName is not null)
        {
            if (styleName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || styleName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                var loaded = HouseStyles.Load(styleName);
                foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d.ToString());
                if (!loaded.Succeeded) return 2;
                style = loaded.Style!;
                // The paper names its style file relative to itself.
                reference = Path.GetRelativePath(Path.GetDirectoryName(target)!, Path.GetFullPath(styleName)).Replace('\\', '/');
            }
            else if (HouseStyles.Find(styleName) is { } builtIn)
            {
                style = builtIn;
            }
            else
            {
                Console.Error.WriteLine($"error: there is no house style '{styleName}'; use {BuiltInStyleNames.Listed} or a style file (.yaml).");
                return 2;
            }
        }

        var shown = Shown(input.FullName);
        var read = new DiagnosticBag();
        var bytes = InputFile.Read(input.FullName, shown, FileKind.WordDocument, new SourcePosition(shown, 0, 0), read);
        if (bytes is null)
        {
            foreach (var d in read.Items) Console.Error.WriteLine(d.ToString());
            return Program.IsEnvironment(read.Items) ? 2 : 1;
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var result = Papers.Import(stream, shown, new ImportOptions { Style = style, StyleReference = reference, SchemaLocation = SchemaLocation(target) });
        var refused = strict && result.Uncertain;
        foreach (var d in result.Diagnostics) Console.Error.WriteLine((refused ? d with { Severity = Severity.Error } : d).ToString());
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("The document was not imported; nothing was written.");
            return 1;
        }

        Console.WriteLine($"{shown}: {result.Summary.Kind}, {result.Summary}.");
        if (refused)
        {
            Console.Error.WriteLine("--strict: some blocks could not be placed with certainty; nothing was written.");
            return 1;
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, result.Yaml);
            File.Move(temporary, target, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: '{shownTarget}' could not be written ({e.Message.TrimEnd('.')}); check that the folder can be written to and the disk has room.");
            return 2;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }

        Console.WriteLine($"wrote {shownTarget}");
        return 0;
    }

    private static string Shown(string full)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    /// <summary>The repository's schema when the YAML is written inside it (examples/…), else one beside the YAML.</summary>
    private static string SchemaLocation(string target)
    {
        for (var dir = Path.GetDirectoryName(target); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var schema = Path.Combine(dir, "schema", "committee-paper.schema.json");
            if (File.Exists(schema)) return Path.GetRelativePath(Path.GetDirectoryName(target)!, schema).Replace('\\', '/');
        }

        return "committee-paper.schema.json";
    }
}
