using CommitteePapers.Layout;

namespace CommitteePapers.Word;

/// <summary>Writes docProps/core.xml: title, creator, subject and language. No dates, so output stays the same.</summary>
internal static class CorePropertiesWriter
{
    public static void Write(XmlOut xml, DocumentInfo info)
    {
        xml.Start("cp:coreProperties"u8)
            .Attr("xmlns:cp"u8, "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"u8)
            .Attr("xmlns:dc"u8, "http://purl.org/dc/elements/1.1/"u8);
        Element(xml, "dc:title"u8, info.Title);
        Element(xml, "dc:subject"u8, info.Subject);
        Element(xml, "dc:creator"u8, info.Creator);
        Element(xml, "dc:language"u8, info.Language);
        xml.End("cp:coreProperties"u8);
    }

    private static void Element(XmlOut xml, ReadOnlySpan<byte> name, string text)
    {
        xml.Start(name).Text(text);
        xml.End(name);
    }
}
