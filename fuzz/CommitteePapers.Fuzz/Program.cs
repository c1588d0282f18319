using CommitteePapers;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using SharpFuzz;

namespace CommitteePapers.Fuzz;

/// <summary>
/// SharpFuzz harness for the readers: `paper` reads and renders a paper, `style` reads a style file, `pack` reads a
/// pack file. The input is bytes, read as a file is (strict UTF-8, or UTF-16 with its byte order mark), so the fuzzer
/// reaches the decoder as well as the YAML readers. Any exception that escapes is a bug: the readers return
/// diagnostics for every input. See docs/fuzzing.md.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var target = args.Length > 0 ? args[0] : "paper";
        Fuzzer.OutOfProcess.Run(stream =>
        {
            if (target == "paper")
            {
                var loaded = Papers.Read(stream, "fuzz.yaml");
                if (loaded.Succeeded) Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
                return;
            }

            var bytes = InputFile.ReadBounded(stream, ReaderLimits.Default.MaxFileBytes);
            var text = bytes is null ? null : InputFile.DecodeText(bytes, "fuzz.yaml", new DiagnosticBag());
            if (text is null) return;
            if (target == "style") HouseStyles.Parse(text, "fuzz.yaml");
            else Packs.AgendaPacks.Check(text, "fuzz.yaml");
        });
    }
}
