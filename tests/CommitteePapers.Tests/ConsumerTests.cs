using System.Diagnostics;
using CommitteePapers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// Meets the package as someone who is not us: packs the library and the tool, installs the tool from the local
/// folder into a tool path and builds an example with it, then compiles a new console project that references
/// the package and renders the safeguarding example through the API.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConsumerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-consumer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (int Code, string Out) Run(string file, string arguments, string workingDirectory, IDictionary<string, string>? environment = null, int minutes = 5)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true); // bounded: nothing of it keeps running after the test
            Assert.Fail($"{file} {arguments} did not finish in {minutes} minutes");
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine($"$ {file} {arguments}\n{text}");
        return (process.ExitCode, text);
    }

    /// <summary>A local clone has no repository URL for SourceLink, which used to warn on every build; only CI links sources.</summary>
    private static void AssertNoSourceLinkWarning(string text)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true") return;
        Assert.DoesNotContain("has no remote", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Source control information is not available", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_packages_work_for_someone_who_is_not_us()
    {
        var feed = Path.Combine(folder, "feed");
        var packages = Path.Combine(folder, "packages");
        // A version of its own, and a package folder of its own, so no earlier build's package is ever reused.
        var version = "0.0.1-consumer";
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        var (code, text) = Run("dotnet", $"pack {Path.Combine(Repo.Root, "src/CommitteePapers")} -c Release -o {feed} -p:Version={version}", Repo.Root, env);
        Assert.True(code == 0, text);
        AssertNoSourceLinkWarning(text);

        Assert.True(File.Exists(Path.Combine(feed, $"CommitteePapers.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"CommitteePapers.{version}.snupkg")));

        // The tool's three packages, packed as the release is, by the script. The NativeAOT compile is most of this
        // test's time (see the note at the limit below).
        var clock = Stopwatch.StartNew();
        // Bounded at 12 minutes: measured 10.5 minutes with a load average of 15 on this 2-core machine.
        var pack = Run("bash", $"{Path.Combine(Repo.Root, "scripts", "pack-tool.sh")} {feed} {version}", Repo.Root, env, minutes: 12);
        output.WriteLine($"scripts/pack-tool.sh took {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(pack.Code == 0, pack.Out);
        AssertNoSourceLinkWarning(pack.Out);
        foreach (var package in new[] { "CommitteePapers.Cli", "CommitteePapers.Cli.linux-x64", "CommitteePapers.Cli.any" })
        {
            Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")), $"{package} was not packed");
        }

        // The tool, installed from the folder as the README says: on linux-x64 it is the NativeAOT build, which needs
        // no .NET at all.
        var tools = Path.Combine(folder, "tools");
        var install = Run("dotnet", $"tool install --tool-path {tools} --add-source {feed} CommitteePapers.Cli --version {version}", folder, env);
        Assert.True(install.Code == 0, install.Out);
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            var installed = new FileInfo(Path.Combine(tools, "committee-papers")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "";
            Assert.Contains("committeepapers.cli.linux-x64", installed, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.ChangeExtension(installed, ".dll")), $"{installed} should be a native executable, not an apphost");
        }

        var built = Path.Combine(folder, "tool.docx");
        var build = Run(Path.Combine(tools, "committee-papers"), $"build {Repo.Example("york-safeguarding-update")} -o {built}", folder);
        Assert.True(build.Code == 0, build.Out);
        Docx.AssertValid(File.ReadAllBytes(built));

        // The installed tool runs without ICU (InvariantGlobalization); the library here runs with it. Every example
        // must come out of both byte for byte: dates, ordinals, lists and the order of names are the library's own.
        foreach (var example in ExampleTests.AllExamples().Cast<object[]>().Select(row => (string)row[0]))
        {
            // From the examples folder, as a writer builds: minutes name the previous minutes in a folder beside theirs.
            var path = Path.Combine(Repo.Examples, example);
            var fromTool = Path.Combine(folder, "tool-example.docx");
            var made = Run(Path.Combine(tools, "committee-papers"), $"build {example} -o {fromTool}", Repo.Examples);
            Assert.True(made.Code == 0, made.Out);
            Assert.True(Docx.Build(path).SequenceEqual(File.ReadAllBytes(fromTool)), $"the installed tool's {example} differs from the library's");
        }

        // A new console project that references the package from the folder.
        var app = Path.Combine(folder, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <!-- As many container and NativeAOT apps are: no ICU, and no named cultures. The library keeps its own
                     English, so this app prints what the test process (with ICU) and the tool print. -->
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CommitteePapers" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using CommitteePapers;
            using CommitteePapers.Styles;

            var loaded = Papers.Load(args[0]);
            foreach (var d in loaded.Diagnostics) Console.WriteLine(d);
            if (!loaded.Succeeded) return 1;
            using var output = File.Create(args[1]);
            var result = Papers.Render(loaded.Paper!, HouseStyles.York, output);
            return result.Written ? 0 : 1;
            """);
        // Directory.Build.props and central versions of this repository must not leak into the consumer.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        var rendered = Path.Combine(folder, "api.docx");
        var run = Run("dotnet", $"run -- {Repo.Example("york-safeguarding-update")} {rendered}", app, env);
        Assert.True(run.Code == 0, run.Out);
        Docx.AssertValid(File.ReadAllBytes(rendered));
        Assert.Equal(File.ReadAllBytes(built), File.ReadAllBytes(rendered));
    }
}
