using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Tests.Support;
using CsCheck;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// Plain text skips Markdig (issue 17: building a Markdig document for every text was most of the cost of reading a
/// paper). Whatever is skipped must come out exactly as Markdig would have made it.
/// </summary>
public sealed class InlineMarkdownTests
{
    [Fact]
    public void Every_text_of_every_example_reads_the_same_with_or_without_the_plain_text_shortcut()
    {
        var texts = 0;
        foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var root = YamlTree.Parse(text, file, ReaderLimits.Default, new DiagnosticBag());
            foreach (var scalar in Scalars(root))
            {
                AssertSame(scalar.Value, scalar.Map, placeholders: false);
                AssertSame(scalar.Value, scalar.Map, placeholders: true);
                texts++;
            }
        }

        Assert.True(texts > 1000, $"only {texts} texts");
    }

    [Fact]
    public void Generated_texts_read_the_same_with_or_without_the_plain_text_shortcut()
    {
        // Words, spaces at either end, and now and then a character Markdown or we give a meaning to.
        var gen = Gen.OneOf(
                Gen.Const("word"), Gen.Const("Council"), Gen.Const(" "), Gen.Const("  "), Gen.Const("\t"), Gen.Const("\n"), Gen.Const("\n\n"),
                Gen.Const("*"), Gen.Const("**"), Gen.Const("_"), Gen.Const("["), Gen.Const("]"), Gen.Const("(https://www.york.gov.uk)"),
                Gen.Const("<https://a.example>"), Gen.Const("`"), Gen.Const("\\"), Gen.Const("!"), Gen.Const("&amp;"), Gen.Const("#"),
                Gen.Const("> "), Gen.Const("- "), Gen.Const("1. "), Gen.Const("{name}"), Gen.Const("[^note]"), Gen.Const("[@para]"),
                Gen.Const("\u0001"), Gen.Const("\uE000"), Gen.Const("£1,000"), Gen.Const("é"), Gen.Const("😀"), Gen.Const("{"), Gen.Const("-"), Gen.Const("="))
            .Array[0, 12]
            .Select(parts => string.Concat(parts));
        gen.Sample(text =>
        {
            var map = new LinearSourceMap(new SourcePosition("t.yaml", 3, 7), text);
            AssertSame(text, map, placeholders: false);
            AssertSame(text, map, placeholders: true);
        }, iter: 5000 * PropertyTests.Multiplier);
    }

    [Fact]
    public void The_quick_search_for_characters_Word_cannot_hold_finds_exactly_those_characters()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var one = ((char)c).ToString();
            Assert.True(InlineMarkdown.IsForbidden((char)c) == InlineMarkdown.HasForbidden(one), $"U+{c:X4}");
            Assert.True(InlineMarkdown.IsForbidden((char)c) == InlineMarkdown.HasForbidden("Council " + one + " papers, vectorised at length"), $"U+{c:X4} in text");
        }
    }

    private static void AssertSame(string text, ISourceMap map, bool placeholders)
    {
        var fastProblems = new List<Diagnostic>();
        var slowProblems = new List<Diagnostic>();
        var fast = InlineMarkdown.Parse(text, map, placeholders, fastProblems, plainFastPath: true);
        var slow = InlineMarkdown.Parse(text, map, placeholders, slowProblems, plainFastPath: false);
        Assert.Equal(Describe(slow), Describe(fast));
        Assert.Equal(slowProblems, fastProblems);
    }

    private static string Describe(IReadOnlyList<Inline> inlines) => string.Join(" | ", inlines.Select(Describe));

    private static string Describe(Inline inline) => inline switch
    {
        Link link => $"link {link.Url} @{link.At} [{Describe(link.Content)}]",
        _ => $"{inline} @{inline.At}",
    };

    private static IEnumerable<YScalar> Scalars(YNode? node)
    {
        switch (node)
        {
            case YScalar s:
                yield return s;
                break;
            case YSequence seq:
                foreach (var s in seq.Items.SelectMany(Scalars)) yield return s;
                break;
            case YMapping map:
                foreach (var s in map.Entries.SelectMany(e => Scalars(e.Value))) yield return s;
                break;
        }
    }
}
