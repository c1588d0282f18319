using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;

namespace CommitteePapers.Layout;

/// <summary>Lays out a <see cref="CabinetMemberUpdate"/>: the style's front block, then themed sections of unnumbered paragraphs.</summary>
internal sealed class UpdateLayout : PaperLayout
{
    private readonly CabinetMemberUpdate update;

    private UpdateLayout(CabinetMemberUpdate update, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics)
        : base(update, style, diagnostics, metrics)
    {
        this.update = update;
    }

    public static LaidOutPaper Lay(CabinetMemberUpdate update, HouseStyle style, DiagnosticBag diagnostics, TextMetrics metrics) =>
        new UpdateLayout(update, style, diagnostics, metrics).Lay();

    protected override DocumentInfo Info => new(
        Plain(update.Title ?? FillPlain(Style.WordFor("update-title"), new Dictionary<string, object?> { ["portfolio"] = update.Portfolio, ["councillor"] = update.Councillor })),
        Plain(update.Councillor), Plain(update.Portfolio), Style.WordFor("language").PlainText);

    protected override void LayContent()
    {
        var fields = new Dictionary<string, object?>
        {
            ["council"] = Style.Council,
            ["councillor"] = update.Councillor,
            ["portfolio"] = update.Portfolio,
            ["date"] = update.Date,
            ["title"] = update.Title,
        };
        foreach (var (name, value) in CouncilFields("cabinet-member-update", update.Fields, update.At)) fields[name] = value;
        FrontLines("cabinet-member-update", fields);
        Sections(update.Sections, 1);
    }

    private void Sections(IReadOnlyList<Section> sections, int level)
    {
        foreach (var section in sections)
        {
            Heading(section.Heading, level, section.Id, section.At);
            Blocks(section.Paragraphs);
            Sections(section.Sections, level + 1);
        }
    }
}
