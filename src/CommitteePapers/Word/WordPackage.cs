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
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var relationship = 0;
            string NextId() => $"rId{++relationship}";

            var styles = main.AddNewPart<StyleDefinitionsPart>(NextId());
            styles.Styles = StylesWriter.Write(house);
            var settings = main.AddNewPart<DocumentSettingsPart>(NextId());
            settings.Settings = SettingsWriter.Write(paper.Footnotes.Count > 0);
            if (paper.Lists.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>(NextId());
                numbering.Numbering = NumberingWriter.Write(paper.Lists, house);
            }

            if (paper.Footnotes.Count > 0)
            {
                var footnotes = main.AddNewPart<FootnotesPart>(NextId());
                var noteRelationship = 0;
                footnotes.Footnotes = FootnotesWriter.Write(paper.Footnotes, new RunWriter(footnotes, () => $"rId{++noteRelationship}"));
            }

            var footerId = NextId();
            var footer = main.AddNewPart<FooterPart>(footerId);
            footer.Footer = FooterWriter.Write(new RunWriter(footer, () => throw new InvalidOperationException("A footer has no links.")));

            main.Document = DocumentWriter.Write(paper, house, new RunWriter(main, NextId), footerId);

            // docProps/core.xml written directly: the packaging API's own core properties get a random part name.
            var core = document.AddCoreFilePropertiesPart();
            using (var coreStream = core.GetStream(FileMode.Create))
            {
                CorePropertiesWriter.Write(paper.Info).Save(coreStream);
            }
        }

        Normalise(buffer, output);
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
