namespace CommitteePapers.Word;

/// <summary>
/// The relationships of one part, each id given in order from a counter (never generated), and written as the part's
/// <c>_rels/*.rels</c> once the part itself has been written (its hyperlinks are known only then).
/// </summary>
internal sealed class PartRelationships
{
    public const string Styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    public const string Settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    public const string Numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    public const string Footnotes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";
    public const string Header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    public const string Footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    public const string Image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    public const string Hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    public const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string CoreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    private readonly List<(string Id, string Type, string Target, bool External)> items = [];

    public int Count => items.Count;

    /// <summary>A part of this package, by its absolute name ("/word/styles.xml").</summary>
    public string Internal(string type, string target) => Add(type, target, external: false);

    /// <summary>A web or email address: percent-encoded, so that the relationship's target is always a valid URI.</summary>
    public string External(string type, string url) =>
        Add(type, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url, external: true);

    /// <summary>An id given by the caller (a template part's own, or the logo's).</summary>
    public void Add(string id, string type, string target, bool external) => items.Add((id, type, target, external));

    private string Add(string type, string target, bool external)
    {
        var id = "rId" + (items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        items.Add((id, type, target, external));
        return id;
    }

    public void Write(Stream stream)
    {
        using var xml = new XmlOut(stream);
        xml.Start("Relationships"u8).Attr("xmlns"u8, "http://schemas.openxmlformats.org/package/2006/relationships"u8);
        foreach (var (id, type, target, external) in items)
        {
            xml.Start("Relationship"u8).Attr("Id"u8, id).Attr("Type"u8, type).Attr("Target"u8, target);
            if (external) xml.Attr("TargetMode"u8, "External"u8);
            xml.End("Relationship"u8);
        }

        xml.End("Relationships"u8);
    }
}
