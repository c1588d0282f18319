using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using System.Xml.Linq;
using CommitteePapers.Definition;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using static CommitteePapers.Definition.WordFile;

namespace CommitteePapers.Word;

/// <summary>
/// Puts the parts together into a .docx, streaming each part's XML straight into its zip entry: nothing is built in
/// memory first, and nothing is zipped twice. Every relationship id is given, never generated, every entry has the
/// same fixed time stamp and the entries come in a fixed order, so the same paper gives the same bytes.
/// </summary>
/// <remarks>
/// A council's Word template is read as a package (<see cref="WordFile"/>): its styles are merged with ours; its theme,
/// fonts, header and footer are copied with whatever they refer to.
/// </remarks>
internal static class WordPackage
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string MainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string StylesType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
    private const string SettingsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
    private const string NumberingType = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
    private const string FootnotesType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";
    private const string HeaderType = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
    private const string FooterType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    private const string CoreType = "application/vnd.openxmlformats-package.core-properties+xml";

    public static void Write(LaidOutPaper paper, HouseStyle house, Stream output)
    {
        using var template = house.Template is { } bytes ? WordFile.Open(bytes.ToArray()) : null;
        var templateStyles = Xml(template?.Part(WordFile.Styles));
        var styleMap = templateStyles is null ? StyleMap.Own : new StyleMap(house, templateStyles);
        var templateSection = Xml(template?.Main)?.Element(W + "body")?.Elements(W + "sectPr").LastOrDefault();

        // Which parts there are, and the main document's relationships to them, before anything is written: the
        // content types come first in the package.
        var hasNumbering = paper.Instances.Count > 0;
        var hasFootnotes = paper.Footnotes.Count > 0;
        var templateHeader = DefaultPart(template, templateSection, isHeader: true);
        var templateFooter = DefaultPart(template, templateSection, isHeader: false);
        var ownHeader = templateHeader is null && HeaderFooterWriter.HasHeader(house, paper.Header);
        var ownFooter = templateFooter is null && HeaderFooterWriter.HasFooter(paper.Footer);

        var copied = new TemplateParts(template);
        var main = new PartRelationships();
        main.Internal(PartRelationships.Styles, "/word/styles.xml");
        main.Internal(PartRelationships.Settings, "/word/settings.xml");
        if (template?.Part(WordFile.Theme) is { } theme) main.Internal(WordFile.Theme, copied.Add(theme));
        if (template?.Part(FontTable) is { } fonts) main.Internal(FontTable, copied.Add(fonts));
        if (hasNumbering) main.Internal(PartRelationships.Numbering, "/word/numbering.xml");
        if (hasFootnotes) main.Internal(PartRelationships.Footnotes, "/word/footnotes.xml");
        var headerId = templateHeader is not null ? main.Internal(PartRelationships.Header, copied.Add(templateHeader))
            : ownHeader ? main.Internal(PartRelationships.Header, "/word/header1.xml")
            : null;
        var footerId = templateFooter is not null ? main.Internal(PartRelationships.Footer, copied.Add(templateFooter))
            : ownFooter ? main.Internal(PartRelationships.Footer, "/word/footer1.xml")
            : null;
        var sectionFooterIds = paper.SectionFooters.Select((_, i) => main.Internal(PartRelationships.Footer, $"/word/footer{i + 2}.xml")).ToList();
        var logo = ownHeader ? house.Logo : null;
        var logoName = logo is null ? null : logo.Format == "png" ? "/word/media/logo.png" : "/word/media/logo.jpeg";

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", stream =>
        {
            using var xml = new XmlOut(stream);
            xml.Start("Types"u8).Attr("xmlns"u8, "http://schemas.openxmlformats.org/package/2006/content-types"u8);
            xml.Start("Default"u8).Attr("Extension"u8, "rels"u8).Attr("ContentType"u8, "application/vnd.openxmlformats-package.relationships+xml"u8).End("Default"u8);
            xml.Start("Default"u8).Attr("Extension"u8, "xml"u8).Attr("ContentType"u8, "application/xml"u8).End("Default"u8);
            Override(xml, "/word/document.xml", MainType);
            Override(xml, "/word/styles.xml", StylesType);
            Override(xml, "/word/settings.xml", SettingsType);
            if (hasNumbering) Override(xml, "/word/numbering.xml", NumberingType);
            if (hasFootnotes) Override(xml, "/word/footnotes.xml", FootnotesType);
            if (ownHeader) Override(xml, "/word/header1.xml", HeaderType);
            if (ownFooter) Override(xml, "/word/footer1.xml", FooterType);
            for (var i = 0; i < paper.SectionFooters.Count; i++) Override(xml, $"/word/footer{i + 2}.xml", FooterType);
            if (logo is not null) Override(xml, logoName!, logo.Format == "png" ? "image/png" : "image/jpeg");
            foreach (var part in copied.Parts) Override(xml, part.Name, part.ContentType);
            Override(xml, "/docProps/core.xml", CoreType);
            xml.End("Types"u8);
        });

        var package = new PartRelationships();
        package.Internal(PartRelationships.OfficeDocument, "/word/document.xml");
        package.Internal(PartRelationships.CoreProperties, "/docProps/core.xml");
        Entry(zip, "_rels/.rels", package.Write);
        Entry(zip, "docProps/core.xml", stream =>
        {
            using var xml = new XmlOut(stream);
            CorePropertiesWriter.Write(xml, paper.Info);
        });

        // The document first, then its relationships: its hyperlinks are known once it is written.
        Entry(zip, "word/document.xml", stream =>
        {
            using var xml = new XmlOut(stream);
            DocumentWriter.Write(paper, house, new RunWriter(xml, main), styleMap, new PageFurniture(headerId, footerId) { SectionFooterIds = sectionFooterIds });
        });
        Entry(zip, "word/_rels/document.xml.rels", main.Write);

        Entry(zip, "word/styles.xml", stream =>
        {
            using var xml = new XmlOut(stream);
            if (templateStyles is null)
            {
                StylesWriter.Write(xml, house, paper.Info.Language);
            }
            else
            {
                xml.Raw(Encoding.UTF8.GetBytes(MergeStyles(OurStyles(house, paper.Info.Language), templateStyles, paper.Info.Language).ToString(SaveOptions.DisableFormatting)));
            }
        });
        Entry(zip, "word/settings.xml", stream =>
        {
            using var xml = new XmlOut(stream);
            SettingsWriter.Write(xml, hasFootnotes);
        });
        if (hasNumbering)
        {
            Entry(zip, "word/numbering.xml", stream =>
            {
                using var xml = new XmlOut(stream);
                NumberingWriter.Write(xml, paper.Lists, paper.Instances, house.Font);
            });
        }

        if (hasFootnotes)
        {
            var notes = new PartRelationships();
            Entry(zip, "word/footnotes.xml", stream =>
            {
                using var xml = new XmlOut(stream);
                FootnotesWriter.Write(paper.Footnotes, new RunWriter(xml, notes));
            });
            if (notes.Count > 0) Entry(zip, "word/_rels/footnotes.xml.rels", notes.Write);
        }

        if (ownHeader)
        {
            Entry(zip, "word/header1.xml", stream =>
            {
                using var xml = new XmlOut(stream);
                HeaderFooterWriter.Header(house, paper.Header, new RunWriter(xml, null));
            });
            if (logo is not null)
            {
                var rels = new PartRelationships();
                rels.Add(HeaderFooterWriter.LogoId, PartRelationships.Image, logoName!, external: false);
                Entry(zip, "word/_rels/header1.xml.rels", rels.Write);
                Entry(zip, logoName![1..], stream => stream.Write(logo.Image.Span));
            }
        }

        if (ownFooter)
        {
            Entry(zip, "word/footer1.xml", stream =>
            {
                using var xml = new XmlOut(stream);
                HeaderFooterWriter.Footer(paper.Footer, new RunWriter(xml, null));
            });
        }

        for (var i = 0; i < paper.SectionFooters.Count; i++)
        {
            var content = paper.SectionFooters[i];
            Entry(zip, $"word/footer{i + 2}.xml", stream =>
            {
                using var xml = new XmlOut(stream);
                HeaderFooterWriter.Footer(content, new RunWriter(xml, null));
            });
        }

        foreach (var part in copied.Parts)
        {
            Entry(zip, part.Name[1..], stream => stream.Write(part.Bytes));
            if (part.Relationships.Count > 0) Entry(zip, RelationshipsName(part.Name), part.Relationships.Write);
        }
    }

    private static void Entry(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        write(stream);
    }

    private static void Override(XmlOut xml, string name, string contentType) =>
        xml.Start("Override"u8).Attr("PartName"u8, name).Attr("ContentType"u8, contentType).End("Override"u8);

    /// <summary>"/word/template/header1.xml" has its relationships in "word/template/_rels/header1.xml.rels".</summary>
    private static string RelationshipsName(string part)
    {
        var slash = part.LastIndexOf('/');
        return $"{part[1..(slash + 1)]}_rels/{part[(slash + 1)..]}.rels";
    }

    /// <summary>Our styles as XML, to merge into a template's.</summary>
    private static XElement OurStyles(HouseStyle house, string language)
    {
        using var buffer = new MemoryStream();
        using (var xml = new XmlOut(buffer, declaration: false)) StylesWriter.Write(xml, house, language);
        buffer.Position = 0;
        return XElement.Load(buffer);
    }

    /// <summary>
    /// The template's styles, with ours added where the template has none of that id. Numbering in the template's
    /// styles is removed (its numbering.xml is not copied, and our lists decide every number), and the document
    /// language stays the paper's when the template sets none. Elements are added where the schema's order puts them.
    /// </summary>
    private static XElement MergeStyles(XElement ours, XElement template, string language)
    {
        template.Descendants(W + "numPr").Remove();
        var defaults = FirstChild(template, "docDefaults");
        var runDefaults = FirstChild(defaults, "rPrDefault");
        var baseStyle = FirstChild(runDefaults, "rPr");
        if (baseStyle.Element(W + "lang") is null)
        {
            // w:lang comes before these three in a run's properties, and after every other.
            var lang = new XElement(W + "lang", new XAttribute(W + "val", language));
            if (baseStyle.Elements().FirstOrDefault(e => e.Name == W + "eastAsianLayout" || e.Name == W + "specVanish" || e.Name == W + "oMath") is { } after) after.AddBeforeSelf(lang);
            else baseStyle.Add(lang);
        }

        var present = template.Elements(W + "style").Select(s => Attribute(s, "styleId")).ToHashSet(StringComparer.Ordinal);
        foreach (var style in ours.Elements(W + "style"))
        {
            if (!present.Contains(Attribute(style, "styleId"))) template.Add(new XElement(style));
        }

        return template;
    }

    /// <summary>The element's child of that name, added as its first child when it has none (docDefaults, rPrDefault and rPr each come first).</summary>
    private static XElement FirstChild(XElement parent, string name)
    {
        if (parent.Element(W + name) is { } found) return found;
        var added = new XElement(W + name);
        parent.AddFirst(added);
        return added;
    }

    /// <summary>The template's default header or footer: the one its last section refers to.</summary>
    private static PackagePart? DefaultPart(WordFile? template, XElement? section, bool isHeader)
    {
        if (template?.Main is not { } main || section is null) return null;
        var reference = section.Elements(W + (isHeader ? "headerReference" : "footerReference")).FirstOrDefault(r => Attribute(r, "type") is null or "default");
        var relationship = (string?)reference?.Attribute(R + "id") is { } id ? Relationship(main, id) : null;
        return relationship?.RelationshipType == (isHeader ? WordFile.Header : WordFile.Footer) ? template.Target(main, relationship) : null;
    }

    /// <summary>
    /// Parts copied from a council's template (its theme, fonts, header and footer), each with the parts it refers to
    /// (a header's logo), under /word/template/ so that no name can clash with ours. Each keeps its own relationship ids.
    /// </summary>
    private sealed class TemplateParts(WordFile? template)
    {
        private readonly Dictionary<Uri, string> names = [];

        public List<CopiedPart> Parts { get; } = [];

        /// <summary>Copies <paramref name="part"/> (once) and what it refers to; returns its name in our package.</summary>
        public string Add(PackagePart part)
        {
            if (names.TryGetValue(part.Uri, out var known)) return known;
            var name = Name(part.Uri);
            names[part.Uri] = name;
            var copy = new CopiedPart(name, part.ContentType, Bytes(part));
            Parts.Add(copy);
            foreach (var relationship in part.GetRelationships())
            {
                if (relationship.TargetMode == TargetMode.External || relationship.RelationshipType == WordFile.Hyperlink)
                {
                    copy.Relationships.Add(relationship.Id, relationship.RelationshipType, relationship.TargetUri.OriginalString, relationship.TargetMode == TargetMode.External);
                }
                else if (template!.Target(part, relationship) is { } target)
                {
                    copy.Relationships.Add(relationship.Id, relationship.RelationshipType, Add(target), external: false);
                }
            }

            return name;
        }

        private static string Name(Uri uri)
        {
            var path = uri.OriginalString.TrimStart('/');
            if (path.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) path = path[5..];
            return "/word/template/" + path;
        }
    }

    private sealed record CopiedPart(string Name, string ContentType, byte[] Bytes)
    {
        public PartRelationships Relationships { get; } = new();
    }
}
