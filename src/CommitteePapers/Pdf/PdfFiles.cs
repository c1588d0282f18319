using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CommitteePapers.Pdf;

/// <summary>Makes a PDF the same bytes for the same pack, whenever and wherever it is built.</summary>
internal static partial class PdfFiles
{
    /// <summary>
    /// LibreOffice (and PDFsharp) stamp a PDF with the time it was made and a random file identifier, so two builds of
    /// the same pack differ. Both are replaced in place, each with text of the same length, so no offset in the file
    /// moves: the dates with <paramref name="date"/> (the pack's publication date) at midnight, the identifier with a
    /// hash of the rest of the file.
    /// </summary>
    public static void Settle(string path, DateOnly date)
    {
        var bytes = File.ReadAllBytes(path);
        // Latin-1 maps every byte to one character and back, so the text's offsets are the file's.
        var text = Encoding.Latin1.GetString(bytes);
        var stamp = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        text = PdfDate().Replace(text, m => m.Groups[1].Value + stamp + new string('0', m.Groups[2].Length));
        var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        text = XmpDate().Replace(text, m => m.Groups[1].Value + iso + "T00:00:00" + m.Groups[2].Value);
        var blank = FileId().Replace(text, m => m.Groups[1].Value + new string('0', m.Groups[2].Length) + m.Groups[3].Value + new string('0', m.Groups[4].Length) + m.Groups[5].Value);
        blank = DocChecksum().Replace(blank, m => m.Groups[1].Value + new string('0', m.Groups[2].Length));
        var hash = Convert.ToHexString(MD5.HashData(Encoding.Latin1.GetBytes(blank)));
        text = FileId().Replace(text, m => m.Groups[1].Value + Fit(hash, m.Groups[2].Length) + m.Groups[3].Value + Fit(hash, m.Groups[4].Length) + m.Groups[5].Value);
        text = DocChecksum().Replace(text, m => m.Groups[1].Value + Fit(hash, m.Groups[2].Length));
        var settled = Encoding.Latin1.GetBytes(text);
        if (!settled.AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, settled);
    }

    private static string Fit(string hash, int length) => length <= hash.Length ? hash[..length] : hash.PadRight(length, '0');

    /// <summary>/CreationDate(D:20261130191113Z') or /ModDate(D:20261130191113+00'00'): the date, then the time of day.</summary>
    [GeneratedRegex(@"(/(?:CreationDate|ModDate)\s*\(D:)\d{8}(\d{0,6})")]
    private static partial Regex PdfDate();

    /// <summary>The same dates in XMP metadata, when it is not compressed.</summary>
    [GeneratedRegex(@"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\D)")]
    private static partial Regex XmpDate();

    /// <summary>/ID [ &lt;hex&gt; &lt;hex&gt; ]: the file's identifier, made of two hexadecimal strings.</summary>
    [GeneratedRegex(@"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")]
    private static partial Regex FileId();

    /// <summary>LibreOffice's /DocChecksum /hex: a checksum of the file as it first wrote it, dates included.</summary>
    [GeneratedRegex(@"(/DocChecksum\s*/)([0-9A-Fa-f]+)")]
    private static partial Regex DocChecksum();
}
