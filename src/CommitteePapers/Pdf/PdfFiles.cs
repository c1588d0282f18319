using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CommitteePapers.Pdf;

/// <summary>Makes a PDF the same bytes for the same pack, whenever and wherever it is built.</summary>
internal static partial class PdfFiles
{
    /// <summary>
    /// LibreOffice (and PDFsharp) stamp a PDF with the time it was made, a random file identifier and (PDFsharp) random
    /// XMP ids, and LibreOffice numbers embedded Type 1 fonts with a counter of its own process, so two builds of the
    /// same pack differ. The dates become <paramref name="date"/> (the pack's publication date) at midnight, the
    /// identifiers a hash of the rest of the file, each written over the old with text of the same length; the fonts
    /// are settled by <see cref="SettleFonts"/>.
    /// </summary>
    public static void Settle(string path, DateOnly date)
    {
        var bytes = File.ReadAllBytes(path);
        // Latin-1 maps every byte to one character and back, so the text's offsets are the file's.
        var text = SettleFonts(Encoding.Latin1.GetString(bytes));
        var stamp = date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        text = PdfDate().Replace(text, m => m.Groups[1].Value + stamp + new string('0', m.Groups[2].Length));
        var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        text = XmpDate().Replace(text, m => m.Groups[1].Value + iso + "T00:00:00" + m.Groups[2].Value);
        var blank = FileId().Replace(text, m => m.Groups[1].Value + new string('0', m.Groups[2].Length) + m.Groups[3].Value + new string('0', m.Groups[4].Length) + m.Groups[5].Value);
        blank = DocChecksum().Replace(blank, m => m.Groups[1].Value + new string('0', m.Groups[2].Length));
        blank = XmpUuid().Replace(blank, m => m.Groups[1].Value + new string('0', m.Groups[2].Length));
        var hash = Convert.ToHexString(MD5.HashData(Encoding.Latin1.GetBytes(blank)));
        var uuid = new Guid(Convert.FromHexString(hash)).ToString();
        text = XmpUuid().Replace(text, m => m.Groups[1].Value + uuid);
        text = FileId().Replace(text, m => m.Groups[1].Value + Fit(hash, m.Groups[2].Length) + m.Groups[3].Value + Fit(hash, m.Groups[4].Length) + m.Groups[5].Value);
        text = DocChecksum().Replace(text, m => m.Groups[1].Value + Fit(hash, m.Groups[2].Length));
        var settled = Encoding.Latin1.GetBytes(text);
        if (!settled.AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, settled);
    }

    /// <summary>
    /// LibreOffice numbers the Type 1 fonts it embeds with a /UniqueID that counts up in the running process, so the
    /// same pack converted later by the same LibreOffice differs in it (in the font's clear text, and again inside its
    /// eexec-encrypted part). Each such font program is decompressed, its UniqueID made the same (0 with as many
    /// digits), its encrypted part decrypted and encrypted again around the change, and the program compressed again
    /// with its new length; then the cross-reference table is written again with the objects' new offsets.
    /// </summary>
    private static string SettleFonts(string original)
    {
        var text = original;
        var changed = false;
        foreach (Match stream in FontProgram().Matches(text).Reverse())
        {
            var dictionary = stream.Groups["dict"].Value;
            var data = Encoding.Latin1.GetBytes(stream.Groups["data"].Value);
            byte[] program;
            try
            {
                using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                program = output.ToArray();
            }
            catch (InvalidDataException)
            {
                continue;
            }

            if (Number(dictionary, "Length1") is not { } clear || Number(dictionary, "Length2") is not { } encrypted || clear + encrypted > program.Length) continue;
            var idInClear = SameId(program.AsSpan(0, clear));
            var plain = Eexec(program.AsSpan(clear, encrypted), decrypt: true);
            if (!SameId(plain) && !idInClear) continue;
            Eexec(plain, decrypt: false).CopyTo(program.AsSpan(clear));
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(program);
            var replacement = Encoding.Latin1.GetString(packed.ToArray());
            if (LengthAt(text, dictionary, stream.Index) is not { } length) continue;

            // The data first, then the length: in the dictionary before it, or in an object that may come after it.
            var start = stream.Groups["data"].Index;
            text = text[..start] + replacement + text[(start + data.Length)..];
            var lengthAt = length.Index > start ? length.Index + replacement.Length - data.Length : length.Index;
            text = text[..lengthAt] + replacement.Length.ToString(CultureInfo.InvariantCulture) + text[(lengthAt + length.Digits)..];
            changed = true;
        }

        // A file whose cross-reference table cannot be written again keeps its fonts as they were (it stays readable).
        return changed ? Reindex(text) ?? original : original;
    }

    /// <summary>
    /// Writes the cross-reference table again for objects that moved: each in-use entry gets the offset of its object's
    /// "n 0 obj", and startxref the table's own. Null for a file whose table is not one classic section (LibreOffice
    /// and PDFsharp write one), or that has an object the table names but the file does not hold.
    /// </summary>
    private static string? Reindex(string text)
    {
        var table = XrefTable().Match(text);
        if (!table.Success) return null;
        var offsets = new Dictionary<int, int>();
        foreach (Match obj in ObjectStart().Matches(text)) offsets.TryAdd(int.Parse(obj.Groups[1].Value, CultureInfo.InvariantCulture), obj.Groups[1].Index);
        var first = int.Parse(table.Groups["first"].Value, CultureInfo.InvariantCulture);
        var entries = table.Groups["entries"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rebuilt = new StringBuilder();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].TrimEnd('\r');
            if (entry.EndsWith(" n", StringComparison.Ordinal) || entry.EndsWith(" n ", StringComparison.Ordinal))
            {
                if (!offsets.TryGetValue(first + i, out var offset)) return null;
                entry = offset.ToString("D10", CultureInfo.InvariantCulture) + entry[10..];
            }

            rebuilt.Append(entry).Append(entries[i].EndsWith('\r') ? "\r\n" : "\n");
        }

        var entriesGroup = table.Groups["entries"];
        text = text[..entriesGroup.Index] + rebuilt + text[(entriesGroup.Index + entriesGroup.Length)..];
        var xrefAt = text.LastIndexOf("xref", text.LastIndexOf("startxref", StringComparison.Ordinal) - 1, StringComparison.Ordinal);
        return StartXref().Replace(text, m => m.Groups[1].Value + xrefAt.ToString(CultureInfo.InvariantCulture), 1, Math.Max(0, text.LastIndexOf("startxref", StringComparison.Ordinal)));
    }

    /// <summary>Makes every "/UniqueID n" in <paramref name="program"/> the same, keeping its length; true when it held one.</summary>
    private static bool SameId(Span<byte> program)
    {
        var found = false;
        var key = "/UniqueID "u8;
        for (var at = program.IndexOf(key); at >= 0;)
        {
            var digit = at + key.Length;
            while (digit < program.Length && program[digit] is >= (byte)'0' and <= (byte)'9') program[digit++] = (byte)'0';
            found = true;
            var next = program[digit..].IndexOf(key);
            at = next < 0 ? -1 : digit + next;
        }

        return found;
    }

    /// <summary>Type 1 eexec encryption (Adobe Type 1 Font Format, section 7.2): r = 55665, c1 = 52845, c2 = 22719.</summary>
    private static byte[] Eexec(ReadOnlySpan<byte> input, bool decrypt)
    {
        var output = new byte[input.Length];
        ushort r = 55665;
        for (var i = 0; i < input.Length; i++)
        {
            var cipher = decrypt ? input[i] : (byte)(input[i] ^ (r >> 8));
            output[i] = decrypt ? (byte)(input[i] ^ (r >> 8)) : cipher;
            r = (ushort)(((cipher + r) * 52845) + 22719);
        }

        return output;
    }

    private static int? Number(string dictionary, string key) =>
        Regex.Match(dictionary, "/" + key + @"\s+(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>Where the stream's /Length is written: in its dictionary, or in the object it refers to.</summary>
    private static (int Index, int Digits)? LengthAt(string text, string dictionary, int streamAt)
    {
        var direct = Regex.Match(dictionary, @"/Length\s+(\d+)(?!\s+\d+\s+R)");
        if (direct.Success && !Regex.IsMatch(dictionary, @"/Length\s+\d+\s+\d+\s+R"))
        {
            var dictionaryAt = text.IndexOf(dictionary, streamAt, StringComparison.Ordinal);
            return (dictionaryAt + direct.Groups[1].Index, direct.Groups[1].Length);
        }

        var reference = Regex.Match(dictionary, @"/Length\s+(\d+)\s+0\s+R");
        if (!reference.Success) return null;
        var target = Regex.Match(text, @"(?<![0-9])" + reference.Groups[1].Value + @"\s+0\s+obj\s*(\d+)\s*endobj");
        return target.Success ? (target.Groups[1].Index, target.Groups[1].Length) : null;
    }

    private static string Fit(string hash, int length) => length <= hash.Length ? hash[..length] : hash.PadRight(length, '0');

    /// <summary>An embedded Type 1 font program: its dictionary (with /Length1 and /Length2), its data and the end of the stream.</summary>
    [GeneratedRegex(@"obj\s*(?<dict><<[^>]*?/Length1\s+\d+[^>]*?/Length2\s+\d+[^>]*?>>)\s*stream\r?\n(?<data>.*?)(?<end>\r?\nendstream)", RegexOptions.Singleline)]
    private static partial Regex FontProgram();

    /// <summary>The classic cross-reference table: "xref", one section's first object and count, then its entries.</summary>
    [GeneratedRegex(@"(?<=[\r\n])xref\r?\n(?<first>\d+) (?<count>\d+)\r?\n(?<entries>(?:\d{10} \d{5} [nf] ?\r?\n)+)trailer", RegexOptions.RightToLeft)]
    private static partial Regex XrefTable();

    /// <summary>The start of an object: "n 0 obj" at the start of a line.</summary>
    [GeneratedRegex(@"(?<=[\r\n])(\d+) 0 obj\b")]
    private static partial Regex ObjectStart();

    /// <summary>startxref and the offset after it.</summary>
    [GeneratedRegex(@"(startxref\r?\n)\d+")]
    private static partial Regex StartXref();

    /// <summary>/CreationDate(D:20261130191113Z') or /ModDate(D:20261130191113+00'00'): the date, then the time of day.</summary>
    [GeneratedRegex(@"(/(?:CreationDate|ModDate)\s*\(D:)\d{8}(\d{0,6})")]
    private static partial Regex PdfDate();

    /// <summary>The same dates in XMP metadata, when it is not compressed.</summary>
    [GeneratedRegex(@"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\D)")]
    private static partial Regex XmpDate();

    /// <summary>/ID [ &lt;hex&gt; &lt;hex&gt; ]: the file's identifier, made of two hexadecimal strings.</summary>
    [GeneratedRegex(@"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)")]
    private static partial Regex FileId();

    /// <summary>The document and instance ids PDFsharp writes in XMP metadata: random uuids.</summary>
    [GeneratedRegex(@"(<xmpMM:(?:DocumentID|InstanceID)>uuid:)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
    private static partial Regex XmpUuid();

    /// <summary>LibreOffice's /DocChecksum /hex: a checksum of the file as it first wrote it, dates included.</summary>
    [GeneratedRegex(@"(/DocChecksum\s*/)([0-9A-Fa-f]+)")]
    private static partial Regex DocChecksum();
}
