using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Layout;

namespace CommitteePapers.Styles;

/// <summary>Reads a style.yaml into a <see cref="HouseStyle"/>, with the same positioned diagnostics as a paper.</summary>
internal sealed class StyleReader(DiagnosticBag diagnostics, string? folder)
{

    public HouseStyle? Read(string text, string file, ReaderLimits limits, Func<string, HouseStyle?> builtIn)
    {
        var root = YamlTree.Parse(text, file, limits, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors) diagnostics.Error(DiagnosticCode.MissingField, new SourcePosition(file, 1, 1), "The style file is empty; start it with 'name: my-council'.");
            return null;
        }

        var m = MappingReader.For(root, diagnostics, Shapes.HouseStyle);
        if (m is null) return null;
        var name = m.RequiredText("name");
        var style = new HouseStyle { Name = name };
        if (m.Text("extends") is { } extends)
        {
            if (builtIn(extends) is { } b) style = b with { Name = name };
            else diagnostics.Error(DiagnosticCode.UnknownStyle, m.Node("extends")!.At, $"There is no built-in style '{extends}' to extend; use york, north-somerset or sefton.");
        }

        style = style with { Council = m.Text("council") ?? style.Council };
        if (m.Node("numbering") is { } numberingNode && MappingReader.For(numberingNode, diagnostics, (MapShape)Key("numbering")) is { } n)
        {
            style = style with
            {
                Numbering = Enum(n, "scheme", new() { ["continuous"] = NumberingScheme.Continuous, ["decimal"] = NumberingScheme.Decimal, ["none"] = NumberingScheme.None }, style.Numbering),
                SubItems = Pattern(n, "sub-items") ?? style.SubItems,
                NestedItems = Pattern(n, "nested-items") ?? style.NestedItems,
                RecommendationItems = Pattern(n, "recommendations") ?? style.RecommendationItems,
            };
        }

        if (m.Node("text") is { } textNode && MappingReader.For(textNode, diagnostics, (MapShape)Key("text")) is { } t)
        {
            var colour = t.Text("heading-colour");
            if (colour is not null && (colour.Length != 6 || !colour.All(Uri.IsHexDigit)))
            {
                diagnostics.Error(DiagnosticCode.BadValue, t.Node("heading-colour")!.At, $"'{colour}' is not a colour; write six hex digits such as 1F4E79.");
                colour = null;
            }

            var sizes = t.Node("heading-sizes") is { } sizesNode ? Numbers(sizesNode, "heading-sizes") : null;
            if (sizes is { Count: not 5 })
            {
                diagnostics.Error(DiagnosticCode.BadValue, t.Node("heading-sizes")!.At, "'heading-sizes' needs five sizes: the title, then headings 1 to 4.");
                sizes = null;
            }

            style = style with
            {
                Font = t.Text("font") ?? style.Font,
                BodySize = Number(t, "size", 6, 72) ?? style.BodySize,
                HeadingSizes = sizes ?? style.HeadingSizes,
                HeadingColour = colour?.ToUpperInvariant() ?? style.HeadingColour,
                SpaceAfter = Number(t, "space-after", 0, 72) ?? style.SpaceAfter,
                UpperCaseHeadings = t.Bool("upper-case-headings") ?? style.UpperCaseHeadings,
            };
        }

        if (m.Node("page") is { } pageNode && MappingReader.For(pageNode, diagnostics, (MapShape)Key("page")) is { } page)
        {
            style = ReadPage(page, style);
        }

        if (m.Node("front-blocks") is { } frontNode && MappingReader.For(frontNode, diagnostics, (MapShape)Key("front-blocks")) is { } front)
        {
            var blocks = new Dictionary<string, IReadOnlyList<FrontLine>>(style.FrontBlocks);
            foreach (var kind in Shapes.PaperKinds.Keys)
            {
                if (front.Node(kind) is { } lines) blocks[kind] = MappingReader.ListOf(lines, node => CheckPlaceholders(ReadFrontLine(node), node, kind));
            }

            style = style with { FrontBlocks = blocks };
        }

        if (m.Node("end-blocks") is { } endNode && MappingReader.For(endNode, diagnostics, (MapShape)Key("end-blocks")) is { } end)
        {
            var blocks = new Dictionary<string, IReadOnlyList<FrontLine>>(style.EndBlocks);
            foreach (var kind in Shapes.PaperKinds.Keys)
            {
                if (end.Node(kind) is { } lines) blocks[kind] = MappingReader.ListOf(lines, node => CheckPlaceholders(ReadFrontLine(node), node, kind));
            }

            style = style with { EndBlocks = blocks };
        }

        if (m.Node("standard-items") is { } itemsNode && MappingReader.For(itemsNode, diagnostics, (MapShape)Key("standard-items")) is { } items)
        {
            var standard = new Dictionary<string, StandardItem>(style.StandardItems);
            foreach (var key in ((MapShape)Key("standard-items")).KeyNames)
            {
                if (items.Node(key) is { } itemNode && MappingReader.For(itemNode, diagnostics, Shapes.StandardItemWording) is { } item)
                {
                    standard[key] = new StandardItem(item.RequiredText("title")) { Agenda = item.Text("agenda"), Minutes = item.Text("minutes") };
                }
            }

            style = style with { StandardItems = standard };
        }

        var minuteNumbers = m.Text("minute-numbers");
        if (minuteNumbers is not null && (!minuteNumbers.Contains("%1", StringComparison.Ordinal) || minuteNumbers.Length > 20))
        {
            diagnostics.Error(DiagnosticCode.BadValue, m.Node("minute-numbers")!.At, $"'{minuteNumbers}' must contain %1 where the number goes, e.g. '%1.' or 'CAY %1'.");
            minuteNumbers = null;
        }

        var timeFormat = m.Text("time-format");
        if (timeFormat is not null)
        {
            try
            {
                _ = new TimeOnly(17, 30).ToString(timeFormat, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                diagnostics.Error(DiagnosticCode.BadValue, m.Node("time-format")!.At, $"'{timeFormat}' is not a time format; try 'h.mm tt' (5.30 pm) or 'HH:mm' (17:30).");
                timeFormat = null;
            }
        }

        if (m.Node("members") is { } membersNode && MappingReader.For(membersNode, diagnostics, (MapShape)Key("members")) is { } members)
        {
            style = style with
            {
                Members = new MemberListing
                {
                    One = members.Node("one") is null ? style.Members.One : members.Text("one") ?? string.Empty,
                    Many = members.Node("many") is null ? style.Members.Many : members.Text("many") ?? string.Empty,
                    Chair = members.Text("chair") ?? style.Members.Chair,
                    ViceChair = members.Text("vice-chair") ?? style.Members.ViceChair,
                    Alphabetical = members.Bool("alphabetical") ?? style.Members.Alphabetical,
                    LastSeparator = members.Text("last-separator") ?? style.Members.LastSeparator,
                },
            };
        }

        style = style with
        {
            MinuteNumbers = minuteNumbers ?? style.MinuteNumbers,
            TimeFormat = timeFormat ?? style.TimeFormat,
            ExemptWording = m.Text("exempt-wording") ?? style.ExemptWording,
        };

        if (m.Node("order") is { } orderNode)
        {
            var allowed = ((TextShape)((ListShape)Key("order")).Item).Allowed!;
            var order = MappingReader.ListOf(orderNode, node =>
            {
                var key = MappingReader.TextOf(node, "order", diagnostics);
                if (key is null || allowed.Contains(key)) return key;
                var suggestion = Suggest.Nearest(key, allowed);
                diagnostics.Error(DiagnosticCode.BadValue, node.At, $"'{key}' is not a section; " + (suggestion is null ? $"use one of: {string.Join(", ", allowed)}." : $"did you mean '{suggestion}'?"));
                return null;
            });
            style = style with { Order = order };
        }

        if (m.Node("headings") is YMapping headings)
        {
            var merged = new Dictionary<string, string>(style.Headings);
            foreach (var (k, v) in headings.Entries)
            {
                if (MappingReader.TextOf(v, k.Value, diagnostics) is { } h) merged[k.Value] = h;
            }

            style = style with { Headings = merged };
        }
        else if (m.Node("headings") is { } badHeadings)
        {
            diagnostics.Error(DiagnosticCode.WrongType, badHeadings.At, "'headings' must be a mapping of section keys to headings, such as 'summary: Summary'.");
        }

        style = style with
        {
            BodyHeading = m.Node("body-heading") is null ? style.BodyHeading : m.Text("body-heading"),
            Contact = Enum(m, "contact", new() { ["table"] = ContactLayout.Table, ["list"] = ContactLayout.List }, style.Contact),
            AnnexWord = m.Text("annex-word") ?? style.AnnexWord,
            CaptionsAbove = Enum(m, "table-captions", new() { ["above"] = true, ["below"] = false }, style.CaptionsAbove),
            KpiTolerance = (decimal?)Number(m, "kpi-tolerance", 0, 100) ?? style.KpiTolerance,
        };

        if (m.Node("template") is { } templateNode && MappingReader.For(templateNode, diagnostics, (MapShape)Key("template")) is { } template)
        {
            style = ReadTemplate(template, style);
        }

        return style;
    }

    private static Shape Key(string key) => Shapes.HouseStyle.Keys.First(k => k.Key == key).Value;

    private HouseStyle ReadPage(MappingReader page, HouseStyle style)
    {
        var pageShape = (MapShape)Key("page");
        if (page.Node("margins") is { } marginsNode && MappingReader.For(marginsNode, diagnostics, (MapShape)pageShape.Keys.First(k => k.Key == "margins").Value) is { } margins)
        {
            style = style with
            {
                MarginTopMm = Number(margins, "top", 0, 100) ?? style.MarginTopMm,
                MarginRightMm = Number(margins, "right", 0, 100) ?? style.MarginRightMm,
                MarginBottomMm = Number(margins, "bottom", 0, 100) ?? style.MarginBottomMm,
                MarginLeftMm = Number(margins, "left", 0, 100) ?? style.MarginLeftMm,
            };
        }

        style = style with
        {
            HeaderText = page.Text("header") ?? style.HeaderText,
            Footer = Enum(page, "footer", new() { ["page"] = FooterKind.Page, ["page-x-of-y"] = FooterKind.PageXOfY, ["none"] = FooterKind.None }, style.Footer),
        };
        if (page.Node("logo") is { } logoNode && MappingReader.For(logoNode, diagnostics, (MapShape)pageShape.Keys.First(k => k.Key == "logo").Value) is { } logo)
        {
            var file = logo.RequiredText("file");
            var alt = logo.RequiredText("alt");
            if (file.Length > 0 && ReadFile(file, logo.Node("file")!.At, FileKind.Logo) is { } bytes)
            {
                var format = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "png"
                    : bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "jpeg" : null;
                if (format is null)
                {
                    diagnostics.Error(DiagnosticCode.BadFile, logo.Node("file")!.At, $"'{file}' is not a PNG or JPEG image; save the logo as PNG.");
                }
                else
                {
                    style = style with
                    {
                        Logo = new Logo(bytes, alt)
                        {
                            Format = format,
                            WidthMm = Number(logo, "width", 1, 200) ?? 40,
                            HeightMm = Number(logo, "height", 1, 200) ?? 15,
                        },
                    };
                }
            }
        }

        return style;
    }

    private HouseStyle ReadTemplate(MappingReader template, HouseStyle style)
    {
        var file = template.RequiredText("file");
        var at = template.Node("file")?.At ?? template.At;
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is ".dotm" or ".docm")
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, $"'{file}' is a macro-enabled template; macros are never used: save it as .dotx (Word template) instead.");
            return style;
        }

        if (extension is not (".dotx" or ".docx"))
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, $"'{file}' is not a Word template; use a .dotx or .docx file.");
            return style;
        }

        var styles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template.Node("styles") is YMapping map)
        {
            foreach (var (k, v) in map.Entries)
            {
                if (MappingReader.TextOf(v, k.Value, diagnostics) is { } name) styles[k.Value] = name;
            }
        }

        return ReadFile(file, at, FileKind.Template) is { } bytes
            ? Word.TemplateImport.Apply(style, bytes, styles, at, diagnostics)
            : style;
    }

    private byte[]? ReadFile(string relative, SourcePosition at, FileKind kind)
    {
        if (folder is null)
        {
            diagnostics.Error(DiagnosticCode.FileNotFound, at, $"'{relative}' cannot be read: this style was not loaded from a file, so there is no folder to find it in.");
            return null;
        }

        var full = Confinement.Resolve(folder, relative, at, diagnostics);
        return full is null ? null : InputFile.Read(full, relative, kind, at, diagnostics);
    }

    /// <summary>The placeholders each kind of paper fills in its front and end blocks.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["report"] = ["council", "meeting", "date", "report-of", "title", "subtitle", "presented-by", "key-decision", "forward-plan-reference", "wards"],
        ["cabinet-member-update"] = ["council", "councillor", "portfolio", "date", "title"],
        ["minutes"] = ["council", "committee", "date", "venue", "started", "finished", "present", "apologies", "absent", "in-attendance", "officers", "signed-by"],
        ["notice"] = ["council", "committee", "date", "time", "venue", "members", "publication-date", "democracy-officer", "democracy-officer-title", "democracy-officer-phone", "democracy-officer-email"],
    };

    /// <summary>A misspelt placeholder would make its line silently disappear: it is an error with "did you mean".</summary>
    private FrontLine? CheckPlaceholders(FrontLine? line, YNode node, string kind)
    {
        if (line is null) return null;
        var texts = (line.Table?.SelectMany(r => r) ?? []).Append(line.Text);
        foreach (var name in texts.SelectMany(FrontBlock.PlaceholdersIn).Distinct())
        {
            if (Fields[kind].Contains(name)) continue;
            var suggestion = Suggest.Nearest(name, Fields[kind]);
            diagnostics.Error(DiagnosticCode.BadValue, node.At, $"'{{{name}}}' is not something a {kind} can fill in; " +
                (suggestion is null ? $"use one of: {string.Join(", ", Fields[kind].Select(f => "{" + f + "}"))}." : $"did you mean '{suggestion}'?"));
        }

        return line;
    }

    private FrontLine? ReadFrontLine(YNode node)
    {
        if (node is YScalar s) return s.IsNull ? null : new FrontLine(s.Value);
        var m = MappingReader.For(node, diagnostics, Shapes.FrontLine);
        if (m is null) return null;
        IReadOnlyList<IReadOnlyList<string>>? table = null;
        if (m.Node("table") is { } tableNode)
        {
            table = MappingReader.ListOf(tableNode, row => row is YSequence seq
                ? seq.Items.Select(c => MappingReader.TextOf(c, "table", diagnostics) ?? string.Empty).ToList()
                : null);
            if (table.Count < 2 || table.Any(r => r.Count != table[0].Count))
            {
                diagnostics.Error(DiagnosticCode.WrongCellCount, tableNode.At, "A front-block table needs a header row and at least one more row, all with the same number of cells.");
                table = null;
            }
        }

        var text = m.Text("text");
        if (text is null && table is null)
        {
            diagnostics.Error(DiagnosticCode.MissingField, m.At, "A front-block line needs 'text:' or 'table:'.");
            return null;
        }

        return new FrontLine(text ?? string.Empty)
        {
            Role = Enum(m, "role", new() { ["normal"] = "normal", ["council"] = "council", ["title"] = "title", ["subtitle"] = "subtitle" }, "normal"),
            UpperCase = m.Bool("upper") ?? false,
            Table = table,
            TableHeader = m.Bool("header") ?? true,
            Language = m.Text("lang"),
            RightToLeft = m.Bool("rtl") ?? false,
        };
    }

    private string? Pattern(MappingReader m, string key)
    {
        var value = m.Text(key);
        if (value is null || ItemPattern.IsValid(value)) return value;
        diagnostics.Error(DiagnosticCode.BadValue, m.Node(key)!.At, $"'{value}' is not a numbering pattern; write one such as a), (a), a., i., (i), 1. or A.");
        return null;
    }

    private T Enum<T>(MappingReader m, string key, Dictionary<string, T> values, T fallback)
    {
        var value = m.Text(key);
        if (value is null) return fallback;
        if (values.TryGetValue(value, out var result)) return result;
        var suggestion = Suggest.Nearest(value, values.Keys);
        diagnostics.Error(DiagnosticCode.BadValue, m.Node(key)!.At,
            $"'{value}' is not a {key}; " + (suggestion is null ? $"use one of: {string.Join(", ", values.Keys)}." : $"did you mean '{suggestion}'?"));
        return fallback;
    }

    private double? Number(MappingReader m, string key, double min, double max)
    {
        var node = m.Node(key);
        if (node is null) return null;
        if (node is YScalar s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max) return d;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a number from {min} to {max}.");
        return null;
    }

    private List<double>? Numbers(YNode node, string key)
    {
        if (node is not YSequence seq)
        {
            diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be a list of numbers.");
            return null;
        }

        var result = new List<double>();
        foreach (var item in seq.Items)
        {
            if (item is YScalar s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 6 and <= 72) result.Add(d);
            else
            {
                diagnostics.Error(DiagnosticCode.WrongType, item.At, $"Each of '{key}' must be a size in points from 6 to 72.");
                return null;
            }
        }

        return result;
    }
}
