using BenchmarkDotNet.Attributes;
using CommitteePapers.Definition;
using CommitteePapers.Styles;

namespace CommitteePapers.Benchmarks;

/// <summary>
/// One York-sized paper (examples/york-safeguarding-update/report.yaml) in process:
/// read it, render it, or both. The YAML text is read from disk once, in setup.
/// </summary>
[MemoryDiagnoser]
public class SafeguardingBenchmarks
{
    internal const string ExamplePath = "examples/york-safeguarding-update/report.yaml";

    private static readonly RenderOptions Html = new() { Format = RenderFormat.Html };

    private string yaml = string.Empty;
    private Paper paper = null!;

    [GlobalSetup]
    public void Setup()
    {
        yaml = File.ReadAllText(Path.Combine(FindRepoRoot(), ExamplePath));
        var loaded = Papers.Parse(yaml, ExamplePath);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException(
                $"{ExamplePath} did not parse:\n{string.Join('\n', loaded.Diagnostics)}");
        }

        paper = loaded.Paper!;
        using var probe = new MemoryStream();
        var rendered = Papers.Render(paper, HouseStyles.York, probe);
        if (!rendered.Written)
        {
            throw new InvalidOperationException(
                $"{ExamplePath} did not render:\n{string.Join('\n', rendered.Diagnostics)}");
        }
    }

    /// <summary>YAML text → paper.</summary>
    [Benchmark]
    public Paper? Parse() => Papers.Parse(yaml, ExamplePath).Paper;

    /// <summary>Read + lay out + write in memory: YAML text → .docx bytes. The headline figure.</summary>
    [Benchmark(Baseline = true)]
    public long ParseAndRender()
    {
        var paper = Papers.Parse(yaml, ExamplePath).Paper!;
        using var output = new MemoryStream();
        Papers.Render(paper, HouseStyles.York, output);
        return output.Length;
    }

    /// <summary>Paper → .docx bytes (the paper was parsed once, in setup).</summary>
    [Benchmark]
    public long Render()
    {
        using var output = new MemoryStream();
        Papers.Render(paper, HouseStyles.York, output);
        return output.Length;
    }

    /// <summary>Read + lay out + write the web page: YAML text → .html bytes, beside <see cref="ParseAndRender"/>.</summary>
    [Benchmark]
    public long ParseAndRenderHtml()
    {
        var paper = Papers.Parse(yaml, ExamplePath).Paper!;
        using var output = new MemoryStream();
        Papers.Render(paper, HouseStyles.York, output, Html);
        return output.Length;
    }

    /// <summary>Paper → .html bytes, beside <see cref="Render"/> (the same layout; only the writer differs).</summary>
    [Benchmark]
    public long RenderHtml()
    {
        using var output = new MemoryStream();
        Papers.Render(paper, HouseStyles.York, output, Html);
        return output.Length;
    }

    internal static string FindRepoRoot()
    {
        // Above the program (dotnet run), or above the current folder (a build put elsewhere, as side-by-side.sh does).
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommitteePapers.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find CommitteePapers.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run the benchmarks from inside the repository.");
    }
}
