using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CommitteePapers.Html;

/// <summary>
/// Builds the text of an HTML document: elements opened and closed by name, text and attribute values escaped by
/// the framework's HTML encoder, so nothing a paper says can become markup.
/// </summary>
internal sealed class Markup
{
    // Every script is left as it is (Urdu, Chinese, £ and é stay readable in the source); only what HTML gives a
    // meaning to is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder text = new();

    public Markup Raw(string markup)
    {
        text.Append(markup);
        return this;
    }

    public Markup Text(string value)
    {
        Encoder.Encode(new StringWriter(text), value);
        return this;
    }

    /// <summary>Opens an element; an attribute whose value is null is left out.</summary>
    public Markup Open(string tag, params (string Name, string? Value)[] attributes)
    {
        text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            text.Append(' ').Append(name);
            if (value.Length == 0) continue;
            text.Append("=\"");
            Encoder.Encode(new StringWriter(text), value);
            text.Append('"');
        }

        text.Append('>');
        return this;
    }

    public Markup Close(string tag)
    {
        text.Append("</").Append(tag).Append('>');
        return this;
    }

    public Markup Line()
    {
        text.Append('\n');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public Markup Element(string tag, string content, params (string Name, string? Value)[] attributes) => Open(tag, attributes).Text(content).Close(tag);

    public override string ToString() => text.ToString();
}
