using System.Buffers;
using System.Text;

namespace CommitteePapers.Word;

/// <summary>
/// Writes one part's XML as UTF-8 straight into its zip entry, through one pooled buffer: element and attribute
/// names are UTF-8 literals, numbers are formatted in place, and text is escaped as it is copied, so writing a
/// document allocates next to nothing (the Open XML SDK's object model allocated about 1 MB for a York report).
/// It checks nothing about the schema: each writer puts children in schema order itself, and the tests run the Open
/// XML validator on every document they write.
/// </summary>
internal sealed class XmlOut : IDisposable
{
    private const int Size = 16 * 1024;

    private readonly Stream stream;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(Size);
    private int used;

    /// <summary>True while a start tag is open: attributes may still be added, or it may close as an empty element.</summary>
    private bool open;

    public XmlOut(Stream stream, bool declaration = true)
    {
        this.stream = stream;
        if (declaration) Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"u8);
    }

    /// <summary>Opens an element; attributes follow, then content or <see cref="End"/>.</summary>
    public XmlOut Start(ReadOnlySpan<byte> name)
    {
        CloseStartTag();
        Byte((byte)'<');
        Raw(name);
        open = true;
        return this;
    }

    /// <summary>An attribute whose value is a literal that needs no escaping.</summary>
    public XmlOut Attr(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        AttrName(name);
        Raw(value);
        Byte((byte)'"');
        return this;
    }

    public XmlOut Attr(ReadOnlySpan<byte> name, string value)
    {
        AttrName(name);
        Escaped(value, attribute: true);
        Byte((byte)'"');
        return this;
    }

    public XmlOut Attr(ReadOnlySpan<byte> name, long value)
    {
        AttrName(name);
        Room(20);
        value.TryFormat(buffer.AsSpan(used), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        used += written;
        Byte((byte)'"');
        return this;
    }

    /// <summary>Ends the element opened last: an empty element if nothing was written inside it.</summary>
    public void End(ReadOnlySpan<byte> name)
    {
        if (open)
        {
            Raw("/>"u8);
            open = false;
            return;
        }

        Raw("</"u8);
        Raw(name);
        Byte((byte)'>');
    }

    /// <summary>An element with neither attributes nor content, such as <c>&lt;w:b/&gt;</c>.</summary>
    public void Empty(ReadOnlySpan<byte> name)
    {
        CloseStartTag();
        Byte((byte)'<');
        Raw(name);
        Raw("/>"u8);
    }

    /// <summary>An element holding one attribute, <c>w:val</c> most often: <c>&lt;w:pStyle w:val="Heading1"/&gt;</c>.</summary>
    public void Value(ReadOnlySpan<byte> name, ReadOnlySpan<byte> attribute, string value) => Start(name).Attr(attribute, value).End(name);

    public void Value(ReadOnlySpan<byte> name, ReadOnlySpan<byte> attribute, ReadOnlySpan<byte> value) => Start(name).Attr(attribute, value).End(name);

    public void Value(ReadOnlySpan<byte> name, ReadOnlySpan<byte> attribute, long value) => Start(name).Attr(attribute, value).End(name);

    /// <summary>Escaped character data inside the element opened last.</summary>
    public void Text(string text)
    {
        CloseStartTag();
        Escaped(text, attribute: false);
    }

    /// <summary>Bytes that are already XML (a part copied from a council's template).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (used == buffer.Length) Flush();
            var n = Math.Min(bytes.Length, buffer.Length - used);
            bytes[..n].CopyTo(buffer.AsSpan(used));
            used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Writes what is buffered and gives the buffer back; the stream stays open.</summary>
    public void Dispose()
    {
        if (buffer.Length == 0) return;
        Flush();
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void AttrName(ReadOnlySpan<byte> name)
    {
        Byte((byte)' ');
        Raw(name);
        Raw("=\""u8);
    }

    private void CloseStartTag()
    {
        if (!open) return;
        Byte((byte)'>');
        open = false;
    }

    private void Byte(byte b)
    {
        if (used == buffer.Length) Flush();
        buffer[used++] = b;
    }

    private void Room(int bytes)
    {
        if (buffer.Length - used < bytes) Flush();
    }

    private void Flush()
    {
        stream.Write(buffer, 0, used);
        used = 0;
    }

    /// <summary>
    /// The text as UTF-8 with the characters XML gives a meaning escaped. Characters XML cannot hold at all never reach
    /// a writer (layout leaves them out with CP0018); should one come, it is written as U+FFFD rather than as a broken
    /// document. In attributes, line breaks and tabs are written as references so that they survive reading.
    /// </summary>
    private void Escaped(string text, bool attribute)
    {
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            ReadOnlySpan<byte> replacement;
            switch (c)
            {
                case '&': replacement = "&amp;"u8; break;
                case '<': replacement = "&lt;"u8; break;
                case '>': replacement = "&gt;"u8; break;
                case '"' when attribute: replacement = "&quot;"u8; break;
                case '\n' when attribute: replacement = "&#xA;"u8; break;
                case '\t' when attribute: replacement = "&#x9;"u8; break;
                case '\r': replacement = "&#xD;"u8; break;
                case < ' ' and not '\n' and not '\t': replacement = "\uFFFD"u8; break;
                case '\uFFFE' or '\uFFFF': replacement = "\uFFFD"u8; break;
                default: continue;
            }

            Chars(text.AsSpan(from, i - from));
            Raw(replacement);
            from = i + 1;
        }

        Chars(text.AsSpan(from));
    }

    /// <summary>Characters as UTF-8 (a lone surrogate becomes U+FFFD, as the encoder does by default).</summary>
    private void Chars(ReadOnlySpan<char> chars)
    {
        while (chars.Length > 0)
        {
            // At most 3 bytes a char (a surrogate pair is 4 bytes for 2 chars); keep pairs together.
            Room(Math.Min(chars.Length * 3, 1024));
            var take = Math.Min(chars.Length, (buffer.Length - used) / 3);
            if (take < chars.Length && take > 0 && char.IsHighSurrogate(chars[take - 1])) take--;
            if (take == 0)
            {
                Flush();
                continue;
            }

            used += Encoding.UTF8.GetBytes(chars[..take], buffer.AsSpan(used));
            chars = chars[take..];
        }
    }
}
