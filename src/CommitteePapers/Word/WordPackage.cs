using System.IO.Compression;
using System.Xml.Linq;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace CommitteePapers.Word;

/// <summary>
/// Puts the parts together into a .docx. Every relationship id is given, never generated, and the zip is
/// rewritten with a fixed time stamp and entry order, so the same paper gives the same bytes.
/// </summary>
internal static class WordPackage
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(LaidOutPaper paper, HouseStyle house, Stream output)
    {
        using var buffer = new MemoryStream();
        using var template = house.Template is { } bytes ? WordprocessingDocument.Open(new MemoryStream(bytes.ToArray(), writable: false), false) : null;
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var relationship = 0;
            string NextId() => $"rId{++relationship}";

            var templateMain = template?.MainDocumentPart;
            var templateStyles = (DocumentFormat.OpenXml.Wordprocessing.Styles?)templateMain?.StyleDefinitionsPart?.Styles?.CloneNode(true);
            var styleMap = new StyleMap(house, templateStyles);
            var styles = main.AddNewPart<StyleDefinitionsPart>(NextId());
            styles.Styles = MergeStyles(StylesWriter.Write(house, paper.Info.Language), templateStyles, paper.Info.Language);
            var settings = main.AddNewPart<DocumentSettingsPart>(NextId());
            settings.Settings = SettingsWriter.Write(paper.Footnotes.Count > 0);
            if (templateMain?.ThemePart is { } theme) main.AddPart(theme, NextId());
            if (templateMain?.FontTablePart is { } fonts) main.AddPart(fonts, NextId());
            if (paper.Instances.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>(NextId());
                numbering.Numbering = NumberingWriter.Write(paper.Lists, paper.Instances, house.Font);
            }

            if (paper.Footnotes.Count > 0)
            {
                var footnotes = main.AddNewPart<FootnotesPart>(NextId());
                var noteRelationship = 0;
                footnotes.Footnotes = FootnotesWriter.Write(paper.Footnotes, new RunWriter(footnotes, () => $"rId{++noteRelationship}"), styleMap);
            }

            var furniture = new PageFurniture(Header(main, templateMain, house, paper.Header, NextId), Footer(main, templateMain, house, paper.Footer, NextId));
            main.Document = DocumentWriter.Write(paper, house, new RunWriter(main, NextId), styleMap, furniture);

            // docProps/core.xml written directly: the packaging API's own core properties get a random part name.
            var core = document.AddCoreFilePropertiesPart();
            using (var coreStream = core.GetStream(FileMode.Create))
            {
                CorePropertiesWriter.Write(paper.Info).Save(coreStream);
            }
        }

        Normalise(buffer, output);
    }

    /// <summary>
    /// The template's styles, with ours added where the template has none of that id. Numbering in the template's
    /// styles is removed (its numbering.xml is not copied, and our lists decide every number), and the document
    /// language stays the paper's when the template sets none.
    /// </summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Styles MergeStyles(DocumentFormat.OpenXml.Wordprocessing.Styles ours, DocumentFormat.OpenXml.Wordprocessing.Styles? template, string language)
    {
        if (template is null) return ours;
        foreach (var numbering in template.Descendants<DocumentFormat.OpenXml.Wordprocessing.NumberingProperties>().ToList()) numbering.Remove();
        var defaults = template.DocDefaults ??= new DocumentFormat.OpenXml.Wordprocessing.DocDefaults();
        var runDefaults = defaults.RunPropertiesDefault ??= new DocumentFormat.OpenXml.Wordprocessing.RunPropertiesDefault();
        var baseStyle = runDefaults.RunPropertiesBaseStyle ??= new DocumentFormat.OpenXml.Wordprocessing.RunPropertiesBaseStyle();
        baseStyle.Languages ??= new DocumentFormat.OpenXml.Wordprocessing.Languages { Val = language };
        var present = template.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().Select(s => s.StyleId?.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var style in ours.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>())
        {
            if (!present.Contains(style.StyleId?.Value)) template.Append(style.CloneNode(true));
        }

        return template;
    }

    private static string? Header(MainDocumentPart main, MainDocumentPart? template, HouseStyle house, string? text, Func<string> nextId)
    {
        if (DefaultPart<HeaderPart>(template, isHeader: true) is { } fromTemplate)
        {
            var id = nextId();
            main.AddPart(fromTemplate, id);
            return id;
        }

        var headerId = nextId();
        var part = main.AddNewPart<HeaderPart>(headerId);
        if (HeaderFooterWriter.Header(house, text, part) is { } header)
        {
            part.Header = header;
            return headerId;
        }

        main.DeletePart(part);
        return null;
    }

    private static string? Footer(MainDocumentPart main, MainDocumentPart? template, HouseStyle house, IReadOnlyList<LInline> content, Func<string> nextId)
    {
        if (DefaultPart<FooterPart>(template, isHeader: false) is { } fromTemplate)
        {
            var id = nextId();
            main.AddPart(fromTemplate, id);
            return id;
        }

        var footerId = nextId();
        var part = main.AddNewPart<FooterPart>(footerId);
        if (HeaderFooterWriter.Footer(content, new RunWriter(part, () => throw new InvalidOperationException("A footer has no links."))) is { } footer)
        {
            part.Footer = footer;
            return footerId;
        }

        main.DeletePart(part);
        return null;
    }

    /// <summary>The template's default header or footer: the one its last section refers to.</summary>
    private static T? DefaultPart<T>(MainDocumentPart? template, bool isHeader)
        where T : OpenXmlPart
    {
        var section = template?.Document?.Body?.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().LastOrDefault();
        if (section is null) return null;
        var id = isHeader
            ? section.Elements<DocumentFormat.OpenXml.Wordprocessing.HeaderReference>().FirstOrDefault(r => r.Type is null || r.Type.Value == DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.Default)?.Id?.Value
            : section.Elements<DocumentFormat.OpenXml.Wordprocessing.FooterReference>().FirstOrDefault(r => r.Type is null || r.Type.Value == DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.Default)?.Id?.Value;
        return id is not null && template!.TryGetPartById(id, out var part) ? part as T : null;
    }

    /// <summary>Rewrites the package with fixed entry times and order: [Content_Types].xml first, then by name.</summary>
    private static void Normalise(MemoryStream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = source.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName == "_rels/.rels")
            {
                // The package-level relationship ids are random; nothing refers to them, so number them.
                var rels = XDocument.Load(from);
                var n = 0;
                foreach (var rel in rels.Root!.Elements()) rel.SetAttributeValue("Id", $"rId{++n}");
                rels.Save(to, SaveOptions.DisableFormatting);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }
}
