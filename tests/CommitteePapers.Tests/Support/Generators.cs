using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using CommitteePapers.Styles;
using CsCheck;

namespace CommitteePapers.Tests.Support;

/// <summary>
/// CsCheck generators of valid papers of every kind, built in code: nested sections, deep lists, typed tables, KPI
/// tables, footnotes and cross-references that resolve, and text full of awkward Unicode and Markdown.
/// "Valid" means what the YAML readers would accept: cells that fit their columns, distinct ids, references to ids
/// that exist, footnote references to footnotes that exist, links only to http, https and mailto.
/// The inputs that once broke the library (marked "FIXED BUG" below: an unclosed '[', a line of only '-' or '=',
/// a '[' in an email address, forbidden characters in or an empty target of a cross-reference) are generated like
/// everything else; each also has a regression test with its smallest model in PropertyTests ("Fixed_…").
/// </summary>
internal static partial class Generators
{
    /// <summary>
    /// The characters Markdown may consume as syntax wherever they are: backslash escapes, code spans, emphasis. The
    /// others it consumes only in links and autolinks, which <see cref="TextCheck.Expected"/> takes apart precisely.
    /// </summary>
    public const string SyntaxCharacters = "\\`*_";

    /// <summary>Footnote names the text generators refer to; a paper defines the ones it uses.</summary>
    public static readonly string[] FootnoteNames = ["1", "a", "note-2", "\u6CE8", "\u0645\u0644\u0627\u062D\u0638\u0629", "x_y.z"];

    private const string Latin = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Accented = "éèêëàâäîïôöùûüçñßøåæœÉÀÇÑØÅÆŒłŁđĐğĞşŞıİǰﬁ";
    private const string Greek = "αβγδεζηθικλμνξοπρσςτυφχψωΩΣΔ";
    private const string Cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюяЖЩЯ";
    private const string Arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى٠١٢٣٤٥٦٧٨٩";
    private const string Urdu = "ٹڈڑںھےۓکگپچژیۃ۰۱۲۳۴۵۶۷۸۹";
    private const string Hebrew = "אבגדהוזחטיכלמנסעפצקרשתךםןףץ";
    private const string Cjk = "中文字漢語日本語한국어ひらがなカタカナ";
    private const string Indic = "हिन्दीবাংলাதமிழ்";
    private const string Symbols = "£€$%&+=/,.;'\"?{}…–—‘’“”«»©®™°±×÷§¶•¿¡";
    private const string Noise = "*_[]()`#>-|\\!<~^+.{}=&";

    private static readonly string[] CombiningMarks = ["\u0301", "\u0300", "\u0308", "\u0327", "\u0336", "\u20DD", "\u064B", "\u0651", "\u0652", "\u05B7", "\u05BC", "\u093F"];
    private static readonly string[] Emoji = ["\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1EC\U0001F1E7", "\u2764\uFE0F", "\U0001F44D\U0001F3FD", "\U0001D11E", "\U00010437", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "\U0001F4B7"];
    private static readonly string[] BidiControls = ["\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u061C"];
    private static readonly string[] OddSpaces = [" ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00A0", "\u3000", "\u2028", "\u200B", "\u00AD", "\uFEFF", "\u0085"];
    private static readonly string[] Forbidden =
    [
        "\u0001", "\u0002", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B", "\u001F", "\uFFFE", "\uFFFF",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\u0000",
    ];

    private static readonly string[] HtmlBits = ["<span>", "<b>", "</i>", "<br/>", "<!-- c -->", "<a href=\"x\">", "&amp;", "&#169;", "&nbsp;"];
    private static readonly string[] StandardKeys = ["declarations-of-interest", "minutes", "public-participation", "apologies", "urgent-business", "matters-referred", "exclusion-of-press-and-public"];
    private static readonly string[] RagWords = ["RED", "AMBER", "GREEN"];
    private static readonly string[] DirectionWords = ["POSITIVE", "STABLE", "NEGATIVE", "INCREASE", "DECREASE"];
    private static readonly string?[] MoneyUnits = [null, "£", "£000", "£m"];
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.éß中ا";

    // ---- characters and words -------------------------------------------------------------------------

    private static Gen<string> From(string chars, int min, int max) =>
        Gen.Int[0, chars.Length - 1].Array[min, max].Select(a => new string(a.Select(i => chars[i]).ToArray()));

    private static Gen<string> FromPieces(string[] pieces, int min, int max) =>
        Gen.Int[0, pieces.Length - 1].Array[min, max].Select(a => string.Concat(a.Select(i => pieces[i])));

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Word = Gen.Frequency(
        (10, From(Latin, 1, 10)),
        (3, From(Accented + Latin, 1, 8)),
        (1, From(Greek, 1, 8)),
        (1, From(Cyrillic, 1, 8)),
        (1, From(Cjk, 1, 6)),
        (1, From(Indic, 1, 6)),
        (2, From(Symbols, 1, 3)));

    private static readonly Gen<string> RightToLeft = Gen.Select(
        Gen.Frequency((3, From(Arabic, 1, 10)), (2, From(Hebrew, 1, 10)), (2, From(Urdu + Arabic, 1, 10))),
        Gen.Frequency((3, Gen.Const(string.Empty)), (1, FromPieces(CombiningMarks[6..10], 1, 2))),
        Gen.Frequency((3, Gen.Const(string.Empty)), (1, FromPieces(BidiControls, 1, 2))),
        (word, marks, bidi) => bidi + word + marks);

    private static readonly Gen<string> Combining = Gen.Select(
        Gen.Frequency((5, From(Latin + Accented, 1, 1)), (1, Gen.Const(string.Empty))),
        FromPieces(CombiningMarks, 1, 4),
        (letter, marks) => letter + marks);

    private static readonly Gen<string> Space = Pick(OddSpaces);

    // Those that are white space to a regular expression (U+000B, U+000C, U+001C to U+001F) stand between spaces, so
    // that a reference split by one is no reference before they are dropped and none after.
    private static readonly Gen<string> ForbiddenPiece = Pick(Forbidden).Select(f => f.Any(char.IsWhiteSpace) ? " " + f + " " : f);

    // FIXED BUG (unclosed bracket): a '[' (or "![") that no ']' closed in the same paragraph was dropped from the
    // printed text (Markdig left it as a link delimiter, which InlineText converted as an empty container). The noise
    // has '[' in it, so unclosed brackets are generated.

    /// <summary>Markdown punctuation with no letters in it; never a link, an image or a link definition.</summary>
    private static readonly Gen<string> MarkdownNoise = From(Noise, 1, 4).Select(SanitiseNoise);

    /// <summary>Markdown punctuation for fields printed as plain text, where all of it must be printed as it is.</summary>
    private static readonly Gen<string> PlainNoise = From(Noise, 1, 4);

    private static readonly Gen<string> LinkPath = From("abcdefghijklmnopqrstuvwxyz0123456789-", 0, 12);

    private static readonly Gen<string> Formatted = Gen.Frequency(
        (3, Gen.Select(Word, Pick("*", "**", "_", "__", "***"), (w, d) => d + w + d)),
        (2, Gen.Select(Word, Word, (a, b) => "`" + a + " " + b + "`")),
        (1, Gen.Select(Word, Word, (a, b) => "``" + a + "`" + b + "``")),
        (2, Gen.Select(Word, LinkPath, Pick("https://example.org/", "http://example.org/a?b=", "mailto:clerk@example.gov.uk?subject="),
            (w, path, scheme) => "[" + w + "](" + scheme + path + ")")),
        (1, Gen.Select(LinkPath, Pick("<https://example.org/", "<http://www.york.gov.uk/"), (path, scheme) => scheme + path + ">")),
        (1, Gen.Const("<democratic.services@york.gov.uk>")),
        (1, Pick(HtmlBits)));

    private static readonly Gen<string> FootnoteReference = Pick(FootnoteNames).Select(n => "[^" + n + "]");

    private static readonly Gen<string> CrossReference = Gen.Int[0, 40].Select(i => "[@r" + i.ToString(CultureInfo.InvariantCulture) + "]");

    private static readonly Gen<string> Numberish = Pick("1,234.56", "£12m", "50%", "(3,000)", "-7", "1.", "2017.", "# of", "3)", "+44 1904 551550");

    private static readonly Gen<string> PlainPiece = Gen.Frequency(
        (30, Word),
        (14, Space),
        (5, RightToLeft),
        (3, Combining),
        (3, Pick(Emoji)),
        (3, PlainNoise),
        (2, ForbiddenPiece),
        (2, Numberish),
        (1, Gen.Const("\uE000")),
        (1, Pick(HtmlBits)));

    private static readonly Gen<string> MarkdownPiece = Gen.Frequency(
        (30, Word),
        (14, Space),
        (5, RightToLeft),
        (3, Combining),
        (3, Pick(Emoji)),
        (5, MarkdownNoise),
        (2, ForbiddenPiece),
        (2, Numberish),
        (6, Formatted),
        (2, FootnoteReference),
        (2, CrossReference),
        (1, Gen.Const("\uE000")));

    /// <summary>Words and Markdown with no footnote or cross-references: footnote texts.</summary>
    private static readonly Gen<string> FootnotePiece = MarkdownPiece.Where(p => !p.StartsWith("[^", StringComparison.Ordinal) && !p.StartsWith("[@", StringComparison.Ordinal));

    /// <summary>Literal text that looks like footnote and cross-references, for fields printed as plain text.</summary>
    private static readonly Gen<string> LookalikePiece = Pick("[^1]", "[@r1]", "[^a b]", "\\[^x]", "[@annex-1]");

    private static Gen<string> TextOf(Gen<string> piece, bool markdown = true, bool shortText = false) => Gen.Frequency(
        (10, Gen.Const(string.Empty)),
        (5, Space),
        (100, piece.Array[1, shortText ? 3 : 8].Select(p => Join(p, markdown))),
        (shortText ? 5 : 20, piece.Array[8, 25].Select(p => Join(p, markdown))),
        (1, piece.Array[150, 700].Select(p => Join(p, markdown))));

    /// <summary>Inline Markdown with footnote references [^name] and cross-references [@rN] that <see cref="Finish"/> resolves.</summary>
    public static readonly Gen<string> Markdown = TextOf(MarkdownPiece);

    /// <summary>Text printed as it is (names, titles in the front block), now and then with what looks like a reference.</summary>
    public static readonly Gen<string> Plain = TextOf(Gen.Frequency((30, PlainPiece), (1, LookalikePiece)), markdown: false);

    /// <summary>Short inline Markdown, for table cells and headings.</summary>
    public static readonly Gen<string> ShortMarkdown = TextOf(MarkdownPiece, shortText: true);

    /// <summary>Short plain text, for names.</summary>
    public static readonly Gen<string> ShortPlain = TextOf(Gen.Frequency((30, PlainPiece), (1, LookalikePiece)), markdown: false, shortText: true);

    /// <summary>Footnote text: Markdown without references.</summary>
    public static readonly Gen<string> FootnoteText = TextOf(FootnotePiece);

    private static readonly Gen<string?> NullablePlain = OrNull(Plain);

    private static readonly Gen<string?> NullableMarkdown = OrNull(Markdown);

    private static readonly Gen<string?> Id = Gen.Frequency((3, Gen.Const<string?>(default(string))), (1, From(IdAlphabet, 1, 45).Select(s => (string?)s)));

    private static Gen<T?> OrNull<T>(Gen<T> gen, int nullWeight = 1, int valueWeight = 2)
        where T : class =>
        Gen.Frequency((nullWeight, Gen.Const<T?>(default(T))), (valueWeight, gen.Select(s => (T?)s)));

    private static Gen<T?> OrNullValue<T>(Gen<T> gen, int nullWeight = 1, int valueWeight = 2)
        where T : struct =>
        Gen.Frequency((nullWeight, Gen.Const<T?>(default(T?))), (valueWeight, gen.Select(v => (T?)v)));

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> gen, params (int Weight, int Min, int Max)[] sizes) =>
        Gen.Frequency(sizes.Select(s => (s.Weight, (IGen<IReadOnlyList<T>>)gen.Array[s.Min, s.Max].Select(a => (IReadOnlyList<T>)a))).ToArray());

    private static readonly Gen<DateOnly> Date = Gen.Int[0, 73_000].Select(d => new DateOnly(1900, 1, 1).AddDays(d));

    private static readonly Gen<TimeOnly> Time = Gen.Int[0, 24 * 60 - 1].Select(m => new TimeOnly(m / 60, m % 60));

    /// <summary>Joins pieces, keeping apart those that would together make a link, an image or a link definition.</summary>
    private static string Join(string[] pieces, bool markdown)
    {
        var sb = new StringBuilder();
        foreach (var piece in pieces)
        {
            // Looking through characters XML forbids: the library drops them before Markdown sees the text.
            var first = piece.FirstOrDefault(c => !TextCheck.IsForbidden(c));
            var at = sb.Length - 1;
            while (at >= 0 && TextCheck.IsForbidden(sb[at])) at--;
            if (at >= 0 && first != default)
            {
                var last = sb[at];
                if ((last == ']' && first is '(' or '[' or ':') || (last == '!' && first == '[')) sb.Append(' ');
            }

            sb.Append(piece);
        }

        return Sanitise(sb.ToString(), markdown);
    }

    private static string SanitiseNoise(string s)
    {
        string before;
        do
        {
            before = s;
            s = s.Replace("](", "] (", StringComparison.Ordinal).Replace("][", "] [", StringComparison.Ordinal)
                .Replace("]:", "] :", StringComparison.Ordinal).Replace("![", "! [", StringComparison.Ordinal);
        }
        while (s != before);
        return s;
    }

    [GeneratedRegex(@"\[(?<kind>[\^@])(?<name>[^\]\s]{1,100})\]")]
    public static partial Regex SpecialPattern();

    [GeneratedRegex(@"<(?<scheme>[A-Za-z][A-Za-z0-9+.\-]{1,31}):")]
    private static partial Regex AutolinkStart();


    /// <summary>
    /// Breaks what the pieces made by chance but a valid paper would not hold: references to unknown names and
    /// autolinks to schemes other than http, https and mailto (both are errors by design). Lines of only '-' or '='
    /// are kept: FIXED BUG (setext), such a line under text once made Markdig read the text as a setext heading, which
    /// InlineText skipped, so the text vanished without a diagnostic.
    /// </summary>
    private static string Sanitise(string s, bool markdown)
    {
        if (!markdown) return s;
        string before;
        do
        {
            // Again until nothing changes: breaking "[^a[^zz]" at its first '[' leaves "[^zz]" to break.
            before = s;
            s = SpecialPattern().Replace(s, m =>
            {
                var name = m.Groups["name"].Value;
                var ours = m.Groups["kind"].Value == "^" ? FootnoteNames.Contains(name) : Regex.IsMatch(name, @"^r\d+$");
                return ours ? m.Value : "[ " + m.Value[1..];
            });
        }
        while (s != before);
        return AutolinkStart().Replace(s, m => m.Groups["scheme"].Value is "http" or "https" or "mailto" ? m.Value : "< " + m.Value[1..]);
    }

    // ---- lists, paragraphs, tables ------------------------------------------------------------------

    private static Gen<ListItem> Item(int depth) => depth >= 5
        ? Gen.Select(Markdown, Id, (text, id) => new ListItem(text) { Id = id })
        : Gen.Select(Markdown, Id, Items(depth + 1), Items(depth + 1), (text, id, items, bullets) => new ListItem(text) { Id = id, Items = items, Bullets = bullets });

    private static readonly Dictionary<int, Gen<IReadOnlyList<ListItem>>> ItemLists = [];

    private static Gen<IReadOnlyList<ListItem>> Items(int depth)
    {
        lock (ItemLists)
        {
            if (!ItemLists.TryGetValue(depth, out var gen))
            {
                gen = ListOf(Item(depth), (10 + depth * 3, 0, 0), (3, 1, 3), (1, 4, 6));
                ItemLists[depth] = gen;
            }

            return gen;
        }
    }

    /// <summary>
    /// Numbers up to decimal's range (issue 15): its edges, and any 96-bit mantissa at any scale, so that two or more
    /// of them in a column add up past the range (which must be CP0038, never an exception).
    /// </summary>
    public static readonly Gen<decimal> Huge = Gen.Frequency(
        (2, Pick(decimal.MaxValue, decimal.MinValue, decimal.MaxValue - 1, decimal.MaxValue / 2, -decimal.MaxValue / 3)),
        (3, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Int[0, 28], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, (byte)scale))),
        (2, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, (lo, mid, hi, negative) => new decimal(lo, mid, hi | 0x4000_0000, negative, 0))));

    /// <summary>
    /// Whether some number or money column of some table in <paramref name="model"/> could add up past decimal's range
    /// (the sum of its absolute values does): only then may a paper give CP0038.
    /// </summary>
    public static bool MayOverflow(object? model)
    {
        var max = new System.Numerics.BigInteger(decimal.MaxValue);
        foreach (var table in ModelObjects.All(model).OfType<Table>())
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.Columns[i].Type is not (ColumnType.Number or ColumnType.Money)) continue;
                var sum = System.Numerics.BigInteger.Zero;
                foreach (var row in table.Rows.Where(r => r.Kind == RowKind.Data && i < r.Cells.Count))
                {
                    if (row.Cells[i].Number is { } n) sum += new System.Numerics.BigInteger(Math.Abs(decimal.Truncate(n))) + 1;
                }

                if (sum > max) return true;
            }
        }

        return false;
    }

    private static readonly Gen<decimal> Amount = Gen.Frequency(
        (30, Gen.Select(Gen.Long[-9_999_999_999L, 9_999_999_999L], Gen.Int[0, 4], Gen.Int[0, 3])
            .Select((mantissa, scale, magnitude) => Decimal(mantissa >> (magnitude * 10), scale))),
        (1, Huge));


    /// <summary>mantissa × 10^-scale, with exactly that scale (so 1.50 prints as 1.50 where decimals follow the data).</summary>
    public static decimal Decimal(long mantissa, int scale)
    {
        var abs = (ulong)Math.Abs(mantissa);
        return new decimal((int)(uint)(abs & 0xFFFF_FFFF), (int)(uint)(abs >> 32), 0, mantissa < 0, (byte)scale);
    }

    private static Gen<TableColumn> Column(ColumnType type) => Gen.Select(ShortMarkdown, Pick(MoneyUnits), OrNullValue(Gen.Int[0, 6], 3, 1),
        (heading, unit, decimals) => new TableColumn(heading)
        {
            Type = type,
            Unit = type == ColumnType.Money ? unit : null,
            Decimals = type is ColumnType.Number or ColumnType.Money or ColumnType.Percent ? decimals : null,
        });

    private static readonly Gen<ColumnType> ColumnTypes = Gen.Frequency(
        (4, Gen.Const(ColumnType.Text)), (2, Gen.Const(ColumnType.Number)), (3, Gen.Const(ColumnType.Money)), (1, Gen.Const(ColumnType.Percent)),
        (1, Gen.Const(ColumnType.Date)), (1, Gen.Const(ColumnType.Rag)), (1, Gen.Const(ColumnType.DirectionOfTravel)));

    private static Gen<TableCell> Cell(ColumnType type) => type switch
    {
        ColumnType.Text => OrNull(ShortMarkdown, 1, 6).Select(t => new TableCell { Text = t }),
        ColumnType.Number or ColumnType.Money or ColumnType.Percent => OrNullValue(Amount, 1, 6).Select(n => new TableCell { Number = n }),
        ColumnType.Date => OrNullValue(Date, 1, 6).Select(d => new TableCell { Date = d }),
        ColumnType.Rag => OrNull(Pick(RagWords), 1, 6).Select(t => new TableCell { Text = t }),
        _ => OrNull(Pick(DirectionWords), 1, 6).Select(t => new TableCell { Text = t }),
    };

    private static Gen<TableRow> Row(IReadOnlyList<TableColumn> columns) => Gen.Frequency(
        (12, Cells(columns).Select(c => new TableRow(RowKind.Data, c))),
        (1, ShortMarkdown.Select(t => new TableRow(RowKind.Group, [new TableCell { Text = t }]))),
        (1, Totals(columns).Select(c => new TableRow(RowKind.Subtotal, c))),
        (1, Totals(columns).Select(c => new TableRow(RowKind.Total, c))));

    private static Gen<IReadOnlyList<TableCell>> Cells(IReadOnlyList<TableColumn> columns) =>
        SequenceOf(columns.Select(c => Cell(c.Type)).ToArray());

    /// <summary>A total or subtotal row: numbers left empty to be worked out (~), other cells as in any row.</summary>
    private static Gen<IReadOnlyList<TableCell>> Totals(IReadOnlyList<TableColumn> columns) =>
        SequenceOf(columns.Select(c => c.Type is ColumnType.Number or ColumnType.Money ? Gen.Const(new TableCell()) : Cell(c.Type)).ToArray());

    private static Gen<IReadOnlyList<T>> SequenceOf<T>(Gen<T>[] gens)
    {
        Gen<List<T>> result = Gen.Const(() => new List<T>());
        foreach (var gen in gens)
        {
            var previous = result;
            result = Gen.Select(previous, gen, (list, item) =>
            {
                var copy = new List<T>(list) { item };
                return copy;
            });
        }

        return result.Select(l => (IReadOnlyList<T>)l);
    }

    /// <summary>A table with typed columns and valid cells; now and then a big one.</summary>
    public static readonly Gen<Table> Table =
        Gen.Frequency((8, ColumnTypes.Array[1, 5]), (1, ColumnTypes.Array[6, 10]))
            .SelectMany(types => SequenceOf(types.Select(Column).ToArray()))
            .SelectMany(columns => Gen.Select(
                Gen.Frequency((20, Row(columns).Array[0, 6]), (1, Row(columns).Array[25, 60])),
                Id, NullableMarkdown, Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true))),
                (rows, id, caption, landscape) => new Table(columns, rows) { Id = id, Caption = caption, Landscape = landscape }));

    private static readonly Gen<decimal> KpiValue = Gen.Frequency(
        (30, Gen.Select(Gen.Int[-5000, 100_000], Gen.Int[0, 2]).Select((v, s) => Decimal(v, s))),
        (1, Huge));

    private static Gen<Indicator> Indicator(int periods, int comparators) => Gen.Select(
        ShortMarkdown, OrNullValue(KpiValue, 1, 3).Array[periods, periods], Gen.Enum<IndicatorType>(), OrNullValue(KpiValue), OrNullValue(Gen.Enum<Polarity>(), 1, 3),
        ShortPlain.Array[0, comparators],
        (name, values, type, target, polarity, comps) => new Indicator(name, values)
        {
            Type = type,
            Target = target,
            // A target needs a polarity (or the paper gets warning CP0028), so one is always given with a target.
            Polarity = target is null ? polarity : polarity ?? Definition.Polarity.Higher,
            Comparators = comps,
        });

    /// <summary>A KPI table whose indicators have one value per period.</summary>
    public static readonly Gen<KpiTable> Kpi = Gen.Select(ShortPlain.Array[0, 5], ShortPlain.Array[0, 2]).SelectMany((periods, comparators) => Gen.Select(
        Gen.Select(ShortMarkdown, Indicator(periods.Length, comparators.Length).Array[1, 4], (area, indicators) => new IndicatorGroup(area, indicators)).Array[1, 3],
        Id, NullableMarkdown, OrNullValue(Gen.Int[0, 25].Select(t => (decimal)t), 3, 1),
        (groups, id, caption, tolerance) => new KpiTable(periods, groups) { Id = id, Caption = caption, Tolerance = tolerance, Comparators = comparators }));

    private static readonly Gen<Block> MoreBlock = Gen.Frequency(
        (12, Markdown.Select(t => (Block)new TextBlock(t))),
        (2, Markdown.Select(t => (Block)new Paragraph(t))),
        (1, Table.Select(t => (Block)t)),
        (1, Kpi.Select(k => (Block)k)));

    private static readonly Gen<Paragraph> ParagraphGen = Gen.Select(
        Markdown, Id, Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false))), Items(0), Items(0),
        ListOf(MoreBlock, (10, 0, 0), (2, 1, 2)),
        (text, id, numbered, items, bullets, more) => new Paragraph(text) { Id = id, Numbered = numbered, Items = items, Bullets = bullets, More = more });

    private static readonly Gen<Block> BlockGen = Gen.Frequency(
        (30, ParagraphGen.Select(p => (Block)p)),
        (4, Markdown.Select(t => (Block)new TextBlock(t))),
        (2, Table.Select(t => (Block)t)),
        (1, Kpi.Select(k => (Block)k)));

    /// <summary>The blocks of a section or standard part: often none, usually a few, sometimes many.</summary>
    public static readonly Gen<IReadOnlyList<Block>> Blocks = ListOf(BlockGen, (3, 0, 0), (10, 1, 3), (1, 4, 10));

    private static readonly Gen<IReadOnlyList<Block>> FewBlocks = ListOf(BlockGen, (6, 0, 0), (3, 1, 3));

    /// <summary>Sections nested down to <paramref name="depth"/> 4 (a heading level under each).</summary>
    private static Gen<Section> SectionAt(int depth) => Gen.Select(
        ShortMarkdown, Id, Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))), Blocks,
        depth >= 4 ? Gen.Const<IReadOnlyList<Section>>([]) : ListOf(SectionAt(depth + 1), (8, 0, 0), (3, 1, 2), (1, 3, 3)),
        (heading, id, lettered, paragraphs, sections) => new Section(heading) { Id = id, Lettered = lettered, Paragraphs = paragraphs, Sections = sections });

    public static readonly Gen<IReadOnlyList<Section>> Sections = ListOf(SectionAt(1), (1, 0, 0), (6, 1, 3), (1, 4, 5));

    // ---- people and the parts of a report ------------------------------------------------------------

    private static readonly Gen<string> Email = Gen.Frequency(
        (6, Gen.Select(From("abcdefghijklmnopqrstuvwxyz0123456789._-", 1, 12), Pick("york.gov.uk", "n-somerset.gov.uk", "sefton.gov.uk"), (local, domain) => local + "@" + domain)),
        // FIXED BUG (email as Markdown): an email address was printed as "<email>" Markdown, not as plain text, so one
        // that held "[@x]" or "[^x]" gave errors CP0014/CP0016, and an unclosed '[' in it was dropped. Plain text with
        // look-alike references and '[' is generated here on purpose.
        (1, Plain.Select(p => p.Replace(":", string.Empty, StringComparison.Ordinal))));

    private static readonly Gen<Person> Person = Gen.Select(ShortPlain, OrNull(ShortPlain), OrNull(ShortPlain), OrNull(ShortPlain), OrNull(Email), OrNullValue(Date, 2, 1),
        (name, title, department, phone, email, approved) => new Person(name) { Title = title, Department = department, Phone = phone, Email = email, Approved = approved });

    private static readonly Gen<Implications> Implications = Gen.Select(
        FewBlocks,
        Gen.Shuffle(ReportReader.ImplicationKeys.ToArray(), 0, 5).SelectMany(kinds => FewBlocks.Array[kinds.Length, kinds.Length]
            .Select(blocks => (IReadOnlyList<Implication>)kinds.Select((k, i) => new Implication(k, blocks[i])).ToList())),
        (statement, items) => new Implications { Statement = statement, Items = items });

    private static readonly Gen<Recommendations> Recommendations = Gen.Select(
        NullableMarkdown, Gen.Select(Markdown, Id, (t, id) => new Recommendation(t) { Id = id }).Array[0, 6], NullableMarkdown,
        (intro, items, reason) => new Recommendations { Intro = intro, Items = items, Reason = reason });

    private static readonly Gen<ContactDetails> Contact = Gen.Select(Person.Array[0, 2], Person.Array[0, 2],
        (authors, chiefs) => new ContactDetails { Authors = authors, ChiefOfficers = chiefs });

    private static readonly Gen<bool?> MaybeBool = Gen.Int[0, 2].Select(i => i switch { 0 => (bool?)null, 1 => true, _ => false });

    private static readonly Gen<IReadOnlyList<Block>> StandardPart = ListOf(BlockGen, (4, 0, 0), (2, 1, 2));

    /// <summary>A report with every part the model has, each present or not.</summary>
    public static readonly Gen<Report> Report =
        Gen.Select(Plain, Date, Plain, Plain, NullablePlain, NullablePlain, MaybeBool, NullablePlain, Gen.Bool, OrNullValue(Gen.Int[1, 7]),
            (meeting, date, reportOf, title, subtitle, presentedBy, keyDecision, forwardPlan, exempt, exemptParagraph) => new Report
            {
                Meeting = meeting,
                Date = date,
                ReportOf = reportOf,
                Title = title,
                Subtitle = subtitle,
                PresentedBy = presentedBy,
                KeyDecision = keyDecision,
                ForwardPlanReference = forwardPlan,
                Exempt = exempt,
                ExemptParagraph = exempt ? exemptParagraph : null,
            })
        .SelectMany(report => Gen.Select(StandardPart, StandardPart, StandardPart, StandardPart, Sections, StandardPart, OrNull(Implications), StandardPart,
            (summary, policy, consultation, options, sections, councilPlan, implications, risk) => report with
            {
                Summary = summary,
                Policy = policy,
                Consultation = consultation,
                OptionsConsidered = options,
                Sections = sections,
                CouncilPlan = councilPlan,
                Implications = implications,
                RiskManagement = risk,
            }))
        .SelectMany(report => Gen.Select(OrNull(Recommendations), OrNull(Contact), ShortPlain.Array[0, 3], OrNull(Markdown.Array[0, 3].Select(a => (IReadOnlyList<RichText>)a.Select(t => (RichText)t).ToList())),
            Gen.Select(ShortMarkdown, Id, OrNull(ShortPlain), (t, id, file) => new Annex(t) { Id = id, File = file }).Array[0, 3],
            Gen.Select(ShortPlain, Plain, (s, m) => new Abbreviation(s, m)).Array[0, 3],
            (recommendations, contact, wards, background, annexes, abbreviations) => report with
            {
                Recommendations = recommendations,
                Contact = contact,
                Wards = wards,
                BackgroundPapers = background,
                Annexes = annexes,
                Abbreviations = abbreviations,
            }));

    /// <summary>A cabinet member update: front block fields and themed sections.</summary>
    public static readonly Gen<CabinetMemberUpdate> Update = Gen.Select(Plain, Plain, Date, NullablePlain, Sections,
        (councillor, portfolio, date, title, sections) => new CabinetMemberUpdate { Councillor = councillor, Portfolio = portfolio, Date = date, Title = title, Sections = sections });

    private static readonly Gen<Membership> Membership = Gen.Select(OrNull(ShortPlain), OrNull(ShortPlain), ShortPlain.Array[0, 5],
        Gen.Select(ShortPlain, ShortPlain, (n, f) => new Substitute(n, f)).Array[0, 2],
        (chair, vice, members, substitutes) => new Membership { Chair = chair, ViceChair = vice, Members = members, Substitutes = substitutes });

    private static readonly Gen<Decision> Decision = Gen.Select(Pick("resolved", "decided", "recommended"), OrNull(Markdown, 3, 1),
        Gen.Select(Markdown, Id, Items(1), (t, id, items) => new ListItem(t) { Id = id, Items = items }).Array[0, 3],
        (kind, intro, items) => new Decision { Kind = kind, Intro = intro, Items = items });

    private static readonly Gen<Declaration> Declaration = Gen.Select(ShortPlain.Array[1, 3], ShortMarkdown, Markdown, OrNull(Markdown, 3, 1),
        (members, item, interest, reason) => new Declaration(members) { Item = item, Interest = interest, Reason = reason });

    private static readonly Gen<string?> Standard = Gen.Frequency((3, Gen.Const<string?>(default(string))), (1, Pick(StandardKeys).Select(s => (string?)s)));

    private static readonly Gen<IReadOnlyList<Block>> Reasons = ListOf(BlockGen, (3, 0, 0), (3, 1, 1), (1, 2, 2));

    /// <summary>What a minute says and decides (also an exempt minute's public text).</summary>
    private static readonly Gen<MinuteItem> MinuteContent = Gen.Select(FewBlocks, ListOf(Decision, (2, 0, 0), (4, 1, 1), (1, 2, 2)), Reasons, Reasons, Reasons, ListOf(BlockGen, (6, 0, 0), (1, 1, 2)),
        (paragraphs, decisions, reason, alternatives, others, notes) => new MinuteItem(RichText.Empty)
        {
            Paragraphs = paragraphs,
            Decisions = decisions,
            Reason = reason,
            AlternativeOptions = alternatives,
            OtherOptions = others,
            Notes = notes,
        });

    private static readonly Gen<MinuteItem> MinuteItem = Gen.Select(ShortMarkdown, Standard, MinuteContent, ListOf(Declaration, (5, 0, 0), (1, 1, 2)), Id,
        Gen.Frequency((8, Gen.Const<(int?, MinuteItem?)>((null, null))), (1, Gen.Select(Gen.Int[1, 7], OrNull(MinuteContent, 1, 1), (n, p) => ((int?)n, p)))),
        (title, standard, content, declarations, id, exempt) => content with
        {
            Title = title,
            Standard = standard,
            Declarations = declarations,
            Id = id,
            ExemptParagraph = exempt.Item1,
            Public = exempt.Item2,
        });

    /// <summary>Minutes: attendance, numbered items with decisions.</summary>
    public static readonly Gen<Minutes> Minutes = Gen.Select(Plain, Date, NullablePlain, OrNullValue(Time), OrNullValue(Time), OrNullValue(Gen.Int[1, 500]), Membership,
            ShortPlain.Array[0, 3], ShortPlain.Array[0, 2], ShortPlain.Array[0, 2], ShortPlain.Array[0, 3], ListOf(MinuteItem, (1, 0, 0), (6, 1, 6), (1, 7, 12)), OrNull(ShortPlain),
            (committee, date, venue, started, finished, first, present, apologies, absent, attendance, officers, items, signedBy) => new Minutes
            {
                Committee = committee,
                Date = date,
                Venue = venue,
                Started = started,
                Finished = finished,
                FirstMinute = first,
                Present = present,
                Apologies = apologies,
                Absent = absent,
                InAttendance = attendance,
                Officers = officers,
                Items = items,
                SignedBy = signedBy,
            });

    private static readonly Gen<(int, int)?> Pages = Gen.Frequency(
        (3, Gen.Const<(int, int)?>(default((int, int)?))),
        (1, Gen.Select(Gen.Int[1, 300], Gen.Int[0, 40], (first, more) => ((int, int)?)(first, first + more))));

    private static readonly Gen<AgendaItem> AgendaItem = Gen.Select(ShortMarkdown, Standard, FewBlocks, NullablePlain, OrNullValue(Gen.Int[1, 7], 3, 1), Pages, Id,
        (title, standard, paragraphs, reportOf, exempt, pages, id) => new AgendaItem(title)
        {
            Standard = standard,
            Paragraphs = paragraphs,
            ReportOf = reportOf,
            ExemptParagraph = exempt,
            Pages = pages,
            Id = id,
        });

    /// <summary>A notice of meeting with its agenda.</summary>
    public static readonly Gen<Notice> Notice = Gen.Select(Plain, Date, OrNullValue(Time), NullablePlain, Membership, ListOf(AgendaItem, (1, 0, 0), (6, 1, 6), (1, 7, 12)),
        OrNull(Person.Select(p => p)), OrNullValue(Date),
        (committee, date, time, venue, members, items, officer, published) => new Notice
        {
            Committee = committee,
            Date = date,
            Time = time,
            Venue = venue,
            Members = members,
            Items = items,
            DemocracyOfficer = officer,
            PublicationDate = published,
        });

    private static readonly Gen<(string[] Notes, bool Unused)> FootnoteTexts =
        Gen.Select(FootnoteText.Array[FootnoteNames.Length, FootnoteNames.Length], Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true))));

    /// <summary>Any kind of paper, with its ids made unique, its references resolved and its footnotes defined.</summary>
    public static readonly Gen<Paper> Paper = Gen.Select(
        Gen.Frequency(
            (5, Report.Select(r => (Paper)r)),
            (2, Update.Select(u => (Paper)u)),
            (2, Minutes.Select(m => (Paper)m)),
            (2, Notice.Select(n => (Paper)n))),
        FootnoteTexts,
        (paper, notes) => Finish(paper, notes.Notes, notes.Unused));

    // ---- making a generated paper valid -------------------------------------------------------------

    [GeneratedRegex(@"\[@r(?<n>\d+)\]")]
    private static partial Regex CrossReferenceToken();

    [GeneratedRegex(@"\[\^(?<name>[^\]\s]{1,100})\]")]
    private static partial Regex FootnoteToken();

    /// <summary>
    /// Makes ids unique, points each [@rN] at the N-th id (or drops it when there are none), and defines every
    /// footnote the text refers to (plus, when <paramref name="unused"/>, one it does not: warning CP0019).
    /// </summary>
    public static Paper Finish(Paper paper, string[] noteTexts, bool unused)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        paper = new ModelRewriter(t => t, id =>
        {
            if (id is null) return null;
            var unique = id;
            for (var i = 2; !seen.Add(unique); i++) unique = id + "~" + i.ToString(CultureInfo.InvariantCulture);
            ids.Add(unique);
            return unique;
        }).Rewrite(paper);

        var used = new List<string>();
        paper = new ModelRewriter(
            text =>
            {
                text = CrossReferenceToken().Replace(text, m => ids.Count == 0 ? string.Empty : "[@" + ids[int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) % ids.Count] + "]");
                foreach (Match m in FootnoteToken().Matches(text))
                {
                    var name = m.Groups["name"].Value;
                    if (FootnoteNames.Contains(name) && !used.Contains(name)) used.Add(name);
                }

                return text;
            },
            id => id).Rewrite(paper);

        // FIXED BUGS (cross-reference text): a reference to a paragraph or heading with no number prints that
        // paragraph's or heading's own text as the field result; characters XML forbids in it crashed the writer
        // (ArgumentException), and an empty heading crashed ResolveReference (IndexOutOfRangeException). Targets are
        // left as generated, forbidden characters and empty headings included.

        if (unused && FootnoteNames.FirstOrDefault(n => !used.Contains(n)) is { } spare) used.Add(spare);
        return paper with { Footnotes = used.Select(n => new Footnote(n, noteTexts[Array.IndexOf(FootnoteNames, n)])).ToList() };
    }

    /// <summary>
    /// Whether a paper is still valid in the sense of the generators: ids unique and not empty, every [@id] names an
    /// id and every [^name] a footnote. The reducer keeps to valid papers, so a reduced failure is still a library bug.
    /// </summary>
    public static bool IsValid(Paper paper)
    {
        var ids = new List<string>();
        var texts = new List<string>();
        new ModelRewriter(t => { texts.Add(t); return t; }, id => { if (id is not null) ids.Add(id); return id; }).Rewrite(paper);
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || ids.Any(i => i.Length == 0 || !Regex.IsMatch(i, @"^[^\]\s]{1,100}$"))) return false;
        var notes = paper.Footnotes.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return texts.All(t => SpecialPattern().Matches(t).All(m => m.Groups["kind"].Value == "^" ? notes.Contains(m.Groups["name"].Value) : ids.Contains(m.Groups["name"].Value)));
    }

    // ---- money tables with totals, for the totals property -----------------------------------------

    private static readonly Gen<TableColumn> MoneyColumn = Gen.Select(Pick(MoneyUnits), OrNullValue(Gen.Int[0, 4], 2, 1), Gen.Frequency((4, Gen.Const(ColumnType.Money)), (1, Gen.Const(ColumnType.Number))),
        (unit, decimals, type) => new TableColumn("x") { Type = type, Unit = type == ColumnType.Money ? unit : null, Decimals = decimals });

    private static readonly Gen<decimal?> MoneyValue = Gen.Frequency(
        (10, Gen.Const<decimal?>(default(decimal?))),
        (80, Gen.Select(Gen.Long[-2_000_000_000L, 2_000_000_000L], Gen.Int[0, 4], (m, s) => (decimal?)Decimal(m, s))),
        (1, Huge.Select(h => (decimal?)h)));

    /// <summary>
    /// A table of money (and number) columns in groups, each group closed by a subtotal left to be worked out, and a
    /// worked-out total at the end. Column headings are unique, so the table can be found in the document.
    /// </summary>
    public static readonly Gen<Table> MoneyTable = MoneyColumn.Array[1, 4].SelectMany(money =>
    {
        IReadOnlyList<TableColumn> columns = [new TableColumn("Budget line"), .. money.Select((c, i) => c with { Heading = "Amount " + (i + 1).ToString(CultureInfo.InvariantCulture) + " " + (c.Unit ?? c.Type.ToString()) })];
        var data = Gen.Select(Word, MoneyValue.Array[money.Length, money.Length],
            (label, values) => new TableRow(RowKind.Data, [new TableCell { Text = label }, .. values.Select(v => new TableCell { Number = v })]));
        var group = Gen.Select(Word, data.Array[0, 12], Gen.Bool, (heading, rows, subtotal) =>
        {
            var list = new List<TableRow> { new(RowKind.Group, [new TableCell { Text = heading }]) };
            list.AddRange(rows);
            if (subtotal) list.Add(new TableRow(RowKind.Subtotal, [new TableCell { Text = "Subtotal" }, .. money.Select(_ => new TableCell())]));
            return list;
        });
        return Gen.Select(data.Array[0, 6], group.Array[0, 5], (loose, groups) =>
        {
            var rows = new List<TableRow>(loose);
            foreach (var g in groups) rows.AddRange(g);
            rows.Add(new TableRow(RowKind.Total, [new TableCell { Text = "Total" }, .. money.Select(_ => new TableCell())]));
            return new Table(columns, rows) { Caption = "Budget" };
        });
    });
}

/// <summary>Rebuilds a paper, passing every inline-Markdown text through one function and every id through another, in a fixed order.</summary>
internal sealed class ModelRewriter(Func<string, string> rewrite, Func<string?, string?> id, Func<string, string>? ownTextTarget = null)
{
    private RichText markdown(RichText text) => rewrite(text.Source);

    /// <summary>The text of a paragraph or heading that has an id: a cross-reference to it may print that text itself.</summary>
    private RichText Target(RichText text, string? targetId) => targetId is null || ownTextTarget is null ? text : ownTextTarget(text.Source);

    public Paper Rewrite(Paper paper) => paper switch
    {
        Report r => Report(r),
        CabinetMemberUpdate u => u with { Sections = Sections(u.Sections) },
        Minutes m => m with { Items = m.Items.Select(MinuteItem).ToList() },
        Notice n => n with { Items = n.Items.Select(AgendaItem).ToList() },
        _ => paper,
    };

    private Report Report(Report r) => r with
    {
        Summary = Blocks(r.Summary),
        Policy = Blocks(r.Policy),
        Consultation = Blocks(r.Consultation),
        OptionsConsidered = Blocks(r.OptionsConsidered),
        Sections = Sections(r.Sections),
        CouncilPlan = Blocks(r.CouncilPlan),
        Implications = r.Implications is { } imp
            ? imp with { Statement = Blocks(imp.Statement), Items = imp.Items.Select(i => i with { Paragraphs = Blocks(i.Paragraphs) }).ToList() }
            : null,
        RiskManagement = Blocks(r.RiskManagement),
        Recommendations = r.Recommendations is { } recs
            ? recs with
            {
                Intro = recs.Intro is null ? null : markdown(recs.Intro),
                Items = recs.Items.Select(i => i with { Text = markdown(i.Text), Id = id(i.Id) }).ToList(),
                Reason = recs.Reason is null ? null : markdown(recs.Reason),
            }
            : null,
        BackgroundPapers = r.BackgroundPapers?.Select(p => markdown(p)).ToList(),
        Annexes = r.Annexes.Select(a => a with { Title = markdown(a.Title), Id = id(a.Id) }).ToList(),
    };

    private List<Section> Sections(IReadOnlyList<Section> sections) => sections.Select(s =>
    {
        var heading = markdown(s.Heading);
        var sectionId = id(s.Id);
        var paragraphs = Blocks(s.Paragraphs);
        return s with { Heading = Target(heading, sectionId), Id = sectionId, Paragraphs = paragraphs, Sections = Sections(s.Sections) };
    }).ToList();

    private List<Block> Blocks(IReadOnlyList<Block> blocks) => blocks.Select(Block).ToList();

    private Block Block(Block block) => block switch
    {
        Paragraph p => Paragraph(p),
        TextBlock t => t with { Text = markdown(t.Text) },
        Table t => Table(t),
        KpiTable k => Kpi(k),
        _ => block,
    };

    private Paragraph Paragraph(Paragraph p)
    {
        var text = markdown(p.Text);
        var paragraphId = id(p.Id);
        var items = Items(p.Items);
        var bullets = Items(p.Bullets);
        return p with { Text = Target(text, paragraphId), Id = paragraphId, Items = items, Bullets = bullets, More = Blocks(p.More) };
    }

    private List<ListItem> Items(IReadOnlyList<ListItem> items) => items.Select(i =>
    {
        var text = markdown(i.Text);
        var itemId = id(i.Id);
        var nested = Items(i.Items);
        return i with { Text = text, Id = itemId, Items = nested, Bullets = Items(i.Bullets) };
    }).ToList();

    private Table Table(Table t)
    {
        var columns = t.Columns.Select(c => c with { Heading = markdown(c.Heading) }).ToList();
        var rows = t.Rows.Select(r => r with
        {
            Cells = r.Cells.Select((c, i) => c.Content is { } text && (r.Kind == RowKind.Group || t.Columns[i].Type == ColumnType.Text) ? c with { Text = rewrite(text.Source), Content = markdown(text) } : c).ToList(),
        }).ToList();
        return t with { Columns = columns, Rows = rows, Id = id(t.Id), Caption = t.Caption is null ? null : markdown(t.Caption) };
    }

    private KpiTable Kpi(KpiTable k)
    {
        var groups = k.Groups.Select(g => g with
        {
            Area = markdown(g.Area),
            Indicators = g.Indicators.Select(i => i with { Name = markdown(i.Name) }).ToList(),
        }).ToList();
        return k with { Groups = groups, Id = id(k.Id), Caption = k.Caption is null ? null : markdown(k.Caption) };
    }

    private MinuteItem MinuteItem(MinuteItem item)
    {
        var title = markdown(item.Title);
        var itemId = id(item.Id);
        var paragraphs = Blocks(item.Paragraphs);
        return Content(item) with
        {
            Title = title,
            Id = itemId,
            Paragraphs = paragraphs,
            Declarations = item.Declarations.Select(d => d with
            {
                Item = d.Item is null ? null : markdown(d.Item),
                Interest = d.Interest is null ? null : markdown(d.Interest),
                Reason = d.Reason is null ? null : markdown(d.Reason),
            }).ToList(),
            Public = item.Public is { } shown ? Content(shown) with { Paragraphs = Blocks(shown.Paragraphs) } : null,
        };
    }

    /// <summary>A minute's decisions, reasons, options and notes (its paragraphs are the caller's, to keep the order of ids).</summary>
    private MinuteItem Content(MinuteItem item)
    {
        var decisions = item.Decisions.Select(d => d with { Intro = d.Intro is null ? null : markdown(d.Intro), Items = Items(d.Items) }).ToList();
        return item with
        {
            Decisions = decisions,
            Reason = Blocks(item.Reason),
            AlternativeOptions = Blocks(item.AlternativeOptions),
            OtherOptions = Blocks(item.OtherOptions),
            Notes = Blocks(item.Notes),
        };
    }

    private AgendaItem AgendaItem(AgendaItem item)
    {
        var title = markdown(item.Title);
        var itemId = id(item.Id);
        return item with { Title = title, Id = itemId, Paragraphs = Blocks(item.Paragraphs) };
    }
}

/// <summary>
/// The texts of a paper that a house style prints, each with where it is: what property 2 looks for in the
/// document. Fields the style has no place for (a front-block field it never mentions) are left out.
/// </summary>
internal static class PrintedTexts
{
    public static IEnumerable<(string Where, string Text)> Of(Paper paper, HouseStyle style)
    {
        var list = new List<(string, string)>();
        switch (paper)
        {
            case Report r:
                Report(r, style, list);
                break;
            case CabinetMemberUpdate u:
                Front(style, "cabinet-member-update", list, ("councillor", u.Councillor), ("portfolio", u.Portfolio), ("title", u.Title));
                Sections(u.Sections, "sections", list);
                break;
            case Minutes m:
                Front(style, "minutes", list, ("committee", m.Committee), ("venue", m.Venue), ("signed-by", m.SignedBy));
                Members(style, "minutes", "present", m.Present, list);
                Names(style, "minutes", "apologies", m.Apologies, list);
                Names(style, "minutes", "absent", m.Absent, list);
                Names(style, "minutes", "in-attendance", m.InAttendance, list);
                Names(style, "minutes", "officers", m.Officers, list);
                for (var i = 0; i < m.Items.Count; i++)
                {
                    var item = m.Items[i];
                    var where = $"minute item {i}";
                    list.Add((where + " title", item.Title.Source));
                    if (item.ExemptParagraph is not null)
                    {
                        // The public minutes print an exempt minute's public text only.
                        if (item.Public is { } shown) Minute(shown, where + " public", list);
                        continue;
                    }

                    foreach (var d in item.Declarations)
                    {
                        foreach (var member in d.Members) list.Add((where + " declaration member", member));
                        if (d.Item is { } declared) list.Add((where + " declaration item", declared.Source));
                        if (d.Interest is { } interest) list.Add((where + " declaration interest", interest.Source));
                    }

                    Minute(item, where, list);
                }

                break;
            case Notice n:
                Front(style, "notice", list, ("committee", n.Committee), ("venue", n.Venue), ("democracy-officer", n.DemocracyOfficer?.Name),
                    ("democracy-officer-title", n.DemocracyOfficer?.Title), ("democracy-officer-phone", n.DemocracyOfficer?.Phone), ("democracy-officer-email", n.DemocracyOfficer?.Email));
                Members(style, "notice", "members", n.Members, list);
                for (var i = 0; i < n.Items.Count; i++)
                {
                    var item = n.Items[i];
                    var where = $"agenda item {i}";
                    list.Add((where + " title", item.Title.Source));
                    Blocks(item.Paragraphs, where, list);
                    if (item.ReportOf is { } reportOf) list.Add((where + " report of", reportOf));
                }

                break;
        }

        return list;
    }

    /// <summary>What a minute prints: its paragraphs, decisions, reasons, options and notes.</summary>
    private static void Minute(MinuteItem item, string where, List<(string, string)> list)
    {
        Blocks(item.Paragraphs, where, list);
        foreach (var d in item.Decisions)
        {
            if (d.Intro is { } intro) list.Add((where + " decision intro", intro.Source));
            Items(d.Items, where + " resolution", list);
        }

        Blocks(item.Reason, where + " reason", list);
        Blocks(item.AlternativeOptions, where + " alternative options", list);
        Blocks(item.OtherOptions, where + " other options", list);
        Blocks(item.Notes, where + " notes", list);
    }

    private static void Report(Report r, HouseStyle style, List<(string, string)> list)
    {
        Front(style, "report", list, ("meeting", r.Meeting), ("report-of", r.ReportOf), ("title", r.Title), ("subtitle", r.Subtitle),
            ("presented-by", r.PresentedBy), ("forward-plan-reference", r.ForwardPlanReference));
        foreach (var w in r.Wards) list.Add(("ward", w));

        Blocks(r.Summary, "summary", list);
        Blocks(r.Policy, "policy", list);
        Blocks(r.Consultation, "consultation", list);
        Blocks(r.OptionsConsidered, "options", list);
        Sections(r.Sections, "sections", list);
        Blocks(r.CouncilPlan, "council plan", list);
        if (r.Implications is { } imp)
        {
            Blocks(imp.Statement, "implications", list);
            foreach (var item in imp.Items) Blocks(item.Paragraphs, "implications " + item.Kind, list);
        }

        Blocks(r.RiskManagement, "risk", list);
        if (r.Recommendations is { } recs)
        {
            if (recs.Intro is { } intro) list.Add(("recommendations intro", intro.Source));
            foreach (var rec in recs.Items) list.Add(("recommendation", rec.Text.Source));
            if (recs.Reason is { IsEmpty: false } reason) list.Add(("recommendations reason", reason.Source));
        }

        if (r.Contact is { } contact)
        {
            foreach (var p in contact.Authors.Concat(contact.ChiefOfficers))
            {
                list.Add(("person name", p.Name));
                if (p.Title is { } t) list.Add(("person title", t));
                if (p.Department is { } d) list.Add(("person department", d));
                if (p.Phone is { } ph) list.Add(("person phone", ph));
                if (p.Email is { } e) list.Add(("person email", e));
            }
        }

        if (r.BackgroundPapers is { } papers)
        {
            foreach (var p in papers) list.Add(("background paper", p.Source));
        }

        foreach (var a in r.Annexes) list.Add(("annex", a.Title.Source));

        // Abbreviations are printed in every style: one whose order has no place for them (North Somerset) prints
        // them at the end with warning CP0032.
        foreach (var a in r.Abbreviations)
        {
            list.Add(("abbreviation", a.Short));
            list.Add(("abbreviation meaning", a.Meaning));
        }
    }

    private static void Sections(IReadOnlyList<Section> sections, string where, List<(string, string)> list)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var here = $"{where}/{i}";
            list.Add((here + " heading", s.Heading.Source));
            Blocks(s.Paragraphs, here, list);
            Sections(s.Sections, here, list);
        }
    }

    private static void Blocks(IReadOnlyList<Block> blocks, string where, List<(string, string)> list)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var here = $"{where} block {i}";
            switch (blocks[i])
            {
                case Paragraph p:
                    list.Add((here + " text", p.Text.Source));
                    Items(p.Items, here + " item", list);
                    Items(p.Bullets, here + " bullet", list);
                    Blocks(p.More, here + " more", list);
                    break;
                case TextBlock t:
                    list.Add((here, t.Text.Source));
                    break;
                case Table t:
                    if (t.Caption is { } caption) list.Add((here + " caption", caption.Source));
                    foreach (var c in t.Columns) list.Add((here + " column", c.Heading.Source));
                    foreach (var row in t.Rows)
                    {
                        for (var c = 0; c < row.Cells.Count; c++)
                        {
                            if (row.Cells[c].Text is { } text && (row.Kind == RowKind.Group || t.Columns[c].Type == ColumnType.Text)) list.Add((here + " cell", text));
                        }
                    }

                    break;
                case KpiTable k:
                    if (k.Caption is { } kcaption) list.Add((here + " caption", kcaption.Source));
                    foreach (var period in k.Periods) list.Add((here + " period", period));
                    foreach (var comparator in k.Comparators) list.Add((here + " comparator", comparator));
                    foreach (var g in k.Groups)
                    {
                        list.Add((here + " area", g.Area.Source));
                        foreach (var indicator in g.Indicators)
                        {
                            list.Add((here + " indicator", indicator.Name.Source));
                            foreach (var c in indicator.Comparators.Take(k.Comparators.Count)) list.Add((here + " indicator comparator", c));
                        }
                    }

                    break;
            }
        }
    }

    private static void Items(IReadOnlyList<ListItem> items, string where, List<(string, string)> list)
    {
        foreach (var item in items)
        {
            list.Add((where, item.Text.Source));
            Items(item.Items, where + " item", list);
            Items(item.Bullets, where + " bullet", list);
        }
    }

    private static void Front(HouseStyle style, string kind, List<(string, string)> list, params (string Field, string? Text)[] fields)
    {
        foreach (var (field, text) in fields)
        {
            if (text is not null && Mentions(style, kind, field)) list.Add(("front " + field, text));
        }
    }

    private static void Members(HouseStyle style, string kind, string field, Membership members, List<(string, string)> list)
    {
        if (!Mentions(style, kind, field)) return;
        if (members.Chair is { } chair) list.Add((field + " chair", chair));
        if (members.ViceChair is { } vice) list.Add((field + " vice-chair", vice));
        foreach (var m in members.Members) list.Add((field + " member", m));
        foreach (var s in members.Substitutes)
        {
            list.Add((field + " substitute", s.Name));
            list.Add((field + " substitute for", s.For));
        }
    }

    private static void Names(HouseStyle style, string kind, string field, IReadOnlyList<string> names, List<(string, string)> list)
    {
        if (!Mentions(style, kind, field)) return;
        foreach (var n in names) list.Add((field, n));
    }

    /// <summary>Whether the style's front or end block for <paramref name="kind"/> has the placeholder {field}.</summary>
    public static bool Mentions(HouseStyle style, string kind, string field)
    {
        var lines = (style.FrontBlocks.TryGetValue(kind, out var front) ? front : []).Concat(style.EndBlocks.TryGetValue(kind, out var end) ? end : []);
        return lines.Any(l => Has(l.Text) || (l.Table?.Any(row => row.Any(Has)) ?? false));
        bool Has(RichText? s) => s is not null && s.Inlines.Any(i => i is Placeholder p && p.Name == field);
    }
}

/// <summary>What "the same text" means when input Markdown is compared with the document's text.</summary>
internal static class TextCheck
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Characters XML 1.0 cannot hold, by the library's rule (lone surrogates count; pairs do not).</summary>
    public static bool IsForbidden(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    public static bool HasForbidden(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(s[i])) return true;
        }

        return false;
    }

    /// <summary>
    /// The characters of an input text that must be printed, in order: without footnote and cross-reference
    /// markers (replaced by a footnote mark or the target's number), the brackets and destination of each link and
    /// the angle brackets of each autolink (only those: any other bracket must be printed), characters XML forbids
    /// (dropped with CP0018), white space (Markdown and Word may fold it or turn it into breaks) and the punctuation
    /// Markdown may consume anywhere (\ ` * _). Upper-cased (en-GB), because some styles
    /// print headings and front-block lines in capitals.
    /// </summary>
    public static string Expected(string markdown) => Expected(markdown, nestedLinkText: false);

    /// <summary>
    /// Both readings of a text whose links may hold brackets that balance: CommonMark takes "[a [b) c] \[d](mailto:)"
    /// as one link (found with seed 0uFzYl_Unox2), but not where the inner brackets make a link of their own, which this
    /// oracle does not model. A text is printed right if either reading is; the first is <see cref="Expected(string)"/>.
    /// </summary>
    /// <remarks>
    /// A third reading is Markdig's own (with the library's pipeline): which brackets make a link depends on code spans
    /// too ("[(a `]` b](https://x)" is one link, and "[h](mailto:x)" inside a code span is text), which the regular
    /// expressions do not model (seed 4BOruyD6kHW2). The property is that nothing the reader meant as text is lost on
    /// the way from Markdig's reading to the page, so that reading is as good an oracle as the others.
    /// </remarks>
    public static IReadOnlyList<string> Readings(string markdown) =>
        new[] { Expected(markdown), Expected(markdown, nestedLinkText: true), MarkdigReading(markdown) }.Distinct(StringComparer.Ordinal).ToList();

    private static string MarkdigReading(string markdown)
    {
        // Our references are taken out before Markdig reads the text, as the library takes them out.
        var s = Generators.SpecialPattern().Replace(WithoutForbidden(markdown), "\uE000");
        var document = Markdig.Markdown.Parse(s, InlineMarkdown.Pipeline);
        var text = new StringBuilder();
        void Walk(Markdig.Syntax.Inlines.Inline inline)
        {
            switch (inline)
            {
                case Markdig.Syntax.Inlines.LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case Markdig.Syntax.Inlines.CodeInline code:
                    text.Append(code.Content);
                    break;
                case Markdig.Syntax.Inlines.HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case Markdig.Syntax.Inlines.HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case Markdig.Syntax.Inlines.AutolinkInline auto:
                    text.Append(auto.Url);
                    break;
                case Markdig.Syntax.Inlines.DelimiterInline delimiter:
                    text.Append(delimiter.ToLiteral());
                    foreach (var child in delimiter) Walk(child);
                    break;
                case Markdig.Syntax.Inlines.ContainerInline container:
                    foreach (var child in container) Walk(child);
                    break;
            }
        }

        foreach (var paragraph in document.OfType<Markdig.Syntax.ParagraphBlock>())
        {
            if (paragraph.Inline is { } inline) Walk(inline);
        }

        return Significant(text.ToString().Replace("\uE000", string.Empty, StringComparison.Ordinal));
    }

    private static string Expected(string markdown, bool nestedLinkText)
    {
        // In the library's order: forbidden characters go first, so "\uD800[^1]\uDC00" is two lone surrogates, not a pair.
        var s = Generators.SpecialPattern().Replace(WithoutForbidden(markdown), string.Empty);
        // A link starts at a '[' after an even number of backslashes (an escaped "\[" is text), and its text may hold
        // escaped brackets: "[<\[](mailto:)" prints "<[".
        s = nestedLinkText
            ? Regex.Replace(s, @"(?<=(^|[^\\])(\\\\)*)\[(?<text>(\\[\s\S]|[^\[\]\\]|(?<open>\[)|(?<-open>\]))*(?(open)(?!)))\]\((https?|mailto):[^)\s]*\)", "${text}")
            : Regex.Replace(s, @"(?<=(^|[^\\])(\\\\)*)\[(?<text>(\\[\s\S]|[^\[\]\\])*)\]\((https?|mailto):[^)\s]*\)", "${text}");
        s = Regex.Replace(s, @"<(?<url>(https?|mailto):[^\s<>]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)>", "${url}");
        return Significant(s);
    }

    private static string WithoutForbidden(string s)
    {
        if (!HasForbidden(s)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(s[i]).Append(s[++i]);
            else if (!IsForbidden(s[i])) sb.Append(s[i]);
        }

        return sb.ToString();
    }

    /// <summary>The same filtering for the document's text.</summary>
    public static string Significant(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }

            if (IsForbidden(c) || char.IsWhiteSpace(c) || Generators.SyntaxCharacters.Contains(c)) continue;
            sb.Append(c);
        }

        // Upper-cased as the library does it (en-GB): the invariant culture leaves 'ı' as it is, en-GB makes it 'I'.
        return sb.ToString().ToUpper(EnGb);
    }

    /// <summary>Whether <paramref name="needle"/> is a subsequence of <paramref name="haystack"/> (code unit by code unit).</summary>
    public static bool IsSubsequence(string needle, string haystack)
    {
        var j = 0;
        for (var i = 0; i < haystack.Length && j < needle.Length; i++)
        {
            if (haystack[i] == needle[j]) j++;
        }

        return j == needle.Length;
    }

    /// <summary>How far into <paramref name="needle"/> a subsequence match gets: for messages.</summary>
    public static int MatchedPrefix(string needle, string haystack)
    {
        var j = 0;
        for (var i = 0; i < haystack.Length && j < needle.Length; i++)
        {
            if (haystack[i] == needle[j]) j++;
        }

        return j;
    }
}

/// <summary>Prints a paper model as C# that rebuilds it, with every non-ASCII character escaped: for failure reports.</summary>
internal static class ModelPrinter
{
    public static string Print(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append(Literal(s));
                break;
            case RichText rich:
                // Text converts from a string: the Markdown as written rebuilds it.
                sb.Append(Literal(rich.Source));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal d:
                sb.Append(d.ToString(CultureInfo.InvariantCulture)).Append('m');
                break;
            case DateOnly d:
                sb.Append(CultureInfo.InvariantCulture, $"new DateOnly({d.Year}, {d.Month}, {d.Day})");
                break;
            case TimeOnly t:
                sb.Append(CultureInfo.InvariantCulture, $"new TimeOnly({t.Hour}, {t.Minute})");
                break;
            case Enum e:
                sb.Append(e.GetType().Name).Append('.').Append(e);
                break;
            case ValueTuple<int, int> pair:
                sb.Append(CultureInfo.InvariantCulture, $"({pair.Item1}, {pair.Item2})");
                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                if (items.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                var simple = items.All(i => i is null or string or decimal or int or bool);
                sb.Append('[');
                for (var k = 0; k < items.Count; k++)
                {
                    if (k > 0) sb.Append(',');
                    if (simple)
                    {
                        if (k > 0) sb.Append(' ');
                    }
                    else
                    {
                        sb.Append('\n').Append(' ', (indent + 1) * 4);
                    }

                    Write(sb, items[k], indent + 1);
                }

                if (!simple) sb.Append('\n').Append(' ', indent * 4);
                sb.Append(']');
                break;
            default:
                Record(sb, value, indent);
                break;
        }
    }

    private static void Record(StringBuilder sb, object value, int indent)
    {
        var type = value.GetType();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters().Select(p => p.Name!).ToList();
        sb.Append("new ").Append(type.Name).Append('(');
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, type.GetProperty(parameters[i])!.GetValue(value), indent);
        }

        sb.Append(')');
        var rest = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && !parameters.Contains(p.Name) && p.PropertyType != typeof(Diagnostics.SourcePosition))
            .Select(p => (p.Name, Value: p.GetValue(value)))
            .Where(p => !IsDefault(p.Name, p.Value))
            .ToList();
        if (rest.Count == 0) return;
        sb.Append('\n').Append(' ', indent * 4).Append('{');
        foreach (var (name, v) in rest)
        {
            sb.Append('\n').Append(' ', (indent + 1) * 4).Append(name).Append(" = ");
            Write(sb, v, indent + 1);
            sb.Append(',');
        }

        sb.Append('\n').Append(' ', indent * 4).Append('}');
    }

    private static bool IsDefault(string name, object? value) => value switch
    {
        null => true,
        false => true,
        true => name == "Numbered",
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0,
        Membership m => m.IsEmpty,
        string => false,
        IEnumerable list => !list.Cast<object?>().Any(),
        _ => false,
    };

    private static string Literal(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c is >= ' ' and <= '~') sb.Append(c);
                    else sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>Every object anywhere in a model (the model itself included), found by reflection.</summary>
internal static class ModelObjects
{
    public static IEnumerable<object> All(object? value)
    {
        switch (value)
        {
            case null or string:
                yield break;
            case IEnumerable list:
                foreach (var item in list)
                {
                    foreach (var o in All(item)) yield return o;
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsValueType) yield break;
        yield return value;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var o in All(property.GetValue(value))) yield return o;
        }
    }
}

/// <summary>Every string anywhere in a model, found by reflection.</summary>
internal static class ModelStrings
{
    public static IEnumerable<string> All(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return s;
                yield break;
            case IEnumerable list:
                foreach (var item in list)
                {
                    foreach (var s in All(item)) yield return s;
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateOnly or TimeOnly or Diagnostics.SourcePosition || type.IsValueType) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var s in All(property.GetValue(value))) yield return s;
        }
    }
}

/// <summary>
/// Shrinks a failing model further than CsCheck can (its failures here are rare, so its random search seldom finds a
/// smaller one): in passes from coarse to fine it empties lists and strings and clears optional values, removes single
/// list elements, halves strings, then drops single characters, keeping each change after which the model still
/// fails the same way. Works on any tree of records by reflection.
/// </summary>
internal static class ModelReducer
{
    private enum Pass { Empty, RemoveOne, Halve, RemoveChar }

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>
    /// The smallest variant of <paramref name="model"/> found within <paramref name="budget"/> checks (and
    /// <paramref name="time"/>, five minutes unless given) for which <paramref name="fails"/> still holds.
    /// </summary>
    public static T Reduce<T>(T model, Func<T, bool> fails, int budget = 3000, TimeSpan? time = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (time ?? TimeSpan.FromMinutes(5));
        var checks = 0;
        bool Fails(object variant)
        {
            checks++;
            if (DateTime.UtcNow > deadline) checks = budget;
            try
            {
                return fails((T)variant);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return false;
            }
        }

        var again = true;
        while (again && checks < budget)
        {
            again = false;
            foreach (var pass in Enum.GetValues<Pass>())
            {
                // After a change, go on from the same place: the variants before it did not fail, and mostly still won't.
                var position = 0;
                var improved = true;
                while (improved && checks < budget)
                {
                    improved = false;
                    var index = 0;
                    foreach (var variant in Variants(model, pass).Skip(position))
                    {
                        if (checks >= budget) break;
                        if (!Fails(variant!))
                        {
                            index++;
                            continue;
                        }

                        model = (T)variant!;
                        position += index;
                        improved = again = true;
                        break;
                    }
                }
            }
        }

        return model;
    }

    /// <summary>Copies of <paramref name="value"/>, each with one change of the kind <paramref name="pass"/> makes.</summary>
    private static IEnumerable<object?> Variants(object? value, Pass pass)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                foreach (var v in StringVariants(s, pass)) yield return v;
                yield break;
            case IList list when value.GetType().IsArray || value.GetType().IsGenericType:
                foreach (var v in ListVariants(list, pass)) yield return v;
                yield break;
        }

        var type = value.GetType();
        if (type.IsValueType) yield break;
        var clone = type.GetMethod("<Clone>$");
        if (clone is null) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0))
        {
            var current = property.GetValue(value);
            if (current is null) continue;
            if (pass == Pass.Empty)
            {
                var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || (!property.PropertyType.IsValueType && Nullability.Create(property).WriteState == NullabilityState.Nullable);
                if (nullable) yield return With(value, clone, property, null);
                else if (current is true && property.PropertyType == typeof(bool)) yield return With(value, clone, property, false);
            }

            foreach (var v in Variants(current, pass)) yield return With(value, clone, property, v);
        }
    }

    private static object With(object record, MethodInfo clone, PropertyInfo property, object? value)
    {
        var copy = clone.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    private static IEnumerable<object> ListVariants(IList list, Pass pass)
    {
        var elementType = list.GetType().IsArray ? list.GetType().GetElementType()! : list.GetType().GetGenericArguments()[0];
        IList Make(IEnumerable<object?> items)
        {
            var result = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in items) result.Add(item);
            return result;
        }

        var items = list.Cast<object?>().ToList();
        if (items.Count == 0) yield break;
        if (pass == Pass.Empty) yield return Make([]);
        if (pass == Pass.RemoveOne)
        {
            if (items.Count > 3)
            {
                yield return Make(items.Take(items.Count / 2));
                yield return Make(items.Skip(items.Count / 2));
            }

            for (var i = items.Count - 1; i >= 0; i--) yield return Make(items.Where((_, k) => k != i));

            // Hoisting: an element replaced by its own children of the same kind (a sub-item or sub-section moves up).
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not { } item) continue;
                foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType.IsAssignableFrom(list.GetType()) || p.PropertyType == typeof(IReadOnlyList<>).MakeGenericType(elementType)))
                {
                    if (property.GetValue(item) is IList children && children.Count > 0)
                    {
                        yield return Make(items.Take(i).Concat(children.Cast<object?>()).Concat(items.Skip(i + 1)));
                    }
                }
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var v in Variants(items[i], pass))
            {
                var copy = new List<object?>(items) { [i] = v };
                yield return Make(copy);
            }
        }
    }

    private static IEnumerable<string> StringVariants(string s, Pass pass)
    {
        if (s.Length == 0) yield break;
        switch (pass)
        {
            case Pass.Empty:
                yield return string.Empty;
                break;
            case Pass.Halve:
                for (var chunk = s.Length / 2; chunk >= 2; chunk /= 2)
                {
                    for (var start = 0; start + chunk <= s.Length; start += chunk) yield return s.Remove(start, chunk);
                }

                break;
            case Pass.RemoveChar:
                for (var i = s.Length - 1; i >= 0; i--) yield return s.Remove(i, 1);
                break;
        }
    }
}
