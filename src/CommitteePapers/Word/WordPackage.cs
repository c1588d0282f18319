using System.IO.Compression;
using System.Text;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>
/// Puts the parts together into a .docx, streaming each part's XML straight into its zip entry: nothing is built in
/// memory first, and nothing is zipped twice. Every relationship id is given, never generated, every entry has the
/// same fixed time stamp and the entries come in a fixed order, so the same paper gives the same bytes.
/// </summary>
/// <remarks>
/// A council's Word template is read with the Open XML SDK (its styles are merged with ours; its theme, fonts, header
/// and footer are copied with whatever they refer to). Without a template the SDK is not used at all.
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
        using var template = house.Template is { } bytes ? WordprocessingDocument.Open(new MemoryStream(bytes.ToArray(), writable: false), false) : null;
        var templateMain = template?.MainDocumentPart;
        var templateStyles = (W.Styles?)templateMain?.StyleDefinitionsPart?.Styles?.CloneNode(true);
        var styleMap = templateStyles is null ? StyleMap.Own : new StyleMap(house, templateStyles);

        // Which parts there are, and the main document's relationships to them, before anything is written: the
        // content types come first in the package.
        var hasNumbering = paper.Instances.Count > 0;
        var hasFootnotes = paper.Footnotes.Count > 0;
        var templateHeader = DefaultPart<HeaderPart>(templateMain, isHeader: true);
        var templateFooter = DefaultPart<FooterPart>(templateMain, isHeader: false);
        var ownHeader = templateHeader is null && HeaderFooterWriter.HasHeader(house, paper.Header);
        var ownFooter = templateFooter is null && HeaderFooterWriter.HasFooter(paper.Footer);

        var copied = new TemplateParts();
        var main = new PartRelationships();
        main.Internal(PartRelationships.Styles, "/word/styles.xml");
        main.Internal(PartRelationships.Settings, "/word/settings.xml");
        if (templateMain?.ThemePart is { } theme) main.Internal(theme.RelationshipType, copied.Add(theme));
        if (templateMain?.FontTablePart is { } fonts) main.Internal(fonts.RelationshipType, copied.Add(fonts));
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
                xml.Raw(Encoding.UTF8.GetBytes(MergeStyles(OurStyles(house, paper.Info.Language), templateStyles, paper.Info.Language).OuterXml));
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

    /// <summary>Our styles as the SDK's element, to merge into a template's.</summary>
    private static W.Styles OurStyles(HouseStyle house, string language)
    {
        using var buffer = new MemoryStream();
        using (var xml = new XmlOut(buffer, declaration: false)) StylesWriter.Write(xml, house, language);
        return new W.Styles(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>
    /// The template's styles, with ours added where the template has none of that id. Numbering in the template's
    /// styles is removed (its numbering.xml is not copied, and our lists decide every number), and the document
    /// language stays the paper's when the template sets none.
    /// </summary>
    private static W.Styles MergeStyles(W.Styles ours, W.Styles template, string language)
    {
        foreach (var numbering in template.Descendants<W.NumberingProperties>().ToList()) numbering.Remove();
        var defaults = template.DocDefaults ??= new W.DocDefaults();
        var runDefaults = defaults.RunPropertiesDefault ??= new W.RunPropertiesDefault();
        var baseStyle = runDefaults.RunPropertiesBaseStyle ??= new W.RunPropertiesBaseStyle();
        baseStyle.Languages ??= new W.Languages { Val = language };
        var present = template.Elements<W.Style>().Select(s => s.StyleId?.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var style in ours.Elements<W.Style>())
        {
            if (!present.Contains(style.StyleId?.Value)) template.Append(style.CloneNode(true));
        }

        return template;
    }

    /// <summary>The template's default header or footer: the one its last section refers to.</summary>
    private static T? DefaultPart<T>(MainDocumentPart? template, bool isHeader)
        where T : OpenXmlPart
    {
        var section = template?.Document?.Body?.Elements<W.SectionProperties>().LastOrDefault();
        if (section is null) return null;
        var id = isHeader
            ? section.Elements<W.HeaderReference>().FirstOrDefault(r => r.Type is null || r.Type.Value == W.HeaderFooterValues.Default)?.Id?.Value
            : section.Elements<W.FooterReference>().FirstOrDefault(r => r.Type is null || r.Type.Value == W.HeaderFooterValues.Default)?.Id?.Value;
        return id is not null && template!.TryGetPartById(id, out var part) ? part as T : null;
    }

    /// <summary>
    /// Parts copied from a council's template (its theme, fonts, header and footer), each with the parts it refers to
    /// (a header's logo), under /word/template/ so that no name can clash with ours. Each keeps its own relationship ids.
    /// </summary>
    private sealed class TemplateParts
    {
        private readonly Dictionary<Uri, string> names = [];

        public List<CopiedPart> Parts { get; } = [];

        /// <summary>Copies <paramref name="part"/> (once) and what it refers to; returns its name in our package.</summary>
        public string Add(OpenXmlPart part)
        {
            if (names.TryGetValue(part.Uri, out var known)) return known;
            var name = Name(part.Uri);
            names[part.Uri] = name;
            var copy = new CopiedPart(name, part.ContentType, Read(part.GetStream()));
            Parts.Add(copy);
            foreach (var child in part.Parts) copy.Relationships.Add(child.RelationshipId, child.OpenXmlPart.RelationshipType, Add(child.OpenXmlPart), external: false);
            foreach (var external in part.ExternalRelationships) copy.Relationships.Add(external.Id, external.RelationshipType, external.Uri.OriginalString, external: true);
            foreach (var link in part.HyperlinkRelationships) copy.Relationships.Add(link.Id, link.RelationshipType, link.Uri.OriginalString, link.IsExternal);
            foreach (var data in part.DataPartReferenceRelationships)
            {
                var dataName = Name(data.DataPart.Uri);
                if (!names.ContainsValue(dataName))
                {
                    names[data.DataPart.Uri] = dataName;
                    Parts.Add(new CopiedPart(dataName, data.DataPart.ContentType, Read(data.DataPart.GetStream())));
                }

                copy.Relationships.Add(data.Id, data.RelationshipType, dataName, external: false);
            }

            return name;
        }

        private static string Name(Uri uri)
        {
            var path = uri.OriginalString.TrimStart('/');
            if (path.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) path = path[5..];
            return "/word/template/" + path;
        }

        private static byte[] Read(Stream stream)
        {
            using (stream)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        }
    }

    private sealed record CopiedPart(string Name, string ContentType, byte[] Bytes)
    {
        public PartRelationships Relationships { get; } = new();
    }
}
