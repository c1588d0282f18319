using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

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
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            if (doc.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate || doc.MainDocumentPart?.VbaProjectPart is not null)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "This is a macro-enabled document; macros are never run or kept: save it as a Word Document (.docx) without macros, then import that.");
                return null;
            }

            if (doc.MainDocumentPart?.Document?.Body is not { } body)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The package has no Word document in it; open it in Word and save it as a Word Document (.docx).");
                return null;
            }

            var reader = new Reader(doc.MainDocumentPart);
            var blocks = reader.Body(body);
            return new SourceDocument(blocks, reader.Footnotes)
            {
                Title = doc.PackageProperties.Title,
                Created = doc.PackageProperties.Created ?? doc.PackageProperties.Modified,
            };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or IOException or InvalidOperationException or ArgumentException or NotSupportedException or FormatException or OverflowException)
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
        private readonly MainDocumentPart main;
        private readonly StyleSheet styles;
        private readonly WordNumbering numbering;
        private readonly Dictionary<string, string> footnoteNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceText> footnotes = new(StringComparer.Ordinal);
        private int index;

        public Reader(MainDocumentPart main)
        {
            this.main = main;
            styles = new StyleSheet(main.StyleDefinitionsPart?.Styles);
            numbering = new WordNumbering(main.NumberingDefinitionsPart?.Numbering, styles);
        }

        public IReadOnlyDictionary<string, SourceText> Footnotes => footnotes;

        public List<SourceBlock> Body(OpenXmlElement container)
        {
            var blocks = new List<SourceBlock>();
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case W.Paragraph p:
                        index++;
                        // An empty paragraph still counts in its list, as Word counts it; it is not kept.
                        var paragraph = Paragraph(p);
                        if (paragraph.Plain.Length > 0 || paragraph.Text.Spans.Any(s => s.Footnote is not null)) blocks.Add(paragraph with { Index = index });
                        break;
                    case W.Table t:
                        index++;
                        blocks.Add(Table(t) with { Index = index });
                        break;
                    case W.SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        blocks.AddRange(Body(content));
                        break;
                    case W.CustomXmlBlock or W.SdtContentBlock:
                        blocks.AddRange(Body(element));
                        break;
                }
            }

            return blocks;
        }

        private SourceParagraph Paragraph(W.Paragraph p)
        {
            var pPr = p.ParagraphProperties;
            var styleId = pPr?.ParagraphStyleId?.Val?.Value ?? styles.Default;
            var (label, listIndent) = numbering.Count(pPr, styleId);
            var outline = pPr?.OutlineLevel?.Val?.Value is { } o && o < 9 ? o + 1 : (int?)null;
            var text = new SourceText(Spans(p));
            string? typed = null;
            if (label is null)
            {
                (typed, text) = TypedNumber(text);
            }

            var indent = WordNumbering.Twips(pPr?.Indentation?.Left?.Value ?? pPr?.Indentation?.Start?.Value) ?? listIndent ?? styles.IndentOf(styleId) ?? 0;
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

        private SourceTable Table(W.Table t)
        {
            var rows = new List<SourceRow>();
            foreach (var tr in t.Elements<W.TableRow>())
            {
                var cells = new List<SourceCell>();
                foreach (var tc in tr.Elements<W.TableCell>())
                {
                    // A cell merged with the one above it is empty; one spanning columns is followed by empty cells.
                    var merged = tc.TableCellProperties?.VerticalMerge is { } vm && (vm.Val is null || vm.Val.InnerText == "continue");
                    var paragraphs = merged ? [] : tc.Descendants<W.Paragraph>().Select(Paragraph).Where(x => x.Plain.Length > 0).ToList();
                    cells.Add(new SourceCell(paragraphs));
                    var span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                    for (var i = 1; i < span; i++) cells.Add(new SourceCell([]));
                }

                // pandoc writes w:val="true", which the schema does not allow: read the text, not the enumeration.
                var header = tr.TableRowProperties?.GetFirstChild<W.TableHeader>() is { } th && (th.Val is null || th.Val.InnerText is "on" or "true" or "1");
                rows.Add(new SourceRow(cells, header));
            }

            return new SourceTable(rows);
        }

        private List<Span> Spans(OpenXmlElement paragraph)
        {
            var spans = new List<Span>();
            string? fieldUrl = null;
            var fieldDepth = 0;
            var inResult = new Stack<bool>();
            Walk(paragraph, null);
            return spans;

            void Walk(OpenXmlElement element, string? url)
            {
                foreach (var child in element.ChildElements)
                {
                    switch (child)
                    {
                        case W.Hyperlink h:
                            var target = h.Id?.Value is { } rid ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == rid)?.Uri.OriginalString : null;
                            Walk(h, target ?? url);
                            break;
                        case W.Run r:
                            Run(r, url ?? fieldUrl);
                            break;
                        case W.SimpleField f:
                            Walk(f, HyperlinkField().Match(f.Instruction?.Value ?? string.Empty) is { Success: true } m ? m.Groups["url"].Value : url);
                            break;
                        case W.DeletedRun or W.MoveFromRun or W.ParagraphProperties:
                            break;
                        default:
                            if (child.HasChildren) Walk(child, url);
                            break;
                    }
                }
            }

            void Run(W.Run r, string? url)
            {
                var rPr = r.RunProperties;
                var look = styles.RunLook(rPr?.RunStyle?.Val?.Value);
                var bold = rPr?.Bold is { } b ? b.Val?.Value ?? true : look.Bold;
                var italic = rPr?.Italic is { } i ? i.Val?.Value ?? true : look.Italic;
                foreach (var child in r.ChildElements)
                {
                    switch (child)
                    {
                        case W.FieldChar fc when fc.FieldCharType?.InnerText == "begin":
                            fieldDepth++;
                            inResult.Push(false);
                            break;
                        case W.FieldChar fc when fc.FieldCharType?.InnerText == "separate":
                            if (inResult.Count > 0)
                            {
                                inResult.Pop();
                                inResult.Push(true);
                            }

                            break;
                        case W.FieldChar fc when fc.FieldCharType?.InnerText == "end":
                            fieldDepth = Math.Max(0, fieldDepth - 1);
                            if (inResult.Count > 0) inResult.Pop();
                            if (fieldDepth == 0) fieldUrl = null;
                            break;
                        case W.FieldCode code:
                            if (HyperlinkField().Match(code.Text) is { Success: true } link) fieldUrl = link.Groups["url"].Value;
                            break;
                        case W.Text t when inResult.Count == 0 || inResult.Peek():
                            spans.Add(new Span(t.Text, bold, italic) { Url = url });
                            break;
                        case W.TabChar or W.CarriageReturn or W.Break when inResult.Count == 0 || inResult.Peek():
                            if (child is W.Break br && br.Type?.InnerText == "page") break;
                            spans.Add(new Span(" ", bold, italic) { Url = url });
                            break;
                        case W.NoBreakHyphen:
                            spans.Add(new Span("-", bold, italic) { Url = url });
                            break;
                        case W.FootnoteReference note when note.Id?.Value is { } id:
                            spans.Add(new Span(string.Empty, bold, italic) { Footnote = Footnote(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
            }
        }

        /// <summary>The name of a footnote, by order of first reference; its text is read then.</summary>
        private string Footnote(string id)
        {
            if (footnoteNames.TryGetValue(id, out var name)) return name;
            name = (footnoteNames.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            footnoteNames[id] = name;
            var note = main.FootnotesPart?.Footnotes?.Elements<W.Footnote>().FirstOrDefault(f => f.Id?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);
            var spans = note is null ? [] : note.Elements<W.Paragraph>().SelectMany((p, i) => (i > 0 ? [new Span(" ", false, false)] : Array.Empty<Span>()).Concat(Spans(p))).ToList();
            // The footnote's own mark (w:footnoteRef) writes no text; a leading space after it is dropped.
            footnotes[name] = new SourceText(spans).From(0);
            return name;
        }
    }
}
