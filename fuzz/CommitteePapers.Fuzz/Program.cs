using System.Text;
using CommitteePapers;
using CommitteePapers.Styles;
using SharpFuzz;

namespace CommitteePapers.Fuzz;

/// <summary>
/// SharpFuzz harness for the readers: `paper` reads and renders a paper, `style` reads a style file, `pack` reads a
/// pack file. Any exception that escapes is a bug: the readers return diagnostics for every input. See docs/fuzzing.md.
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var target = args.Length > 0 ? args[0] : "paper";
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            switch (target)
            {
                case "style":
                    HouseStyles.Parse(text, "fuzz.yaml");
                    break;
                case "pack":
                    Packs.AgendaPacks.Check(text, "fuzz.yaml");
                    break;
                default:
                    var loaded = Papers.Parse(text, "fuzz.yaml");
                    if (loaded.Succeeded) Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
                    break;
            }
        });
    }
}
