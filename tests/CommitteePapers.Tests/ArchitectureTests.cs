using CommitteePapers.Definition;
using NetArchTest.Rules;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// Dependencies run one way, as DESIGN.md draws them: Definition ← Styles ← Layout ← Word, Html and Pdf ← Packs ← the
/// facade and the command line; Import (Word papers read back into the model) uses Definition and Styles only. The two
/// writers know nothing of each other: both only serialise the laid-out paper. A style is data: nothing in Styles uses Layout or Word (template import is Word's,
/// called from the facade).
/// </summary>
public class ArchitectureTests
{
    private const string Root = "CommitteePapers.";

    public static TheoryData<string, string[]> Directions() => new()
    {
        { "Diagnostics", ["Definition", "Styles", "Layout", "Word", "Html", "Pdf", "Packs", "Import"] },
        { "Definition", ["Styles", "Layout", "Word", "Html", "Pdf", "Packs", "Import"] },
        { "Styles", ["Layout", "Word", "Html", "Pdf", "Packs", "Import"] },
        { "Layout", ["Word", "Html", "Pdf", "Packs", "Import"] },
        { "Word", ["Html", "Pdf", "Packs", "Import"] },
        { "Html", ["Word", "Pdf", "Packs", "Definition", "Import"] },
        { "Pdf", ["Definition", "Styles", "Layout", "Word", "Html", "Packs", "Import"] },
        { "Import", ["Layout", "Word", "Html", "Pdf", "Packs"] },
    };

    [Theory]
    [MemberData(nameof(Directions))]
    public void A_layer_uses_none_of_the_layers_after_it(string layer, string[] after)
    {
        var result = Types.InAssembly(typeof(Paper).Assembly)
            .That().ResideInNamespace(Root + layer)
            .ShouldNot().HaveDependencyOnAny(after.Select(a => Root + a).ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, $"{layer} uses a later layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_layers_are_the_ones_the_design_names()
    {
        // A new folder is a new layer: give it a place in the directions above.
        var namespaces = typeof(Paper).Assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal)).Select(n => n[Root.Length..].Split('.')[0]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Definition", "Diagnostics", "Html", "Import", "Layout", "Packs", "Pdf", "Styles", "Word"], namespaces);
    }

    [Fact]
    public void Every_kind_of_paper_is_registered_once_with_its_shape_and_reader_and_has_a_layout()
    {
        // Shape and reader are registered together in Shapes.PaperKinds; the layout is the kind's method of
        // IPaperVisitor, which the compiler requires of every kind. Every kind has an example, which ExampleTests builds.
        var kinds = Shapes.PaperKinds.Select(k => k.Name).ToList();
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        var paperTypes = typeof(Paper).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Paper)) && !t.IsAbstract).ToList();
        Assert.Equal(paperTypes.Count, kinds.Count);
        Assert.Equal(typeof(IPaperVisitor<>).GetMethods().Length, kinds.Count);
        var examples = Directory.EnumerateFiles(Support.Repo.Examples, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.All(kinds, kind => Assert.Contains(examples, text => text.Contains($"\npaper: {kind}\n", StringComparison.Ordinal)));
    }
}
