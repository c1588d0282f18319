using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// "Bad input never crashes": mutated examples and known nasty inputs go through <see cref="Papers.Parse"/> and, when
/// they load, <c>Papers.Render</c> (pack files also through <see cref="Packs.AgendaPacks.Check"/>). No exception may
/// escape, every diagnostic must point into the file it was given, and an input that gives no paper must give an
/// error that says why. COMMITTEE_PAPERS_FUZZ_CASES and
/// COMMITTEE_PAPERS_FUZZ_SEED run more cases, or other ones.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Mutants per run unless COMMITTEE_PAPERS_FUZZ_CASES says otherwise.</summary>
    private const int DefaultCases = 20_000;

    /// <summary>Case <c>i</c> uses seed <c>BaseSeed + i</c>; COMMITTEE_PAPERS_FUZZ_SEED picks another base to explore further.</summary>
    private const int DefaultBaseSeed = 20_240_611;

    /// <summary>
    /// One case that runs longer than this has hung; the run stops and reports the cases still running. Generous,
    /// because on a loaded machine a case that takes 1 s alone can take 30.
    /// </summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Mutated_examples_never_throw_and_every_diagnostic_points_into_the_file()
    {
        var cases = EnvironmentNumber("COMMITTEE_PAPERS_FUZZ_CASES", DefaultCases);
        var baseSeed = EnvironmentNumber("COMMITTEE_PAPERS_FUZZ_SEED", DefaultBaseSeed);
        var examples = Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetRelativePath(Repo.Root, path).Replace('\\', '/'), Text: File.ReadAllText(path)))
            .ToArray();
        Assert.NotEmpty(examples);

        var failures = new ConcurrentBag<(int Case, string Example, Mutator.Mutant Mutant, string Problem)>();
        var running = new ConcurrentDictionary<int, long>();
        var elapsed = new double[cases];
        var loaded = 0;
        var rendered = 0;
        var encoded = 0;
        var stop = false;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var run = Task.Run(() => Parallel.For(0, cases, parallel, (i, state) =>
        {
            if (Volatile.Read(ref stop))
            {
                state.Stop();
                return;
            }

            var (name, source) = examples[i % examples.Length];
            var mutant = Mutator.Mutate(source, unchecked(baseSeed + i));
            running[i] = Stopwatch.GetTimestamp();
            var started = Stopwatch.GetTimestamp();
            try
            {
                // A file name of its own per case, so a diagnostic that leaked from another thread would show.
                var outcome = Check(mutant.Text, $"{Path.GetFileNameWithoutExtension(Path.GetDirectoryName(name))}-{mutant.Seed}.yaml",
                    pack: Path.GetFileName(name) == "pack.yaml", bytes: Mutator.Encode(mutant.Text, mutant.Seed)?.Bytes);
                if (outcome.Encoded) Interlocked.Increment(ref encoded);
                if (outcome.Loaded) Interlocked.Increment(ref loaded);
                if (outcome.Rendered) Interlocked.Increment(ref rendered);
                // No paper and no error to say why: the CLI would fail without a message (as "'paper:' with no kind" did).
                if (outcome.Silent) failures.Add((i, name, mutant, "Silent: no paper was read, and no error says why."));
                foreach (var problem in outcome.Problems) failures.Add((i, name, mutant, problem));
            }
#pragma warning disable CA1031 // the point of the test is to catch every exception and report the input
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add((i, name, mutant, ex.ToString()));
            }
            finally
            {
                elapsed[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                running.TryRemove(i, out _);
            }
        }));

        while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1))) != run)
        {
            var oldest = running.Values.DefaultIfEmpty(Stopwatch.GetTimestamp()).Min();
            if (Stopwatch.GetElapsedTime(oldest) < HangLimit) continue;
            Volatile.Write(ref stop, true);
            var stuck = running.Keys.Order().Select(i =>
                $"case {i}: {examples[i % examples.Length].Name}, seed {unchecked(baseSeed + i)}, running for " +
                $"{Stopwatch.GetElapsedTime(running.GetValueOrDefault(i)).TotalSeconds:F0} s\n  " +
                string.Join("\n  ", Mutator.Mutate(examples[i % examples.Length].Text, unchecked(baseSeed + i)).Steps));
            Assert.Fail($"A case ran for more than {HangLimit}; these cases were still running:\n" + string.Join("\n", stuck));
        }

        await run;

        watch.Stop();

        // CPU time too: on a shared machine the wall time says more about the neighbours than about the readers.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases (base seed {baseSeed}) over {examples.Length} examples in {watch.Elapsed.TotalSeconds:F1} s " +
            $"({cpu.TotalSeconds:F0} s of CPU) on {Environment.ProcessorCount} cores: {loaded} loaded without errors, " +
            $"{rendered} rendered, {encoded} read as bytes in another encoding or broken UTF-8, {failures.Count} failures."));
        foreach (var i in Enumerable.Range(0, cases).OrderByDescending(i => elapsed[i]).Take(3))
        {
            var mutant = Mutator.Mutate(examples[i % examples.Length].Text, unchecked(baseSeed + i));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"slow: case {i}, seed {mutant.Seed}, {elapsed[i]:F0} ms: {string.Join("; ", mutant.Steps)}"));
        }

        if (failures.IsEmpty) return;

        // One example of each kind of failure (exception type and where it was thrown, or broken promise), first case first.
        var kinds = failures.GroupBy(f => Kind(f.Problem)).OrderBy(g => g.Min(f => f.Case)).ToList();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {cases} mutants failed, {kinds.Count} kinds of failure. ")
            .AppendLine("Replay a case with Mutator.Mutate(File.ReadAllText(example), seed).");
        foreach (var kind in kinds)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Count(),5} x {kind.Key}");
        }

        foreach (var kind in kinds.Take(5))
        {
            var (i, example, mutant, problem) = kind.MinBy(f => f.Case);
            report.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"--- case {i}: {example}, seed {mutant.Seed} (also seeds {string.Join(", ", kind.Select(f => f.Mutant.Seed).Order().Where(s => s != mutant.Seed).Take(10))})")
                .AppendLine("steps: " + string.Join("; ", mutant.Steps) + (Mutator.Encode(mutant.Text, mutant.Seed) is { } how ? "; then " + how.Step : string.Empty))
                .AppendLine(problem)
                .AppendLine("input:")
                .AppendLine(Mutator.Printable(mutant.Text));
        }

        output.WriteLine(report.ToString());
        Assert.Fail(report.ToString());
    }

    /// <summary>What kind of failure a report is: the exception and the frame that threw it, or the problem's first words.</summary>
    private static string Kind(string problem)
    {
        var lines = problem.Split('\n', StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[1].StartsWith("at ", StringComparison.Ordinal))
        {
            var code = Regex.Match(problem, @"\bCP\d{4}\b").Value;
            return problem.Split(':')[0] + (code.Length > 0 ? $" ({code})" : string.Empty); // "Wrong file (CP0018)"
        }

        var type = lines[0].Split(':')[0];
        return $"{type} {lines[1]}";
    }

    /// <summary>
    /// Inputs that broke a reader (the fuzzer found the ones marked "found"), or that are known to break YAML readers
    /// and Markdown parsers. The second value is a diagnostic code the input must give, or null for none in particular.
    /// </summary>
    [Theory]
    [InlineData("empty", "CP0004")]
    [InlineData("only a BOM", "CP0004")]
    [InlineData("only a document marker", "CP0003")]
    [InlineData("only a NUL", "CP0004")]
    [InlineData("deeply nested flow mappings", "CP0009")]
    [InlineData("deeply nested flow sequences, never closed", "CP0009")]
    [InlineData("deeply nested flow mapping as a key", "CP0001")]
    [InlineData("a megabyte of text in a scalar", null)]
    [InlineData("a megabyte-long word", null)]
    [InlineData("NUL byte in the middle", "CP0001")]
    [InlineData("escaped NUL in a quoted title", "CP0018")]
    [InlineData("alias cycle attempt", "CP0011")]
    [InlineData("alias cycle attempt in a paper", "CP0011")]
    [InlineData("merge key", "CP0002")]
    [InlineData("merge keys from a list", "CP0002")]
    [InlineData("lone surrogates", "CP0018")]
    [InlineData("CR-only line endings", "CP0001")]
    [InlineData("found: starts with a document end marker", "CP0001")]
    [InlineData("found: document end marker, then a new document", "CP0001")]
    [InlineData("found: unclosed flow sequence before block content", "CP0001")]
    [InlineData("found: the tag '!!' stuck to a flow sequence", "CP0001")]
    [InlineData("found: 200,000 asterisks around a word", null)]
    [InlineData("found: 100,000 nested link brackets", "CP0020")]
    [InlineData("found: more emphasis delimiters than Markdig nests", "CP0020")]
    [InlineData("found: a megabyte of escaped brackets in the title", null)]
    [InlineData("found: an entity for a control character in a link's address", "CP0017")]
    [InlineData("an entity for an emoji in a link's address", null)]
    [InlineData("found: control character in a table caption", "CP0018")]
    [InlineData("found: 'paper:' with no kind", "CP0004")]
    public void Known_nasty_input_never_throws(string name, string? expectedCode)
    {
        var yaml = Regressions[name]();
        var watch = Stopwatch.StartNew();
        var outcome = Check(yaml, "nasty.yaml");
        watch.Stop();
        foreach (var d in outcome.Diagnostics.Take(5)) output.WriteLine(d.ToString().Length > 300 ? d.ToString()[..300] + "…" : d.ToString());
        Assert.True(outcome.Problems.Count == 0, string.Join("\n", outcome.Problems));
        Assert.False(outcome.Silent, "No paper was read, but there is no error to say why.");
        if (expectedCode is not null) Assert.Contains(outcome.Diagnostics, d => d.Code == expectedCode);

        // Generous, for slow machines; the quadratic cases this guards against took minutes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    /// <summary>
    /// Special files cannot be made by mutating text, so they are fixed cases (issue 15): every reader, given each kind,
    /// refuses it with CP0036 at once, without opening it (a FIFO would hang the open, /dev/zero would fill the memory).
    /// </summary>
    [Theory]
    [InlineData("a FIFO", "paper")]
    [InlineData("a FIFO", "style")]
    [InlineData("a FIFO", "pack")]
    [InlineData("/dev/zero", "paper")]
    [InlineData("/dev/zero", "style")]
    [InlineData("/dev/zero", "pack")]
    [InlineData("/dev/urandom", "paper")]
    [InlineData("/dev/null", "style")]
    [InlineData("a link to /dev/zero", "paper")]
    [InlineData("a link to a FIFO", "pack")]
    [InlineData("a folder", "paper")]
    [InlineData("a socket", "style")]
    [InlineData("a socket", "pack")]
    public async Task Special_files_are_refused_by_every_reader_without_being_opened(string kind, string reader)
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, devices and sockets as files are Linux's here
        var folder = Directory.CreateTempSubdirectory("cp-special-").FullName;
        System.Net.Sockets.Socket? socket = null;
        try
        {
            var path = Path.Combine(folder, reader + ".yaml");
            switch (kind)
            {
                case "a FIFO":
                    Tools.Run("mkfifo", path);
                    break;
                case "a link to /dev/zero":
                    File.CreateSymbolicLink(path, "/dev/zero");
                    break;
                case "a link to a FIFO":
                    Tools.Run("mkfifo", path + ".fifo");
                    File.CreateSymbolicLink(path, path + ".fifo");
                    break;
                case "a folder":
                    Directory.CreateDirectory(path);
                    break;
                case "a socket":
                    socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                    socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
                    break;
                default:
                    path = kind;
                    break;
            }

            var run = Task.Run(() => reader switch
            {
                "paper" => Papers.Load(path).Diagnostics,
                "style" => HouseStyles.Load(path).Diagnostics,
                _ => Packs.AgendaPacks.Build(path, Path.Combine(folder, "out"), new Packs.PackOptions { SofficePath = "/nonexistent/soffice" }).Diagnostics,
            });
            Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) == run, $"{reader} reader did not return for {kind}: it was opened");
            var error = Assert.Single(await run);
            output.WriteLine(error.ToString());
            Assert.Equal("CP0036", error.Code);
            Assert.False(error.Position.IsKnown);
        }
        finally
        {
            socket?.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly Dictionary<string, Func<string>> Regressions = new(StringComparer.Ordinal)
    {
        ["empty"] = () => string.Empty,
        ["only a BOM"] = () => "\uFEFF",
        ["only a document marker"] = () => "---",
        ["only a NUL"] = () => "\0",
        ["deeply nested flow mappings"] = () => "paper: report\nsummary: " + Repeat("{a: ", 40_000) + "b" + new string('}', 10_000) + "\n",
        ["deeply nested flow sequences, never closed"] = () => "paper: report\nsummary: " + new string('[', 100_000),
        ["deeply nested flow mapping as a key"] = () => "paper: report\n" + new string('{', 5_000) + "a" + new string('}', 5_000) + ": b\n",
        ["a megabyte of text in a scalar"] = () => Valid(Repeat("the committee noted the report ", 1024 * 1024)),
        ["a megabyte-long word"] = () => Valid(new string('x', 1024 * 1024)),
        ["NUL byte in the middle"] = () => Valid("Bad\0text"),
        ["escaped NUL in a quoted title"] = () => Valid("fine").Replace("title: T", "title: \"T\\0itle\"", StringComparison.Ordinal),
        ["alias cycle attempt"] = () => "a: &a [*a]\n",
        ["alias cycle attempt in a paper"] = () => "paper: report\nsummary: &a [*a]\n",
        ["merge key"] = () => "base: &b {title: Merged}\n" + Valid("fine") + "<<: *b\n",
        ["merge keys from a list"] = () => "base: &b {title: Merged}\nmore: &m {meeting: M2}\n" + Valid("fine") + "<<: [*b, *m]\n",
        ["lone surrogates"] = () => Valid("\"high \uD800 low \uDC00 reversed \uDC00\uD800 end\""),
        ["CR-only line endings"] = () => Valid("fine").Replace('\n', '\r') + "bad: [\r",

        // YamlDotNet 18.1 threw InvalidOperationException ("The scanner should contain no more tokens.").
        ["found: starts with a document end marker"] = () => "...\n" + Valid("fine"),
        ["found: document end marker, then a new document"] = () => "...\n---\n" + Valid("fine"),

        // YamlDotNet 18.1 threw InvalidOperationException ("Operation is not valid due to the current state of the object.").
        ["found: unclosed flow sequence before block content"] = () => Valid("fine").Replace("title: T", "title: [\nsubtitle: S", StringComparison.Ordinal),

        // YamlDotNet 18.1 threw ArgumentException ("Global tags must be valid URIs.").
        ["found: the tag '!!' stuck to a flow sequence"] = () => Valid("fine").Replace("title: T", "title: !![All]", StringComparison.Ordinal),

        // InlineText joined Markdig's literals one string at a time: 200 KB took 10 s, 4 MB would take hours.
        ["found: a megabyte of escaped brackets in the title"] = () => Valid("fine").Replace("title: T", "title: '" + Repeat("\\[", 1024 * 1024) + "'", StringComparison.Ordinal),

        // Markdig decodes entities in link addresses; the control character reached an XML attribute: ArgumentException.
        ["found: an entity for a control character in a link's address"] = () => Valid("'See [the plan](https://example.org/&#1;plan).'"),
        ["an entity for an emoji in a link's address"] = () => Valid("'See [the plan](https://example.org/&#x1F600;).'"),

        // The caption reached the w:tblCaption attribute unfiltered: ArgumentException from XmlWriter ("invalid
        // character") when the package was saved. Now the character is left out with CP0018, as in any text.
        ["found: control character in a table caption"] = () => Valid("fine") +
            "sections:\n  - heading: H\n    paragraphs:\n      - table:\n          caption: \"Cost\\u0015s\"\n" +
            "          columns:\n            - heading: A\n          rows:\n            - [x]\n",

        // There was no paper and no error to say why, so the CLI failed without a message; now CP0004 names the kinds.
        ["found: 'paper:' with no kind"] = () => Valid("fine").Replace("paper: report", "paper:", StringComparison.Ordinal),

        // InlineText.Convert recursed once per emphasis level: a stack overflow that killed the process.
        ["found: 200,000 asterisks around a word"] = () => Valid("'" + new string('*', 100_000) + "a" + new string('*', 100_000) + "'"),

        // Markdig threw ArgumentException ("Markdown elements in the input are too deeply nested").
        ["found: 100,000 nested link brackets"] = () => Valid("'" + new string('[', 100_000) + "a" + Repeat("](http://x)", 1_000_000) + "'"),
        ["found: more emphasis delimiters than Markdig nests"] = () => Valid("'" + Repeat("_a_ *b* ", 50_000) + "'"),
    };

    /// <summary>What one input gave: whether it loaded and rendered, and every broken promise about its diagnostics.</summary>
    /// <param name="Silent">No paper was read, and no error says why: a failure of the fuzz run and of the fixed cases.</param>
    private sealed record Outcome(bool Loaded, bool Rendered, bool Silent, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics, IReadOnlyList<string> Problems)
    {
        /// <summary>The input was given as bytes (another encoding, or broken UTF-8) and read as a file is.</summary>
        public bool Encoded { get; init; }
    }

    /// <summary>
    /// Parses and, if that succeeded, renders; a pack file is also read as a pack (without the papers it names).
    /// Exceptions escape to the caller.
    /// </summary>
    private static Outcome Check(string yaml, string fileName, bool pack = false, byte[]? bytes = null)
    {
        var problems = new List<string>();
        LoadResult loaded;
        var diagnostics = new List<Diagnostics.Diagnostic>();
        if (bytes is null)
        {
            loaded = Papers.Parse(yaml, fileName);
            diagnostics.AddRange(loaded.Diagnostics);
            if (pack) diagnostics.AddRange(Packs.AgendaPacks.Check(yaml, fileName));
        }
        else
        {
            // As a file is read: the bytes decoded strictly (UTF-8, or UTF-16 with its BOM), else CP0035 at the bad byte.
            loaded = Papers.Read(new MemoryStream(bytes), fileName);
            diagnostics.AddRange(loaded.Diagnostics);
            var bag = new Diagnostics.DiagnosticBag();
            if (pack && Definition.InputFile.DecodeText(bytes, fileName, bag) is { } text) diagnostics.AddRange(Packs.AgendaPacks.Check(text, fileName));
        }

        var silent = loaded.Paper is null && !diagnostics.Exists(d => d.Severity == Diagnostics.Severity.Error);
        var rendered = false;
        if (loaded.Succeeded)
        {
            var result = Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
            rendered = result.Written;
            diagnostics.AddRange(result.Diagnostics);
        }

        var lines = LineCount(yaml);

        // Each problem once (issue 15: a problem inside an anchor was listed once per alias).
        foreach (var twice in diagnostics.GroupBy(d => d).Where(g => g.Count() > 1 && !pack))
        {
            problems.Add($"Repeated: {twice.Count()} times the same diagnostic: {twice.Key}");
        }

        foreach (var d in diagnostics)
        {
            if (d.Position.File != fileName)
            {
                problems.Add($"Wrong file: the diagnostic names '{d.Position.File}', not '{fileName}': {d}");
            }

            if (d.Position.Line < 1 || d.Position.Line > lines + 1 || d.Position.Column < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Outside the file: line {d.Position.Line}, column {d.Position.Column}, but the file has {lines} lines: {d}"));
            }
        }

        return new Outcome(loaded.Succeeded, rendered, silent, diagnostics, problems) { Encoded = bytes is not null };
    }

    /// <summary>Lines as an editor counts them: ended by CR LF, LF or a lone CR.</summary>
    private static int LineCount(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) lines++;
        }

        return lines;
    }

    private static string Valid(string summary) =>
        "paper: report\nmeeting: M\ndate: 2017-01-11\nreport-of: D\ntitle: T\nsummary:\n  - " + summary + "\n";

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString();
    }

    private static int EnvironmentNumber(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : fallback;
}
