using BenchmarkDotNet.Running;

namespace CommitteePapers.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "phases" or "count" or "types" or "texts" or "steady" or "curve" or "scaling" or "loop") return Measurements.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
