using System.Diagnostics;
using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>Runs the real command-line tool as a process, as a user would.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "committee-papers.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: a pack runs LibreOffice, which on a loaded two-core machine has taken over a minute.
        Assert.True(process.WaitForExit(180_000), "the tool did not finish in three minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Build_writes_a_valid_document_and_exits_0()
    {
        var output = Path.Combine(folder, "x.docx");
        var (code, stdout, stderr) = Run(folder, "build", Repo.Example("york-safeguarding-update"), "-o", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote", stdout);
        Docx.AssertValid(File.ReadAllBytes(output));
    }

    [Theory]
    [InlineData("misspelt-key.yaml", "misspelt-key.yaml(8,1): error CP0002:")]
    [InlineData("wrong-type.yaml", "wrong-type.yaml(6,3): error CP0003:")]
    [InlineData("invalid-yaml.yaml", "invalid-yaml.yaml(")]
    public void Errors_in_the_input_exit_1_with_a_position_and_write_nothing(string file, string expected)
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "BrokenPapers", file), Path.Combine(folder, file));
        var (code, _, stderr) = Run(folder, "build", file, "-o", "out.docx");
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
        Assert.Empty(Directory.GetFiles(folder, "*.docx"));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void A_failed_build_leaves_an_existing_output_untouched()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "BrokenPapers", "references.yaml"), Path.Combine(folder, "r.yaml"));
        File.WriteAllText(Path.Combine(folder, "out.docx"), "previous");
        var (code, _, _) = Run(folder, "build", "r.yaml", "-o", "out.docx");
        Assert.Equal(1, code);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(folder, "out.docx")));
    }

    [Fact]
    public void Missing_file_and_bad_usage_exit_2()
    {
        Assert.Equal(2, Run(folder, "build", "nothing-here.yaml").Code);
        Assert.Equal(2, Run(folder, "build").Code);
        Assert.Equal(2, Run(folder, "frobnicate").Code);
    }

    [Fact]
    public void Check_reports_without_writing()
    {
        var (code, _, _) = Run(folder, "check", Repo.Example("york-safeguarding-update"));
        Assert.Equal(0, code);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("cabinet-member-update")]
    [InlineData("minutes")]
    [InlineData("notice")]
    public void Every_scaffold_builds_as_it_is_with_no_warnings(string kind)
    {
        var (code, _, stderr) = Run(folder, "new", kind, "-o", kind + ".yaml");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Run(folder, "build", kind + ".yaml", "--strict");
        Assert.True(code == 0, stderr);
        Docx.AssertValid(File.ReadAllBytes(Path.Combine(folder, kind + ".docx")));
    }

    [Fact]
    public void Build_private_writes_the_private_minutes_beside_the_public_ones()
    {
        Assert.Equal(0, Run(folder, "new", "minutes", "-o", "minutes.yaml").Code);
        Assert.Equal(0, Run(folder, "build", "minutes.yaml").Code);
        var (code, stdout, stderr) = Run(folder, "build", "minutes.yaml", "--private");
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote minutes-private.docx", stdout, StringComparison.Ordinal);
        var publicText = string.Join("\n", Docx.ParagraphTexts(File.ReadAllBytes(Path.Combine(folder, "minutes.docx"))));
        var privateText = string.Join("\n", Docx.ParagraphTexts(File.ReadAllBytes(Path.Combine(folder, "minutes-private.docx"))));
        Assert.DoesNotContain("Members considered the tenders received.", publicText, StringComparison.Ordinal);
        Assert.Contains("Members considered the tenders received.", privateText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_check_says_so()
    {
        var (code, _, stderr) = Run(folder, "check", Repo.Example("york-safeguarding-update"), "--strict");
        Assert.True(code == 0, stderr);
        Assert.Equal("0 errors, 0 warnings.", stderr.Trim());
    }

    [Fact]
    public void Counts_are_singular_for_one()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "BrokenPapers", "misspelt-key.yaml"), Path.Combine(folder, "p.yaml"));
        var (code, _, stderr) = Run(folder, "check", "p.yaml");
        Assert.Equal(1, code);
        Assert.Contains("1 error, 0 warnings; nothing was written.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_names_the_output_as_it_was_given()
    {
        var sub = Directory.CreateDirectory(Path.Combine(folder, "a", "b")).FullName;
        File.Copy(Repo.Example("york-safeguarding-update"), Path.Combine(folder, "report.yaml"));
        var (code, stdout, stderr) = Run(sub, "build", "../../report.yaml", "-o", "../../out.docx");
        Assert.True(code == 0, stderr);
        Assert.Equal("wrote ../../out.docx", stdout.Trim());
        (code, stdout, stderr) = Run(sub, "build", "../../report.yaml");
        Assert.True(code == 0, stderr);
        Assert.Equal("wrote ../../report.docx", stdout.Trim());
    }

    [Fact]
    public void A_new_paper_in_a_clone_names_the_schema_by_its_path_as_the_examples_do()
    {
        var clone = Directory.CreateDirectory(Path.Combine(folder, "clone")).FullName;
        Directory.CreateDirectory(Path.Combine(clone, "schema"));
        File.WriteAllText(Path.Combine(clone, "schema", "committee-paper.schema.json"), "{}");
        var papers = Directory.CreateDirectory(Path.Combine(clone, "examples", "mine")).FullName;
        Assert.Equal(0, Run(papers, "new", "report", "-o", "report.yaml").Code);
        var first = File.ReadLines(Path.Combine(papers, "report.yaml")).First();
        Assert.Equal("# yaml-language-server: $schema=../../schema/committee-paper.schema.json", first);
        Assert.Equal(first, File.ReadLines(Repo.Example("york-safeguarding-update")).First());

        // Outside a clone there is no schema to point at: the paper names one beside it, and says how to write it.
        Assert.Equal(0, Run(folder, "new", "report", "-o", "alone.yaml").Code);
        var lines = File.ReadLines(Path.Combine(folder, "alone.yaml")).Take(2).ToList();
        Assert.Equal("# yaml-language-server: $schema=committee-paper.schema.json", lines[0]);
        Assert.Contains("committee-papers schema > committee-paper.schema.json", lines[1], StringComparison.Ordinal);
    }

    /// <summary>What the README's commands write in a clone is ignored by git, so they leave no untracked files.</summary>
    [Fact]
    public void Readme_commands_leave_no_untracked_files_in_the_clone()
    {
        if (!Directory.Exists(Path.Combine(Repo.Root, ".git")) && !File.Exists(Path.Combine(Repo.Root, ".git"))) return; // not a clone
        var written = ReadmeTests.Blocks(Path.Combine(Repo.Root, "README.md"))
            .Where(b => b.Language == "sh")
            .SelectMany(b => b.Text.Split('\n'))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\s-o\s+(?<path>\S+)"))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value.TrimStart('.', '/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("safeguarding.docx", written);
        Assert.Contains("packages", written);
        foreach (var path in written)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "check-ignore", "-q", "--no-index", path.TrimEnd('/') + (path.EndsWith('/') || !path.Contains('.', StringComparison.Ordinal) ? "/x" : string.Empty) }) start.ArgumentList.Add(a);
            using var git = Process.Start(start)!;
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, $"'{path}', written by a README command, is not in .gitignore");
        }
    }

    [Fact]
    public void Help_explains_the_commands()
    {
        var (code, stdout, _) = Run(folder, "--help");
        Assert.Equal(0, code);
        Assert.Contains("build", stdout);
        Assert.Contains("check", stdout);
    }
}
