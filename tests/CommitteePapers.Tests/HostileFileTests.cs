using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Packs;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// Issue 15, "Hostile files and a hostile machine": special files (FIFOs, devices), text that is not UTF-8, outputs that
/// are devices or cannot be written, numbers past decimal's range, aliases, size limits, empty tables. Each test is a
/// failure found by trying to break the tool, and each failed before it was fixed. Linux (FIFOs, devices, mounts);
/// the cases that need root (mknod, mount) say so in the test output and stop when it is not there.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostileFileTests(ITestOutputHelper output) : IDisposable
{
    private const string Report = """
        paper: report
        meeting: Cabinet
        date: 2024-03-12
        report-of: Director of Children's Services
        title: Budget update

        """;

    /// <summary>Any test here that opens a FIFO would hang; none may take longer than this.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    private readonly string folder = Directory.CreateTempSubdirectory("cp-hostile-").FullName;

    /// <summary>
    /// A pack's manifest is a file in its output folder, and may be edited by hand: any shape but the manifest's is
    /// CP0125 at the manifest, before anything is converted, never an exception from the JSON reader.
    /// </summary>
    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"manifest\": 1}")]
    [InlineData("{\"manifest\": 1, \"committee\": \"Cabinet\", \"date\": \"2024-03-12\", \"publications\": [{}], \"items\": []}")]
    [InlineData("{\"manifest\": 1, \"committee\": \"Cabinet\", \"date\": \"2024-03-12\", \"publications\": [], \"items\": [{\"papers\": [{\"key\": 7}]}]}")]
    [InlineData("{\"manifest\": 1, \"committee\": \"Cabinet\", \"date\": \"2024-03-12\", \"publications\": [], \"items\": [{\"papers\": [{\"key\": \"2:report.yaml\", \"pages\": {\"first\": \"one\"}}]}]}")]
    [InlineData("{\"manifest\": 1, \"committee\": \"Cabinet\", \"date\": \"2024-03-12\", \"publications\": [], \"items\": [{}]}")]
    public void A_manifest_of_another_shape_is_CP0125_at_the_manifest_and_never_an_exception(string manifest)
    {
        var pack = Path.Combine(folder, "pack");
        Directory.CreateDirectory(Path.Combine(pack, "out"));
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), "pack: agenda\ncommittee: Cabinet\ndate: 2024-03-12\nitems:\n  - title: Budget update\n    papers: [report.yaml]\n");
        File.WriteAllText(Path.Combine(pack, "report.yaml"), "paper: report\nmeeting: Cabinet\ndate: 2024-03-12\nreport-of: Director\ntitle: Budget update\n");
        File.WriteAllText(Path.Combine(pack, "out", "pack.manifest.json"), manifest);
        var result = AgendaPacks.Build(Path.Combine(pack, "pack.yaml"), Path.Combine(pack, "out"), new PackOptions
        {
            Manifest = true,
            SofficePath = Path.Combine(folder, "no-libreoffice-here"),
        });
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal("CP0125", error.Code);
        Assert.EndsWith("pack.manifest.json", error.Position.File, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var mount in mounts) Tools.Run("umount", "-l", mount);
        Directory.Delete(folder, recursive: true);
    }

    private readonly List<string> mounts = [];

    // ==== 1. Numbers past decimal's range =========================================================================

    [Fact]
    public void A_column_that_adds_up_past_decimals_range_is_CP0038_at_the_cell_not_an_OverflowException()
    {
        var yaml = Report + """
            summary:
              - table:
                  columns: [Service, {heading: Budget, type: number}]
                  rows:
                    - [Front Door, 79228162514264337593543950335]
                    - [Corporate Parenting, 1]
                    - total: [Total, ~]
            """;

        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "report.yaml");

        var error = Assert.Single(diagnostics, d => d.Code == "CP0038");
        Assert.Equal(("report.yaml", 11, 33), (error.Position.File, error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void Sums_subtotals_declared_totals_and_KPI_bands_at_the_edge_of_decimals_range_never_throw()
    {
        var max = decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var yaml = Report + $$"""
            summary:
              - table:
                  columns: [Service, {heading: Budget, type: money}, {heading: Count, type: number}]
                  rows:
                    - group: North
                    - [Front Door, -{{max}}, {{max}}]
                    - subtotal: [Subtotal, {{max}}, -{{max}}]
                    - [Corporate Parenting, {{max}}, {{max}}]
                    - total: [Total, -{{max}}, ~]
              - kpi-table:
                  periods: [Q2, Q3]
                  groups:
                    - area: Early Help
                      indicators:
                        - name: Assessments
                          type: number
                          values: [-{{max}}, {{max}}]
                          target: {{max}}
                          polarity: lower
                        - name: Visits
                          type: number
                          values: [{{max}}, -{{max}}]
                          target: -{{max}}
                          polarity: higher
            """;

        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "report.yaml");

        Assert.Contains(diagnostics, d => d.Code == "CP0038");
        Assert.Contains(diagnostics, d => d.Code == "CP0025"); // a declared subtotal 2 × max away from its rows
        Assert.All(diagnostics, d => Assert.True(d.Position.Line >= 1, d.ToString()));
    }

    [Fact]
    public void A_figure_with_more_digits_than_a_decimal_holds_is_too_large_not_not_a_number()
    {
        var diagnostics = DiagnosticTests.AllDiagnostics(Report + "summary:\n  - table:\n      columns: [A, {heading: B, type: number}]\n      rows:\n        - [x, 792281625142643375935439503350]\n", "report.yaml");
        var error = Assert.Single(diagnostics, d => d.Code == "CP0023");
        Assert.Contains("larger than any number a table can hold", error.Message);
    }

    // ==== 2. FIFOs and devices are never opened; every read is bounded ============================================

    [Fact]
    public void A_paper_that_is_a_FIFO_or_a_device_is_CP0036_at_once_not_a_hang_or_out_of_memory()
    {
        var fifo = Fifo("report.yaml");
        foreach (var path in new[] { fifo, "/dev/zero", "/dev/urandom", folder })
        {
            var loaded = Promptly(() => Papers.Load(path));
            var error = Assert.Single(loaded.Diagnostics);
            Assert.Equal("CP0036", error.Code);
            Assert.Equal(path, error.Position.File);
            Assert.False(error.Position.IsKnown);
            output.WriteLine(error.ToString());
        }

        Assert.Contains("FIFO (named pipe)", Papers.Load(fifo).Diagnostics[0].Message);
        Assert.Contains("character device", Papers.Load("/dev/zero").Diagnostics[0].Message);
    }

    [Fact]
    public void A_link_to_a_device_is_followed_and_refused()
    {
        var link = Path.Combine(folder, "report.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");
        var error = Assert.Single(Promptly(() => Papers.Load(link)).Diagnostics);
        Assert.Equal("CP0036", error.Code);
        Assert.Contains("character device", error.Message);
    }

    [Fact]
    public void A_style_file_or_pack_file_that_is_a_FIFO_is_CP0036_and_nothing_hangs()
    {
        var style = Promptly(() => HouseStyles.Load(Fifo("style.yaml")));
        Assert.Equal("CP0036", Assert.Single(style.Diagnostics).Code);

        var pack = Promptly(() => AgendaPacks.Build(Fifo("pack.yaml"), Path.Combine(folder, "out"), NoLibreOffice));
        Assert.False(pack.Succeeded);
        Assert.Equal("CP0036", Assert.Single(pack.Diagnostics).Code);
    }

    [Fact]
    public void Previous_minutes_a_logo_and_a_template_that_are_FIFOs_are_CP0036_where_they_are_named()
    {
        Fifo("previous.yaml");
        var minutes = Write("minutes.yaml", """
            paper: minutes
            committee: Children, Education and Communities Policy and Scrutiny Committee
            date: 2024-02-14
            follows: previous.yaml
            items:
              - standard: declarations-of-interest
            """);
        var follows = Assert.Single(Promptly(() => Papers.Load(minutes)).Diagnostics, d => d.Code == "CP0036");
        Assert.Equal((4, 10), (follows.Position.Line, follows.Position.Column));

        Fifo("logo.png");
        Fifo("house.dotx");
        var style = Promptly(() => HouseStyles.Load(Write("style.yaml", """
            name: my-council
            extends: york
            template: {file: house.dotx}
            page:
              logo: {file: logo.png, alt: Council logo}
            """)));
        var errors = style.Diagnostics.Where(d => d.Code == "CP0036").Select(d => (d.Position.Line, d.Position.Column)).Order().ToList();
        Assert.Equal([(3, 18), (5, 16)], errors);
    }

    [Fact]
    public void A_pack_paper_that_is_a_FIFO_or_a_character_device_is_CP0036_at_its_line()
    {
        Fifo("f.pdf");
        var device = Device("r.docx");
        var pack = Write("pack.yaml", """
            pack: agenda
            committee: Cabinet
            date: 2024-03-12
            items:
              - title: Budget update
                papers: [f.pdf, r.docx]
            """);

        var result = Promptly(() => AgendaPacks.Build(pack, Path.Combine(folder, "out"), NoLibreOffice));

        var errors = result.Diagnostics.Where(d => d.Code == "CP0036").Select(d => (d.Position.Line, d.Position.Column)).ToList();
        Assert.Contains((6, 14), errors);
        if (device) Assert.Contains((6, 21), errors);
    }

    [Fact]
    public void A_stream_that_never_ends_is_read_one_byte_past_the_limit_and_refused()
    {
        var stream = new EndlessStream();
        var loaded = Papers.Read(stream, "endless.yaml", new ReaderLimits { MaxFileBytes = 1000 });
        Assert.Equal("CP0008", Assert.Single(loaded.Diagnostics).Code);
        Assert.Equal(1001, stream.Given);
    }

    [Fact]
    public void The_command_line_refuses_devices_and_FIFOs_with_exit_code_2_and_no_stack_trace()
    {
        Fifo("f.yaml");
        foreach (var args in new[] { new[] { "build", "/dev/zero" }, ["check", "/dev/urandom"], ["build", "f.yaml"], ["check", "f.yaml"] })
        {
            var watch = Stopwatch.StartNew();
            var (code, _, stderr) = CliTests.Run(folder, args);
            output.WriteLine($"{string.Join(' ', args)}: {code} in {watch.Elapsed.TotalSeconds:F1} s: {stderr}");
            Assert.Equal(2, code);
            Assert.Contains("error CP0036", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    // ==== 3. An output that is not a regular file is refused ======================================================

    [Fact]
    public void Build_to_dev_full_is_refused_with_exit_2_and_the_device_stays_a_device()
    {
        var paper = Write("report.yaml", Report);
        var (code, _, stderr) = CliTests.Run(folder, "build", paper, "-o", "/dev/full");
        Assert.Equal(2, code);
        Assert.Contains("/dev/full: error CP0037", stderr);
        Assert.Contains("character device", stderr);
        Assert.StartsWith("c", Tools.Run("stat", "-c", "%A", "/dev/full"));
    }

    [Fact]
    public void RenderToFile_over_a_FIFO_or_a_folder_is_refused_without_opening_it()
    {
        var paper = Papers.Parse(Report, "report.yaml").Paper!;
        foreach (var target in new[] { Fifo("out.docx"), Directory.CreateDirectory(Path.Combine(folder, "folder.docx")).FullName })
        {
            var result = Promptly(() => Papers.RenderToFile(paper, HouseStyles.York, target));
            Assert.False(result.Written);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(("CP0037", target), (error.Code, error.Position.File));
        }

        Assert.Equal(["out.docx"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_pack_whose_output_is_a_device_is_refused_and_exits_2()
    {
        Write("pack.yaml", "pack: agenda\ncommittee: Cabinet\ndate: 2024-03-12\nitems:\n  - title: An item without papers\n");
        var outFolder = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
        var name = Path.GetFileName(folder);
        File.CreateSymbolicLink(Path.Combine(outFolder, name + ".pdf"), "/dev/full");

        var (code, stdout, stderr) = CliTests.Run(folder, "pack", "pack.yaml", "-o", "out");

        output.WriteLine(stdout + stderr);
        Assert.Equal(2, code);
        Assert.Contains("error CP0037", stderr);
        Assert.Equal("/dev/full", new FileInfo(Path.Combine(outFolder, name + ".pdf")).LinkTarget);
        Assert.Empty(Directory.GetFiles(outFolder, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    // ==== 4. Write failures are CP0037, exit 2, old file kept, nothing left ========================================

    [Fact]
    public void Rendering_into_a_full_device_is_CP0037_not_an_IOException()
    {
        var paper = Papers.Parse(Report, "report.yaml").Paper!;
        using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var result = Papers.Render(paper, HouseStyles.York, full);
        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CP0037", error.Code);
        Assert.Contains("No space left on device", error.Message);
    }

    [Fact]
    public void A_full_disk_is_exit_2_with_a_message_and_keeps_the_old_file()
    {
        if (Mount("full", "size=8k") is not { } disk) return;
        var paper = Write("report.yaml", File.ReadAllText(Repo.Example("york-safeguarding-update")));
        File.WriteAllText(Path.Combine(disk, "report.docx"), "previous");

        var (code, _, stderr) = CliTests.Run(folder, "build", paper, "-o", Path.Combine(disk, "report.docx"));

        Assert.Equal(2, code);
        Assert.Contains("error CP0037", stderr);
        Assert.Contains("No space left on device", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(disk, "report.docx")));
        Assert.Equal(["report.docx"], Directory.GetFiles(disk).Select(Path.GetFileName));
    }

    [Fact]
    public void A_read_only_folder_is_exit_2_with_a_message_and_leaves_nothing()
    {
        // Root ignores permission bits, so the folder is a file system mounted read-only.
        if (Mount("readonly", "size=64k,ro") is not { } readOnly) return;
        var paper = Write("report.yaml", Report);

        var (code, _, stderr) = CliTests.Run(folder, "build", paper, "-o", Path.Combine(readOnly, "report.docx"));

        Assert.Equal(2, code);
        Assert.Contains("error CP0037", stderr);
        Assert.Contains("Read-only file system", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    // ==== 5. Text that is not UTF-8 ===============================================================================

    [Fact]
    public void A_paper_saved_as_Latin1_is_CP0035_at_the_bad_byte_not_a_replacement_character()
    {
        var path = Path.Combine(folder, "report.yaml");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(Report + "summary:\n  - Budget £100 for the year.\n"));

        var error = Assert.Single(Papers.Load(path).Diagnostics);

        Assert.Equal(("CP0035", 7, 12), (error.Code, error.Position.Line, error.Position.Column));
        Assert.Contains("A3", error.Message);
        Assert.Contains("Windows-1252/Latin-1", error.Message);
        Assert.Contains("save it as UTF-8", error.Message);
        var (code, _, stderr) = CliTests.Run(folder, "build", "report.yaml");
        Assert.Equal(1, code);
        Assert.Contains("report.yaml(7,12): error CP0035", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "report.docx")));
    }

    [Fact]
    public void Style_files_and_pack_files_are_decoded_strictly_too()
    {
        File.WriteAllBytes(Path.Combine(folder, "style.yaml"), Encoding.Latin1.GetBytes("name: my-council\nextends: york\ncouncil: Café Council\n"));
        var style = HouseStyles.Load(Path.Combine(folder, "style.yaml"));
        Assert.Equal(("CP0035", 3, 13), (style.Diagnostics[0].Code, style.Diagnostics[0].Position.Line, style.Diagnostics[0].Position.Column));

        File.WriteAllBytes(Path.Combine(folder, "pack.yaml"), Encoding.Latin1.GetBytes("pack: agenda\ncommittee: Café\ndate: 2024-03-12\nitems: []\n"));
        var pack = AgendaPacks.Build(Path.Combine(folder, "pack.yaml"), Path.Combine(folder, "out"), NoLibreOffice);
        var error = Assert.Single(pack.Diagnostics);
        Assert.Equal(("CP0035", 2, 15), (error.Code, error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void UTF16_with_a_byte_order_mark_is_read_as_it_is_and_without_one_is_refused_as_UTF16()
    {
        var yaml = Report.Replace("Budget update", "Budget £100", StringComparison.Ordinal);
        var path = Path.Combine(folder, "report.yaml");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(yaml)]);
        var loaded = Papers.Load(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("Budget £100", ((Report)loaded.Paper!).Title);

        File.WriteAllBytes(path, [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(yaml)]);
        Assert.Equal("Budget £100", ((Report)Papers.Load(path).Paper!).Title);

        // Found by the fuzzer: with CR LF line endings its lines were counted as UTF-8, twice over, past the file's end.
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(yaml.ReplaceLineEndings("\r\n")));
        var error = Assert.Single(Papers.Load(path).Diagnostics);
        Assert.Equal(("CP0035", 1, 1), (error.Code, error.Position.Line, error.Position.Column));
        Assert.Contains("UTF-16", error.Message);
    }

    // ==== 7. A problem reached through aliases is reported once ===================================================

    [Fact]
    public void Two_bad_keys_in_an_anchor_used_nine_times_give_two_errors()
    {
        var yaml = Report + "summary:\n  - &p {text: The forecast., colour: red, size: 2}\n" + string.Concat(Enumerable.Repeat("  - *p\n", 8));

        var diagnostics = DiagnosticTests.AllDiagnostics(yaml, "report.yaml");

        Assert.Equal([("CP0002", 7, 30), ("CP0002", 7, 43)], diagnostics.Select(d => (d.Code, d.Position.Line, d.Position.Column)));
    }

    [Fact]
    public void An_alias_used_where_it_does_not_fit_is_reported_at_the_alias()
    {
        var yaml = Report.Replace("title: Budget update", "title: &t [Budget, update]", StringComparison.Ordinal) + "subtitle: *t\n";
        var errors = Papers.Parse(yaml, "report.yaml").Diagnostics.Where(d => d.Code == "CP0003").Select(d => (d.Position.Line, d.Position.Column)).ToList();
        Assert.Equal([(5, 8), (6, 11)], errors);
    }

    // ==== 8. One wording for sizes, the right limit per kind; empty tables ========================================

    [Fact]
    public void A_two_gigabyte_yaml_in_a_pack_is_over_a_papers_4_MiB_not_the_supplied_papers_50_MiB()
    {
        using (var sparse = File.Create(Path.Combine(folder, "huge.yaml"))) sparse.SetLength(2L * 1024 * 1024 * 1024);
        var pack = Write("pack.yaml", "pack: agenda\ncommittee: Cabinet\ndate: 2024-03-12\nitems:\n  - title: Budget\n    papers: [huge.yaml]\n");

        var result = Promptly(() => AgendaPacks.Build(pack, Path.Combine(folder, "out"), NoLibreOffice));

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CP0008");
        Assert.EndsWith("huge.yaml' is larger than 4 MiB, the most a paper may be; check that it is the right file, or raise the limit.", error.Message);
    }

    [Fact]
    public void Every_size_message_names_its_limit_in_MiB()
    {
        var paper = Papers.Parse(new string('x', 100), "report.yaml", new ReaderLimits { MaxFileBytes = 4 * 1024 * 1024 });
        Assert.DoesNotContain(paper.Diagnostics, d => d.Code == "CP0008");
        var big = new string('#', (4 * 1024 * 1024) + 1);
        Assert.Contains("larger than 4 MiB, the most a paper may be", Papers.Parse(big, "report.yaml").Diagnostics.Single().Message);
        Assert.Contains("larger than 4 MiB, the most a pack file may be", AgendaPacks.Check(big, "pack.yaml").Single().Message);
        Assert.Contains("larger than 20 MiB, the most a template may be", HouseStyles.FromTemplate(HouseStyles.York, new byte[(20 * 1024 * 1024) + 1]).Diagnostics.Single().Message);
        Assert.Equal("4 MiB", InputFile.Size(4 * 1024 * 1024));
        Assert.Equal("2 MiB", InputFile.Size(FileKind.Logo.MaxBytes));
        Assert.Equal("50 MiB", InputFile.Size(FileKind.SuppliedPaper.MaxBytes));
        Assert.Equal("64 bytes", InputFile.Size(64));
    }

    [Fact]
    public void A_table_with_no_columns_is_CP0004_at_its_columns()
    {
        var error = Assert.Single(Papers.Parse(Report + "summary:\n  - table:\n      columns: []\n      rows: []\n", "report.yaml").Diagnostics);
        Assert.Equal(("CP0004", 8, 16), (error.Code, error.Position.Line, error.Position.Column));

        var built = Papers.Render(new Report { Meeting = "M", Date = new DateOnly(2024, 3, 12), ReportOf = "D", Title = "T", Summary = [new Table([], [])] }, HouseStyles.York, Stream.Null);
        Assert.False(built.Written);
        Assert.Contains(built.Diagnostics, d => d.Code == "CP0004");
    }

    // ==== helpers ================================================================================================

    private static PackOptions NoLibreOffice => new() { SofficePath = "/nonexistent/soffice", TimeLimit = TimeSpan.FromSeconds(30) };

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(folder, name);
        Tools.Run("mkfifo", path);
        return path;
    }

    /// <summary>A character device like /dev/urandom (mknod c 1 9); false (and said) when not root.</summary>
    private bool Device(string name)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            output.WriteLine($"not root: no character device '{name}' made, that case is not tried");
            return false;
        }

        Tools.Run("mknod", Path.Combine(folder, name), "c", "1", "9");
        return true;
    }

    /// <summary>A small tmpfs mounted in the test's folder; null (and said) when this process may not mount.</summary>
    private string? Mount(string name, string options)
    {
        var path = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        var start = new ProcessStartInfo("mount") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-t", "tmpfs", "-o", options, "tmpfs", path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            output.WriteLine($"skipped: a tmpfs could not be mounted here ({process.StandardError.ReadToEnd().Trim()}); this case needs root");
            return null;
        }

        mounts.Add(path);
        return path;
    }

    private static T Promptly<T>(Func<T> run)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(Prompt), $"did not finish in {Prompt.TotalSeconds} s: a FIFO or a device was opened");
        return task.Result;
    }

    /// <summary>A stream of 'a's that never ends (like /dev/zero), counting what it gave.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Given { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            Given += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
