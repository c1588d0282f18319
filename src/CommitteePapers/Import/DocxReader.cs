using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using System.Globalization;
using System.IO.Packaging;
using System.Xml.Linq;
using CommitteePapers.Diagnostics;
using static CommitteePapers.Definition.WordFile;

namespace CommitteePapers.Import;

/// <summary>
/// Reads a Word document (.docx) into <see cref="SourceDocument"/>: the body's paragraphs and tables in order, each
/// paragraph with its style, heading level, the number Word shows (counted by <see cref="WordNumbering"/>), its text as
/// spans (emphasis, links, footnote marks) and its indent; footnotes by name. The file is checked before it is opened:
/// an encrypted document or an old .doc (an OLE compound file), a file that is not a zip, a zip bomb or a
/// macro-enabled document is refused with a clear error, never an exception.
/// </summary>
internal static partial class DocxReader
{
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    [GeneratedRegex(@"^\s*(?<label>\d{1,3}(?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+|\(\d{1,3}\)|\d{1,3}\)|\(?[a-z]\)|[a-z]\.|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\.)(?:\t|\s+)(?=\S)")]
    private static partial Regex TypedNumberPattern();

    [GeneratedRegex(@"HYPERLINK\s+""(?<url>[^""]+)""")]
    private static partial Regex HyperlinkField();

    public static SourceDocument? Read(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var at = new SourcePosition(file, 1, 1);
        if (bytes.AsSpan().StartsWith(CompoundFile))
        {
            diagnostics.Error(DiagnosticCode.BadFile, at,
                "This is an encrypted (password-protected) Word document or an old-style .doc file, not a .docx; open it in Word, remove the password, and save it as a Word Document (.docx).");
            return null;
        }

        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, "The file is not a Word document (not a zip package); open it in Word and save it as a Word Document (.docx).");
            return null;
        }

        if (!InputFile.IsSafeZip(bytes, at, diagnostics)) return null;
        try
        {
            using var doc = WordFile.Open(bytes);
            if (doc.IsMacroEnabled)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "This is a macro-enabled document; macros are never run or kept: save it as a Word Document (.docx) without macros, then import that.");
                return null;
            }

            if (doc.Main is not { } main || Xml(main) is not { } document || document.Name != W + "document" || document.Element(W + "body") is not { } body)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The package has no Word document in it; open it in Word and save it as a Word Document (.docx).");
                return null;
            }

            var reader = new Reader(doc, main);
            var blocks = reader.Body(body);
            return new SourceDocument(blocks, reader.Footnotes)
            {
                Title = doc.Properties.Title,
                Created = doc.Properties.Created ?? doc.Properties.Modified,
            };
        }
        catch (Exception e) when (IsDamage(e))
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, $"The file cannot be read as a Word document ({e.Message.TrimEnd('.')}); open it in Word and save it again as a Word Document (.docx).");
            return null;
        }
    }

    /// <summary>Takes a number typed as text off the start of a paragraph ("12." then a tab, "a)", "(iv)").</summary>
    public static (string? Number, SourceText Text) TypedNumber(SourceText text)
    {
        var match = TypedNumberPattern().Match(text.Plain);
        if (!match.Success) return (null, text);
        return (match.Groups["label"].Value, text.From(match.Length));
    }

    /// <summary>One document's reading: its styles, numbering, relationships and footnote names.</summary>
    private sealed class Reader
    {
        private readonly WordFile doc;
        private readonly PackagePart main;
        private readonly StyleSheet styles;
        private readonly WordNumbering numbering;
        private readonly Dictionary<string, string> footnoteNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceText> footnotes = new(StringComparer.Ordinal);
        private XElement? footnotesPart;
        private int index;

        public Reader(WordFile doc, PackagePart main)
        {
            this.doc = doc;
            this.main = main;
            styles = new StyleSheet(Xml(doc.Part(WordFile.Styles)));
            numbering = new WordNumbering(Xml(doc.Part(WordFile.Numbering)), styles);
        }

        public IReadOnlyDictionary<string, SourceText> Footnotes => footnotes;

        public List<SourceBlock> Body(XElement container)
        {
            var blocks = new List<SourceBlock>();
            foreach (var element in container.Elements())
            {
                if (element.Name.Namespace != W) continue;
                switch (element.Name.LocalName)
                {
                    case "p":
                        index++;
                        // An empty paragraph still counts in its list, as Word counts it; it is not kept.
                        var paragraph = Paragraph(element);
                        if (paragraph.Plain.Length > 0 || paragraph.Text.Spans.Any(s => s.Footnote is not null)) blocks.Add(paragraph with { Index = index });
                        break;
                    case "tbl":
                        index++;
                        blocks.Add(Table(element) with { Index = index });
                        break;
                    case "sdt":
                        if (element.Element(W + "sdtContent") is { } content) blocks.AddRange(Body(content));
                        break;
                    case "customXml" or "sdtContent":
                        blocks.AddRange(Body(element));
                        break;
                }
            }

            return blocks;
        }

        private SourceParagraph Paragraph(XElement p)
        {
            var pPr = p.Element(W + "pPr");
            var styleId = Val(pPr?.Element(W + "pStyle")) ?? styles.Default;
            var (label, listIndent) = numbering.Count(pPr, styleId);
            var outline = Int(pPr?.Element(W + "outlineLvl")) is { } o && o < 9 ? o + 1 : (int?)null;
            var text = new SourceText(Spans(p));
            string? typed = null;
            if (label is null)
            {
                (typed, text) = TypedNumber(text);
            }

            var indent = WordNumbering.Indent(pPr?.Element(W + "ind")) ?? listIndent ?? styles.IndentOf(styleId) ?? 0;
            return new SourceParagraph(text)
            {
                StyleId = styleId,
                StyleName = styles.NameOf(styleId),
                HeadingLevel = outline ?? styles.HeadingLevel(styleId),
                Number = label,
                TypedNumber = typed,
                Indent = indent,
            };
        }

        private SourceTable Table(XElement t)
        {
            var rows = new List<SourceRow>();
            foreach (var tr in t.Elements(W + "tr"))
            {
                var cells = new List<SourceCell>();
                foreach (var tc in tr.Elements(W + "tc"))
                {
                    // A cell merged with the one above it is empty; one spanning columns is followed by empty cells.
                    var tcPr = tc.Element(W + "tcPr");
                    var merged = tcPr?.Element(W + "vMerge") is { } vm && Val(vm) is null or "continue";
                    var paragraphs = merged ? [] : tc.Descendants(W + "p").Select(Paragraph).Where(x => x.Plain.Length > 0).ToList();
                    cells.Add(new SourceCell(paragraphs));
                    var span = Int(tcPr?.Element(W + "gridSpan")) ?? 1;
                    for (var i = 1; i < span; i++) cells.Add(new SourceCell([]));
                }

                // pandoc writes w:val="true", which the schema does not allow: read the text, not the enumeration.
                var header = tr.Element(W + "trPr")?.Element(W + "tblHeader") is { } th && Val(th) is null or "on" or "true" or "1";
                rows.Add(new SourceRow(cells, header));
            }

            return new SourceTable(rows);
        }

        private List<Span> Spans(XElement paragraph)
        {
            var spans = new List<Span>();
            string? fieldUrl = null;
            var fieldDepth = 0;
            var inResult = new Stack<bool>();
            Walk(paragraph, null);
            return spans;

            void Walk(XElement element, string? url)
            {
                foreach (var child in element.Elements())
                {
                    switch (child.Name.Namespace == W ? child.Name.LocalName : null)
                    {
                        case "hyperlink":
                            var target = (string?)child.Attribute(R + "id") is { } rid && Relationship(main, rid) is { RelationshipType: WordFile.Hyperlink } link
                                ? link.TargetUri.OriginalString
                                : null;
                            Walk(child, target ?? url);
                            break;
                        case "r":
                            Run(child, url ?? fieldUrl);
                            break;
                        case "fldSimple":
                            Walk(child, HyperlinkField().Match(Attribute(child, "instr") ?? string.Empty) is { Success: true } m ? m.Groups["url"].Value : url);
                            break;
                        case "del" or "moveFrom" or "pPr":
                            break;
                        default:
                            if (child.HasElements) Walk(child, url);
                            break;
                    }
                }
            }

            void Run(XElement r, string? url)
            {
                var rPr = r.Element(W + "rPr");
                var look = styles.RunLook(Val(rPr?.Element(W + "rStyle")));
                var bold = OnOff(rPr?.Element(W + "b")) ?? look.Bold;
                var italic = OnOff(rPr?.Element(W + "i")) ?? look.Italic;
                foreach (var child in r.Elements())
                {
                    var shown = inResult.Count == 0 || inResult.Peek();
                    switch (child.Name.Namespace == W ? child.Name.LocalName : null)
                    {
                        case "fldChar":
                            switch (Attribute(child, "fldCharType"))
                            {
                                case "begin":
                                    fieldDepth++;
                                    inResult.Push(false);
                                    break;
                                case "separate" when inResult.Count > 0:
                                    inResult.Pop();
                                    inResult.Push(true);
                                    break;
                                case "end":
                                    fieldDepth = Math.Max(0, fieldDepth - 1);
                                    if (inResult.Count > 0) inResult.Pop();
                                    if (fieldDepth == 0) fieldUrl = null;
                                    break;
                            }

                            break;
                        case "instrText":
                            if (HyperlinkField().Match(child.Value) is { Success: true } link) fieldUrl = link.Groups["url"].Value;
                            break;
                        case "t" when shown:
                            spans.Add(new Span(child.Value, bold, italic) { Url = url });
                            break;
                        case "tab" or "cr" or "br" when shown:
                            if (child.Name.LocalName == "br" && Attribute(child, "type") == "page") break;
                            spans.Add(new Span(" ", bold, italic) { Url = url });
                            break;
                        case "noBreakHyphen":
                            spans.Add(new Span("-", bold, italic) { Url = url });
                            break;
                        case "footnoteReference" when NoteId(child) is { } id:
                            spans.Add(new Span(string.Empty, bold, italic) { Footnote = Footnote(id) });
                            break;
                    }
                }
            }
        }

        /// <summary>A footnote's id (w:id) as a number written plainly, so "007" and "7" are one note.</summary>
        private static string? NoteId(XElement element) =>
            long.TryParse(Attribute(element, "id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;

        /// <summary>The name of a footnote, by order of first reference; its text is read then.</summary>
        private string Footnote(string id)
        {
            if (footnoteNames.TryGetValue(id, out var name)) return name;
            name = (footnoteNames.Count + 1).ToString(CultureInfo.InvariantCulture);
            footnoteNames[id] = name;
            footnotesPart ??= Xml(doc.Part(WordFile.Footnotes)) ?? new XElement(W + "footnotes");
            var note = footnotesPart.Elements(W + "footnote").FirstOrDefault(f => NoteId(f) == id);
            var spans = note is null ? [] : note.Elements(W + "p").SelectMany((p, i) => (i > 0 ? [new Span(" ", false, false)] : Array.Empty<Span>()).Concat(Spans(p))).ToList();
            // The footnote's own mark (w:footnoteRef) writes no text; a leading space after it is dropped.
            footnotes[name] = new SourceText(spans).From(0);
            return name;
        }
    }
}
