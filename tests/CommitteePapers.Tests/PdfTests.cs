using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using CommitteePapers.Pdf;
using CommitteePapers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// PDF through LibreOffice headless: the real soffice for what the PDF contains (read back in-process with PdfPig,
/// <see cref="PdfText"/>), fake soffice scripts for hangs and leftover processes. Linux only, like the tools they use (bash, pgrep,
/// the libreoffice-writer package that scripts/test.sh installs).
/// </summary>
[SupportedOSPlatform("linux")]
[Trait("Category", "Slow")]
public sealed class PdfTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-pdf-").FullName;
    private readonly ITestOutputHelper output;

    public PdfTests(ITestOutputHelper output) => this.output = output;

    /// <summary>Where the converter makes its private folders in these tests, so the tests can see they are gone.</summary>
    private string Work => Path.Combine(folder, "work");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Safeguarding_update_becomes_a_tagged_pdf_with_Words_numbering_and_footnotes()
    {
        var docx = Path.Combine(folder, "york-safeguarding-update.docx");
        File.WriteAllBytes(docx, Docx.Build(Repo.Example("york-safeguarding-update")));
        var pdf = Path.Combine(folder, "out", "york-safeguarding-update.pdf");

        var clock = Stopwatch.StartNew();
        var result = new LibreOfficeConverter(new LibreOfficeOptions { TemporaryFolder = Work }).Convert(docx, pdf);
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([pdf], result.OutputPaths);
        var text = PdfText.Text(pdf);
        Assert.Contains("Bi-Annual Safeguarding Update", text);

        // LibreOffice lays out Word's numbering: paragraphs 1 to 60 straight through, each at the start of its line.
        var numbers = Regex.Matches(text, @"^\s*(\d{1,3})\.\s+\S", RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 60), numbers);
        Assert.Matches(new Regex(@"^\s*a\)\s+\S", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^\s*vii\.\s+\S", RegexOptions.Multiline), text);
        Assert.Contains("DfE / HO / DCLG /DfID briefing note", text);

        var info = PdfText.Info(pdf);
        Assert.True(info.Tagged);
        Assert.Equal("Bi-Annual Safeguarding Update", info.Title?.Trim());
        Assert.InRange(info.Pages, 8, 14);

        AssertNothingLeftIn(Work);
        Assert.Equal(["york-safeguarding-update.pdf"], Directory.GetFiles(Path.Combine(folder, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Minutes_built_with_and_without_private_give_a_public_pdf_with_none_of_the_exempt_minute_and_a_private_one_with_all_of_it()
    {
        File.WriteAllText(Path.Combine(folder, "minutes.yaml"), ExemptMinutes.Yaml);
        var (code, _, stderr) = CliTests.Run(folder, "build", "minutes.yaml", "--strict");
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliTests.Run(folder, "build", "minutes.yaml", "--private", "--strict");
        Assert.True(code == 0, stderr);
        Assert.Equal(["minutes-private.docx", "minutes.docx"], Directory.GetFiles(folder, "*.docx").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var converter = new LibreOfficeConverter(new LibreOfficeOptions { TemporaryFolder = Work });
        var result = converter.Convert([
            new PdfJob(Path.Combine(folder, "minutes.docx"), Path.Combine(folder, "minutes.pdf")),
            new PdfJob(Path.Combine(folder, "minutes-private.docx"), Path.Combine(folder, "minutes-private.pdf"))]);
        Assert.True(result.Succeeded, result.Message);
        static string Flat(string text) => Regex.Replace(text, @"\s+", " ");
        var publicText = Flat(PdfText.Text(Path.Combine(folder, "minutes.pdf")));
        var privateText = Flat(PdfText.Text(Path.Combine(folder, "minutes-private.pdf")));

        Assert.All(ExemptMinutes.Texts, text => Assert.DoesNotContain(text, publicText, StringComparison.Ordinal));
        Assert.All(ExemptMinutes.Texts, text => Assert.Contains(text, privateText, StringComparison.Ordinal));
        var wording = HouseStyles.York.WordFor("exempt-minute").Source.Replace("{paragraph}", "3", StringComparison.Ordinal);
        Assert.Contains(wording, publicText, StringComparison.Ordinal);
        foreach (var text in new[] { "123. Contract award for removals", "That the library opening hours be extended from September.", "Cllr Hart, Chair" })
        {
            Assert.Contains(text, publicText, StringComparison.Ordinal);
            Assert.Contains(text, privateText, StringComparison.Ordinal);
        }

        Assert.Contains("(not for publication)", PdfText.Info(Path.Combine(folder, "minutes-private.pdf")).Title, StringComparison.Ordinal);
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public async Task Two_conversions_at_once_each_convert_a_batch_with_clashing_names_and_leave_nothing_running()
    {
        var bytes = Docx.Build(Repo.Example("york-safeguarding-update"));
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { TemporaryFolder = Work });
        var batches = Enumerable.Range(0, 2).Select(run =>
        {
            // Two papers both called report.docx: their PDFs must not overwrite each other inside LibreOffice's one output folder.
            var jobs = new List<PdfJob>();
            foreach (var paper in new[] { "first", "second" })
            {
                var docx = Path.Combine(folder, $"run{run}", paper, "report.docx");
                Directory.CreateDirectory(Path.GetDirectoryName(docx)!);
                File.WriteAllBytes(docx, bytes);
                jobs.Add(new PdfJob(docx, Path.Combine(folder, $"run{run}", $"{paper}.pdf")));
            }

            return jobs;
        }).ToList();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(batches.Select(jobs => Task.Run(() => converter.ConvertAsync(jobs))));
        output.WriteLine($"{clock.ElapsedMilliseconds} ms for two runs of two documents at once");

        for (var run = 0; run < 2; run++)
        {
            Assert.True(results[run].Succeeded, results[run].Message);
            Assert.Equal(batches[run].Select(j => j.Pdf), results[run].OutputPaths);
            Assert.All(results[run].OutputPaths, pdf => Assert.Contains("Bi-Annual Safeguarding Update", PdfText.Text(pdf)));
        }

        // Each run's profile was inside Work, so any LibreOffice process still running would name it.
        Assert.Empty(ProcessesNaming(Work));
        AssertNothingLeftIn(Work);
    }

    /// <summary>
    /// Issue 17: a LibreOffice kept running (a pack's measuring and building, a batch of packs) converts every batch
    /// handed to it through its own pipe, starts once, and leaves nothing behind: no process, no folder, no socket.
    /// </summary>
    [Fact]
    public void A_kept_LibreOffice_converts_each_batch_through_its_pipe_starts_once_and_leaves_nothing_behind()
    {
        var bytes = Docx.Build(Repo.Example("york-safeguarding-update"));
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { TemporaryFolder = Work });
        var clock = Stopwatch.StartNew();
        string? pipe;
        using (var session = converter.OpenSession())
        {
            session.Warm();
            for (var run = 0; run < 2; run++)
            {
                var jobs = new List<PdfJob>();
                foreach (var paper in new[] { "first", "second" })
                {
                    var docx = Path.Combine(folder, $"run{run}", paper, "report.docx"); // the same name twice in one batch
                    Directory.CreateDirectory(Path.GetDirectoryName(docx)!);
                    File.WriteAllBytes(docx, bytes);
                    jobs.Add(new PdfJob(docx, Path.Combine(folder, $"run{run}", $"{paper}.pdf")));
                }

                var result = session.Convert(jobs);
                output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");
                Assert.True(result.Succeeded, result.Message);
                Assert.Equal(jobs.Select(j => j.Pdf), result.OutputPaths);
                Assert.All(result.OutputPaths, pdf => Assert.Contains("Bi-Annual Safeguarding Update", PdfText.Text(pdf)));
                Assert.True(PdfText.Info(result.OutputPaths[0]).Tagged);
            }

            Assert.Equal(1, session.Starts);
            Assert.Equal(2, session.ServedConversions); // neither fell back to a LibreOffice of its own
            Assert.NotEmpty(ProcessesNaming(Work)); // still running, for the next batch
            pipe = session.Pipe;
            Assert.NotNull(pipe);
            Assert.True(File.Exists(pipe), pipe);
        }

        WaitUntilGone(Work);
        Assert.Empty(ProcessesNaming(Work));
        AssertNothingLeftIn(Work);
        Assert.False(File.Exists(pipe), $"{pipe} was left behind");
    }

    [Fact]
    public void A_kept_soffice_that_never_becomes_ready_falls_back_then_times_out_and_leaves_nothing_running()
    {
        var soffice = FakeSoffice("hanging-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TimeLimit = TimeSpan.FromSeconds(2), TemporaryFolder = Work });

        var clock = Stopwatch.StartNew();
        PdfConversionResult result;
        using (var session = converter.OpenSession())
        {
            result = session.Convert([new PdfJob(docx, Path.Combine(folder, "paper.pdf"))]);
            Assert.Equal(0, session.ServedConversions);
        }

        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");
        Assert.False(result.Succeeded);
        Assert.Contains("did not finish", result.Message);
        Assert.Equal(3, File.ReadAllLines(soffice + ".starts").Length); // kept (never ready), then the first try and one more
        WaitUntilGone(marker);
        Assert.Empty(ProcessesNaming(marker));
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public async Task Cancelling_a_conversion_in_a_kept_soffice_stops_it_and_its_children_at_once()
    {
        var soffice = FakeSoffice("escaping-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TemporaryFolder = Work });
        using var session = converter.OpenSession();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ConvertAsync([new PdfJob(docx, Path.Combine(folder, "paper.pdf"))], cancel.Token));

        // Stopped by the cancel itself, before the session is disposed, with the grandchild that left its session.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Single(File.ReadAllLines(soffice + ".starts")); // no second try after a cancel
        WaitUntilGone(marker);
        Assert.Empty(ProcessesNaming(marker));
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public void A_kept_soffice_whose_grandchild_escapes_is_stopped_with_all_it_started()
    {
        var soffice = FakeSoffice("escaping-soffice", out var marker);
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TimeLimit = TimeSpan.FromSeconds(30), TemporaryFolder = Work });
        using (var session = converter.OpenSession())
        {
            session.Warm();
            for (var i = 0; i < 50 && !File.Exists(soffice + ".starts"); i++) Thread.Sleep(100);
            Thread.Sleep(500); // the grandchild has left the session by now
            Assert.NotEmpty(ProcessesNaming(marker));
        }

        WaitUntilGone(marker);
        Assert.Empty(ProcessesNaming(marker));
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public void A_hanging_soffice_is_stopped_with_its_children_tried_once_more_then_reported()
    {
        var soffice = FakeSoffice("hanging-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var pdf = Path.Combine(folder, "paper.pdf");
        var converter = new LibreOfficeConverter(new LibreOfficeOptions
        {
            SofficePath = soffice,
            TimeLimit = TimeSpan.FromSeconds(2),
            TemporaryFolder = Work,
        });

        var clock = Stopwatch.StartNew();
        var result = converter.Convert(docx, pdf);
        clock.Stop();
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");

        Assert.False(result.Succeeded);
        Assert.Empty(result.OutputPaths);
        Assert.Contains("did not finish", result.Message);
        Assert.Contains("time limit of 2 s", result.Message);
        Assert.Equal(2, File.ReadAllLines(soffice + ".starts").Length); // the first try and one more
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));
        Assert.Empty(ProcessesNaming(marker));
        Assert.False(File.Exists(pdf));
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public async Task Cancelling_stops_soffice_and_its_children_at_once()
    {
        var soffice = FakeSoffice("hanging-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TemporaryFolder = Work });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => converter.ConvertAsync([new PdfJob(docx, Path.Combine(folder, "paper.pdf"))], cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Single(File.ReadAllLines(soffice + ".starts")); // no second try after a cancel
        Assert.Empty(ProcessesNaming(marker));
        AssertNothingLeftIn(Work);
    }

    [Fact]
    public void Children_soffice_leaves_behind_are_stopped_and_a_missing_pdf_is_a_failure_that_keeps_the_old_file()
    {
        var soffice = FakeSoffice("deserting-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var pdf = Path.Combine(folder, "paper.pdf");
        File.WriteAllText(pdf, "previous");

        var clock = Stopwatch.StartNew();
        var result = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TemporaryFolder = Work }).Convert(docx, pdf);
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");

        Assert.False(result.Succeeded);
        Assert.Contains("'" + docx + "' was not converted", result.Message);
        Assert.Contains("Error: source file could not be loaded", result.Message);
        Assert.DoesNotContain("javaldx", result.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "the child holding the output pipes was not stopped promptly");
        Assert.Empty(ProcessesNaming(marker));
        Assert.Equal("previous", File.ReadAllText(pdf));
        Assert.Equal(["paper.docx", "paper.pdf"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        AssertNothingLeftIn(Work);
    }

    /// <summary>
    /// Issue 15, point 6. A grandchild that double-forks into a session of its own and clears its environment is in
    /// neither soffice's tree, nor its process group, nor marked: it outlived the time-out (CP0052) on main. LibreOffice
    /// now runs as the first process of a PID namespace of its own, and when that ends the kernel ends all of it.
    /// </summary>
    [Fact]
    public void A_grandchild_that_leaves_the_session_and_clears_its_environment_is_stopped_with_soffice_on_a_time_out()
    {
        var soffice = FakeSoffice("escaping-soffice", out var marker);
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TimeLimit = TimeSpan.FromSeconds(2), TemporaryFolder = Work });

        var result = converter.Convert(docx, Path.Combine(folder, "paper.pdf"));
        output.WriteLine($"{converter.Containment}: {result.Message}");

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish", result.Message);
        Assert.Equal(2, File.ReadAllLines(soffice + ".starts").Length);
        WaitUntilGone(marker);
        Assert.Empty(ProcessesNaming(marker));
        AssertNothingLeftIn(Work);
    }

    /// <summary>
    /// Issue 15, point 6: the flaky failure of the test above it. A child left behind that holds soffice's pipes and
    /// carries no marker kept the error stream open, so the line soffice wrote before it exited was lost when the wait
    /// for the stream's end ran out. Now the child is ended with soffice and what was said is kept as it arrives.
    /// </summary>
    [Fact]
    public void What_soffice_said_is_kept_when_an_unmarked_child_holds_its_pipes()
    {
        var soffice = FakeSoffice("deserting-soffice", out var marker);
        File.WriteAllText(soffice, File.ReadAllText(soffice).Replace("(exec -a \"$0 child\" sleep infinity) &", "(exec -a \"$0 child\" env -i sleep infinity) &", StringComparison.Ordinal));
        Assert.Contains("env -i", File.ReadAllText(soffice));
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);

        var clock = Stopwatch.StartNew();
        var result = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = soffice, TemporaryFolder = Work }).Convert(docx, Path.Combine(folder, "paper.pdf"));
        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {result.Message}");

        Assert.False(result.Succeeded);
        Assert.Contains("Error: source file could not be loaded", result.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "the child holding the output pipes was not stopped promptly");
        WaitUntilGone(marker);
        Assert.Empty(ProcessesNaming(marker));
    }

    [Fact]
    public void LibreOffice_runs_in_a_PID_namespace_of_its_own_where_the_machine_allows_one()
    {
        var kind = new LibreOfficeConverter().Containment;
        output.WriteLine(kind.ToString());
        Assert.Equal(ContainmentKind.PidNamespace, kind); // root, or user namespaces: true here and in CI
    }

    [Fact]
    public void A_missing_soffice_is_a_clear_failure_naming_the_debian_package_not_an_exception()
    {
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var nowhere = Path.Combine(folder, "no-such-folder", "soffice");

        var result = new LibreOfficeConverter(new LibreOfficeOptions { SofficePath = nowhere }).Convert(docx, Path.Combine(folder, "paper.pdf"));

        Assert.False(result.Succeeded);
        Assert.Empty(result.OutputPaths);
        Assert.Contains(nowhere, result.Message);
        Assert.Contains("apt-get install libreoffice-writer", result.Message);
        Assert.False(File.Exists(Path.Combine(folder, "paper.pdf")));
    }

    [Fact]
    public void The_environment_variable_names_soffice_when_the_option_does_not_and_PATH_is_searched_last()
    {
        var docx = Path.Combine(folder, "paper.docx");
        File.WriteAllBytes(docx, [1, 2, 3]);
        var nowhere = Path.Combine(folder, "no-such-folder", "soffice");
        var emptyPath = Directory.CreateDirectory(Path.Combine(folder, "empty-path")).FullName;
        string? Variables(string name) => name switch
        {
            LibreOfficeOptions.SofficeVariable => nowhere,
            "PATH" => emptyPath,
            _ => null,
        };

        var fromVariable = new LibreOfficeConverter(null, Variables).Convert(docx, Path.Combine(folder, "paper.pdf"));
        Assert.False(fromVariable.Succeeded);
        Assert.Contains(nowhere, fromVariable.Message);
        Assert.Contains(LibreOfficeOptions.SofficeVariable, fromVariable.Message);
        Assert.Contains("libreoffice-writer", fromVariable.Message);

        var notOnPath = new LibreOfficeConverter(null, name => name == "PATH" ? emptyPath : null).Convert(docx, Path.Combine(folder, "paper.pdf"));
        Assert.False(notOnPath.Succeeded);
        Assert.Equal(LibreOfficeConverter.NotInstalled, notOnPath.Message);

        // The option beats the variable, the variable beats PATH, and PATH skips files that cannot be run.
        var fake = FakeSoffice("deserting-soffice", out _);
        File.WriteAllText(Path.Combine(emptyPath, "soffice"), "not a program");
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        var onPath = Path.Combine(bin, "soffice");
        File.Copy(fake, onPath);
        File.SetUnixFileMode(onPath, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var path = $"{emptyPath}{Path.PathSeparator}{bin}";
        Assert.Equal(fake, LibreOfficeConverter.FindSoffice(fake, name => name == "PATH" ? path : nowhere).Path);
        Assert.Equal(fake, LibreOfficeConverter.FindSoffice(null, name => name == "PATH" ? path : fake).Path);
        Assert.Equal(onPath, LibreOfficeConverter.FindSoffice(null, name => name == "PATH" ? path : null).Path);
    }

    [Fact]
    public void The_export_filter_asks_for_tags_bookmarks_and_empty_pages() =>
        Assert.Equal(
            """pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"},"IsSkipEmptyPages":{"type":"boolean","value":"false"}}""",
            LibreOfficeConverter.ExportFilter);

    /// <summary>Copies a fake soffice to a uniquely named place; the unique part is the marker its processes show.</summary>
    private string FakeSoffice(string name, out string marker)
    {
        marker = "fake-soffice-" + Guid.NewGuid().ToString("N");
        var copy = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "fakes")).FullName, marker);
        File.Copy(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "FakeSoffice", name), copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return copy;
    }

    /// <summary>A process killed a moment ago can still be listed while the kernel tears it down.</summary>
    private static void WaitUntilGone(string marker)
    {
        for (var i = 0; i < 50 && ProcessesNaming(marker).Length > 0; i++) Thread.Sleep(100);
    }

    private static void AssertNothingLeftIn(string work) =>
        Assert.True(!Directory.Exists(work) || !Directory.EnumerateFileSystemEntries(work).Any(),
            "left behind: " + string.Join(", ", Directory.Exists(work) ? Directory.EnumerateFileSystemEntries(work) : []));

    /// <summary>The command lines of running processes that contain <paramref name="text"/> (pgrep -f).</summary>
    private static string[] ProcessesNaming(string text) =>
        Tool("pgrep", allowedExitCodes: [0, 1], "-a", "-f", Regex.Escape(text))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Tool(string program, params string[] args) => Tool(program, [0], args);

    private static string Tool(string program, int[] allowedExitCodes, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish in a minute");
        Assert.True(allowedExitCodes.Contains(process.ExitCode), $"{program} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
