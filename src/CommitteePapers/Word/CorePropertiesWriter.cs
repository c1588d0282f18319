using System.Xml.Linq;
using CommitteePapers.Layout;

namespace CommitteePapers.Word;

/// <summary>Writes docProps/core.xml: title, creator, subject and language. No dates, so output stays the same.</summary>
internal static class CorePropertiesWriter
{
    private static readonly XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static XDocument Write(DocumentInfo info) => new(
        new XDeclaration("1.0", "UTF-8", "yes"),
        new XElement(Cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", Cp),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XElement(Dc + "title", info.Title),
            new XElement(Dc + "subject", info.Subject),
            new XElement(Dc + "creator", info.Creator),
            new XElement(Dc + "language", info.Language)));
}
