using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommitteePapers.Layout;
using CommitteePapers.Styles;
using HarfBuzzSharp;

namespace CommitteePapers;

/// <summary>
/// Finds a style's font among the installed fonts by the family name in each font file's name table, and reads its
/// advance widths with HarfBuzz, so Layout can measure table text in the font the paper is printed in. Layout stays
/// pure: it is given a <see cref="TextMetrics"/>, never a path. The folders are scanned once per locator, and each
/// font file's widths read once; both are deterministic for the files on the machine.
/// </summary>
internal sealed class FontLocator
{
    /// <summary>
    /// Families Word papers name that are seldom installed on Linux, and the metric-compatible families LibreOffice
    /// substitutes for them (the same advance widths by design), so a paper measures as it prints.
    /// </summary>
    private static readonly FrozenDictionary<string, string> MetricCompatible = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Arial"] = "Liberation Sans",
        ["Helvetica"] = "Liberation Sans",
        ["Arial Narrow"] = "Liberation Sans Narrow",
        ["Times New Roman"] = "Liberation Serif",
        ["Times"] = "Liberation Serif",
        ["Courier New"] = "Liberation Mono",
        ["Courier"] = "Liberation Mono",
        ["Calibri"] = "Carlito",
        ["Cambria"] = "Caladea",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];

    private readonly IReadOnlyList<string> folders;
    private readonly Lazy<List<string>> fileList;
    private readonly Lazy<FrozenDictionary<string, FaceRef>> families;
    private readonly ConcurrentDictionary<FaceRef, Lazy<FontAdvances?>> advances = new();
    private readonly ConditionalWeakTable<byte[], ConcurrentDictionary<string, Lazy<FontAdvances?>>> named = new();

    /// <param name="folders">The folders to look in, in order of preference; missing folders are skipped.</param>
    public FontLocator(IReadOnlyList<string> folders)
    {
        this.folders = folders;
        fileList = new Lazy<List<string>>(ListFiles, LazyThreadSafetyMode.ExecutionAndPublication);
        families = new Lazy<FrozenDictionary<string, FaceRef>>(Scan, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The standard font folders of Linux (fontconfig's defaults), macOS and Windows.</summary>
    public static IReadOnlyList<string> StandardFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var list = new List<string> { "/usr/share/fonts", "/usr/local/share/fonts" };
        if (home.Length > 0)
        {
            list.Add(Path.Combine(home, ".fonts"));
            list.Add(Path.Combine(home, ".local", "share", "fonts"));
        }

        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (windows.Length > 0) list.Add(windows);
        list.Add("/Library/Fonts");
        list.Add("/System/Library/Fonts");
        return list;
    }

    /// <summary>
    /// The metrics of the style's font: the font file it names, else the installed family it names, else that
    /// family's metric-compatible stand-in, else Arial's proportions.
    /// </summary>
    public TextMetrics For(HouseStyle style) =>
        style.FontFile.IsEmpty ? new(() => Find(style.Font)) : new(() => FromFile(style.FontFile, style.Font));

    /// <summary>The widths of a font file the style carries (read once per file's bytes), or null when HarfBuzz cannot read it.</summary>
    private FontAdvances? FromFile(ReadOnlyMemory<byte> bytes, string family)
    {
        // The style reader gives the whole file as one array; a style built in code may not, and is read each time.
        if (MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length)
        {
            // Keyed by family too: a collection's face is chosen by the family the style names.
            return named.GetValue(array, _ => new(StringComparer.OrdinalIgnoreCase))
                .GetOrAdd(family.Trim(), f => new Lazy<FontAdvances?>(() => ReadBytes(array, f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        return ReadBytes(bytes, family);
    }

    private static FontAdvances? ReadBytes(ReadOnlyMemory<byte> b, string family)
    {
        try
        {
            using var blob = Blob.FromStream(new MemoryStream(b.ToArray(), writable: false));
            // A collection's face whose family the style names, else its first face.
            var index = Enumerable.Range(0, Math.Max(1, blob.FaceCount)).FirstOrDefault(i =>
            {
                using var face = new Face(blob, i);
                return string.Equals(Family(face)?.Trim(), family.Trim(), StringComparison.OrdinalIgnoreCase);
            });
            return Read(blob, index, "the style's font file");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The widths of an installed family, or null when neither it nor a metric-compatible family is installed.</summary>
    public FontAdvances? Find(string family)
    {
        var name = family.Trim();
        var stand = MetricCompatible.GetValueOrDefault(name);
        FaceRef? face;
        try
        {
            // Most font files are named for their family ("LiberationSans-Regular.ttf"): those are read first, so
            // a paper in Arial does not wait for every installed font's name table. The name table still decides.
            // (Of two files of one family, the one named for it wins, where the full scan would take the first.)
            face = ByFileName(name) ?? (stand is null ? null : ByFileName(stand));
            if (face is null)
            {
                var index = families.Value;
                face = index.TryGetValue(name, out var found) || (stand is not null && index.TryGetValue(stand, out found)) ? found : null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            // HarfBuzz's native library is not available on this platform: measure as before.
            return null;
        }

        return face is { } f ? advances.GetOrAdd(f, key => new Lazy<FontAdvances?>(() => Read(key), LazyThreadSafetyMode.ExecutionAndPublication)).Value : null;
    }

    /// <summary>One face of a font file (a collection holds several).</summary>
    private readonly record struct FaceRef(string Path, int Index, string Family);

    /// <summary>Every font file in the folders, folder by folder in the order given, each folder's files in path order.</summary>
    private IReadOnlyList<string> Files() => fileList.Value;

    private List<string> ListFiles()
    {
        var all = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            try
            {
                all.AddRange(Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed holds no fonts for us.
            }
        }

        return all;
    }

    /// <summary>The regular face of the family among files whose name starts with the family's letters, if one is.</summary>
    private FaceRef? ByFileName(string family)
    {
        var letters = Letters(family);
        if (letters.Length == 0) return null;
        var candidates = Files().Where(f => Letters(Path.GetFileNameWithoutExtension(f)).StartsWith(letters, StringComparison.OrdinalIgnoreCase));
        var faces = Faces(candidates).Where(f => string.Equals(f.Face.Family, family, StringComparison.OrdinalIgnoreCase) && f.Rank == 0);
        return faces.Select(f => (FaceRef?)f.Face).FirstOrDefault();
    }

    private static string Letters(string s) => new(s.Where(char.IsLetterOrDigit).ToArray());

    private FrozenDictionary<string, FaceRef> Scan()
    {
        // Every family's best face (regular, else medium, else the first), files in order so the same machine
        // always picks the same file.
        var found = new Dictionary<string, (FaceRef Face, int Rank)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (face, rank) in Faces(Files()))
        {
            if (!found.TryGetValue(face.Family, out var had) || rank < had.Rank) found[face.Family] = (face, rank);
        }

        return found.ToFrozenDictionary(p => p.Key, p => p.Value.Face, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Each face of the files with its family (from the name table) and a rank: 0 for the regular face.</summary>
    private static IEnumerable<(FaceRef Face, int Rank)> Faces(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var faces = new List<(FaceRef, int)>();
            try
            {
                using var blob = Blob.FromFile(file);
                for (var i = 0; i < Math.Max(1, blob.FaceCount); i++)
                {
                    using var face = new Face(blob, i);
                    var family = Family(face)?.Trim();
                    if (string.IsNullOrEmpty(family)) continue;
                    var sub = Name(face, OpenTypeNameId.TypographicSubfamily) ?? Name(face, OpenTypeNameId.FontSubfamily) ?? string.Empty;
                    var rank = sub.Trim().ToUpperInvariant() switch
                    {
                        "REGULAR" or "BOOK" or "ROMAN" or "NORMAL" => 0,
                        "MEDIUM" => 1,
                        _ => 2,
                    };
                    faces.Add((new FaceRef(file, i, family), rank));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                // An unreadable or broken font file is skipped, as fontconfig skips it.
            }

            foreach (var face in faces) yield return face;
        }
    }

    private static FontAdvances? Read(FaceRef face)
    {
        try
        {
            using var blob = Blob.FromFile(face.Path);
            return Read(blob, face.Index, face.Index == 0 ? face.Path : $"{face.Path}#{face.Index}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Each BMP code point's advance in em, from the font's cmap and hmtx (as HarfBuzz reads them).</summary>
    private static FontAdvances? Read(Blob blob, int index, string source)
    {
        using var face = new Face(blob, index);
        using var font = new HarfBuzzSharp.Font(face);
        var perEm = (float)face.UnitsPerEm;
        if (perEm <= 0 || face.GlyphCount == 0) return null;
        var widths = new float[0x10000];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = font.TryGetNominalGlyph(c, out var glyph) ? font.GetHorizontalGlyphAdvance(glyph) / perEm : float.NaN;
        }

        return new FontAdvances(source, Family(face) ?? string.Empty, widths);
    }

    private static string? Family(Face face) => Name(face, OpenTypeNameId.TypographicFamily) ?? Name(face, OpenTypeNameId.FontFamily);

    /// <summary>A name from the font's name table, in English (HarfBuzz picks the record).</summary>
    private static string? Name(Face face, OpenTypeNameId id)
    {
        uint size = 0;
        var length = Native.hb_ot_name_get_utf16(face.Handle, (int)id, IntPtr.Zero, ref size, null);
        if (length == 0) return null;
        var buffer = new char[length + 1];
        size = (uint)buffer.Length;
        Native.hb_ot_name_get_utf16(face.Handle, (int)id, IntPtr.Zero, ref size, buffer);
        return new string(buffer, 0, (int)Math.Min(size, length));
    }

    /// <summary>HarfBuzz's own name-table reader, which HarfBuzzSharp ships in its native library but does not wrap.</summary>
    private static class Native
    {
        [DllImport("libHarfBuzzSharp", CharSet = CharSet.Unicode)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
        public static extern uint hb_ot_name_get_utf16(IntPtr face, int nameId, IntPtr language, ref uint textSize, [Out] char[]? text);
    }
}
