using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Xunit;
using Xunit.Abstractions;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Tests;

/// <summary>
/// The copy-paste examples of README.md and docs/ work as written: every <c>committee-papers</c> command, the first
/// "Two commands" build, every style file in docs/house-styles.md, and every C# example in docs/api.md.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ReadmeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-readme-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Readme => Path.Combine(Repo.Root, "README.md");

    private static string HouseStylesDoc => Path.Combine(Repo.Root, "docs", "house-styles.md");

    private static string ApiDoc => Path.Combine(Repo.Root, "docs", "api.md");

    // ---- reading the Markdown -----------------------------------------------------------------------------

    /// <summary>A fenced block: its language, its text and the line of the file its text starts on.</summary>
    internal sealed record Block(string Language, string Text, int FirstLine);

    internal static IReadOnlyList<Block> Blocks(string markdownPath)
    {
        var lines = File.ReadAllLines(markdownPath);
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            var language = lines[i][3..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal)) end++;
            blocks.Add(new Block(language, string.Join('\n', lines[start..end]) + "\n", start + 1));
            i = end;
        }

        return blocks;
    }

    /// <summary>
    /// The <c>committee-papers</c> lines of a document's <c>sh</c> blocks, without their comments; not <c>pack</c>
    /// (it needs LibreOffice; PackTests covers it), not <c>--watch</c> (it runs until stopped; BrowserTests drives it)
    /// and not shell patterns.
    /// </summary>
    internal static IReadOnlyList<string> CommandLines(string markdownPath) =>
        Blocks(markdownPath)
            .Where(b => b.Language == "sh")
            .SelectMany(b => b.Text.Split('\n'))
            .Select(StripComment)
            .Where(l => l.StartsWith("committee-papers ", StringComparison.Ordinal))
            .Where(l => Words(l)[1] != "pack" && !Words(l).Contains("--watch") && !l.Contains('*', StringComparison.Ordinal) && !l.Contains('?', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i].Trim();
        }

        return line.Trim();
    }

    /// <summary>Splits a command line as the shell would (whitespace, single and double quotes).</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        var any = false;
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (any || current.Length > 0) words.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (any || current.Length > 0) words.Add(current.ToString());
        return words;
    }

    // ---- running a command as the reader would ---------------------------------------------------------------

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>The reader's folder: the repository's examples/, and report.yaml from <c>committee-papers new report</c>.</summary>
    private void PrepareFolder(string line)
    {
        CopyFolder(Repo.Examples, Path.Combine(folder, "examples"));
        var words = Words(line);
        if (words[1] == "new") return; // the line itself writes the new paper, which must not exist yet
        var (code, _, stderr) = CliTests.Run(folder, "new", "report", "-o", "report.yaml");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(folder, "report.yaml")));
    }

    /// <summary>Runs one documented line through the built tool and checks what it promises.</summary>
    private void RunDocumentedLine(string line)
    {
        var words = Words(line);
        var args = words.Skip(1).ToList();
        string? redirect = null;
        var arrow = args.IndexOf(">");
        if (arrow >= 0)
        {
            redirect = args[arrow + 1];
            args = args[..arrow];
        }

        var (code, stdout, stderr) = CliTests.Run(folder, [.. args]);
        output.WriteLine($"$ {line}\nexit {code}\n{stdout}{stderr}");

        var strictCheck = args[0] == "check" && args.Contains("--strict");
        Assert.True(code == 0 || (strictCheck && code == 1), $"'{line}' exited {code}:\n{stderr}");
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);

        if (redirect is not null) File.WriteAllText(Path.Combine(folder, redirect), stdout);
        if (args.IndexOf("-o") is var o and >= 0)
        {
            var written = Path.Combine(folder, args[o + 1]);
            Assert.True(File.Exists(written), $"'{line}' did not write {args[o + 1]}");
            if (written.EndsWith(".docx", StringComparison.Ordinal)) Docx.AssertValid(File.ReadAllBytes(written));
            if (written.EndsWith(".html", StringComparison.Ordinal)) WebPage.AssertSound(File.ReadAllText(written));
        }

        if (args.Contains("--format") && args[args.IndexOf("--format") + 1] == "json")
        {
            Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(stdout).RootElement.ValueKind);
        }
    }

    // ---- (a) README.md: every committee-papers command ---------------------------------------------------------

    public static TheoryData<string> ReadmeCommands() => new(CommandLines(Readme));

    [Fact]
    public void Readme_commands_are_found()
    {
        var lines = CommandLines(Readme);
        Assert.Contains("committee-papers new report -o report.yaml", lines);
        Assert.Contains("committee-papers build report.yaml -o report.docx", lines);
        Assert.Contains("committee-papers check report.yaml --strict", lines);
        Assert.True(lines.Count >= 6, string.Join("\n", lines));
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void Readme_command_works_as_written(string line)
    {
        PrepareFolder(line);
        RunDocumentedLine(line);
    }

    // ---- (b) README.md: the first of the "Two commands" ---------------------------------------------------------

    [Fact]
    public void Readme_two_commands_build_gives_a_valid_document()
    {
        const string prefix = "dotnet run --project src/CommitteePapers.Cli -- ";
        var readme = File.ReadAllText(Readme);
        var section = readme[readme.IndexOf("## Two commands", StringComparison.Ordinal)..];
        var block = Blocks(Readme).First(b => b.Language == "sh" && section.Contains(b.Text, StringComparison.Ordinal));
        var line = block.Text.Split('\n').Select(StripComment).First(l => l.StartsWith("dotnet run ", StringComparison.Ordinal));
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repo.Root, "src", "CommitteePapers.Cli", "CommitteePapers.Cli.csproj")));
        Assert.Contains(block.Text.Split('\n'), l => l.Trim() == "bash scripts/test.sh");
        Assert.True(File.Exists(Path.Combine(Repo.Root, "scripts", "test.sh")));

        // The equivalent of 'dotnet run --project src/CommitteePapers.Cli -- …' from the repository folder.
        CopyFolder(Repo.Examples, Path.Combine(folder, "examples"));
        var args = Words(line[prefix.Length..]);
        Assert.Equal<string>(["build", "examples/york-safeguarding-update/report.yaml", "-o", "safeguarding.docx"], args);
        var (code, stdout, stderr) = CliTests.Run(folder, [.. args]);
        output.WriteLine($"$ {line}\nexit {code}\n{stdout}{stderr}");
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote safeguarding.docx", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Docx.AssertValid(File.ReadAllBytes(Path.Combine(folder, "safeguarding.docx")));
    }

    // ---- docs/house-styles.md: its commands and its style files ------------------------------------------------

    /// <summary>A complete style file of the page (one with its own 'name:'), by that name.</summary>
    private static IReadOnlyDictionary<string, string> DocumentedStyleFiles() =>
        Blocks(HouseStylesDoc)
            .Where(b => b.Language == "yaml" && NameLine().IsMatch(b.Text))
            .ToDictionary(b => NameLine().Match(b.Text).Groups["name"].Value, b => b.Text, StringComparer.Ordinal);

    [GeneratedRegex(@"^name:\s*(?<name>[a-z0-9-]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    /// <summary>What the documented style files name: logo.png and a council.dotx with every style their templates map.</summary>
    private void WriteStyleFolder(string target)
    {
        Directory.CreateDirectory(target);
        var styleNames = new List<string>();
        foreach (var (name, text) in DocumentedStyleFiles())
        {
            File.WriteAllText(Path.Combine(target, name + ".yaml"), text);
            if (YamlJson.Convert(text)?["template"]?["styles"] is System.Text.Json.Nodes.JsonObject mapped)
            {
                styleNames.AddRange(mapped.Select(kv => kv.Value!.GetValue<string>()));
            }
        }

        File.WriteAllBytes(Path.Combine(target, "logo.png"), Convert.FromBase64String(OnePixelPng));
        File.WriteAllBytes(Path.Combine(target, "council.dotx"), Template(styleNames));
    }

    public static TheoryData<string> HouseStylesCommands() => new(CommandLines(HouseStylesDoc));

    [Theory]
    [MemberData(nameof(HouseStylesCommands))]
    public void House_styles_command_works_as_written(string line)
    {
        PrepareFolder(line);
        WriteStyleFolder(folder);
        RunDocumentedLine(line);
    }

    public static TheoryData<int> HouseStylesYamlBlocks() =>
        new(Blocks(HouseStylesDoc).Select((b, i) => (b, i)).Where(x => x.b.Language == "yaml").Select(x => x.i));

    [Theory]
    [MemberData(nameof(HouseStylesYamlBlocks))]
    public void House_styles_yaml_example_loads_without_diagnostics_and_matches_the_schema(int index)
    {
        var block = Blocks(HouseStylesDoc)[index];
        WriteStyleFolder(folder);
        // A fragment (front blocks alone) is tried as part of a style that extends York.
        var complete = NameLine().IsMatch(block.Text);
        var text = complete ? block.Text : "name: docs-fragment\nextends: york\n" + block.Text;
        var path = Path.Combine(folder, $"block-{block.FirstLine}.yaml");
        File.WriteAllText(path, text);

        var loaded = HouseStyles.Load(path);
        Assert.True(loaded.Succeeded && loaded.Diagnostics.Count == 0,
            $"docs/house-styles.md line {block.FirstLine}:\n" + string.Join("\n", loaded.Diagnostics));
        // A registry of its own: StyleTests registers the same schema in the global one.
        var schema = global::Json.Schema.JsonSchema.FromText(Papers.StyleJsonSchema, new global::Json.Schema.BuildOptions { SchemaRegistry = new global::Json.Schema.SchemaRegistry() });
        Assert.True(schema.Evaluate(JsonSerializer.SerializeToElement(YamlJson.Convert(text))).IsValid,
            $"docs/house-styles.md line {block.FirstLine} does not match schema/house-style.schema.json");

        if (complete)
        {
            var paper = Papers.Load(Repo.Example("york-safeguarding-update"));
            Assert.True(paper.Succeeded);
            Docx.Render(paper.Paper!, loaded.Style!); // written, and valid
        }
    }

    [Fact]
    public void House_styles_doc_names_every_key_role_and_placeholder()
    {
        var doc = File.ReadAllText(HouseStylesDoc);
        var missing = new List<string>();

        // Every key of the style schema, as `key`, `parent.key` or (for a kind of paper or a standard item) in a list.
        using var schema = JsonDocument.Parse(Papers.StyleJsonSchema);
        void Walk(JsonElement definition, string parent)
        {
            if (!definition.TryGetProperty("properties", out var properties)) return;
            foreach (var property in properties.EnumerateObject())
            {
                var path = parent.Length == 0 ? property.Name : parent + "." + property.Name;
                if (!doc.Contains($"`{path}`", StringComparison.Ordinal) && !doc.Contains($"`{property.Name}`", StringComparison.Ordinal)) missing.Add(path);
                Walk(property.Value, path);
            }
        }

        Walk(schema.RootElement.GetProperty("definitions").GetProperty("house-style"), string.Empty);
        Walk(schema.RootElement.GetProperty("definitions").GetProperty("front-line"), "front-line");
        Walk(schema.RootElement.GetProperty("definitions").GetProperty("standard-item"), "standard-item");

        missing.AddRange(Word.TemplateImport.Roles.Where(role => !doc.Contains($"`{role}`", StringComparison.Ordinal)).Select(role => "role " + role));
        foreach (var (kind, fields) in StyleReader.Fields)
        {
            missing.AddRange(fields.Where(f => !doc.Contains("`{" + f + "}`", StringComparison.Ordinal)).Select(f => $"{kind} placeholder {{{f}}}"));
        }

        Assert.True(missing.Count == 0, "docs/house-styles.md does not mention: " + string.Join(", ", missing));
    }

    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// <summary>A small Word template with a paragraph style of each given name.</summary>
    private static byte[] Template(IEnumerable<string> styleNames)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Template))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = new W.Styles(
                new W.DocDefaults(
                    new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle
                    {
                        RunFonts = new W.RunFonts { Ascii = "Verdana", HighAnsi = "Verdana", ComplexScript = "Verdana" },
                        FontSize = new W.FontSize { Val = "22" },
                        Languages = new W.Languages { Val = "en-GB" },
                    }),
                    new W.ParagraphPropertiesDefault()),
                new W.Style
                {
                    Type = W.StyleValues.Paragraph,
                    StyleId = "Normal",
                    Default = true,
                    StyleName = new W.StyleName { Val = "Normal" },
                    PrimaryStyle = new W.PrimaryStyle(),
                });
            foreach (var name in styleNames.Distinct(StringComparer.Ordinal))
            {
                styles.Styles.Append(new W.Style
                {
                    Type = W.StyleValues.Paragraph,
                    StyleId = new string([.. name.Where(char.IsLetterOrDigit)]),
                    StyleName = new W.StyleName { Val = name },
                    BasedOn = new W.BasedOn { Val = "Normal" },
                    PrimaryStyle = new W.PrimaryStyle(),
                    StyleRunProperties = new W.StyleRunProperties { Color = new W.Color { Val = "1F4E79" } },
                });
            }

            main.Document = new W.Document(new W.Body(
                new W.Paragraph(new W.Run(new W.Text("Borsetshire County Council template"))),
                new W.SectionProperties(
                    new W.PageSize { Width = 11906, Height = 16838 },
                    new W.PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 709, Footer = 709, Gutter = 0 })));
        }

        return stream.ToArray();
    }

    // ---- (c) docs/api.md: every C# example compiles against the library -------------------------------------

    /// <summary>
    /// Each ```csharp block of api.md is a Program.cs of top-level statements. Each goes in a file of its own: its
    /// using directives at the top, the rest in a method of a class of its own, with #line pointing back at api.md.
    /// One console project references the library project and is built once.
    /// </summary>
    [Fact]
    public void Api_examples_compile()
    {
        var blocks = Blocks(ApiDoc).Where(b => b.Language == "csharp").ToList();
        Assert.True(blocks.Count >= 6, $"only {blocks.Count} C# examples found in docs/api.md");

        var app = Path.Combine(folder, "api-examples");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "ApiExamples.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(Repo.Root, "src", "CommitteePapers", "CommitteePapers.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        // This repository's Directory.Build.props and central package versions must not shape the examples.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Program.cs"), "internal static class Program\n{\n    private static void Main()\n    {\n    }\n}\n");
        for (var i = 0; i < blocks.Count; i++) File.WriteAllText(Path.Combine(app, $"Example{i + 1}.cs"), Wrap(blocks[i], i + 1));

        // Build output goes to a folder of its own, so the library's bin/ and obj/ in the repository are not touched
        // (and no other test building them at the same time can get in the way).
        var (code, text) = Dotnet(app, "build", "--artifacts-path", Path.Combine(folder, "artifacts"), "--disable-build-servers", "-nologo", "-v:q");
        Assert.True(code == 0, $"docs/api.md examples do not compile:\n{text}");
    }

    private static string Wrap(Block block, int number)
    {
        var lines = block.Text.TrimEnd('\n').Split('\n');
        var usings = new List<string>();
        var first = 0;
        while (first < lines.Length && (UsingDirective().IsMatch(lines[first]) || lines[first].Trim().Length == 0))
        {
            if (lines[first].Trim().Length > 0) usings.Add(lines[first]);
            first++;
        }

        var body = string.Join('\n', lines[first..]);
        var async = body.Contains("await ", StringComparison.Ordinal);
        var apiPath = ApiDoc.Replace("\\", "\\\\", StringComparison.Ordinal);
        return $$"""
            {{string.Join('\n', usings)}}

            namespace ApiDocs.Example{{number}}
            {
                internal static class Example
                {
                    public static {{(async ? "async Task" : "void")}} Run(string[] args)
                    {
            #line {{block.FirstLine + first}} "{{apiPath}}"
            {{body}}
            #line default
                    }
                }
            }

            """;
    }

    [GeneratedRegex(@"^using\s+(static\s+)?([A-Za-z_][\w]*\s*=\s*)?[A-Za-z_][\w.]*\s*;\s*$")]
    private static partial Regex UsingDirective();

    private (int Code, string Text) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish in 5 minutes");
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine($"$ dotnet {string.Join(' ', args)}\n{text}");
        return (process.ExitCode, text);
    }
}
