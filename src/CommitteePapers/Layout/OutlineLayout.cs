using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>
/// A paper whose headings and paragraphs are numbered from one outline list, as the house style says: a numbered
/// heading takes the outline level below its nearest numbered heading, an unnumbered one takes none (so the numbers
/// beneath it keep counting), and a paragraph the level below its headings when the style numbers paragraphs there.
/// York ("1." through every heading), North Somerset ("3. DETAILS", 3.1) and "2.1.1" are settings of this.
/// </summary>
internal abstract class OutlineLayout : PaperLayout
{
    private ListInstance? outline;

    protected OutlineLayout(Paper paper, HouseStyle style, DiagnosticBag diagnostics)
        : base(paper, style, diagnostics)
    {
    }

    /// <summary>How many numbered headings stand above the current paragraphs: the outline level they are numbered at.</summary>
    protected int Depth { get; private set; }

    private NumberingStyle Numbering => Style.Numbering;

    private ListInstance Outline() =>
        outline ??= Plan.NewInstance(Plan.Define("outline", Numbering.Outline, outline: true), restart: false);

    private bool HasRoomAt(int level) => level < Numbering.Outline.Count;

    /// <summary>A top-level heading: numbered at the outline's first level unless the style leaves this section unnumbered.</summary>
    protected void TopHeading(string key, RichText text, SourcePosition at, string? id = null, bool? numbered = null)
    {
        if (text.IsEmpty && id is null)
        {
            // A style may give a section no heading (Maidstone's recommendations follow the summary under none). A
            // writer's section with an empty heading and an id keeps its (empty) heading: the id's bookmark is there.
            Depth = 0;
            return;
        }

        var content = Capitals(text, Style.UpperCaseHeadings);
        var wanted = numbered ?? (!Numbering.Unnumbered.Contains(key) && Numbering.NumbersHeadingsAt(1));
        if (wanted && HasRoomAt(0))
        {
            var label = Plan.Count(Outline(), 0);
            Heading(content, 1, id, at, new ListRef(Outline().NumId, 0), label, Cited(label));
            Depth = 1;
        }
        else
        {
            Heading(content, 1, id, at);
            Depth = 0;
        }
    }

    /// <summary>Sections and their sub-sections, from heading <paramref name="level"/> down, under <paramref name="depth"/> numbered headings.</summary>
    protected void Sections(IReadOnlyList<Section> sections, int level, int depth, string key)
    {
        ListInstance? letters = null;
        foreach (var section in sections)
        {
            var childDepth = depth;
            if (level == 1)
            {
                TopHeading(key, section.Heading, section.At, section.Id, section.Numbered);
                childDepth = Depth;
            }
            else if (section.Lettered)
            {
                // Each group of lettered sub-sections is its own list, so the letters start at a) under every parent.
                letters ??= Plan.NewInstance(List("lettered-headings", Numbering.LetteredHeadings is { } l ? [l] : []), restart: true);
                Heading(section.Heading, level, section.Id, section.At, new ListRef(letters.NumId, 0), Plan.Count(letters, 0));
            }
            else if ((section.Numbered ?? Numbering.NumbersHeadingsAt(level)) && HasRoomAt(depth))
            {
                var label = Plan.Count(Outline(), depth);
                Heading(section.Heading, level, section.Id, section.At, new ListRef(Outline().NumId, depth), label, Cited(label));
                childDepth = depth + 1;
            }
            else
            {
                Heading(section.Heading, level, section.Id, section.At);
            }

            Depth = childDepth;
            Blocks(section.Paragraphs);
            Sections(section.Sections, level + 1, childDepth, key);
        }
    }

    /// <summary>A paragraph's first block, with its number when the style numbers paragraphs at this depth.</summary>
    protected PendingBlock NumberedBlock(IReadOnlyList<Piece> content, SourcePosition at, bool wantsNumber, string? id, string plain)
    {
        var numbered = wantsNumber && HasRoomAt(Depth) && Numbering.Paragraphs.Contains(Depth + 1);
        var block = Add(numbered ? ParaStyle.NumberedParagraph : Numbering.Paragraphs.Count == 0 ? ParaStyle.Normal : ParaStyle.Continuation, content, at);
        if (numbered)
        {
            block.Label = Plan.Count(Outline(), Depth);
            block.List = new ListRef(Outline().NumId, Depth);
            block.Anchor = Cited(block.Label);
        }
        else if (id is not null)
        {
            block.Anchor = NewAnchor(id);
        }

        if (id is not null)
        {
            block.Bookmark = block.Label is { } label
                ? Register(id, at, TargetKind.Paragraph, Reference(label), block.Anchor!)
                : Register(id, at, TargetKind.Paragraph, plain, block.Anchor!, numbered: false);
        }

        return block;
    }

    /// <summary>The web anchor of a paragraph or heading of the outline, from the number a reader cites: "para-12", "para-3.1".</summary>
    private string Cited(string label) => NewAnchor("para-" + Reference(label));

    protected override void Paragraph(Paragraph p) => Paragraph(p, []);

    /// <summary>A numbered paragraph, led by <paramref name="lead"/> (an implication's heading), with its sub-items and further blocks.</summary>
    protected void Paragraph(Paragraph p, IReadOnlyList<Piece> lead)
    {
        NumberedBlock([.. lead, new TextPiece(p.Text)], p.At, p.Numbered, p.Id, p.Text.PlainText);
        Items(p.Items, p.Bullets, depth: 1);
        More(p.More, Numbering.Paragraphs.Count == 0 ? ParaStyle.Normal : ParaStyle.Continuation);
    }

    protected static Piece Text(string text) => new ReadyPiece(new LText(text));

    protected static Piece Bold(string text) => new ReadyPiece(new LText(text, Bold: true));
}
