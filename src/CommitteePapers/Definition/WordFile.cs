using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using System.Xml.Linq;

namespace CommitteePapers.Definition;

/// <summary>
/// A Word file (.docx or .dotx) opened for reading through System.IO.Packaging: its main document part, the parts a
/// part refers to (by relationship type or id), and each part's XML as LINQ to XML, read without DTDs or external
/// entities. The importer reads papers through it and template import reads council templates; nothing writes through
/// it. <see cref="InputFile.IsSafeZip"/> has checked the bytes before they come here.
/// </summary>
/// <remarks>
/// The Open XML SDK did this work before. Its typed elements made the NativeAOT tool 14 MB larger and its start-up
/// a third slower (bench/README.md), for parts that are only read. The SDK's validator still checks a template's
/// copied parts where the runtime can compile code (Word/TemplateSchema.cs), and the tests check every .docx with it.
/// </remarks>
internal sealed class WordFile : IDisposable
{
    /// <summary>WordprocessingML.</summary>
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Relationship ids in a part's XML (r:id).</summary>
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>DrawingML, the namespace of a theme.</summary>
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    public const string OfficeDocument = RelationshipType + "officeDocument";
    public const string Styles = RelationshipType + "styles";
    public const string Numbering = RelationshipType + "numbering";
    public const string Footnotes = RelationshipType + "footnotes";
    public const string Theme = RelationshipType + "theme";
    public const string FontTable = RelationshipType + "fontTable";
    public const string Header = RelationshipType + "header";
    public const string Footer = RelationshipType + "footer";
    public const string Hyperlink = RelationshipType + "hyperlink";
    public const string VbaProject = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    private static readonly XmlReaderSettings Safe = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static readonly Uri Root = new("/", UriKind.Relative);

    private readonly MemoryStream stream;
    private readonly Package package;

    private WordFile(MemoryStream stream, Package package)
    {
        this.stream = stream;
        this.package = package;
        Main = Target(null, package.GetRelationshipsByType(OfficeDocument).FirstOrDefault());
    }

    /// <summary>The main document part, if the package has one.</summary>
    public PackagePart? Main { get; }

    /// <summary>Title, author and dates, as the package's core properties give them.</summary>
    public PackageProperties Properties => package.PackageProperties;

    /// <summary>A macro-enabled document or template (.docm, .dotm), or one that carries a VBA project.</summary>
    public bool IsMacroEnabled =>
        Main is { } main && (main.ContentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || Part(VbaProject) is not null);

    /// <summary>Opens a package for reading; throws what System.IO.Packaging throws for a package it cannot read.</summary>
    public static WordFile Open(byte[] bytes)
    {
        var stream = new MemoryStream(bytes, writable: false);
        try
        {
            return new WordFile(stream, Package.Open(stream, FileMode.Open, FileAccess.Read));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The first part the main document refers to with a relationship of <paramref name="type"/> (its styles, its theme).</summary>
    public PackagePart? Part(string type) => Parts(type).FirstOrDefault();

    /// <summary>Every part the main document refers to with a relationship of <paramref name="type"/>, in the relationships' order; none without a main document.</summary>
    public IEnumerable<PackagePart> Parts(string type) =>
        Main is { } main ? main.GetRelationshipsByType(type).Select(r => Target(main, r)).OfType<PackagePart>() : [];

    /// <summary>The part a relationship of <paramref name="from"/> leads to; null for an external target or a part that is not there.</summary>
    public PackagePart? Target(PackagePart? from, PackageRelationship? relationship)
    {
        if (relationship is null || relationship.TargetMode != TargetMode.Internal) return null;
        var uri = PackUriHelper.ResolvePartUri(from?.Uri ?? Root, relationship.TargetUri);
        return package.PartExists(uri) ? package.GetPart(uri) : null;
    }

    /// <summary>
    /// The relationship of <paramref name="from"/> with the id an r:id attribute gives, if there is one. An id that is
    /// not an XML name ("12", "") can name none: System.IO.Packaging throws for it, so it is not asked.
    /// </summary>
    public static PackageRelationship? Relationship(PackagePart from, string id)
    {
        try
        {
            XmlConvert.VerifyNCName(id);
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            return null;
        }

        return from.RelationshipExists(id) ? from.GetRelationship(id) : null;
    }

    /// <summary>
    /// How deeply a part's elements may nest. Word's own documents stay far below it (a table in a table in a text box
    /// is a few dozen levels); the importer reads runs and fields recursively, so a part nested deeper is refused
    /// rather than allowed to exhaust the stack.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// A part's XML, whitespace kept (a template's parts are copied as they are); null when there is no part. Throws
    /// <see cref="XmlException"/> for XML that does not read or nests deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public static XElement? Xml(PackagePart? part)
    {
        if (part is null) return null;
        using var content = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(content, Safe);
        var root = XElement.Load(reader, LoadOptions.PreserveWhitespace);
        if (TooDeep(root)) throw new XmlException($"{part.Uri} nests its elements more than {MaxDepth} deep");
        return root;
    }

    /// <summary>Whether any element lies deeper than <see cref="MaxDepth"/> (walked with a stack of its own, not recursion).</summary>
    private static bool TooDeep(XElement root)
    {
        var pending = new Stack<(XElement Element, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth) return true;
            foreach (var child in item.Element.Elements()) pending.Push((child, item.Depth + 1));
        }

        return false;
    }

    /// <summary>
    /// What System.IO.Packaging and the XML reader throw for a damaged package: a broken zip or content types, a
    /// relationship target that is not a URI, XML that does not read or nests too deep. The readers turn these into
    /// CP0031.
    /// </summary>
    public static bool IsDamage(Exception e) =>
        e is InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException
            or ArgumentException or NotSupportedException or FormatException or OverflowException;

    /// <summary>A part's bytes, as they are in the package.</summary>
    public static byte[] Bytes(PackagePart part)
    {
        using var content = part.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A WordprocessingML attribute of an element (w:val, w:styleId), or null.</summary>
    public static string? Attribute(XElement? element, string name) => (string?)element?.Attribute(W + name);

    /// <summary>The w:val of an element, or null when there is no element or no value.</summary>
    public static string? Val(XElement? element) => Attribute(element, "val");

    /// <summary>A whole number in a WordprocessingML attribute; null when there is none or it is not a number.</summary>
    public static int? Int(XElement? element, string name = "val") =>
        int.TryParse(Attribute(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// An on/off property (w:b, w:isLgl): null when the element is absent, off for "0", "false" or "off", on otherwise
    /// (an element without w:val is on).
    /// </summary>
    public static bool? OnOff(XElement? element) =>
        element is null ? null : Val(element) is not ("0" or "false" or "off");

    public void Dispose()
    {
        package.Close();
        stream.Dispose();
    }
}
