using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Tests.Support;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace CommitteePapers.Tests;

/// <summary>
/// Word files from outside (a paper to import, a council's template) are read by Definition/WordFile.cs and the
/// readers over it. Real files are damaged here inside their parts, where a zip-level check sees nothing wrong: text
/// cut out or put in (XML that no longer reads, a DTD, a control character), an attribute given another value
/// (numbers out of range, words where numbers go, relationship targets that are missing, remote or climb out of the
/// package). Import and template import must answer each with a result or a CP0031, never an exception.
/// COMMITTEE_PAPERS_PROPERTY_ITER multiplies the number of cases.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class WordFileFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Snippets =
        ["<", ">", "&", "&amp;", "\"", "<w:p>", "</w:body>", "<w:r><w:t>x</w:t></w:r>", "\u0001", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<?pi?>", "]]>"];

    private static readonly string[] Values =
        ["", "-1", "0", "2147483648", "99999999999999999999", "x", "continue", "page", "default", "true", "off",
            "missing.xml", "../../../etc/passwd", "http://example.com/remote.dotx", "#anchor", "rId1", "%1.%2.%9"];

    /// <summary>The files damaged: a pandoc report, a hand-typed report (Word's own numbering), and a council template.</summary>
    private static readonly Lazy<byte[][]> Sources = new(() =>
    [
        File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "Import", "york-safeguarding-pandoc.docx")),
        File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "CommitteePapers.Tests", "Import", "hand-typed-report.docx")),
        StyleTests.CouncilTemplate(),
    ]);

    private static readonly Lazy<CommitteePapers.Definition.Paper> Paper =
        new(() => Papers.Parse(File.ReadAllText(Repo.Example("york-safeguarding-update")), "report.yaml").Paper!);

    [GeneratedRegex("=\"[^\"]*\"")]
    private static partial Regex AttributeValue();

    private static readonly Gen<Harm> Harms =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 31], Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[1, 200], Gen.Int[0, 63])
            .Select(t => new Harm(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));

    /// <summary>One damage: which file, which of its XML entries, which kind (cut, insert, change a value), where, how much, what.</summary>
    private readonly record struct Harm(int Source, int Entry, int Kind, int Where, int Length, int What);

    [Fact]
    public void Damaged_parts_give_a_result_or_CP0031_never_an_exception_from_import_or_template_import()
    {
        Harms.Sample(damage =>
        {
            var bytes = Damaged(damage);
            var import = Record.Exception(() => Papers.Import(new MemoryStream(bytes), "damaged.docx"));
            Assert.True(import is null, $"Papers.Import threw {import}");
            var template = Record.Exception(() =>
            {
                var loaded = HouseStyles.FromTemplate(HouseStyles.York, bytes, new Dictionary<string, string>());
                Assert.True(loaded.Style is not null || loaded.Diagnostics.Any(d => d.Code == "CP0031"), string.Join("; ", loaded.Diagnostics));
                if (loaded.Style is null) return;
                // A template that is taken must build a paper, and the paper must be valid Word.
                using var docx = new MemoryStream();
                var result = Papers.Render(Paper.Value, loaded.Style, docx);
                Assert.True(result.Written, string.Join("; ", result.Diagnostics));
                Docx.AssertValid(docx.ToArray());
            });
            Assert.True(template is null, $"HouseStyles.FromTemplate threw {template}");
        }, iter: 150L * PropertyTests.Multiplier, print: d => d.ToString(), writeLine: output.WriteLine);
    }

    [Fact]
    public void The_damage_reaches_the_readers_both_ways()
    {
        // The property above means little if every damaged file fails at the zip, or none fails at all: the damage
        // must leave some files that still import and refuse others for what is inside them.
        var imported = 0;
        var refusedInside = 0;
        var random = new Random(17);
        for (var i = 0; i < 60; i++)
        {
            var damage = new Harm(random.Next(2), random.Next(32), random.Next(3), random.Next(), random.Next(1, 200), random.Next(64));
            var result = Papers.Import(new MemoryStream(Damaged(damage)), "damaged.docx");
            if (result.Succeeded) imported++;
            else if (result.Diagnostics.Any(d => d.Code == "CP0031" && d.Message.Contains("cannot be read as a Word document", StringComparison.Ordinal))) refusedInside++;
        }

        output.WriteLine($"{imported} imported, {refusedInside} refused for what is inside, of 60");
        Assert.InRange(imported, 1, 59);
        Assert.InRange(refusedInside, 1, 59);
    }

    private static byte[] Damaged(Harm damage)
    {
        var source = Sources.Value[damage.Source];
        using var input = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read);
        var xml = input.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var target = xml[damage.Entry % xml.Count].FullName;
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                var content = copy.ToArray();
                if (entry.FullName == target) content = Encoding.UTF8.GetBytes(Damage(Encoding.UTF8.GetString(content), damage));
                using var write = zip.CreateEntry(entry.FullName).Open();
                write.Write(content);
            }
        }

        return output.ToArray();
    }

    private static string Damage(string text, Harm damage)
    {
        var at = damage.Where % Math.Max(1, text.Length);
        switch (damage.Kind)
        {
            case 0:
                return text.Remove(at, Math.Min(damage.Length, text.Length - at));
            case 1:
                return text.Insert(at, Snippets[damage.What % Snippets.Length]);
            default:
                var values = AttributeValue().Matches(text);
                if (values.Count == 0) return text;
                var value = values[damage.Where % values.Count];
                return string.Concat(text.AsSpan(0, value.Index), $"=\"{Values[damage.What % Values.Length]}\"", text.AsSpan(value.Index + value.Length));
        }
    }
}
