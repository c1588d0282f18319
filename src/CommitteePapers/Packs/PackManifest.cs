using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Packs;

/// <summary>
/// The record of a meeting's publications (<c>pack --manifest</c>): every agenda item and paper with its pages, its
/// checksum and the date it was first published, and every publication (the agenda, each supplement, each
/// republication) with its files. A council website or committee-management system reads it to show what was
/// published when; the next build reads it to see what changed, and a republication to keep page numbers. Its form is
/// schema/pack-manifest.schema.json. Written and read with System.Text.Json's writer and reader: no reflection.
/// </summary>
internal sealed class PackManifest
{
    /// <summary>The manifest's file name after the pack's name.</summary>
    public const string Extension = ".manifest.json";

    private const int Version = 1;

    private PackManifest(JsonElement root) => Root = root;

    private JsonElement Root { get; }

    /// <summary>The agenda's publication, if it was recorded.</summary>
    public JsonElement? Agenda => Publications.Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("edition").GetString() == "agenda");

    private IEnumerable<JsonElement> Publications => Root.GetProperty("publications").EnumerateArray();

    private IEnumerable<JsonElement> PaperRecords => Root.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("papers").EnumerateArray());

    /// <summary>
    /// The manifest in <paramref name="path"/>, or null when there is none yet; a manifest that cannot be read, or is
    /// another meeting's, is an error.
    /// </summary>
    public static PackManifest? Read(string path, string shown, Pack pack, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path)) return null;
        var at = new SourcePosition(shown, 1, 1);
        var bytes = InputFile.Read(path, shown, FileKind.PackFile(ReaderLimits.Default), at, diagnostics);
        if (bytes is null) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("manifest", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version
                || root.GetProperty("publications").ValueKind != JsonValueKind.Array || root.GetProperty("items").ValueKind != JsonValueKind.Array)
            {
                diagnostics.Error(DiagnosticCode.ManifestProblem, at, $"'{shown}' is not a pack manifest of version {Version}; move it aside and build the published pack again with --manifest.");
                return null;
            }

            if (root.GetProperty("committee").GetString() != pack.Notice.Committee || root.GetProperty("date").GetString() != Iso(pack.Notice.Date))
            {
                diagnostics.Error(DiagnosticCode.ManifestProblem, at,
                    $"'{shown}' is the record of another meeting ({root.GetProperty("committee").GetString()}, {root.GetProperty("date").GetString()}); build each meeting's pack into a folder of its own.");
                return null;
            }

            Touch(root);
            return new PackManifest(root);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            diagnostics.Error(DiagnosticCode.ManifestProblem, at, $"'{shown}' cannot be read as a pack manifest ({e.Message}); move it aside and build the published pack again with --manifest.");
            return null;
        }
    }

    /// <summary>
    /// Reads every value the manifest's users read, so that a manifest edited by hand into another shape is refused
    /// here, as one error, and never throws later (the reader's exceptions are caught where this is called).
    /// </summary>
    private static void Touch(JsonElement root)
    {
        foreach (var publication in root.GetProperty("publications").EnumerateArray())
        {
            _ = publication.GetProperty("edition").GetString();
            if (publication.TryGetProperty("supplement", out var number)) _ = number.GetInt32();
            if (publication.TryGetProperty("date", out var date)) _ = date.GetString();
        }

        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            foreach (var paper in item.GetProperty("papers").EnumerateArray())
            {
                _ = paper.GetProperty("key").GetString();
                foreach (var text in (string[])["status", "sha256", "published", "firstPublished"])
                {
                    if (paper.TryGetProperty(text, out var value)) _ = value.GetString();
                }

                if (paper.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Object)
                {
                    _ = pages.GetProperty("first").GetInt32() + pages.GetProperty("through").GetInt32();
                    _ = pages.GetProperty("lastPrinted").GetString();
                }
            }
        }
    }

    /// <summary>A paper's key in the manifest: its item's number and its file as the pack names it.</summary>
    private static string Key(int number, string? file, int index) => $"{number}:{file ?? "to-follow-" + index.ToString(CultureInfo.InvariantCulture)}";

    private JsonElement? Find(string key) => PaperRecords.Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("key").GetString() == key);

    /// <summary>
    /// The pages each of the agenda's papers had when the pack was published, for a republication to keep: a paper
    /// the record does not hold has none, and it and the papers after it are numbered afresh.
    /// </summary>
    public IReadOnlyDictionary<AgendaPacks.PaperSource, AgendaPacks.Slot> Slots(Pack pack, IReadOnlyList<AgendaPacks.PaperSource> papers)
    {
        var numbers = pack.Numbers;
        var slots = new Dictionary<AgendaPacks.PaperSource, AgendaPacks.Slot>();
        foreach (var paper in papers)
        {
            if (Find(KeyOf(pack, numbers, paper)) is { } record && record.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Object)
            {
                slots[paper] = new AgendaPacks.Slot(pages.GetProperty("first").GetInt32(), pages.GetProperty("through").GetInt32());
            }
        }

        return slots;
    }

    /// <summary>Whether the paper is as it was when the manifest recorded it; null when the manifest does not hold it.</summary>
    public bool? Unchanged(Pack pack, AgendaPacks.PaperSource paper) =>
        Find(KeyOf(pack, pack.Numbers, paper)) is { } record && record.TryGetProperty("sha256", out var sum) ? sum.GetString() == paper.Checksum : null;

    /// <summary>When the paper was first published, as recorded.</summary>
    public string? PublishedOn(Pack pack, AgendaPacks.PaperSource paper) =>
        Find(KeyOf(pack, pack.Numbers, paper)) is { } record && record.TryGetProperty("published", out var date) ? date.GetString() : null;

    /// <summary>The pages the manifest recorded for the paper: "11 - 14", or null.</summary>
    public (int First, string Last)? PagesOf(Pack pack, AgendaPacks.PaperSource paper) =>
        Find(KeyOf(pack, pack.Numbers, paper)) is { } record && record.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Object
            ? (pages.GetProperty("first").GetInt32(), pages.GetProperty("lastPrinted").GetString()!)
            : null;

    /// <summary>Warns of each paper that changed after it was published, when the build does not republish.</summary>
    public void ReportChanges(Pack pack, IReadOnlyList<AgendaPacks.PaperSource> papers, DiagnosticBag diagnostics)
    {
        foreach (var paper in papers)
        {
            if (Unchanged(pack, paper) is false && paper.Named is { } named)
            {
                diagnostics.Warning(DiagnosticCode.ChangedSincePublished, named.At,
                    $"'{named.File}' has changed since it was published on {PublishedOn(pack, paper)}, so the pages after it may have moved; to keep every other paper's page numbers, add 'republished: YYYY-MM-DD' to the pack file and build with --republish.");
            }
        }
    }

    /// <summary>Warns of each paper the published pack did not hold: a republication cannot keep its pages, nor those of the papers after it.</summary>
    public void ReportUnrecorded(Pack pack, IReadOnlyList<AgendaPacks.PaperSource> papers, DiagnosticBag diagnostics)
    {
        var numbers = pack.Numbers;
        if (papers.FirstOrDefault(p => Find(KeyOf(pack, numbers, p)) is null) is { Named: { } named })
        {
            diagnostics.Warning(DiagnosticCode.PagesNotKept, named.At,
                $"'{named.File}' was not in the published pack, so it has no pages to keep: it and the papers after it are numbered afresh, and the change note lists them. To keep the other papers' pages, publish it in a supplement instead.");
        }
    }

    private static string KeyOf(Pack pack, IReadOnlyDictionary<int, int> numbers, AgendaPacks.PaperSource paper) =>
        Key(numbers[paper.ItemIndex], paper.Named?.File, pack.Items[paper.ItemIndex].Papers.ToList().IndexOf(paper.Named!));

    /// <summary>
    /// The manifest after this build: the publications recorded before, with this one added (or replaced, when the same
    /// edition is built again), and every item and paper as it now stands.
    /// </summary>
    public static byte[] Record(PackManifest? previous, Pack pack, string name, string edition, int? supplement, DateOnly? published,
        IReadOnlyList<(string File, string Path)> files, int firstPage, int lastPage,
        IReadOnlyList<(AgendaPacks.PaperSource Source, int First, int Last, int Added, int Through)> placed, Func<AgendaItem, string> titleOf)
    {
        var numbers = pack.Numbers;
        var date = published is { } p ? Iso(p) : null;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://committeepapers.example/schema/pack-manifest.schema.json");
            json.WriteNumber("manifest", Version);
            json.WriteString("pack", name);
            json.WriteString("committee", pack.Notice.Committee);
            json.WriteString("date", Iso(pack.Notice.Date));
            json.WriteStartArray("publications");
            var key = EditionKey(edition, supplement, date);
            foreach (var old in previous?.Publications ?? [])
            {
                if (EditionKey(old.GetProperty("edition").GetString()!, old.TryGetProperty("supplement", out var s) ? s.GetInt32() : null, old.TryGetProperty("date", out var d) ? d.GetString() : null) != key) old.WriteTo(json);
            }

            json.WriteStartObject();
            json.WriteString("edition", edition);
            if (supplement is { } number) json.WriteNumber("supplement", number);
            if (date is not null) json.WriteString("date", date);
            json.WriteNumber("firstPage", firstPage);
            json.WriteNumber("lastPage", lastPage);
            json.WriteStartArray("files");
            foreach (var (file, path) in files)
            {
                var bytes = File.ReadAllBytes(path);
                json.WriteStartObject();
                json.WriteString("name", file);
                json.WriteString("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                json.WriteNumber("bytes", bytes.Length);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("items");
            for (var i = 0; i < pack.Items.Count; i++)
            {
                var item = pack.Items[i];
                json.WriteStartObject();
                json.WriteNumber("number", numbers[i]);
                json.WriteString("title", titleOf(item.Item));
                if (item.Supplement is { } added) json.WriteNumber("supplement", added);
                if (item.Item.ToFollow is { } expected) json.WriteString("toFollow", Iso(expected));
                json.WriteStartArray("papers");
                for (var n = 0; n < item.Papers.Count; n++)
                {
                    var paper = item.Papers[n];
                    var paperKey = Key(numbers[i], paper.File, n);
                    var now = placed.FirstOrDefault(x => x.Source.Named == paper && x.Source.ItemIndex == i);
                    json.WriteStartObject();
                    json.WriteString("key", paperKey);
                    if (paper.File is not null) json.WriteString("file", paper.File);
                    if (paper.Title is not null) json.WriteString("title", paper.Title);
                    if (paper.ToFollow is { } due) json.WriteString("toFollow", Iso(due));
                    if ((paper.Supplement ?? item.Supplement) is { } inSupplement) json.WriteNumber("supplement", inSupplement);
                    if (now.Source is { } source)
                    {
                        var before = previous?.Find(paperKey);
                        var same = before is { } b && b.TryGetProperty("sha256", out var sum) && sum.GetString() == source.Checksum;
                        json.WriteString("status", "published");
                        json.WriteString("sha256", source.Checksum);
                        if ((same && before!.Value.TryGetProperty("published", out var first) ? first.GetString() : date) is { } on) json.WriteString("published", on);
                        if (!same && before is { } changed && changed.TryGetProperty("published", out var firstPublished)) json.WriteString("firstPublished", changed.TryGetProperty("firstPublished", out var earliest) ? earliest.GetString() : firstPublished.GetString());
                        json.WriteString("in", edition == "supplement" ? $"supplement {supplement}" : "agenda");
                        json.WriteStartObject("pages");
                        json.WriteNumber("first", now.First);
                        json.WriteNumber("last", now.Last);
                        json.WriteNumber("addedPages", now.Added);
                        json.WriteString("lastPrinted", new ItemPages(0, string.Empty, now.First, now.Last) { AddedPages = now.Added }.LastPrinted);
                        json.WriteNumber("through", now.Through);
                        json.WriteEndObject();
                    }
                    else if (previous?.Find(paperKey) is { } kept && kept.TryGetProperty("status", out var status) && status.GetString() == "published")
                    {
                        // Published by another edition: kept as that edition recorded it.
                        foreach (var property in kept.EnumerateObject().Where(x => x.Name is not ("key" or "file" or "title" or "toFollow" or "supplement")))
                        {
                            property.WriteTo(json);
                        }
                    }
                    else
                    {
                        json.WriteString("status", paper.IsLate || item.Supplement is not null ? "to-follow" : "not-published");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static string EditionKey(string edition, int? supplement, string? date) => edition switch
    {
        "supplement" => $"supplement {supplement}",
        "republished" => $"republished {date}",
        _ => edition,
    };

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
