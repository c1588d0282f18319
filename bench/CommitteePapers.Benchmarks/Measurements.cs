using System.Diagnostics;
using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using CommitteePapers.Word;

namespace CommitteePapers.Benchmarks;

/// <summary>
/// Measurements BenchmarkDotNet does not make: where each document's allocations go, memory over a long run, how
/// throughput scales with threads, and a loop that times documents as docxtemplater's script times its own (for
/// side-by-side.sh). Each prints plain text (or TSV) and exits.
/// </summary>
internal static class Measurements
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var yaml = File.ReadAllText(Path.Combine(SafeguardingBenchmarks.FindRepoRoot(), SafeguardingBenchmarks.ExamplePath));
        switch (args[0])
        {
            case "phases":
                Phases(yaml);
                return 0;
            case "curve":
                Curve(yaml, args.Length > 1 ? int.Parse(args[1], Invariant) : 1000, args.Length > 2 ? int.Parse(args[2], Invariant) : 100);
                return 0;
            case "count":
                return Count(yaml, double.Parse(args[1], Invariant), args.Length > 2 ? args[2] : "documents");
            case "scaling":
                Scaling(yaml, args.Length > 1 ? double.Parse(args[1], Invariant) : 3.0, args.Length > 2 ? int.Parse(args[2], Invariant) : 5);
                return 0;
            case "types":
                Types(yaml, args.Length > 1 ? args[1] : "whole");
                return 0;
            case "steady":
                Steady(yaml, args.Length > 1 ? int.Parse(args[1], Invariant) : 100, args.Length > 2 ? int.Parse(args[2], Invariant) : 20);
                return 0;
            case "texts":
                Texts(yaml, args.Length > 1 ? int.Parse(args[1], Invariant) : 15);
                return 0;
            case "loop":
                return Loop(yaml, int.Parse(args[1], Invariant), args[2]);
            default:
                Console.Error.WriteLine("usage: phases | types [parse|yaml|tree|lay|write] | texts [top] | steady [documents] [rounds] | curve [documents] [every] | scaling [seconds] [rounds] | count <seconds> [work] | loop <documents> <folder>");
                return 2;
        }
    }

    /// <summary>Parse + render into memory, the benchmark's ParseAndRender.</summary>
    private static long Document(string yaml)
    {
        var paper = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath).Paper!;
        using var output = new MemoryStream();
        Papers.Render(paper, HouseStyles.York, output);
        return output.Length;
    }

    /// <summary>Bytes allocated on this thread by each phase of one document, after a warm-up.</summary>
    private static void Phases(string yaml)
    {
        for (var i = 0; i < 200; i++) Document(yaml);
        const int n = 100;
        long parse = 0, lay = 0, write = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            var a = GC.GetAllocatedBytesForCurrentThread();
            var paper = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath).Paper!;
            var b = GC.GetAllocatedBytesForCurrentThread();
            var laid = Papers.Lay(paper, HouseStyles.York, new DiagnosticBag());
            var c = GC.GetAllocatedBytesForCurrentThread();
            using (var output = new MemoryStream()) WordPackage.Write(laid, HouseStyles.York, output);
            var d = GC.GetAllocatedBytesForCurrentThread();
            Document(yaml);
            var e = GC.GetAllocatedBytesForCurrentThread();
            parse += b - a;
            lay += c - b;
            write += d - c;
            total += e - d;
        }

        var y0 = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++) YamlTree.Parse(yaml, "report.yaml", ReaderLimits.Default, new DiagnosticBag());
        var y1 = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++)
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
            while (parser.MoveNext()) { }
        }

        var y2 = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"  yaml events {(y2 - y1) / n / 1024.0,8:0.0} KiB; YamlTree {(y1 - y0) / n / 1024.0,8:0.0} KiB");
        Console.WriteLine($"parse  {parse / n / 1024.0,8:0.0} KiB");
        Console.WriteLine($"lay    {lay / n / 1024.0,8:0.0} KiB");
        Console.WriteLine($"write  {write / n / 1024.0,8:0.0} KiB");
        Console.WriteLine($"whole  {total / n / 1024.0,8:0.0} KiB (Papers.Parse + Papers.Render into a MemoryStream)");
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"gen2 collections so far: {GC.CollectionCount(2)}; LOH now {info.GenerationInfo[3].SizeAfterBytes / 1024.0:0.0} KiB");
    }

    /// <summary>
    /// Parse and render in memory, <paramref name="rounds"/> rounds of <paramref name="documents"/> documents after a
    /// warm-up: the fastest round and the median per document. The fastest round is the steadiest figure on a shared
    /// machine (other work only ever adds time); compare two builds by running each in turn.
    /// </summary>
    private static void Steady(string yaml, int documents, int rounds)
    {
        for (var i = 0; i < 300; i++) Document(yaml);
        var perDocument = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < documents; i++) Document(yaml);
            perDocument[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / documents;
        }

        Array.Sort(perDocument);
        Console.WriteLine($"fastest round {perDocument[0].ToString("0.000", Invariant)} ms/doc, median {perDocument[rounds / 2].ToString("0.000", Invariant)} ms/doc ({rounds} rounds of {documents})");
    }

    /// <summary>
    /// What reading each text of the paper as inline Markdown allocates (RichText.Parse on every scalar of the file, as
    /// the readers do), the costliest first, and the total: where the reading phase's own allocations go.
    /// </summary>
    private static void Texts(string yaml, int top)
    {
        var root = YamlTree.Parse(yaml, "report.yaml", ReaderLimits.Default, new DiagnosticBag())!;
        var scalars = new List<YScalar>();
        var stack = new Stack<YNode>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YScalar s:
                    scalars.Add(s);
                    break;
                case YSequence q:
                    q.Items.ForEach(stack.Push);
                    break;
                case YMapping m:
                    m.Entries.ForEach(e => stack.Push(e.Value));
                    break;
            }
        }

        var costs = new List<(long Bytes, string Text)>();
        for (var round = 0; round < 50; round++)
        {
            foreach (var s in scalars)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                RichText.Parse(s.Value, s.Map, placeholders: false);
                if (round == 49) costs.Add((GC.GetAllocatedBytesForCurrentThread() - before, s.Value));
            }
        }

        Console.WriteLine($"{scalars.Count} texts, {costs.Sum(c => c.Bytes) / 1024.0:0.0} KiB in all");
        foreach (var (bytes, text) in costs.OrderByDescending(c => c.Bytes).Take(top))
        {
            Console.WriteLine($"{bytes,7} B  {text.Length,5} chars  {(text.Length > 70 ? text[..70] : text).ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>
    /// Which types a phase allocates, sampled by the runtime's AllocationTick event (one sample per ~100 KB): the
    /// place to look first when allocations grow.
    /// </summary>
    private static void Types(string yaml, string phase)
    {
        for (var i = 0; i < 200; i++) Document(yaml);
        var paper = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath).Paper!;
        var laid = Papers.Lay(paper, HouseStyles.York, new DiagnosticBag());
        using var listener = new AllocationListener();
        for (var i = 0; i < 400; i++)
        {
            switch (phase)
            {
                case "parse":
                    Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath);
                    break;
                case "yaml":
                    var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
                    while (parser.MoveNext()) { }
                    break;
                case "tree":
                    YamlTree.Parse(yaml, "report.yaml", ReaderLimits.Default, new DiagnosticBag());
                    break;
                case "lay":
                    Papers.Lay(paper, HouseStyles.York, new DiagnosticBag());
                    break;
                case "write":
                    using (var output = new MemoryStream()) WordPackage.Write(laid, HouseStyles.York, output);
                    break;
                default:
                    Document(yaml);
                    break;
            }
        }

        foreach (var (type, bytes) in listener.Totals().Take(40)) Console.WriteLine($"{bytes / 400.0 / 1024.0,8:0.0} KiB/doc  {type}");
    }

    private sealed class AllocationListener : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> totals = [];

        public IEnumerable<(string Type, long Bytes)> Totals()
        {
            lock (totals) return totals.OrderByDescending(t => t.Value).Select(t => (t.Key, t.Value)).ToList();
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName != "GCAllocationTick_V4" || e.Payload is null) return;
            var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (totals) totals[type] = totals.GetValueOrDefault(type) + amount;
        }
    }

    /// <summary>
    /// Working set and GC heap every <paramref name="every"/> documents over <paramref name="documents"/>, one thread,
    /// each document written to a MemoryStream and dropped. TSV on standard output.
    /// </summary>
    private static void Curve(string yaml, int documents, int every)
    {
        Console.WriteLine("documents\tworking set MiB\tGC heap MiB\theap after last GC MiB\tallocated MiB\tgen0\tgen1\tgen2\tLOH MiB");
        Row(0);
        for (var i = 1; i <= documents; i++)
        {
            Document(yaml);
            if (i % every == 0) Row(i);
        }

        static void Row(int i)
        {
            using var process = Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            Console.WriteLine(string.Join('\t',
                i.ToString(Invariant),
                Mib(process.WorkingSet64),
                Mib(GC.GetTotalMemory(false)),
                Mib(info.HeapSizeBytes),
                Mib(GC.GetTotalAllocatedBytes()),
                GC.CollectionCount(0).ToString(Invariant),
                GC.CollectionCount(1).ToString(Invariant),
                GC.CollectionCount(2).ToString(Invariant),
                Mib(info.GenerationInfo[3].SizeAfterBytes)));
        }

        static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", Invariant);
    }

    /// <summary>
    /// Documents per second on one thread, then on two at once, alternating, for <paramref name="rounds"/> rounds of
    /// <paramref name="seconds"/> each; prints each round and the median ratio. Beside them, the same for each phase of
    /// a document (and YamlDotNet's parser alone), for two pieces of work that share nothing and allocate nothing, to
    /// show what the machine itself gives a second thread (arithmetic in registers; reading a 4 MiB array of its own
    /// per thread), and for documents in two processes instead of two threads.
    /// </summary>
    private static void Scaling(string yaml, double seconds, int rounds)
    {
        for (var i = 0; i < 300; i++) Document(yaml);
        var work = Works(yaml);
        var ratios = work.ToDictionary(w => w.Name, _ => new List<double>());
        Console.WriteLine("round\twork\t1 thread per s\t2 threads per s\tratio\tGC pauses 1\tGC pauses 2\tlock waits 1\tlock waits 2");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, once) in work)
            {
                var (one, oneGc, oneLocks) = Throughput(once, 1, seconds);
                var (two, twoGc, twoLocks) = Throughput(once, 2, seconds);
                ratios[name].Add(two / one);
                Console.WriteLine($"{round}\t{name}\t{one:0}\t{two:0}\t{two / one:0.00}\t{oneGc:P1}\t{twoGc:P1}\t{oneLocks}\t{twoLocks}");
            }
        }

        // The same documents in two processes against one: what two threads would give if they shared nothing.
        var processes = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var one = Processes(1, seconds);
            var two = Processes(2, seconds);
            processes.Add(two / one);
            Console.WriteLine($"{round}\tdocuments in processes\t{one:0}\t{two:0}\t{two / one:0.00}");
        }

        ratios["documents in processes"] = processes;
        foreach (var (name, list) in ratios)
        {
            list.Sort();
            Console.WriteLine($"median ratio 2 threads / 1 thread, {name}: {list[list.Count / 2]:0.00}");
        }

        Console.WriteLine($"({Environment.ProcessorCount} cores; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c})");
    }

    /// <summary>Work done per second, the share of the time the GC held the threads paused, and how often a thread waited for a lock.</summary>
    private static (double PerSecond, double Paused, long LockWaits) Throughput(Func<long> once, int threads, double seconds)
    {
        var paused = GC.GetTotalPauseDuration();
        var locks = Monitor.LockContentionCount;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var counts = new int[threads];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var count = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                once();
                count++;
            }

            counts[t] = count;
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var elapsed = clock.Elapsed;
        return (counts.Sum() / elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - paused) / elapsed, Monitor.LockContentionCount - locks);
    }

    /// <summary>
    /// What <see cref="Scaling"/> and <see cref="Count"/> run: whole documents, each phase of one on its own,
    /// YamlDotNet's parser alone, and two calibrations of the machine.
    /// </summary>
    private static (string Name, Func<long> Once)[] Works(string yaml)
    {
        var paper = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath).Paper!;
        var laid = Papers.Lay(paper, HouseStyles.York, new DiagnosticBag());
        return
        [
            ("documents", () => Document(yaml)),
            ("parse", () => Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath).Diagnostics.Count),
            ("yaml events", () => YamlEvents(yaml)),
            ("lay out", () => Papers.Lay(paper, HouseStyles.York, new DiagnosticBag()).Instances.Count),
            ("write", () => Write(laid)),
            ("arithmetic", Arithmetic),
            ("memory", Memory),
        ];
    }

    /// <summary>YamlDotNet's parser alone, reading every event of the paper's YAML.</summary>
    private static long YamlEvents(string yaml)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
        long events = 0;
        while (parser.MoveNext()) events++;
        return events;
    }

    private static long Write(Layout.LaidOutPaper laid)
    {
        using var output = new MemoryStream();
        WordPackage.Write(laid, HouseStyles.York, output);
        return output.Length;
    }

    /// <summary>Documents per second from <paramref name="count"/> copies of this program run at once, each on one thread (<c>count</c>).</summary>
    private static double Processes(int count, double seconds)
    {
        var started = Enumerable.Range(0, count).Select(_ => Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["count", seconds.ToString(Invariant)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!).ToList();
        var total = 0.0;
        foreach (var process in started)
        {
            total += double.Parse(process.StandardOutput.ReadToEnd().Trim(), Invariant);
            process.WaitForExit();
        }

        return total;
    }

    /// <summary>
    /// For <see cref="Processes"/> (and by hand): one of <see cref="Works"/> per second on one thread, after four
    /// seconds of it (the JIT's background compiling is over by then; with 300 documents it was not, and took the other
    /// core from the other process).
    /// </summary>
    private static int Count(string yaml, double seconds, string work)
    {
        var works = Works(yaml);
        var once = works.FirstOrDefault(w => w.Name == work).Once;
        if (once is null)
        {
            Console.Error.WriteLine($"no work '{work}': one of {string.Join(", ", works.Select(w => $"'{w.Name}'"))}");
            return 2;
        }

        Throughput(once, 1, 4);
        var (perSecond, _, _) = Throughput(once, 1, seconds);
        Console.WriteLine(perSecond.ToString("0.0", Invariant));
        return 0;
    }

    /// <summary>About a millisecond of integer arithmetic in registers (SplitMix64).</summary>
    private static long Arithmetic()
    {
        ulong x = 0x9E3779B97F4A7C15;
        for (var i = 0; i < 400_000; i++)
        {
            x += 0x9E3779B97F4A7C15;
            var z = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
            x ^= (z ^ (z >> 27)) * 0x94D049BB133111EB;
        }

        return (long)x;
    }

    [ThreadStatic]
    private static long[]? memory;

    /// <summary>One pass over a 4 MiB array of the thread's own, in an order the prefetcher cannot guess.</summary>
    private static long Memory()
    {
        var array = memory ??= Enumerable.Range(0, 1 << 19).Select(i => (long)((i * 40503L) & ((1 << 19) - 1))).ToArray();
        long sum = 0;
        var at = 0L;
        for (var i = 0; i < array.Length; i++)
        {
            at = array[(at + i) & (array.Length - 1)];
            sum += at;
        }

        return sum;
    }

    /// <summary>
    /// As the docxtemplater peer's fill.js does: <paramref name="documents"/> documents in one process, each read from
    /// the YAML text (fill.js starts from its parsed JSON), rendered and written to its own file; prints the median
    /// milliseconds per document, the first ones (still being compiled) included, as fill.js does.
    /// </summary>
    private static int Loop(string yaml, int documents, string folder)
    {
        Directory.CreateDirectory(folder);
        var times = new double[documents];
        using var buffer = new MemoryStream();
        for (var i = 0; i < documents; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var loaded = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath);
            // Written as fill.js writes: the zip made in memory (docxtemplater's generate), then the file in one call
            // (fs.writeFileSync), with no flush to disk, which RenderToFile adds for safety. Zipping straight into a
            // FileStream took 23 writes, a seek, a truncate and two locks per document.
            buffer.SetLength(0);
            if (!Papers.Render(loaded.Paper!, HouseStyles.York, buffer).Written) return 1;
            File.WriteAllBytes(Path.Combine(folder, $"york-{i + 1}.docx"), buffer.GetBuffer().AsSpan(0, (int)buffer.Length));

            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.Error.WriteLine($"committee-papers: {documents} docs, median {times[documents / 2].ToString("0.00", Invariant)} ms/doc");
        return 0;
    }
}
