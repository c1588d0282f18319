using System.Globalization;
using System.Text.RegularExpressions;
using CommitteePapers.Definition;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CommitteePapers.Import;

/// <summary>
/// Writes a paper's model records as the YAML a writer would: the schema line, then its keys in reading order, text as
/// the inline Markdown it was parsed from, comments where the import was unsure. YamlDotNet's emitter does the quoting;
/// text that YAML would read as something other than text (a number, a date, true, null) is quoted.
/// </summary>
internal static partial class YamlPaperWriter
{
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|\d{4}-\d{2}-\d{2}.*|\d+:\d+(:\d+)?)$")]
    private static partial Regex NotText();

    public static string Write(Paper paper, Notes notes, string schema)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithIndentedSequences());
        var w = new Writer(emitter, notes);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        switch (paper)
        {
            case Report r: w.Report(r); break;
            case Document d: w.Document(d); break;
            case CabinetMemberUpdate u: w.Update(u); break;
            case Minutes m: w.Minutes(m); break;
            case Notice n: w.Notice(n); break;
        }

        w.Footnotes(paper.Footnotes);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return $"# yaml-language-server: $schema={schema}\n" + text.ToString();
    }

    private sealed class Writer(IEmitter e, Notes notes)
    {
        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public void Report(Report r)
        {
            Key("paper", "report");
            Key("style", r.Style);
            Key("meeting", r.Meeting);
            KeyPlain("date", Iso(r.Date));
            Key("report-of", r.ReportOf);
            Key("title", r.Title);
            Key("subtitle", r.Subtitle);
            Key("presented-by", r.PresentedBy);
            if (r.KeyDecision is { } key) KeyPlain("key-decision", key ? "true" : "false");
            Key("forward-plan-reference", r.ForwardPlanReference);
            if (r.Wards.Count > 0) Flow("wards", r.Wards);
            Fields(r.Fields);
            Blocks("summary", r.Summary);
            Blocks("policy", r.Policy);
            Sections("sections", r.Sections);
            Blocks("council-plan", r.CouncilPlan);
            Blocks("consultation", r.Consultation);
            Blocks("options-considered", r.OptionsConsidered);
            Implications(r.Implications);
            Blocks("risk-management", r.RiskManagement);
            Recommendations(r.Recommendations);
            Contact(r.Contact);
            if (r.BackgroundPapers is { } papers)
            {
                Name("background-papers");
                Sequence(papers.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block, () => { foreach (var p in papers) Text(p); });
            }

            if (r.Annexes.Count > 0)
            {
                Name("annexes");
                Sequence(SequenceStyle.Block, () =>
                {
                    foreach (var a in r.Annexes) Mapping(() => Key("title", a.Title));
                });
            }

            if (r.Abbreviations.Count > 0)
            {
                Name("abbreviations");
                Mapping(() =>
                {
                    foreach (var a in r.Abbreviations) Key(a.Short, a.Meaning);
                });
            }
        }

        public void Document(Document d)
        {
            Key("paper", "document");
            Key("style", d.Style);
            Key("title", d.Title);
            Key("subtitle", d.Subtitle);
            Key("meeting", d.Meeting);
            if (d.Date is { } date) KeyPlain("date", Iso(date));
            Key("report-of", d.ReportOf);
            Fields(d.Fields);
            Blocks("paragraphs", d.Paragraphs);
            Sections("sections", d.Sections);
        }

        public void Update(CabinetMemberUpdate u)
        {
            Key("paper", "cabinet-member-update");
            Key("style", u.Style);
            Key("councillor", u.Councillor);
            Key("portfolio", u.Portfolio);
            KeyPlain("date", Iso(u.Date));
            Key("title", u.Title);
            Fields(u.Fields);
            Sections("sections", u.Sections);
        }

        public void Minutes(Minutes m)
        {
            Key("paper", "minutes");
            Key("style", m.Style);
            Key("committee", m.Committee);
            KeyPlain("date", Iso(m.Date));
            Key("venue", m.Venue);
            if (m.Started is { } s) Key("started", s.ToString("HH:mm", CultureInfo.InvariantCulture));
            if (m.Finished is { } f) Key("finished", f.ToString("HH:mm", CultureInfo.InvariantCulture));
            if (m.FirstMinute is { } first) KeyPlain("first-minute", first.ToString(CultureInfo.InvariantCulture));
            Membership("present", m.Present);
            if (m.Apologies.Count > 0) Flow("apologies", m.Apologies);
            if (m.Absent.Count > 0) Flow("absent", m.Absent);
            if (m.InAttendance.Count > 0) Flow("in-attendance", m.InAttendance);
            if (m.Officers.Count > 0) Flow("officers", m.Officers);
            Fields(m.Fields);
            Name("items");
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var item in m.Items)
                {
                    Comments(item);
                    Mapping(() =>
                    {
                        if (item.Standard is { } standard) Key("standard", standard);
                        if (!item.Title.IsEmpty) Key("title", item.Title);
                        Blocks("paragraphs", item.Paragraphs);
                        // The importer reads decisions as plain resolutions under the labels every style has.
                        foreach (var d in item.Decisions)
                        {
                            if (d.Items.Count == 1) Key(d.Kind, d.Items[0].Text);
                            else if (d.Items.Count > 1) TextList(d.Kind, d.Items.Select(i => i.Text).ToList());
                        }

                        Blocks("reason", item.Reason);
                    });
                }
            });
            Key("signed-by", m.SignedBy);
        }

        public void Notice(Notice n)
        {
            Key("paper", "notice");
            Key("style", n.Style);
            Key("committee", n.Committee);
            KeyPlain("date", Iso(n.Date));
            if (n.Time is { } t) Key("time", t.ToString("HH:mm", CultureInfo.InvariantCulture));
            Key("venue", n.Venue);
            if (n.PublicationDate is { } p) KeyPlain("publication-date", Iso(p));
            Membership("members", n.Members);
            if (n.Groups.Count > 0)
            {
                Name("groups");
                Mapping(() =>
                {
                    foreach (var g in n.Groups) Flow(g.Label, g.People);
                });
            }

            if (n.DemocracyOfficer is { } officer)
            {
                Name("democracy-officer");
                Person(officer);
            }

            Fields(n.Fields);
            Name("items");
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var item in n.Items)
                {
                    Comments(item);
                    Mapping(() =>
                    {
                        if (item.Standard is { } standard) Key("standard", standard);
                        if (!item.Title.IsEmpty) Key("title", item.Title);
                        Blocks("paragraphs", item.Paragraphs);
                        Key("report-of", item.ReportOf);
                        if (item.ExemptParagraph is { } exempt) KeyPlain("exempt", exempt.ToString(CultureInfo.InvariantCulture));
                    });
                }
            });
        }

        public void Footnotes(IReadOnlyList<Footnote> footnotes)
        {
            if (footnotes.Count == 0) return;
            Name("footnotes");
            Mapping(() =>
            {
                foreach (var f in footnotes) Key(f.Name, f.Text);
            });
        }

        // ---- parts ---------------------------------------------------------------------------------------

        private void Membership(string name, Membership m)
        {
            if (m.IsEmpty) return;
            Name(name);
            Mapping(() =>
            {
                Key("chair", m.Chair);
                Key("vice-chair", m.ViceChair);
                if (m.Members.Count > 0) Flow("members", m.Members);
                if (m.Substitutes.Count > 0)
                {
                    Name("substitutes");
                    Sequence(SequenceStyle.Flow, () =>
                    {
                        foreach (var s in m.Substitutes)
                        {
                            e.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                            Key("name", s.Name);
                            Key("for", s.For);
                            e.Emit(new MappingEnd());
                        }
                    });
                }
            });
        }

        private void Fields(IReadOnlyList<PaperField> fields)
        {
            if (fields.Count == 0) return;
            Name("fields");
            Mapping(() =>
            {
                foreach (var f in fields)
                {
                    if (f.Text is { } text) Key(f.Name, text);
                    else if (f.Items.Count > 0) TextList(f.Name, f.Items);
                    else if (f.Rows.Count > 0)
                    {
                        Name(f.Name);
                        Sequence(SequenceStyle.Block, () =>
                        {
                            foreach (var row in f.Rows) Sequence(SequenceStyle.Flow, () => { foreach (var cell in row) Text(cell); });
                        });
                    }
                    else if (f.Blocks.Count > 0) Blocks(f.Name, f.Blocks);
                }
            });
        }

        private void Implications(Implications? implications)
        {
            if (implications is null) return;
            if (implications.Items.Count == 0)
            {
                Blocks("implications", implications.Statement);
                return;
            }

            Name("implications");
            Mapping(() =>
            {
                foreach (var item in implications.Items) Blocks(item.Kind, item.Paragraphs);
            });
        }

        private void Recommendations(Recommendations? r)
        {
            if (r is null) return;
            Comments(r);
            Name("recommendations");
            Mapping(() =>
            {
                Key("intro", r.Intro);
                Name("items");
                Sequence(SequenceStyle.Block, () =>
                {
                    foreach (var item in r.Items)
                    {
                        if (item.Items.Count == 0)
                        {
                            Text(item.Text);
                            continue;
                        }

                        Mapping(() =>
                        {
                            Key("text", item.Text);
                            Items("items", item.Items);
                        });
                    }
                });
                Key("reason", r.Reason);
            });
        }

        private void Contact(ContactDetails? contact)
        {
            if (contact is null) return;
            Name("contact");
            Mapping(() =>
            {
                People("author", contact.Authors);
                People("chief-officer", contact.ChiefOfficers);
            });
        }

        private void People(string name, IReadOnlyList<Person> people)
        {
            if (people.Count == 0) return;
            Name(name);
            if (people.Count == 1)
            {
                Person(people[0]);
                return;
            }

            Sequence(SequenceStyle.Block, () => { foreach (var p in people) Person(p); });
        }

        private void Person(Person p) => Mapping(() =>
        {
            Key("name", p.Name);
            Key("title", p.Title);
            Key("department", p.Department);
            Key("phone", p.Phone);
            Key("email", p.Email);
            if (p.Approved is { } approved) KeyPlain("approved", Iso(approved));
        });

        private void Sections(string name, IReadOnlyList<Section> sections)
        {
            if (sections.Count == 0) return;
            Name(name);
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var s in sections)
                {
                    Comments(s);
                    Mapping(() =>
                    {
                        Key("heading", s.Heading);
                        if (s.Lettered) KeyPlain("lettered", "true");
                        if (s.Numbered is false) KeyPlain("numbered", "false");
                        Blocks("paragraphs", s.Paragraphs);
                        Sections("sections", s.Sections);
                    });
                }
            });
        }

        private void Blocks(string name, IReadOnlyList<Block> blocks)
        {
            if (blocks.Count == 0) return;
            Name(name);
            Sequence(SequenceStyle.Block, () => { foreach (var b in blocks) Block(b); });
        }

        private void Block(Block block)
        {
            Comments(block);
            switch (block)
            {
                case Paragraph p when p.Numbered && p.Id is null && p.Items.Count == 0 && p.Bullets.Count == 0 && p.More.Count == 0:
                    Text(p.Text);
                    break;
                case Paragraph p:
                    Mapping(() =>
                    {
                        if (!p.Numbered) KeyPlain("numbered", "false");
                        Key("text", p.Text);
                        Items("items", p.Items);
                        Items("bullets", p.Bullets);
                        if (p.More.Count > 0)
                        {
                            Name("more");
                            Sequence(SequenceStyle.Block, () => { foreach (var m in p.More) Block(m); });
                        }
                    });
                    break;
                case TextBlock t:
                    Text(t.Text);
                    break;
                case Table t:
                    Mapping(() =>
                    {
                        Name("table");
                        Table(t);
                    });
                    break;
            }
        }

        private void Items(string name, IReadOnlyList<ListItem> items)
        {
            if (items.Count == 0) return;
            Name(name);
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var item in items)
                {
                    Comments(item);
                    if (item.Items.Count == 0 && item.Bullets.Count == 0)
                    {
                        Text(item.Text);
                        continue;
                    }

                    Mapping(() =>
                    {
                        Key("text", item.Text);
                        Items("items", item.Items);
                        Items("bullets", item.Bullets);
                    });
                }
            });
        }

        private void Table(Table t) => Mapping(() =>
        {
            Key("id", t.Id);
            Key("caption", t.Caption);
            Name("columns");
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var column in t.Columns)
                {
                    if (column.Type == ColumnType.Text)
                    {
                        Text(column.Heading);
                        continue;
                    }

                    e.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                    Key("heading", column.Heading);
                    Key("type", column.Type switch
                    {
                        ColumnType.Money => "money",
                        ColumnType.Percent => "percent",
                        ColumnType.Number => "number",
                        ColumnType.Date => "date",
                        ColumnType.Rag => "rag",
                        ColumnType.DirectionOfTravel => "dot",
                        _ => "text",
                    });
                    Key("unit", column.Unit);
                    if (column.Decimals is { } d) KeyPlain("decimals", d.ToString(CultureInfo.InvariantCulture));
                    e.Emit(new MappingEnd());
                }
            });
            Name("rows");
            Sequence(SequenceStyle.Block, () =>
            {
                foreach (var row in t.Rows)
                {
                    if (row.Kind == RowKind.Group)
                    {
                        e.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                        Key("group", row.Cells[0].Content ?? RichText.Empty);
                        e.Emit(new MappingEnd());
                        continue;
                    }

                    Sequence(SequenceStyle.Flow, () =>
                    {
                        foreach (var cell in row.Cells)
                        {
                            if (cell.Number is { } n) Plain(n.ToString(CultureInfo.InvariantCulture));
                            else if (cell.Date is { } d) Plain(Iso(d));
                            else if (cell.Content is { } content && !content.IsEmpty) Text(content);
                            else Plain("~");
                        }
                    });
                }
            });
        });

        // ---- scalars and structure -------------------------------------------------------------------------

        private void Comments(object key)
        {
            foreach (var comment in notes.CommentsOf(key)) e.Emit(new Comment(comment, isInline: false));
        }

        private void Name(string name)
        {
            if (notes.FieldComments.TryGetValue(name, out var comment)) e.Emit(new Comment(comment, isInline: false));
            Scalar(name);
        }

        private void Key(string name, string? value)
        {
            if (value is null) return;
            Name(name);
            Scalar(value);
        }

        private void KeyPlain(string name, string value)
        {
            Name(name);
            Plain(value);
        }

        private void Key(string name, RichText? value)
        {
            if (value is null || value.IsEmpty) return;
            Name(name);
            Text(value);
        }

        private void Flow(string name, IReadOnlyList<string> values)
        {
            Name(name);
            Sequence(SequenceStyle.Flow, () => { foreach (var v in values) Scalar(v); });
        }

        private void TextList(string name, IReadOnlyList<RichText> values)
        {
            Name(name);
            Sequence(SequenceStyle.Block, () => { foreach (var v in values) Text(v); });
        }

        private void Text(RichText text) => Scalar(text.Source);

        /// <summary>A scalar YAML may read as it stands (a number, a date, null).</summary>
        private void Plain(string value) => e.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));

        private void Scalar(string value) =>
            e.Emit(new Scalar(null, null, value, NotText().IsMatch(value) || value.Length == 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));

        private void Mapping(Action content)
        {
            e.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            content();
            e.Emit(new MappingEnd());
        }

        private void Sequence(SequenceStyle style, Action content)
        {
            e.Emit(new SequenceStart(null, null, true, style));
            content();
            e.Emit(new SequenceEnd());
        }
    }
}
