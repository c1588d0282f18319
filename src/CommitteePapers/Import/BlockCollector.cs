using CommitteePapers.Definition;

namespace CommitteePapers.Import;

/// <summary>A sub-item or bullet being collected, with what nests under it (by indent).</summary>
internal sealed class ItemNode(SourceParagraph source, bool bullet)
{
    public SourceParagraph Source { get; } = source;

    public bool Bullet { get; } = bullet;

    public List<ItemNode> Children { get; } = [];

    public ListItem Build(Notes notes)
    {
        var item = new ListItem(Importer.Text(Source.Text))
        {
            Items = Children.Where(c => !c.Bullet).Select(c => c.Build(notes)).ToList(),
            Bullets = Children.Where(c => c.Bullet).Select(c => c.Build(notes)).ToList(),
        };
        if (HasOutOfOrder(Children)) notes.Uncertain(item, Source, "Its sub-items and bullets alternate in the document; here the sub-items come first, then the bullets.");
        return item;
    }

    public static bool HasOutOfOrder(List<ItemNode> children) =>
        children.SkipWhile(c => !c.Bullet).Any(c => !c.Bullet);
}

/// <summary>A paragraph being collected: its first block, the list under it, and further unnumbered blocks.</summary>
internal sealed class ParagraphNode(SourceParagraph source, bool numbered)
{
    public SourceParagraph Source { get; } = source;

    public bool Numbered { get; } = numbered;

    public List<ItemNode> Items { get; } = [];

    public List<Block> More { get; } = [];

    /// <summary>Text already written as Markdown (a continuation that became a paragraph of its own).</summary>
    public RichText? Markdown { get; init; }
}

/// <summary>
/// Collects the blocks of one part of a paper (a section's paragraphs, the summary, a minute) in order: numbered
/// paragraphs, the sub-items and bullets under them (nested by indent), unnumbered paragraphs (continuations of the
/// paragraph before, or paragraphs of their own), and tables.
/// </summary>
internal sealed class BlockCollector(bool numbersParagraphs)
{
    private readonly List<object> nodes = [];
    private ParagraphNode? current;
    private readonly List<(int Indent, ItemNode Node)> stack = [];
    private readonly Dictionary<object, (SourceBlock At, string Why)> doubts = new(ReferenceEqualityComparer.Instance);
    private (SourceBlock At, string Why)? nextDoubt;

    public bool IsEmpty => nodes.Count == 0;

    public IReadOnlyList<object> Nodes => nodes;

    /// <summary>A paragraph with a number (or any paragraph where the document numbers none).</summary>
    public void Numbered(SourceParagraph p)
    {
        current = new ParagraphNode(p, numbered: true);
        Added(current);
        stack.Clear();
    }

    /// <summary>The next block added is uncertain, for this reason.</summary>
    public void Doubt(SourceBlock at, string why) => nextDoubt = (at, why);

    /// <summary>Puts a block in the place of another (a table that has found its caption).</summary>
    public void Replace(object old, object replacement)
    {
        var i = nodes.FindIndex(n => ReferenceEquals(n, old));
        if (i >= 0) nodes[i] = replacement;
    }

    private void Added(object node)
    {
        nodes.Add(node);
        if (nextDoubt is { } doubt) doubts[node] = doubt;
        nextDoubt = null;
    }

    /// <summary>A paragraph with no number: the paragraph before continues, or it stands on its own.</summary>
    public void Unnumbered(SourceParagraph p)
    {
        if (!numbersParagraphs)
        {
            Numbered(p);
            return;
        }

        if (current is not null)
        {
            current.More.Add(new TextBlock(Importer.Text(p.Text)));
            stack.Clear();
            return;
        }

        current = new ParagraphNode(p, numbered: false);
        Added(current);
        stack.Clear();
    }

    /// <summary>A sub-item or bullet: under the item above it with less indent, or under the paragraph.</summary>
    public void Item(SourceParagraph p, bool bullet)
    {
        var node = new ItemNode(p, bullet);
        while (stack.Count > 0 && stack[^1].Indent >= p.Indent) stack.RemoveAt(stack.Count - 1);
        if (stack.Count > 0)
        {
            stack[^1].Node.Children.Add(node);
        }
        else
        {
            if (current is null || current.More.Count > 0)
            {
                // A list after continuation text (or with no paragraph at all) would print before that text: the text
                // becomes a paragraph of its own, unnumbered, and the list goes under it.
                if (current is not null && current.More[^1] is TextBlock last)
                {
                    current.More.RemoveAt(current.More.Count - 1);
                    current = new ParagraphNode(p, numbered: false) { Markdown = last.Text };
                    Added(current);
                }
                else
                {
                    Added(node);
                    stack.Add((p.Indent, node));
                    return;
                }
            }

            current.Items.Add(node);
        }

        stack.Add((p.Indent, node));
    }

    public void Table(Block table)
    {
        Added(table);
        current = null;
        stack.Clear();
    }

    /// <summary>A block kept as it is (a heading where the part can hold none, turned into bold text).</summary>
    public void Kept(Block block)
    {
        Added(block);
        current = null;
        stack.Clear();
    }

    /// <summary>The blocks as model records; a list with no paragraph before it becomes unnumbered paragraphs, said so in a comment.</summary>
    public List<Block> Build(Notes notes)
    {
        var blocks = new List<Block>();
        foreach (var node in nodes)
        {
            var count = blocks.Count;
            switch (node)
            {
                case ParagraphNode p:
                    blocks.Add(Paragraph(p, notes));
                    break;
                case ItemNode orphan:
                    var paragraph = new Paragraph(Importer.Text(orphan.Source.Text))
                    {
                        Numbered = false,
                        Items = orphan.Children.Where(c => !c.Bullet).Select(c => c.Build(notes)).ToList(),
                        Bullets = orphan.Children.Where(c => c.Bullet).Select(c => c.Build(notes)).ToList(),
                    };
                    notes.Uncertain(paragraph, orphan.Source, $"A list item ({orphan.Source.Number?.Text ?? orphan.Source.TypedNumber ?? "•"}) with no paragraph before it; kept as an unnumbered paragraph.");
                    blocks.Add(paragraph);
                    break;
                case Block b:
                    blocks.Add(b);
                    break;
            }

            if (blocks.Count > count && doubts.TryGetValue(node, out var doubt)) notes.Uncertain(blocks[^1], doubt.At, doubt.Why);
        }

        return blocks;
    }

    public static Paragraph Paragraph(ParagraphNode p, Notes notes)
    {
        var paragraph = new Paragraph(p.Markdown ?? Importer.Text(p.Source.Text))
        {
            Numbered = p.Numbered,
            Items = p.Items.Where(c => !c.Bullet).Select(c => c.Build(notes)).ToList(),
            Bullets = p.Items.Where(c => c.Bullet).Select(c => c.Build(notes)).ToList(),
            More = p.More,
        };
        if (ItemNode.HasOutOfOrder(p.Items)) notes.Uncertain(paragraph, p.Source, "Its sub-items and bullets alternate in the document; here the sub-items come first, then the bullets.");
        return paragraph;
    }
}
