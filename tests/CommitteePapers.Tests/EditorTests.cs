using System.Diagnostics;
using System.Text.Json;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// The writer's editor, for real: yaml-language-server (the engine of VS Code's YAML extension, pinned in
/// tools/editor-check/package.json and installed by scripts/test.sh) is driven as an editor drives it, over every
/// example and a set of broken files, and asked for completions. What it says is compared with what the tool says,
/// so the schema, the readers and the editor keep one rule.
/// </summary>
public sealed class EditorTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Tool = Path.Combine(Repo.Root, "tools", "editor-check");

    private static readonly string PaperSchema = new Uri(Path.Combine(Repo.Root, "schema", "committee-paper.schema.json")).AbsoluteUri;

    private static readonly string StyleSchema = new Uri(Path.Combine(Repo.Root, "schema", "house-style.schema.json")).AbsoluteUri;

    private readonly string folder = Directory.CreateTempSubdirectory("cp-editor-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed record Problem(int Line, int Character, int EndLine, int EndCharacter, int Severity, string Message);

    private sealed record Completion(string Label, string InsertText);

    private sealed record Result(string Path, List<Problem> Diagnostics, List<List<Completion>> Completions);

    private sealed record Position(int Line, int Character);

    private sealed record Job(string Path, string? Text = null, IReadOnlyList<Position>? CompleteAt = null);

    /// <summary>Runs the editor engine over the jobs; one result per job, in order.</summary>
    private List<Result> Editor(IReadOnlyList<Job> jobs)
    {
        Assert.True(Directory.Exists(Path.Combine(Tool, "node_modules", "yaml-language-server")),
            "yaml-language-server is not installed: run 'npm ci' in tools/editor-check (bash scripts/test.sh does it).");
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Tool };
        start.ArgumentList.Add(Path.Combine(Tool, "check.mjs"));
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(JsonSerializer.Serialize(jobs, web));
        node.StandardInput.Close();
        Assert.True(node.WaitForExit(180_000), "yaml-language-server did not finish in three minutes");
        Assert.True(node.ExitCode == 0, stderr.Result);
        return JsonSerializer.Deserialize<List<Result>>(stdout.Result, web)!;
    }

    private static List<string> EveryExampleFile() =>
        Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(Repo.Examples, file).Replace('\\', '/')).ToList();

    [Fact]
    public void Every_example_has_no_diagnostics_in_the_editor()
    {
        var files = EveryExampleFile();
        var results = Editor(files.Select(f => new Job(Path.Combine(Repo.Examples, f))).ToList());
        var problems = results.Where(r => r.Diagnostics.Count > 0)
            .Select(r => $"{Path.GetRelativePath(Repo.Examples, r.Path)}: " + string.Join("; ", r.Diagnostics.Select(d => $"({d.Line + 1},{d.Character + 1}) {d.Message}")))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(files.Count, results.Count);
    }

    private const string Report = "paper: report\nmeeting: Cabinet\ndate: 2024-03-12\nreport-of: Director of Children's Services\ntitle: Budget update\n";

    /// <summary>
    /// Broken papers and style files: what the editor must say, where (line and first character, from 1, and the
    /// last character of the range), and whether the tool flags the same file (an error or a warning).
    /// </summary>
    public static TheoryData<string, string, string, int, int, int> BrokenFiles() => new()
    {
        { "a date in another form", "paper", Report.Replace("date: 2024-03-12", "date: 12/03/2024", StringComparison.Ordinal), 4, 7, 16 },
        { "a date YAML reads as a number", "paper", Report.Replace("date: 2024-03-12", "date: 20240312", StringComparison.Ordinal), 4, 7, 14 },
        // The server puts a required key left out of the whole file at its first character (it has no key to mark).
        { "a required key left out", "paper", Report.Replace("title: Budget update\n", string.Empty, StringComparison.Ordinal), 2, 1, 1 },
        { "a required key left out of a block", "paper", Report + "recommendations:\n  reason: To keep the Committee informed.\n", 7, 1, 15 },
        { "a misspelt key", "paper", Report + "recomendations:\n  items: [Note the report.]\n", 7, 1, 14 },
        { "summary given keys, not a list", "paper", Report + "summary:\n  intro: The budget is under pressure.\n", 8, 3, 0 },
        { "recommendations given as text", "paper", Report + "recommendations: Note the report.\n", 7, 18, 33 },
        { "key-decision neither true nor false", "paper", Report + "key-decision: perhaps\n", 7, 15, 21 },
        { "True where text is meant", "paper", Report + "subtitle: True\n", 7, 11, 14 },
        { "a time in another form", "minutes", "paper: minutes\ncommittee: Cabinet\ndate: 2024-03-12\nstarted: 5.30pm\nitems:\n  - title: Budget\n", 5, 10, 15 },
        { "a colour that is not six hex digits", "style", "name: council\ntext:\n  heading-colour: 1F4E7G\n", 4, 19, 24 },
        { "a sub-item pattern the tool refuses", "style", "name: council\nnumbering:\n  sub-items: x)\n", 4, 14, 15 },
        { "an outline pattern the tool refuses", "style", "name: council\nnumbering:\n  outline: [\"1.\", \"1-x\"]\n", 4, 19, 23 },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_gets_a_readable_message_at_its_place_in_the_editor_and_the_tool_flags_it_too(
        string name, string kind, string yaml, int line, int character, int endCharacter)
    {
        var schema = kind == "style" ? StyleSchema : PaperSchema;
        var path = Path.Combine(folder, (kind == "style" ? "council" : kind) + ".yaml");
        var text = $"# yaml-language-server: $schema={schema}\n" + yaml;
        File.WriteAllText(path, text);
        var result = Assert.Single(Editor([new Job(path)]));
        foreach (var d in result.Diagnostics) output.WriteLine($"{name}: ({d.Line + 1},{d.Character + 1})-({d.EndLine + 1},{d.EndCharacter}) {d.Message}");
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(Expected[name], problem.Message);
        Assert.Equal((line, character), (problem.Line + 1, problem.Character + 1));
        if (endCharacter > 0) Assert.Equal(endCharacter, problem.EndCharacter);

        // The tool says so too, at the same line (a key left out of a block: at the block's first line, below its key).
        var tool = kind == "style"
            ? HouseStyles.Parse(text, "council.yaml", folder).Diagnostics
            : DiagnosticTests.AllDiagnostics(text, Path.GetFileName(path));
        Assert.Contains(tool, d => d.Position.Line == line || (d.Code == "CP0004" && d.Position.Line == line + 1));
    }

    /// <summary>The message each broken file must get from the editor: the schema's own words, or the editor's readable ones.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["a date in another form"] = "Write the date as YYYY-MM-DD, e.g. 2017-01-11.",
        ["a date YAML reads as a number"] = "Write the date as YYYY-MM-DD, e.g. 2017-01-11.",
        ["a misspelt key"] = "Property recomendations is not allowed.",
        ["a required key left out"] = "Missing property \"title\".",
        ["a required key left out of a block"] = "Missing property \"items\".",
        ["summary given keys, not a list"] = "'summary' is a list: write each entry on a line of its own, starting '- '.",
        ["recommendations given as text"] = "'recommendations' takes keys of its own on the lines below it, indented (intro, items, reason …).",
        ["key-decision neither true nor false"] = "Write true or false (yes and no do too).",
        ["True where text is meant"] = "Write text here; put it in quotes if YAML would read it as true or false.",
        ["a time in another form"] = "Write the time on the 24-hour clock as HH:MM, e.g. 17:30.",
        ["a colour that is not six hex digits"] = "Write the colour as six hex digits (0-9, A-F), e.g. 1F4E79.",
        ["a sub-item pattern the tool refuses"] = "Write a counter with its marks — a), (a), a., i., (i), 1., (1), A. — or a bullet such as •.",
        ["an outline pattern the tool refuses"] = "Write one counter per level joined by marks: 1. for the first level, 1.1 or 1.1. for the second, 1.1.1 for the third.",
    };

    /// <summary>Values the one rule accepts (YamlScalars): neither the editor nor the tool objects, and the tool reads what the editor reads.</summary>
    [Fact]
    public void The_editor_and_the_tool_accept_the_same_values()
    {
        var cases = new[]
        {
            Report + "key-decision: yes\nforward-plan-reference: FP-1\n",
            Report + "key-decision: No\n",
            Report + "key-decision: TRUE\nforward-plan-reference: FP-1\n",
            Report + "key-decision: \"false\"\n",
            Report + "subtitle: \"True\"\n",
            Report + "subtitle: on\n",
            Report + "summary:\n  - table:\n      columns:\n        - {heading: Budget, type: money, decimals: 0x2}\n      rows:\n        - [100]\n",
        };
        var jobs = cases.Select((c, i) =>
        {
            var path = Path.Combine(folder, $"ok-{i}.yaml");
            File.WriteAllText(path, $"# yaml-language-server: $schema={PaperSchema}\n" + c);
            return new Job(path);
        }).ToList();
        var results = Editor(jobs);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.True(results[i].Diagnostics.Count == 0, $"editor, case {i}: " + string.Join("; ", results[i].Diagnostics.Select(d => d.Message)));
            var tool = DiagnosticTests.AllDiagnostics(cases[i], "ok.yaml");
            Assert.True(tool.Count == 0, $"tool, case {i}: " + string.Join("; ", tool));
        }

        var table = (Definition.Table)((Definition.Report)Papers.Parse(cases[^1]).Paper!).Summary[0];
        Assert.Equal(2, table.Columns[0].Decimals); // 0x2, as the editor reads it
    }

    /// <summary>Completion of a key whose value is a block inserts the key, its colon and the indented block, not a bare word.</summary>
    [Theory]
    [InlineData("paper", "paper: report\nmeeting: M\n", "recommendations")]
    [InlineData("paper", "paper: report\nmeeting: M\n", "contact")]
    [InlineData("paper", "paper: minutes\ncommittee: C\n", "present")]
    [InlineData("paper", "paper: notice\ncommittee: C\n", "members")]
    [InlineData("paper", "paper: notice\ncommittee: C\n", "democracy-officer")]
    public void Completion_of_a_block_key_inserts_the_key_and_its_block(string kind, string yaml, string key)
    {
        var path = Path.Combine(folder, kind + ".yaml");
        var text = $"# yaml-language-server: $schema={PaperSchema}\n" + yaml + key[..3];
        var lastLine = text.Split('\n').Length - 1;
        var result = Assert.Single(Editor([new Job(path, text, [new Position(lastLine, 3)])]));
        var item = Assert.Single(result.Completions[0], c => c.Label == key);
        output.WriteLine($"{key}: {item.InsertText.Replace("\n", "\\n", StringComparison.Ordinal)}");
        Assert.StartsWith(key + ":\n", item.InsertText, StringComparison.Ordinal);
    }
}
