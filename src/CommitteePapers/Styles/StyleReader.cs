using System.Globalization;
using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;

namespace CommitteePapers.Styles;

/// <summary>Checks a council's Word template and returns the style that uses it; the Word writer's, passed in by the caller.</summary>
internal delegate HouseStyle TemplateApplier(HouseStyle style, byte[] template, IReadOnlyDictionary<string, string> roles, SourcePosition at, DiagnosticBag diagnostics);

/// <summary>
/// Reads a style.yaml into a <see cref="HouseStyle"/>, with the same positioned diagnostics as a paper. A style starts
/// from the one it <c>extends</c> (a built-in name or another style file beside it), or from the library's base style,
/// and every key it gives overrides that.
/// </summary>
internal sealed partial class StyleReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^{}\s]{1,60}\}")]
    private static partial System.Text.RegularExpressions.Regex PlaceholderLike();


    private readonly DiagnosticBag diagnostics;
    private readonly string? folder;
    private readonly Func<string, HouseStyle?> builtIn;
    private readonly TemplateApplier? applyTemplate;
    private readonly IReadOnlyList<string> chain;

    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="folder">The style file's folder, for its logo, template and extended styles; null when it was not read from a file.</param>
    /// <param name="builtIn">Finds a built-in style by name (the base style for a style that extends nothing).</param>
    /// <param name="applyTemplate">Checks a Word template; templates are refused when null.</param>
    /// <param name="chain">The style files being read, outermost first, so that extending in a circle is caught.</param>
    public StyleReader(DiagnosticBag diagnostics, string? folder, Func<string, HouseStyle?> builtIn, TemplateApplier? applyTemplate = null, IReadOnlyList<string>? chain = null)
    {
        this.diagnostics = diagnostics;
        this.folder = folder;
        this.builtIn = builtIn;
        this.applyTemplate = applyTemplate;
        this.chain = chain ?? [];
    }

    /// <summary>Every placeholder a front or end block of each kind of paper can fill, beside the style's own fields.</summary>
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Fields =
        Shapes.BlockKinds.ToDictionary(k => k.Name, k => k.Placeholders);

    /// <summary>
    /// The facts each standard item's minutes wording can fill (beside {council}): who sent apologies, the paragraphs of
    /// Schedule 12A the exempt minutes after an exclusion rely on. The agenda wording of the exclusion fills {paragraph} too.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> StandardItemFields = new Dictionary<string, string[]>
    {
        ["apologies"] = ["apologies", "absent"],
        ["exclusion-of-press-and-public"] = ["paragraph"],
    };

    /// <summary>The placeholders each word can fill (beside {council}); a word not listed fills none but {council}.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> WordFields = new Dictionary<string, string[]>
    {
        ["recommendations-intro"] = ["meeting"],
        ["none"] = [],
        ["report-of"] = ["report-of"],
        ["pages"] = ["first", "last"],
        ["page"] = ["first"],
        ["blank-page"] = [],
        ["exempt"] = ["paragraph"],
        ["approved"] = ["date"],
        ["abbreviation"] = ["short", "meaning"],
        ["implication"] = ["heading"],
        ["contact-details"] = [],
        ["table"] = ["number"],
        ["caption"] = ["label", "caption"],
        ["annex"] = ["label", "title"],
        ["reference-paragraph"] = ["number"],
        ["reference-recommendation"] = ["number"],
        ["reference-section"] = ["number"],
        ["reference-item"] = ["number"],
        ["reference-minute"] = ["number"],
        ["minutes-title"] = ["committee", "date"],
        ["notice-title"] = ["committee", "date"],
        ["update-title"] = ["portfolio", "councillor"],
        ["signed-by"] = ["chair"],
        ["substitute"] = ["name", "for"],
        ["substitution"] = ["name", "for"],
        ["declaration"] = ["members", "item", "interest", "reason"],
        ["exempt-minute"] = ["paragraph"],
        ["exempt-minute-private"] = ["paragraph"],
        ["minutes-title-private"] = ["committee", "date"],
        ["yes"] = [],
        ["no"] = [],
        ["language"] = [],
        ["footer-page"] = ["page"],
        ["footer-page-x-of-y"] = ["page", "pages"],
        ["not-for-publication"] = ["paragraph"],
        ["pack-title"] = ["committee", "date"],
        ["pack-title-private"] = ["committee", "date"],
        ["classification-public"] = [],
        ["classification-exempt"] = ["paragraph"],
        ["kpi-caption"] = [],
        ["kpi-indicator"] = [],
        ["kpi-data-type"] = [],
        ["kpi-target"] = [],
        ["kpi-polarity"] = [],
        ["kpi-rag"] = [],
        ["kpi-dot"] = [],
        ["kpi-number"] = [],
        ["kpi-percent"] = [],
        ["kpi-rate"] = [],
        ["kpi-none"] = [],
        ["kpi-higher"] = [],
        ["kpi-lower"] = [],
        ["kpi-not-targeted"] = [],
        ["unit-heading"] = ["heading", "unit"],
        ["rating-red"] = [],
        ["rating-amber"] = [],
        ["rating-green"] = [],
        ["rating-positive"] = [],
        ["rating-stable"] = [],
        ["rating-negative"] = [],
        ["rating-increase"] = [],
        ["rating-decrease"] = [],
        ["web-notes"] = [],
        ["web-note-back"] = ["number"],
        ["web-unit"] = ["unit"],
        ["web-download"] = ["title", "format", "size"],
        ["web-format-pdf"] = [],
        ["web-format-docx"] = [],
        ["web-back-to-agenda"] = ["committee", "date"],
        ["to-follow"] = ["date"],
        ["urgent-item"] = ["reason"],
        ["added-page"] = ["page", "letter"],
        ["republished"] = ["published", "date"],
        ["supplement-title"] = ["committee", "date", "supplement"],
        ["pack-title-supplement"] = ["committee", "date", "supplement"],
    };

    public HouseStyle? Read(string text, string file, ReaderLimits limits)
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
        var style = Parent(m, file, limits) with { Name = name, Template = null, TemplateStyles = new Dictionary<string, string>() };
        style = style with
        {
            Council = m.Text("council") ?? style.Council,
            Nation = Enum(m, "nation", new() { ["england"] = Nation.England, ["wales"] = Nation.Wales, ["scotland"] = Nation.Scotland, ["northern-ireland"] = Nation.NorthernIreland }, style.Nation),
        };
        if (Section(m, "numbering") is { } n) style = style with { Numbering = ReadNumbering(n, style.Numbering) };
        if (Section(m, "text") is { } t) style = ReadText(t, style);
        if (Section(m, "page") is { } page) style = ReadPage(page, style);

        var fields = style.Fields.ToList();
        if (m.Node("fields") is YMapping fieldsNode) ReadFields(fieldsNode, fields);
        else if (m.Node("fields") is { } badFields) diagnostics.Error(DiagnosticCode.WrongType, badFields.At, "'fields' must be a mapping of field names to what they hold, such as 'classification: {type: choice, values: [Public, Private]}'.");
        style = style with { Fields = fields };
        councilFields = fields;

        if (Section(m, "front-blocks") is { } front) style = style with { FrontBlocks = ReadBlocksByKind(front, style.FrontBlocks, style) };
        if (Section(m, "end-blocks") is { } end) style = style with { EndBlocks = ReadBlocksByKind(end, style.EndBlocks, style) };
        if (m.Node("blocks") is YMapping blocksNode) style = style with { Blocks = ReadCouncilBlocks(blocksNode, style) };
        else if (m.Node("blocks") is { } badBlocks) diagnostics.Error(DiagnosticCode.WrongType, badBlocks.At, "'blocks' must be a mapping of block names to blocks, such as 'timetable: {heading: Timetable, lines: […]}'.");

        if (Section(m, "standard-items") is { } items) style = style with { StandardItems = ReadStandardItems(items, style) };
        if (Section(m, "members") is { } members) style = style with { Members = ReadMembers(members, style.Members) };

        style = style with
        {
            TimeFormat = TimeFormat(m) ?? style.TimeFormat,
            AmPm = m.Node("am-pm") is { } ampm ? Pair(ampm, "am-pm") ?? style.AmPm : style.AmPm,
            DateFormat = DateFormat(m, "date-format") ?? style.DateFormat,
            SupplementPagesContinue = Enum(m, "supplement-pages", new() { ["continue"] = true, ["restart"] = false }, style.SupplementPagesContinue),
            RepublishKeepsPages = Enum(m, "republish-pages", new() { ["keep"] = true, ["renumber"] = false }, style.RepublishKeepsPages),
        };

        if (m.Node("headings") is YMapping headings)
        {
            var merged = new Dictionary<string, string>(style.Headings);
            foreach (var (k, v) in headings.Entries)
            {
                if (MappingReader.TextOf(v, k.Value, diagnostics) is not { } h) continue;
                merged[k.Value] = h;
                if (v is YScalar scalar && PlaceholderLike().Match(h) is { Success: true } found)
                {
                    // A heading is printed as it stands: a placeholder in it would be printed with its braces.
                    diagnostics.Error(DiagnosticCode.BadValue, scalar.Map.At(found.Index),
                        $"'{found.Value}' cannot be filled in a heading ('{k.Value}'): headings are printed as they stand; write the words themselves.");
                }
            }

            style = style with { Headings = merged };
        }
        else if (m.Node("headings") is { } badHeadings)
        {
            diagnostics.Error(DiagnosticCode.WrongType, badHeadings.At, "'headings' must be a mapping of section keys to headings, such as 'summary: Summary'.");
        }

        if (Section(m, "minutes") is { } minutesSection) style = style with { Minutes = ReadMinutes(minutesSection, style) };

        if (m.Node("words") is YMapping words) style = style with { Words = ReadWords(words, style) };
        else if (m.Node("words") is { } badWords) diagnostics.Error(DiagnosticCode.WrongType, badWords.At, "'words' must be a mapping of keys to wording, such as 'none: None'.");

        if (m.Node("implication-kinds") is { } kindsNode)
        {
            style = style with { ImplicationKinds = [.. style.ImplicationKinds, .. MappingReader.ListOf(kindsNode, k => Key(k, "implication-kinds")).Where(k => !style.ImplicationKinds.Contains(k))] };
        }

        if (m.Node("order") is { } orderNode) style = style with { Order = ReadOrder(orderNode, style) };

        style = style with
        {
            BodyHeading = m.Node("body-heading") is null ? style.BodyHeading : m.Text("body-heading"),
            Contact = Enum(m, "contact", new() { ["table"] = ContactLayout.Table, ["list"] = ContactLayout.List }, style.Contact),
            Implications = Enum(m, "implications", new() { ["paragraphs"] = ImplicationsLayout.Paragraphs, ["table"] = ImplicationsLayout.Table }, style.Implications),
            AnnexWord = m.Text("annex-word") ?? style.AnnexWord,
            CaptionsAbove = Enum(m, "table-captions", new() { ["above"] = true, ["below"] = false }, style.CaptionsAbove),
            KpiTolerance = (decimal?)Number(m, "kpi-tolerance", 0, 100) ?? style.KpiTolerance,
        };

        if (Section(m, "template") is { } template) style = ReadTemplate(template, style);
        return style;
    }

    private MappingReader? Section(MappingReader m, string key) =>
        m.Node(key) is { } node ? MappingReader.For(node, diagnostics, (MapShape)Key(key)) : null;

    private static Shape Key(string key) => Shapes.HouseStyle.Keys.First(k => k.Key == key).Value;

    // ---- extends --------------------------------------------------------------------------------------------

    /// <summary>The style this one starts from: what it extends, or the base style.</summary>
    private HouseStyle Parent(MappingReader m, string file, ReaderLimits limits)
    {
        var fallback = builtIn(BuiltInStyleNames.Base) ?? new HouseStyle { Name = BuiltInStyleNames.Base };
        if (m.Text("extends") is not { } extends) return fallback;
        var at = m.Node("extends")!.At;
        var extension = Path.GetExtension(extends).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml"))
        {
            if (extends != BuiltInStyleNames.Base && builtIn(extends) is { } b) return b;
            var suggestion = Suggest.Nearest(extends, BuiltInStyleNames.All);
            diagnostics.Error(DiagnosticCode.UnknownStyle, at,
                $"There is no built-in style '{extends}' to extend; " + (suggestion is null ? $"use {BuiltInStyleNames.Listed}, or a style file beside this one such as 'council.yaml'." : $"did you mean '{suggestion}'?"));
            return fallback;
        }

        if (folder is null)
        {
            diagnostics.Error(DiagnosticCode.FileNotFound, at, $"'{extends}' cannot be read: this style was not loaded from a file, so there is no folder to find it in.");
            return fallback;
        }

        var path = Confinement.Resolve(folder, extends, at, diagnostics);
        if (path is null) return fallback;
        var self = Path.GetFullPath(Path.Combine(folder, Path.GetFileName(file)));
        if (chain.Contains(path, StringComparer.Ordinal) || path == self)
        {
            diagnostics.Error(DiagnosticCode.BadValue, at,
                $"'{extends}' extends this style again ({string.Join(" → ", chain.Append(path).Select(Path.GetFileName))}); a style cannot extend itself, directly or through another.");
            return fallback;
        }

        var display = Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, extends);
        if (InputFile.Read(path, extends, FileKind.StyleFile(limits), at, diagnostics) is not { } bytes ||
            InputFile.DecodeText(bytes, display, diagnostics) is not { } text)
        {
            return fallback;
        }

        var parent = new StyleReader(diagnostics, Path.GetDirectoryName(path), builtIn, applyTemplate, [.. chain, self, path])
            .Read(text, display, limits);
        return parent ?? fallback;
    }

    // ---- numbering ------------------------------------------------------------------------------------------

    private NumberingStyle ReadNumbering(MappingReader n, NumberingStyle numbering)
    {
        if (n.Text("scheme") is { } scheme)
        {
            // A scheme is a preset of the settings below, which may then change any part of it.
            switch (scheme)
            {
                case "continuous":
                    numbering = numbering with { Outline = [Pattern("1.")], Headings = [false, false, false, false, false], Paragraphs = [1], Unnumbered = [] };
                    break;
                case "decimal":
                    numbering = numbering with
                    {
                        Outline = [Pattern("1."), Pattern("1.1.")],
                        Headings = [],
                        Paragraphs = [2],
                        Unnumbered = ["recommendations", "contact", "wards", "further-information", "background-papers", "annexes", "abbreviations"],
                    };
                    break;
                case "none":
                    numbering = numbering with { Outline = [], Headings = [], Paragraphs = [], Unnumbered = [] };
                    break;
                default:
                    Enum(n, "scheme", new() { ["continuous"] = 0, ["decimal"] = 1, ["none"] = 2 }, 0);
                    break;
            }
        }

        if (n.Node("outline") is { } outline) numbering = numbering with { Outline = Patterns(outline, "outline", counted: true) };
        if (n.Node("headings") is { } headings)
        {
            numbering = numbering with { Headings = Items(headings).Select(h => Flag(h, "headings")).OfType<bool>().ToList() };
        }

        if (n.Node("paragraphs") is { } paragraphs)
        {
            numbering = numbering with { Paragraphs = Items(paragraphs).Select(p => Level(p, "paragraphs")).OfType<int>().ToList() };
        }

        if (n.Node("unnumbered") is { } unnumbered) numbering = numbering with { Unnumbered = MappingReader.ListOf(unnumbered, u => Key(u, "unnumbered")) };
        if (n.Node("sub-items") is { } subItems) numbering = numbering with { SubItems = Patterns(subItems, "sub-items", counted: false) };
        if (n.Node("bullets") is { } bullets) numbering = numbering with { Bullets = Patterns(bullets, "bullets", counted: false) };
        if (n.Node("nested-items") is { } nested && Patterns(nested, "nested-items", counted: true) is [var inner])
        {
            // The second level of sub-items and of bullets: "a) … i." and "• … i.".
            numbering = numbering with
            {
                SubItems = [numbering.SubItems.Count > 0 ? numbering.SubItems[0] : Pattern("a)"), inner],
                Bullets = [numbering.Bullets.Count > 0 ? numbering.Bullets[0] : Pattern("•"), inner],
            };
        }

        if (n.Node("recommendations") is { } recommendations) numbering = numbering with { Recommendations = Patterns(recommendations, "recommendations", counted: false) };
        if (n.Node("resolutions") is { } resolutions) numbering = numbering with { Resolutions = Patterns(resolutions, "resolutions", counted: false) };
        if (n.Node("minute-items") is { } minuteItems) numbering = numbering with { MinuteItems = Patterns(minuteItems, "minute-items", counted: false) };
        if (n.Bool("single-resolution") is { } singleResolution) numbering = numbering with { NumberSingleResolution = singleResolution };
        if (One(n, "lettered-headings") is { } lettered) numbering = numbering with { LetteredHeadings = lettered };
        if (One(n, "minutes") is { } minutes) numbering = numbering with { Minutes = minutes };
        if (One(n, "agenda") is { } agenda) numbering = numbering with { Agenda = agenda };
        if (n.Bool("documents") is { } documents) numbering = numbering with { Documents = documents };
        if (n.Bool("single-recommendation") is { } single) numbering = numbering with { NumberSingleRecommendation = single };
        return numbering;
    }

    private static NumberPattern Pattern(string text) => NumberPattern.Parse(text)!;

    private NumberPattern? One(MappingReader n, string key) =>
        n.Node(key) is { } node && Patterns(node, key, counted: true) is [var only] ? only : null;

    /// <summary>
    /// Patterns, one per level. An outline level shows one counter more than the level above ("1.", "1.1.", "1.1.1."),
    /// so its counters are checked; list levels show their own counter ("a)", "i.") or a bullet ("•").
    /// </summary>
    private IReadOnlyList<NumberPattern> Patterns(YNode node, string key, bool counted)
    {
        var result = new List<NumberPattern>();
        foreach (var item in Items(node))
        {
            if (MappingReader.TextOf(item, key, diagnostics) is not { } text) continue;
            var at = item.At;
            // The schema states the same rule (Shapes.*PatternRegex), so the writer's editor refuses what this does.
            var rule = key switch
            {
                "outline" => Shapes.OutlinePatternRegex,
                "minutes" or "agenda" => Shapes.CounterPatternRegex,
                _ => Shapes.ListPatternRegex,
            };
            var pattern = System.Text.RegularExpressions.Regex.IsMatch(text, rule) ? NumberPattern.Parse(text) : null;
            var level = result.Count + 1;
            var wanted = key == "outline" ? level : 1;
            if (pattern is null || (counted && pattern.Counters != wanted) || (!counted && pattern.Counters > 1))
            {
                var example = key switch
                {
                    "outline" => level == 1 ? "1." : level == 2 ? "1.1 or 1.1." : "1.1.1",
                    "minutes" => "%1. or CAY %1",
                    "agenda" => "1.",
                    _ => "a), (a), a., i., (i), 1., (1) or •",
                };
                diagnostics.Error(DiagnosticCode.BadValue, at, key == "outline"
                    ? $"'{text}' is not a pattern for outline level {level}; it needs {level} counter{(level == 1 ? string.Empty : "s")}, such as {example}."
                    : $"'{text}' is not a numbering pattern; write one such as {example}.");
                continue;
            }

            result.Add(pattern);
        }

        return result;
    }

    /// <summary>A list's entries, or the one value written without a list.</summary>
    private static IReadOnlyList<YNode> Items(YNode node) => node is YSequence seq ? seq.Items : [node];

    private bool? Flag(YNode node, string key)
    {
        if (node is YScalar s && YamlScalars.Boolean(s.Value) is { } flag) return flag;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"Each of '{key}' must be true or false: whether headings of that level are numbered.");
        return null;
    }

    private int? Level(YNode node, string key)
    {
        if (node is YScalar s && YamlScalars.Integer(s.Value) is { } n && n is >= 1 and <= 9) return (int)n;
        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"Each of '{key}' must be an outline level from 1 to 9.");
        return null;
    }

    private string? Key(YNode node, string key)
    {
        var text = MappingReader.TextOf(node, key, diagnostics);
        if (text is null || System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z][a-z0-9.-]{0,60}$")) return text;
        diagnostics.Error(DiagnosticCode.BadValue, node.At, $"'{text}' is not a key; keys are lower-case words joined by hyphens, such as 'background-papers'.");
        return null;
    }

    // ---- text and page --------------------------------------------------------------------------------------

    private HouseStyle ReadText(MappingReader t, HouseStyle style)
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

        var fontFile = style.FontFile;
        if (t.Text("font-file") is { Length: > 0 } fontName && ReadFile(fontName, t.Node("font-file")!.At, FileKind.Font) is { } fontBytes)
        {
            // The sfnt signatures: TrueType, OpenType with CFF outlines, Apple's 'true', and a collection.
            var span = fontBytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0, 1, 0, 0]) || span.StartsWith("OTTO"u8) || span.StartsWith("true"u8) || span.StartsWith("ttcf"u8))
            {
                fontFile = fontBytes;
            }
            else
            {
                diagnostics.Error(DiagnosticCode.BadFile, t.Node("font-file")!.At, $"'{fontName}' is not a TrueType or OpenType font; name the font's .ttf or .otf file.");
            }
        }

        var upper = UpperCase(t);
        return style with
        {
            Font = t.Text("font") ?? style.Font,
            FontFile = fontFile,
            BodySize = Number(t, "size", 6, 72) ?? style.BodySize,
            HeadingSizes = sizes ?? style.HeadingSizes,
            HeadingColour = colour?.ToUpperInvariant() ?? style.HeadingColour,
            SpaceAfter = Number(t, "space-after", 0, 72) ?? style.SpaceAfter,
            UpperCaseHeadings = upper?.Report ?? style.UpperCaseHeadings,
            UpperCaseMinuteTitles = upper?.Minutes ?? style.UpperCaseMinuteTitles,
            IndentMm = Number(t, "indent", 0, 50) ?? style.IndentMm,
        };
    }

    /// <summary>The kinds of paper whose headings <c>text.upper-case-headings</c> can put in capitals.</summary>
    internal static readonly IReadOnlyList<string> UpperCaseKinds = ["report", "minutes"];

    /// <summary><c>upper-case-headings</c>: true or false for every kind, or the list of kinds whose headings are in capitals.</summary>
    private (bool Report, bool Minutes)? UpperCase(MappingReader t)
    {
        switch (t.Node("upper-case-headings"))
        {
            case null:
                return null;
            case YSequence seq:
                var kinds = MappingReader.ListOf(seq, k => MappingReader.TextOf(k, "upper-case-headings", diagnostics));
                foreach (var (kind, node) in kinds.Zip(seq.Items).Where(k => !UpperCaseKinds.Contains(k.First)))
                {
                    diagnostics.Error(DiagnosticCode.BadValue, node.At, $"'{kind}' is not a kind of paper whose headings can be put in capitals; use {string.Join(" or ", UpperCaseKinds)}.");
                }

                return (kinds.Contains("report"), kinds.Contains("minutes"));
            default:
                return t.Bool("upper-case-headings") is { } all ? (all, all) : null;
        }
    }

    private static readonly Dictionary<string, (double Width, double Height)> PageSizes = new(StringComparer.Ordinal)
    {
        ["A4"] = (210, 297),
        ["A3"] = (297, 420),
        ["A5"] = (148, 210),
        ["letter"] = (215.9, 279.4),
    };

    private HouseStyle ReadPage(MappingReader page, HouseStyle style)
    {
        var pageShape = (MapShape)Key("page");
        if (page.Node("size") is YScalar sizeName && !sizeName.IsNull)
        {
            if (PageSizes.TryGetValue(sizeName.Value, out var size)) style = style with { PageWidthMm = size.Width, PageHeightMm = size.Height };
            else Enum(page, "size", PageSizes.Keys.ToDictionary(k => k, k => 0), 0);
        }
        else if (page.Node("size") is { } sizeNode && MappingReader.For(sizeNode, diagnostics, Shapes.PageSize) is { } custom)
        {
            style = style with
            {
                PageWidthMm = Number(custom, "width", 50, 1000) ?? style.PageWidthMm,
                PageHeightMm = Number(custom, "height", 50, 1000) ?? style.PageHeightMm,
            };
        }

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

        if (style.MarginLeftMm + style.MarginRightMm > style.PageWidthMm - 40 || style.MarginTopMm + style.MarginBottomMm > style.PageHeightMm - 40)
        {
            diagnostics.Error(DiagnosticCode.BadValue, page.At, "The margins leave less than 40 mm of the page for text; make them smaller.");
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

        if (applyTemplate is null)
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, "Word templates cannot be used where this style is read.");
            return style;
        }

        return ReadFile(file, at, FileKind.Template) is { } bytes ? applyTemplate(style, bytes, styles, at, diagnostics) : style;
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

    // ---- fields, blocks and words -----------------------------------------------------------------------------

    private static readonly Dictionary<string, FieldType> FieldTypes = new(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text,
        ["lines"] = FieldType.Lines,
        ["date"] = FieldType.Date,
        ["yes-no"] = FieldType.YesNo,
        ["choice"] = FieldType.Choice,
        ["paragraphs"] = FieldType.Paragraphs,
        ["rows"] = FieldType.Rows,
    };

    private void ReadFields(YMapping node, List<FieldDefinition> fields)
    {
        var known = Fields.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in node.Entries)
        {
            if (Key(key, "fields") is null) continue;
            if (known.Contains(key.Value))
            {
                diagnostics.Error(DiagnosticCode.BadValue, key.At, $"'{key.Value}' is already a field every paper has; give the council's field another name.");
                continue;
            }

            var f = MappingReader.For(value, diagnostics, Shapes.FieldDefinition);
            if (f is null) continue;
            var type = Enum(f, "type", FieldTypes, FieldType.Text);
            var choices = f.List("values", v => MappingReader.TextOf(v, "values", diagnostics));
            if (type == FieldType.Choice && choices.Count == 0) diagnostics.Error(DiagnosticCode.MissingField, f.At, "A choice field needs 'values:', the values it can take.");
            var kinds = f.List("kinds", k => MappingReader.TextOf(k, "kinds", diagnostics));
            foreach (var (kind, i) in kinds.Select((k, i) => (k, i)).Where(k => !Fields.ContainsKey(k.k)))
            {
                diagnostics.Error(DiagnosticCode.BadValue, f.Node("kinds")!.At, $"'{kind}' is not a kind of paper; use {string.Join(", ", Fields.Keys)}.");
            }

            fields.RemoveAll(x => x.Name == key.Value);
            fields.Add(new FieldDefinition(key.Value, type)
            {
                Required = f.Bool("required") ?? false,
                Choices = choices,
                Description = f.Text("description") ?? string.Empty,
                Kinds = kinds,
            });
        }
    }

    private IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> ReadBlocksByKind(MappingReader m, IReadOnlyDictionary<string, IReadOnlyList<FrontLine>> current, HouseStyle style)
    {
        var blocks = new Dictionary<string, IReadOnlyList<FrontLine>>(current);
        foreach (var kind in Fields.Keys)
        {
            if (m.Node(kind) is { } lines) blocks[kind] = Lines(lines, FieldsOf(kind, style));
        }

        return blocks;
    }

    private static IReadOnlyList<string> FieldsOf(string kind, HouseStyle style) =>
        [.. Fields[kind], .. style.Fields.Where(f => f.Kinds.Count == 0 || f.Kinds.Contains(kind)).Select(f => f.Name)];

    private IReadOnlyList<FrontLine> Lines(YNode node, IReadOnlyList<string> fields) =>
        MappingReader.ListOf(node, line => ReadLine(line, fields));

    private IReadOnlyDictionary<string, StyleBlock> ReadCouncilBlocks(YMapping node, HouseStyle style)
    {
        var blocks = new Dictionary<string, StyleBlock>(style.Blocks);
        var fields = FieldsOf("report", style);
        foreach (var (key, value) in node.Entries)
        {
            if (Key(key, "blocks") is null) continue;
            var b = MappingReader.For(value, diagnostics, Shapes.StyleBlock);
            if (b is null) continue;
            blocks[key.Value] = new StyleBlock(b.Node("lines") is { } lines ? Lines(lines, fields) : [])
            {
                Heading = b.Text("heading"),
            };
        }

        return blocks;
    }

    private IReadOnlyDictionary<string, StandardItem> ReadStandardItems(MappingReader items, HouseStyle style)
    {
        var standard = new Dictionary<string, StandardItem>(style.StandardItems);
        foreach (var key in ((MapShape)Key("standard-items")).KeyNames)
        {
            if (items.Node(key) is { } itemNode && MappingReader.For(itemNode, diagnostics, Shapes.StandardItemWording) is { } item)
            {
                var facts = StandardItemFields.TryGetValue(key, out var f) ? f : [];
                standard[key] = new StandardItem(item.RequiredText("title"))
                {
                    Agenda = Wording(item, "agenda", key == "exclusion-of-press-and-public" ? ["paragraph"] : []),
                    Minutes = Wording(item, "minutes", facts),
                    MinutesNone = Wording(item, "minutes-none", []),
                    Numbering = item.Node("numbering") is { } numberingNode && Patterns(numberingNode, "numbering", counted: false) is [var pattern] ? pattern : null,
                };
            }
        }

        return standard;
    }

    /// <summary>The <c>minutes:</c> section: the order of a minute's parts, where labels stand, the council's own decision labels.</summary>
    private MinutesStyle ReadMinutes(MappingReader m, HouseStyle style)
    {
        var minutes = style.Minutes;
        if (m.Node("order") is { } orderNode)
        {
            var order = MappingReader.ListOf(orderNode, n =>
            {
                var part = MappingReader.TextOf(n, "order", diagnostics);
                if (part is null || MinutesStyle.Parts.Contains(part)) return part;
                var suggestion = Suggest.Nearest(part, MinutesStyle.Parts);
                diagnostics.Error(DiagnosticCode.BadValue, n.At, $"'{part}' is not a part of a minute; " +
                    (suggestion is null ? $"use {string.Join(", ", MinutesStyle.Parts)}." : $"did you mean '{suggestion}'?"));
                return null;
            });
            foreach (var twice in order.GroupBy(p => p).Where(g => g.Count() > 1))
            {
                diagnostics.Error(DiagnosticCode.BadValue, orderNode.At, $"'{twice.Key}' is in the order of a minute twice; name each part once.");
            }

            minutes = minutes with { Order = order.Distinct().ToList() };
        }

        var placements = new Dictionary<string, LabelPlacement> { ["run-in"] = LabelPlacement.RunIn, ["heading"] = LabelPlacement.Heading };
        minutes = minutes with
        {
            DecisionLabel = Enum(m, "decision-label", placements, minutes.DecisionLabel),
            BlockLabel = Enum(m, "block-label", placements, minutes.BlockLabel),
        };
        if (m.Node("decision-kinds") is { } kindsNode)
        {
            var kinds = new List<string>(minutes.DecisionKinds);
            foreach (var node in kindsNode is YSequence seq ? seq.Items : [kindsNode])
            {
                if (Key(node, "decision-kinds") is not { } kind || kinds.Contains(kind)) continue;
                if (kind is "resolved" or "decided" or "recommended")
                {
                    diagnostics.Error(DiagnosticCode.BadValue, node.At, $"'{kind}' is a decision label every style has; give its words under 'headings:' instead.");
                    continue;
                }

                if (!style.Headings.ContainsKey(kind))
                {
                    diagnostics.Error(DiagnosticCode.MissingField, node.At, $"The decision kind '{kind}' has no words; give them under 'headings:', such as '{kind}: \"Resolved unanimously:\"'.");
                }

                kinds.Add(kind);
            }

            minutes = minutes with { DecisionKinds = kinds };
        }

        return minutes;
    }

    private MemberListing ReadMembers(MappingReader members, MemberListing listing) => new()
    {
        One = members.Node("one") is null ? listing.One : members.Text("one") ?? string.Empty,
        Many = members.Node("many") is null ? listing.Many : members.Text("many") ?? string.Empty,
        Chair = members.Text("chair") ?? listing.Chair,
        ViceChair = members.Text("vice-chair") ?? listing.ViceChair,
        Alphabetical = members.Bool("alphabetical") ?? listing.Alphabetical,
        LastSeparator = members.Text("last-separator") ?? listing.LastSeparator,
    };

    private IReadOnlyDictionary<string, RichText> ReadWords(YMapping node, HouseStyle style)
    {
        var words = new Dictionary<string, RichText>(style.Words);
        foreach (var (key, value) in node.Entries)
        {
            if (!WordFields.TryGetValue(key.Value, out var fields))
            {
                var suggestion = Suggest.Nearest(key.Value, WordFields.Keys);
                diagnostics.Error(DiagnosticCode.UnknownKey, key.At,
                    $"There is no word '{key.Value}'; " + (suggestion is null ? $"the words a style can give are: {string.Join(", ", WordFields.Keys)}." : $"did you mean '{suggestion}'?"));
                continue;
            }

            if (Placeheld(value, key.Value, fields) is { } text) words[key.Value] = text;
        }

        return words;
    }

    private RichText? Wording(MappingReader m, string key, IReadOnlyList<string> fields) =>
        m.Node(key) is { } node ? Placeheld(node, key, fields) : null;

    /// <summary>Text with placeholders, each of which must be one the place it is used can fill.</summary>
    private RichText? Placeheld(YNode node, string key, IReadOnlyList<string> fields)
    {
        var text = MappingReader.RichOf(node, key, diagnostics, placeholders: true);
        if (text is null) return null;
        foreach (var problem in text.Problems) diagnostics.Add(problem);
        CheckPlaceholders(text.Inlines, fields, key);
        return text.WithoutProblems();
    }

    private void CheckPlaceholders(IEnumerable<Inline> inlines, IReadOnlyList<string> fields, string where)
    {
        IReadOnlyList<string> allowed = ["council", .. fields];
        foreach (var placeholder in inlines.SelectMany(i => i is Link l ? l.Content : [i]).OfType<Placeholder>())
        {
            if (allowed.Contains(placeholder.Name)) continue;
            var suggestion = Suggest.Nearest(placeholder.Name, allowed);
            diagnostics.Error(DiagnosticCode.BadValue, placeholder.At, $"'{{{placeholder.Name}}}' is not something '{where}' can fill in; " +
                (suggestion is null ? $"use one of: {string.Join(", ", allowed.Select(f => "{" + f + "}"))}." : $"did you mean '{suggestion}'?"));
        }
    }

    private FrontLine? ReadLine(YNode node, IReadOnlyList<string> fields)
    {
        if (node is YScalar s) return s.IsNull ? null : Placeheld(s, "line", fields) is { } line ? new FrontLine(line) : null;
        var m = MappingReader.For(node, diagnostics, Shapes.FrontLine);
        if (m is null) return null;
        IReadOnlyList<IReadOnlyList<RichText>>? table = null;
        var header = m.Bool("header") ?? true;
        var rowsFrom = m.Text("rows");
        if (rowsFrom is not null && !FieldTypeIs(rowsFrom, FieldType.Rows, fields))
        {
            diagnostics.Error(DiagnosticCode.BadValue, m.Node("rows")!.At, $"'{rowsFrom}' is not a field of type rows; declare it under 'fields:' with 'type: rows'.");
            rowsFrom = null;
        }

        if (m.Node("table") is { } tableNode)
        {
            table = MappingReader.ListOf(tableNode, row => row is YSequence seq
                ? seq.Items.Select(c => Placeheld(c, "table", fields) ?? RichText.Empty).ToList()
                : null);
            // A label | value table may have one row; a table with a header row needs a row under it, unless its
            // rows come from a field.
            var least = header && rowsFrom is null ? 2 : 1;
            if (table.Count < least || table.Any(r => r.Count != table[0].Count))
            {
                diagnostics.Error(DiagnosticCode.WrongCellCount, tableNode.At, header && rowsFrom is null
                    ? "A front-block table needs a header row and at least one more row, all with the same number of cells (write 'header: false' for a label | value table)."
                    : "A front-block table needs at least one row, all with the same number of cells.");
                table = null;
            }
        }
        else if (rowsFrom is not null)
        {
            diagnostics.Error(DiagnosticCode.MissingField, m.At, "A table whose rows come from a field needs 'table:' with its header row, such as [[Meeting, Date]].");
        }

        var text = m.Node("text") is { } textNode ? Placeheld(textNode, "text", fields) : null;
        if (text is null && table is null)
        {
            if (!diagnostics.HasErrors) diagnostics.Error(DiagnosticCode.MissingField, m.At, "A line needs 'text:' or 'table:'.");
            return null;
        }

        return new FrontLine(text ?? RichText.Empty)
        {
            Role = Enum(m, "role", new() { ["normal"] = "normal", ["council"] = "council", ["title"] = "title", ["subtitle"] = "subtitle", ["heading"] = "heading" }, "normal"),
            UpperCase = m.Bool("upper") ?? false,
            Table = table,
            TableHeader = header,
            RowsFrom = rowsFrom,
            Language = m.Text("lang"),
            RightToLeft = m.Bool("rtl") ?? false,
        };
    }

    private bool FieldTypeIs(string name, FieldType type, IReadOnlyList<string> fields) =>
        fields.Contains(name) && councilFields.Any(f => f.Name == name && f.Type == type);

    /// <summary>The council's fields as read so far, for lines that take rows from one.</summary>
    private IReadOnlyList<FieldDefinition> councilFields = [];

    // ---- order ----------------------------------------------------------------------------------------------

    /// <summary>The standard sections a style's order can name.</summary>
    internal static readonly IReadOnlyList<string> OrderKeys = ((TextShape)((OneOfShape)((ListShape)((MapShape)Shapes.HouseStyle).Keys.First(k => k.Key == "order").Value).Item).Options[0]).Allowed!;

    private IReadOnlyList<string> ReadOrder(YNode node, HouseStyle style)
    {
        var allowed = OrderKeys
            .Concat(style.ImplicationKinds.Select(k => "implications." + k))
            .Concat(style.Blocks.Keys.Select(k => "block." + k))
            .Concat(style.Fields.Where(f => f.Type == FieldType.Paragraphs).Select(f => "field." + f.Name))
            .ToList();
        return MappingReader.ListOf(node, n =>
        {
            var key = MappingReader.TextOf(n, "order", diagnostics);
            if (key is null || allowed.Contains(key)) return key;
            if (key.StartsWith("body.", StringComparison.Ordinal) && Key(n, "order") is not null) return key;
            var suggestion = Suggest.Nearest(key, allowed);
            diagnostics.Error(DiagnosticCode.BadValue, n.At, $"'{key}' is not a section; " +
                (suggestion is not null ? $"did you mean '{suggestion}'?"
                    : $"use one of: {string.Join(", ", allowed)}; block.NAME for one of the style's blocks, field.NAME for a paragraphs field, body.NAME for a further body slot."));
            return null;
        });
    }

    // ---- small readers --------------------------------------------------------------------------------------

    private string? TimeFormat(MappingReader m)
    {
        var timeFormat = m.Text("time-format");
        if (timeFormat is null) return null;
        try
        {
            _ = new TimeOnly(17, 30).ToString(timeFormat, CultureInfo.InvariantCulture);
            return timeFormat;
        }
        catch (FormatException)
        {
            diagnostics.Error(DiagnosticCode.BadValue, m.Node("time-format")!.At, $"'{timeFormat}' is not a time format; try 'h.mm tt' (5.30 pm) or 'HH:mm' (17:30).");
            return null;
        }
    }

    private string? DateFormat(MappingReader m, string key)
    {
        var format = m.Text(key);
        if (format is null) return null;
        try
        {
            _ = new DateOnly(2024, 2, 22).ToString(format.Replace("Do", "d", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            return format;
        }
        catch (FormatException)
        {
            diagnostics.Error(DiagnosticCode.BadValue, m.Node(key)!.At, $"'{format}' is not a date format; try 'd MMMM yyyy' (22 February 2024) or 'dddd Do MMMM yyyy'.");
            return null;
        }
    }

    private IReadOnlyList<string>? Pair(YNode node, string key)
    {
        if (node is YSequence { Items.Count: 2 } seq && seq.Items.All(i => i is YScalar))
        {
            return seq.Items.Select(i => MappingReader.TextOf(i, key, diagnostics) ?? string.Empty).ToList();
        }

        diagnostics.Error(DiagnosticCode.WrongType, node.At, $"'{key}' must be two texts: what is printed before noon and after, such as [a.m., p.m.].");
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
        if (node is YScalar s && YamlScalars.Number(s.Value) is { } number && (double)number is var d && d >= min && d <= max) return d;
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
            if (item is YScalar s && YamlScalars.Number(s.Value) is { } number && (double)number is var d and >= 6 and <= 72) result.Add(d);
            else
            {
                diagnostics.Error(DiagnosticCode.WrongType, item.At, $"Each of '{key}' must be a size in points from 6 to 72.");
                return null;
            }
        }

        return result;
    }
}
