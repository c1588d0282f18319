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
                Console.Error.WriteLine("usage: phases | types [parse|yaml|tree|lay|write] | texts [top] | steady [documents] [rounds] | curve [documents] [every] | scaling [seconds] [rounds] | loop <documents> <folder>");
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
    /// <paramref name="seconds"/> each; prints each round and the median ratio.
    /// </summary>
    private static void Scaling(string yaml, double seconds, int rounds)
    {
        for (var i = 0; i < 300; i++) Document(yaml);
        var ratios = new List<double>();
        Console.WriteLine("round\t1 thread docs/s\t2 threads docs/s\tratio");
        for (var round = 1; round <= rounds; round++)
        {
            var one = Throughput(yaml, 1, seconds);
            var two = Throughput(yaml, 2, seconds);
            ratios.Add(two / one);
            Console.WriteLine($"{round}\t{one:0}\t{two:0}\t{two / one:0.00}");
        }

        ratios.Sort();
        Console.WriteLine($"median ratio 2 threads / 1 thread: {ratios[ratios.Count / 2]:0.00} ({Environment.ProcessorCount} cores; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c})");
    }

    private static double Throughput(string yaml, int threads, double seconds)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var counts = new int[threads];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                Document(yaml);
                counts[t]++;
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return counts.Sum() / clock.Elapsed.TotalSeconds;
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
        for (var i = 0; i < documents; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var loaded = Papers.Parse(yaml, SafeguardingBenchmarks.ExamplePath);
            // Written as fill.js writes (fs.writeFileSync): no flush to disk, which RenderToFile adds for safety.
            using (var file = File.Create(Path.Combine(folder, $"york-{i + 1}.docx")))
            {
                if (!Papers.Render(loaded.Paper!, HouseStyles.York, file).Written) return 1;
            }

            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.Error.WriteLine($"committee-papers: {documents} docs, median {times[documents / 2].ToString("0.00", Invariant)} ms/doc");
        return 0;
    }
}
