using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;
using Diagnostic = CommitteePapers.Diagnostics.Diagnostic;

namespace CommitteePapers.Tests;

/// <summary>
/// Minutes as councils write them, each said in a style file: the decision's label and list, the reasons and options
/// after it, numbered points, standard wording that depends on the facts, exempt minutes in public and private
/// versions, and minute titles in capitals. Each check builds minutes and reads the .docx back.
/// </summary>
public sealed class MinutesTests
{
    /// <summary>The start of every minutes file here: a meeting with nothing wrong with it, before its items.</summary>
    private const string Head = """
        paper: minutes
        committee: Cabinet
        date: 2024-03-12
        first-minute: 101

        """;

    private static HouseStyle Style(string yaml)
    {
        var loaded = HouseStyles.Parse("name: test-council\n" + yaml, "style.yaml");
        Assert.True(loaded.Succeeded && loaded.Diagnostics.Count == 0, string.Join("\n", loaded.Diagnostics));
        return loaded.Style!;
    }

    private static (byte[] Docx, IReadOnlyList<Diagnostic> Diagnostics) Build(string items, HouseStyle? style = null, bool isPrivate = false, string head = Head)
    {
        var loaded = Papers.Parse(head + items, "minutes.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        using var output = new MemoryStream();
        var result = Papers.Render(loaded.Paper!, style ?? HouseStyles.York, output, new RenderOptions { Private = isPrivate });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var bytes = output.ToArray();
        Docx.AssertValid(bytes);
        return (bytes, result.Diagnostics);
    }

    private static IReadOnlyList<string> Texts(byte[] docx) => Docx.ParagraphTexts(docx).Where(t => t.Length > 0).ToList();

    /// <summary>Each paragraph after the front block as "number text" (the number Word shows, read from numbering.xml).</summary>
    private static IReadOnlyList<string> Numbered(byte[] docx) =>
        DocumentOutline.Read(docx).Where(l => l.Text.Length > 0).Select(l => l.Number is null ? l.Text : $"{l.Number} {l.Text}").ToList();

    // ---- decisions ----------------------------------------------------------------------------------------------

    [Fact]
    public void Each_minute_chooses_its_label_and_the_style_gives_its_words()
    {
        var style = Style("""
            headings: {resolved: "RESOLVED that", decided: "Decision –", recommended: "RECOMMENDED to Council –", resolved-unanimously: "Resolved unanimously:"}
            minutes: {decision-kinds: [resolved-unanimously]}
            """);
        var (docx, _) = Build("""
            items:
              - title: Budget
                resolved: the report be noted.
              - title: Parking
                decided: That the charges be approved.
                recommended: That Council adopts the strategy.
              - title: Libraries
                decision: {kind: resolved-unanimously, items: That the opening hours be extended.}
            """, style);

        var texts = Texts(docx);
        Assert.Contains("RESOLVED that the report be noted.", texts);
        Assert.Contains("Decision – That the charges be approved.", texts);
        Assert.Contains("RECOMMENDED to Council – That Council adopts the strategy.", texts);
        Assert.Contains("Resolved unanimously: That the opening hours be extended.", texts);
        // In the order the minute gives them.
        Assert.True(texts.ToList().IndexOf("Decision – That the charges be approved.") < texts.ToList().IndexOf("RECOMMENDED to Council – That Council adopts the strategy."));
    }

    [Fact]
    public void Resolutions_are_numbered_as_the_style_says_with_sub_items_at_the_next_level_and_one_alone_carries_no_number()
    {
        var style = Style("""
            numbering: {resolutions: ["(1)", "(a)"]}
            headings: {resolved: "RESOLVED –"}
            """);
        var (docx, _) = Build("""
            items:
              - title: Budget
                resolved:
                  - That Cabinet endorsed the budget.
                  - text: "That Cabinet recommended to Council:"
                    items: [the rent levels, the fees]
              - title: Parking
                resolved: That the charges be approved.
            """, style);

        var lines = Numbered(docx);
        Assert.Equal(
        [
            "101. Budget",
            "RESOLVED –",
            "(1) That Cabinet endorsed the budget.",
            "(2) That Cabinet recommended to Council:",
            "(a) the rent levels",
            "(b) the fees",
            "102. Parking",
            "RESOLVED – That the charges be approved.",
        ], lines.SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void A_single_resolution_is_numbered_where_the_style_numbers_it()
    {
        var style = Style("""
            numbering: {resolutions: "(1)", single-resolution: true}
            """);
        var (docx, _) = Build("items:\n  - title: Parking\n    resolved: That the charges be approved.\n", style);
        Assert.Equal(["Resolved:", "(1) That the charges be approved."], Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());
    }

    [Fact]
    public void A_lead_in_runs_into_the_label_and_the_resolutions_follow_it()
    {
        var style = Style("""
            numbering: {resolutions: "(a)"}
            headings: {decided: "Decision –"}
            """);
        var (docx, _) = Build("""
            items:
              - title: Devolution
                decided:
                  intro: "That Cabinet:"
                  items: [Notes the White Paper., Approves the interim plan.]
            """, style);
        Assert.Equal(["Decision – That Cabinet:", "(a) Notes the White Paper.", "(b) Approves the interim plan."],
            Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());
    }

    [Fact]
    public void With_labels_as_headings_the_label_stands_on_a_line_of_its_own()
    {
        var style = Style("""
            minutes: {decision-label: heading, block-label: heading}
            headings: {resolved: RESOLVED, decision-reason: REASON FOR DECISION, alternative-options: OTHER OPTIONS CONSIDERED AND REJECTED}
            """);
        var (docx, _) = Build("""
            items:
              - title: Work Programme
                resolved: That Cabinet supported the Work Programmes.
                reason: To keep Cabinet informed.
                alternative-options: No alternative options were considered.
            """, style);
        Assert.Equal(
            ["RESOLVED", "That Cabinet supported the Work Programmes.", "REASON FOR DECISION", "To keep Cabinet informed.", "OTHER OPTIONS CONSIDERED AND REJECTED", "No alternative options were considered."],
            Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());
    }

    // ---- what comes after the decision, in the style's order --------------------------------------------------------

    [Fact]
    public void Reasons_and_options_follow_the_decision_run_in_with_the_styles_words()
    {
        var style = Style("""
            headings: {resolved: "RESOLVED –", decision-reason: "REASONS FOR DECISION –", alternative-options: "OTHER OPTIONS CONSIDERED AND REJECTED –", other-options: "Other options for action:"}
            """);
        var (docx, _) = Build("""
            items:
              - title: Climate Change Strategy
                paragraphs: [The report set out the refresh.]
                resolved: That Cabinet approved the strategy.
                other-options: None.
                reason: To endorse the strategy.
                alternative-options:
                  - The option of not approving it was rejected.
                  - It would have left the 2019 plan in place.
                notes: [Please note that this is not a Key Decision.]
            """, style);
        Assert.Equal(
        [
            "The report set out the refresh.",
            "RESOLVED – That Cabinet approved the strategy.",
            "REASONS FOR DECISION – To endorse the strategy.",
            "OTHER OPTIONS CONSIDERED AND REJECTED – The option of not approving it was rejected.",
            "It would have left the 2019 plan in place.",
            "Other options for action: None.",
            "Please note that this is not a Key Decision.",
        ], Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());
    }

    [Fact]
    public void A_style_can_put_the_reasons_before_what_was_said()
    {
        var style = Style("""
            minutes: {order: [reason, paragraphs, decision, notes]}
            headings: {decided: "Decision –", decision-reason: "Reasons for the Decision –"}
            """);
        var (docx, diagnostics) = Build("""
            items:
              - title: Sale of Land
                paragraphs: [The Chairman circulated a letter.]
                decided: That the recommendations be agreed.
                reason: To consider the sale of surplus land.
                notes: ["Note by Clerk: exempt from call-in."]
                alternative-options: None.
            """, style);
        Assert.Equal(
        [
            "Reasons for the Decision – To consider the sale of surplus land.",
            "The Chairman circulated a letter.",
            "Decision – That the recommendations be agreed.",
            "Note by Clerk: exempt from call-in.",
            "Alternative options considered and rejected: None.",
        ], Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());
        // A part the order leaves out is printed at the end of the minute, with a warning at the minute.
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("CP0032", 6), (warning.Code, warning.Position.Line));
    }

    [Fact]
    public void Points_inside_a_minute_are_numbered_with_the_styles_pattern()
    {
        var style = Style("""
            numbering: {sub-items: "a)", minute-items: ["1.", "(a)"]}
            """);
        var (docx, _) = Build("""
            items:
              - title: Purpose of Report
                paragraphs:
                  - text: "The report:"
                    items:
                      - outlined the budget;
                      - text: "set out the options:"
                        items: [to proceed, to wait]
                      - asked for comments.
            """, style);
        Assert.Equal(["The report:", "1. outlined the budget;", "2. set out the options:", "(a) to proceed", "(b) to wait", "3. asked for comments."],
            Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).Skip(1).ToList());

        // Without minute-items, the sub-items' pattern.
        var (york, _) = Build("items:\n  - title: Purpose\n    paragraphs:\n      - {text: \"The report:\", items: [first, second]}\n");
        Assert.Contains("a) first", Numbered(york));
    }

    // ---- standard wording that depends on the facts ----------------------------------------------------------------

    private const string Declarations = """
        standard-items:
          declarations-of-interest:
            title: Declarations of Interest
            minutes: Members were requested to declare any interests.
            minutes-none: There were no declarations of interest.
        words:
          declaration: "{members} declared an interest in {item} – {interest}"
        """;

    [Fact]
    public void There_were_no_declarations_of_interest_only_when_none_are_listed()
    {
        var style = Style(Declarations);
        var (none, _) = Build("items:\n  - standard: declarations-of-interest\n", style);
        var noneTexts = Texts(none);
        Assert.Contains("There were no declarations of interest.", noneTexts);
        Assert.DoesNotContain("Members were requested to declare any interests.", noneTexts);

        var (some, _) = Build("""
            items:
              - standard: declarations-of-interest
                declarations:
                  - members: [C Cupit, A Dale]
                    item: "[@pine-view]"
                    interest: in their capacity as members of the Board of Rykneld Homes Ltd.
              - title: Pine View, Danesmoor
                id: pine-view
                resolved: That the homes be built.
            """, style);
        var texts = Texts(some);
        Assert.DoesNotContain("There were no declarations of interest.", texts);
        Assert.Contains("Members were requested to declare any interests.", texts);
        Assert.Contains("Councillors C Cupit and A Dale declared an interest in minute 102 – in their capacity as members of the Board of Rykneld Homes Ltd.", texts);
    }

    [Fact]
    public void Apologies_and_substitutions_are_worded_by_the_style_from_the_attendance()
    {
        var style = Style("""
            numbering: {resolutions: "(1)"}
            standard-items:
              apologies:
                title: Apologies and Substitutions
                minutes: "Apologies for absence were received from {apologies}."
                minutes-none: There were no apologies for absence.
                numbering: "(1)"
            words:
              substitution: "That Councillor {name} had been appointed as substitute for Councillor {for}"
            """);
        var (docx, _) = Build("""
            apologies: [Kenyon, Lewis]
            present: {members: [Khan], substitutes: [{name: Allen, for: Cook}, {name: Stead, for: Weightman}]}
            items:
              - standard: apologies
            """, style);
        Assert.Equal(
        [
            "101. Apologies and Substitutions",
            "Apologies for absence were received from Councillors Kenyon and Lewis.",
            "(1) That Councillor Allen had been appointed as substitute for Councillor Cook",
            "(2) That Councillor Stead had been appointed as substitute for Councillor Weightman",
        ], Numbered(docx).SkipWhile(l => !l.StartsWith("101.", StringComparison.Ordinal)).ToList());

        var (none, _) = Build("items:\n  - standard: apologies\n", style);
        Assert.Contains("There were no apologies for absence.", Texts(none));
    }

    [Fact]
    public void The_exclusion_of_the_press_and_public_names_the_paragraphs_of_the_exempt_items_after_it()
    {
        var style = Style("""
            standard-items:
              exclusion-of-press-and-public:
                title: Exclusion of Press and Public
                agenda: To exclude the press and public under paragraph {paragraph} of Part 1 of Schedule 12A.
                minutes: "RESOLVED that the press and public be excluded under paragraph {paragraph} of Part 1 of Schedule 12A."
            """);
        var (docx, _) = Build("""
            items:
              - standard: exclusion-of-press-and-public
              - {title: Contract award, exempt: 3, resolved: That the contract be awarded.}
              - {title: Staffing, exempt: 1, resolved: That the post be regraded.}
              - {title: Land sale, exempt: 3, resolved: That the land be sold.}
            """, style);
        Assert.Contains("RESOLVED that the press and public be excluded under paragraph 1 and 3 of Part 1 of Schedule 12A.", Texts(docx));

        var notice = Papers.Parse("""
            paper: notice
            committee: Cabinet
            date: 2024-03-12
            items:
              - standard: exclusion-of-press-and-public
              - {title: Contract award, exempt: 3}
            """, "notice.yaml");
        Assert.Contains("To exclude the press and public under paragraph 3 of Part 1 of Schedule 12A.", Texts(Docx.Render(notice.Paper!, style)));
    }

    // ---- exempt minutes: public and private versions ------------------------------------------------------------------

    private const string Exempt = """
        items:
          - standard: exclusion-of-press-and-public
          - title: Library opening hours
            resolved: That the hours be extended from September.
          - title: Contract award for removals
            id: removals
            exempt: 3
            paragraphs:
              - The preferred bidder is Acme Removals Limited at 412,000 pounds.
            resolved: That the contract be awarded to Acme Removals Limited.
            reason: Acme offered the lowest price.
          - title: Work Plan
            paragraphs: ["Members noted the decision at [@removals]."]
        """;

    [Fact]
    public void The_public_minutes_print_only_the_exemption_wording_for_an_exempt_minute_and_the_private_ones_print_it_in_full()
    {
        var (publicDocx, publicDiagnostics) = Build(Exempt);
        var (privateDocx, _) = Build(Exempt, isPrivate: true);
        Assert.Empty(publicDiagnostics);

        var publicText = string.Join("\n", Texts(publicDocx));
        Assert.DoesNotContain("Acme", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("lowest price", publicText, StringComparison.Ordinal);
        Assert.Contains(HouseStyles.York.WordFor("exempt-minute").Source.Replace("{paragraph}", "3", StringComparison.Ordinal), publicText, StringComparison.Ordinal);
        Assert.Contains("That the hours be extended from September.", publicText, StringComparison.Ordinal);
        // The minute keeps its number and title, so the numbers after it are the same in both versions.
        Assert.Contains("104. Work Plan", Numbered(publicDocx));
        Assert.Contains("Members noted the decision at minute 103.", publicText, StringComparison.Ordinal);

        var privateText = string.Join("\n", Texts(privateDocx));
        Assert.Contains("The preferred bidder is Acme Removals Limited at 412,000 pounds.", privateText, StringComparison.Ordinal);
        Assert.Contains("Resolved: That the contract be awarded to Acme Removals Limited.", privateText, StringComparison.Ordinal);
        Assert.Contains("Reason: Acme offered the lowest price.", privateText, StringComparison.Ordinal);
        Assert.Contains("NOT FOR PUBLICATION", privateText, StringComparison.Ordinal);
        Assert.Contains("104. Work Plan", Numbered(privateDocx));

        using var doc = Docx.Open(privateDocx);
        Assert.EndsWith("(not for publication)", doc.PackageProperties.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exempt_minute_may_give_what_the_public_minutes_print_of_it()
    {
        var style = Style("""
            words: {exempt-minute: "(Exemption paragraph {paragraph})", exempt-minute-private: "(Exemption paragraph {paragraph})"}
            headings: {decided: "Decision –"}
            """);
        const string Items = """
            items:
              - standard: exclusion-of-press-and-public
              - title: Sale of Land
                exempt: 3
                paragraphs: [The land is sold to Lidl for 1.2 million pounds.]
                decided: That the land be sold to Lidl for 1.2 million pounds.
                public:
                  paragraphs: [The Chairman circulated a letter from Lidl.]
                  decided: That the recommendations contained in the report be agreed.
            """;
        var publicText = Texts(Build(Items, style).Docx);
        Assert.Equal(["(Exemption paragraph 3)", "The Chairman circulated a letter from Lidl.", "Decision – That the recommendations contained in the report be agreed."],
            publicText.SkipWhile(t => t != "Sale of Land").Skip(1).ToList());
        var privateText = Texts(Build(Items, style, isPrivate: true).Docx);
        Assert.Equal(["(Exemption paragraph 3)", "The land is sold to Lidl for 1.2 million pounds.", "Decision – That the land be sold to Lidl for 1.2 million pounds."],
            privateText.SkipWhile(t => t != "Sale of Land").Skip(1).ToList());
    }

    [Fact]
    public void A_problem_in_an_exempt_minute_is_found_whichever_version_is_built()
    {
        var loaded = Papers.Parse(Head + "items:\n  - standard: exclusion-of-press-and-public\n  - title: Contract\n    exempt: 3\n    paragraphs:\n      - See [@nowhere].\n", "minutes.yaml");
        var result = Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
        Assert.False(result.Written);
        Assert.Contains(result.Diagnostics, d => d.Code == "CP0014" && d.Position.Line == 10);
    }

    [Fact]
    public void Exempt_minutes_need_the_press_and_public_excluded_first_and_a_private_version_needs_an_exempt_minute()
    {
        var (_, warned) = Build("items:\n  - {title: Contract, exempt: 3, resolved: That the contract be awarded.}\n");
        Assert.Equal(("CP0071", 6), (Assert.Single(warned).Code, warned[0].Position.Line));

        var (_, nothing) = Build("items:\n  - {title: Budget, resolved: That the report be noted.}\n", isPrivate: true);
        Assert.Equal("CP0072", Assert.Single(nothing).Code);

        var report = Papers.Parse("paper: report\nmeeting: Cabinet\ndate: 2024-03-12\nreport-of: Director\ntitle: Budget\n", "report.yaml");
        var rendered = Papers.Render(report.Paper!, HouseStyles.York, Stream.Null, new RenderOptions { Private = true });
        Assert.Contains(rendered.Diagnostics, d => d.Code == "CP0072");

        var notExempt = Papers.Parse(Head + "items:\n  - title: Budget\n    public: {resolved: That the report be noted.}\n", "minutes.yaml");
        var error = Assert.Single(notExempt.Diagnostics);
        Assert.Equal(("CP0073", 7, 5), (error.Code, error.Position.Line, error.Position.Column));
    }

    // ---- titles, labels and wording checked when the style is read ---------------------------------------------------

    [Fact]
    public void Minute_titles_follow_upper_case_headings_and_a_style_can_keep_them_as_written()
    {
        const string Items = "items:\n  - title: Work Plan\n    resolved: That the plan be noted.\n";
        Assert.Contains("101. WORK PLAN", Numbered(Build(Items, Style("text: {upper-case-headings: true}\n")).Docx));
        Assert.Contains("101. Work Plan", Numbered(Build(Items, Style("text: {upper-case-headings: [report]}\n")).Docx));
        Assert.Contains("101. WORK PLAN", Numbered(Build(Items, Style("text: {upper-case-headings: [minutes]}\n")).Docx));
        // North Somerset prints its reports' headings in capitals and its minute titles as written.
        Assert.True(HouseStyles.NorthSomerset.UpperCaseHeadings);
        Assert.False(HouseStyles.NorthSomerset.UpperCaseMinuteTitles);
    }

    [Theory]
    [InlineData("standard-items:\n  declarations-of-interest:\n    title: Declarations\n    minutes: None under paragraph {paragraph}.\n", "CP0013", 4, 35, "{paragraph}")]
    [InlineData("standard-items:\n  apologies:\n    title: Apologies\n    minutes: \"Apologies from {apologys}.\"\n", "CP0013", 4, 30, "did you mean 'apologies'")]
    [InlineData("standard-items:\n  minutes:\n    title: Minutes\n    minutes-none: None at {date}.\n", "CP0013", 4, 27, "{date}")]
    [InlineData("words:\n  declaration: \"{members} declared {intrest}\"\n", "CP0013", 2, 36, "did you mean 'interest'")]
    [InlineData("words:\n  exempt-minute: \"Exempt under {paragrpah}\"\n", "CP0013", 2, 32, "did you mean 'paragraph'")]
    [InlineData("headings:\n  resolved: \"RESOLVED under {paragraph}\"\n", "CP0013", 2, 29, "headings are printed as they stand")]
    [InlineData("minutes:\n  decision-kinds: [resolved-unanimously]\n", "CP0004", 2, 20, "has no words")]
    [InlineData("minutes:\n  order: [paragraphs, decison]\n", "CP0013", 2, 23, "did you mean 'decision'")]
    [InlineData("text:\n  upper-case-headings: [report, notice]\n", "CP0013", 2, 33, "not a kind of paper")]
    public void A_placeholder_or_name_the_style_cannot_use_is_an_error_at_its_place(string yaml, string code, int line, int column, string message)
    {
        var loaded = HouseStyles.Parse("name: test-council\n" + yaml, "style.yaml");
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal((code, line + 1, column), (error.Code, error.Position.Line, error.Position.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exclusion_wording_may_use_the_paragraph_it_is_filled_with()
    {
        Style("standard-items:\n  exclusion-of-press-and-public:\n    title: Exempt Items\n    agenda: Under paragraph {paragraph}.\n    minutes: Under paragraph {paragraph}.\n");
    }

    [Fact]
    public void A_decision_with_a_label_the_style_does_not_have_is_an_error_with_the_nearest_one()
    {
        var loaded = Papers.Parse(Head + "items:\n  - title: Budget\n    decision: {kind: resolvd, items: That the report be noted.}\n", "minutes.yaml");
        var result = Papers.Render(loaded.Paper!, HouseStyles.York, Stream.Null);
        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CP0070", 7), (error.Code, error.Position.Line));
        Assert.Contains("did you mean 'resolved'", error.Message, StringComparison.Ordinal);
    }
}
