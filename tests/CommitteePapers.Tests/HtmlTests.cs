using System.Text;
using CommitteePapers.Definition;
using CommitteePapers.Styles;
using CommitteePapers.Tests.Support;
using Xunit;

namespace CommitteePapers.Tests;

/// <summary>
/// The web edition of every paper and pack, read back as HTML: valid, deterministic, headings in order, the numbers
/// of the Word document printed as text, data tables with captions and header cells, linked notes and references.
/// (BrowserTests runs the same pages in Chromium with axe-core.)
/// </summary>
public sealed class HtmlTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cp-html-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void Every_example_builds_into_a_sound_web_page(string example) =>
        WebPage.Build(Path.Combine(Repo.Examples, example));

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void Building_a_web_page_twice_gives_identical_bytes(string example)
    {
        var path = Path.Combine(Repo.Examples, example);
        Assert.Equal(WebPage.Build(path), WebPage.Build(path));
    }

    [Theory]
    [MemberData(nameof(ExampleTests.AllExamples), MemberType = typeof(ExampleTests))]
    public void The_page_prints_the_numbers_of_the_Word_document(string example)
    {
        // The same check runs in Chromium (BrowserTests); this one runs in the quick suite.
        var path = Path.Combine(Repo.Examples, example);
        var word = DocumentOutline.Read(Docx.Build(path)).Where(l => l.Number is not null && l.Number != "•").Select(l => l.Number!).ToList();
        var page = WebPage.Numbers(WebPage.Parse(WebPage.Build(path)));
        Assert.Equal(word, page);
    }

    [Fact]
    public void Numbered_paragraphs_have_ids_from_their_numbers_and_cross_references_link_to_them()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("york-safeguarding-update")));
        var twelve = document.GetElementById("para-12")!;
        Assert.Equal("12.", twelve.QuerySelector(".num")!.TextContent);
        Assert.StartsWith("12. A cross departmental", twelve.TextContent, StringComparison.Ordinal);
        var annex = document.QuerySelector("a[href='#annex-1']")!;
        Assert.Equal("Annex 1", annex.TextContent);
        Assert.NotNull(document.GetElementById("annex-1"));

        var mtfp = WebPage.Parse(WebPage.Build(Repo.Example("north-somerset-mtfp")));
        var references = mtfp.QuerySelectorAll("a[href^='#']").Where(a => a.Closest("sup") is null).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, a => Assert.NotNull(mtfp.GetElementById(a.GetAttribute("href")![1..])));
    }

    [Fact]
    public void Footnotes_are_linked_notes_with_links_back()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("york-safeguarding-update")));
        var reference = document.QuerySelector("sup.note-ref a")!;
        Assert.Equal("#note-1", reference.GetAttribute("href"));
        var note = document.GetElementById("note-1")!;
        Assert.Equal("notes", note.Closest("section")!.GetAttribute("aria-labelledby"));
        var back = note.QuerySelector("a.note-back")!;
        Assert.Equal("#" + reference.Id, back.GetAttribute("href"));
        Assert.Equal("Back to the text of note 1", back.GetAttribute("aria-label"));
    }

    [Fact]
    public void Sub_items_and_recommendations_are_lists_with_their_printed_labels()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("york-safeguarding-update")));
        var items = document.QuerySelector("#para-2 + ol")!;
        Assert.Equal(["a)", "b)", "c)"], items.Children.Take(3).Select(li => li.QuerySelector(".num")!.TextContent));
        // Bullets under item c) are a list inside it; their bullet is only for the eye.
        var bullets = items.Children[2].QuerySelector("ul")!;
        Assert.Equal("true", bullets.QuerySelector(".num")!.GetAttribute("aria-hidden"));
        Assert.Contains(document.QuerySelectorAll("ol"), ol => ol.PreviousElementSibling?.TextContent.Contains("recommended", StringComparison.OrdinalIgnoreCase) == true
            || ol.QuerySelector(".num")?.TextContent is "(i)" or "i)" or "1." or "a)");
    }

    [Fact]
    public void The_title_is_the_only_h1_and_headings_follow_it_without_a_gap()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("york-safeguarding-update")));
        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("Bi-Annual Safeguarding Update", h1.TextContent);
        Assert.Equal("h2", document.QuerySelector("h1 ~ h2, h1 ~ h3")!.LocalName);
    }

    [Fact]
    public void Another_language_is_marked_on_its_line_and_Urdu_reads_right_to_left()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("york-notice-2022-06-28", "notice.yaml")));
        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        var urdu = document.QuerySelector("[lang='ur-PK']")!;
        Assert.Equal("rtl", urdu.GetAttribute("dir"));
        Assert.NotNull(document.QuerySelector("[lang='zh-HK']"));
    }

    [Fact]
    public void Tables_have_their_caption_inside_column_headers_and_the_unit_of_their_figures()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("north-somerset-mtfp")));
        var tables = document.QuerySelectorAll("table").Where(t => t.QuerySelector("caption") is not null).ToList();
        Assert.NotEmpty(tables);
        var forecast = tables.Single(t => t.QuerySelector("caption")!.TextContent.Contains("Cost Forecast By Month", StringComparison.Ordinal));
        Assert.StartsWith("Table ", forecast.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        // "Budget for 2023/24" does not say its unit; Layout completes it with the style's unit-heading, as the Word
        // document prints it, and the page adds no second unit. "REVISED BUDGET £" already says it.
        var budget = forecast.QuerySelectorAll("thead th").First(th => th.TextContent.StartsWith("Budget for 2023/24", StringComparison.Ordinal));
        Assert.Equal("Budget for 2023/24 £", budget.TextContent);
        Assert.Null(budget.QuerySelector(".unit"));
        Assert.Equal("col", budget.GetAttribute("scope"));
        Assert.DoesNotContain(document.QuerySelectorAll(".unit"), u => u.ParentElement!.TextContent.Contains("REVISED BUDGET £ (£)", StringComparison.Ordinal));
        // A caption paragraph is not printed a second time outside its table.
        Assert.Empty(document.QuerySelectorAll("main > p.caption"));
    }

    [Fact]
    public void A_rating_is_its_word_on_its_colour_never_the_colour_alone()
    {
        var document = WebPage.Parse(WebPage.Build(Repo.Example("north-somerset-q3-performance")));
        var rated = document.QuerySelectorAll("td[style*='background-color']").ToList();
        Assert.NotEmpty(rated);
        Assert.All(rated, td => Assert.Contains(td.TextContent, new[] { "GREEN", "AMBER", "RED" }));
    }

    [Fact]
    public void The_page_carries_the_house_style_and_a_print_style_sheet_and_nothing_from_elsewhere()
    {
        var html = WebPage.Build(Repo.Example("north-somerset-mtfp"));
        Assert.Contains("font-family: \"Arial\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: 210mm 297mm; margin: 20mm 20mm 20mm 20mm; }", html, StringComparison.Ordinal);
        var document = WebPage.Parse(html);
        Assert.Empty(document.QuerySelectorAll("link[rel='stylesheet'], img[src^='http'], iframe, object, embed"));
    }

    [Fact]
    public void A_link_that_would_run_is_never_written_whoever_built_the_paper()
    {
        var paper = new Report
        {
            Meeting = "Cabinet",
            Date = new DateOnly(2025, 3, 12),
            ReportOf = "Chief Executive",
            Title = "Links",
            Summary = [new Paragraph("See [the site](https://example.gov.uk/) and <b>bold</b> & \"quotes\".")],
        };
        using var stream = new MemoryStream();
        Assert.True(Papers.Render(paper, HouseStyles.York, stream, new RenderOptions { Format = RenderFormat.Html }).Written);
        var html = Encoding.UTF8.GetString(stream.ToArray());
        var document = WebPage.AssertSound(html);
        Assert.Equal("https://example.gov.uk/", document.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(document.QuerySelectorAll("main b"));
        Assert.True(Html.InlineWriter.IsSafe("papers/report.html"));
        Assert.False(Html.InlineWriter.IsSafe("javascript:alert(1)"));
        Assert.False(Html.InlineWriter.IsSafe(" JavaScript:alert(1)"));
        Assert.False(Html.InlineWriter.IsSafe("//evil.example/"));
        Assert.False(Html.InlineWriter.IsSafe("data:text/html,x"));
    }

    [Fact]
    public void A_pack_on_the_web_is_an_index_linking_each_published_paper_with_downloads_and_exempt_items_shown_as_the_public_pack_shows_them()
    {
        var result = WebPage.BuildPack(Path.Combine(Repo.Examples, "north-somerset-panel-pack", "pack.yaml"), folder);
        var index = WebPage.Parse(File.ReadAllText(Path.Combine(folder, "index.html")));
        var links = index.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("http", StringComparison.Ordinal) && !h.StartsWith("mailto", StringComparison.Ordinal)).ToList();
        Assert.Contains("mtfp.html", links);
        Assert.Contains("social-worker-recruitment.pdf", links);
        Assert.All(links, href => Assert.True(File.Exists(Path.Combine(folder, Uri.UnescapeDataString(href))), href + " is linked but was not written"));
        var download = index.QuerySelector("a[href='social-worker-recruitment.pdf']")!;
        Assert.Matches(@"\(PDF, [\d.]+ (KB|MB|bytes)\)$", download.TextContent);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Examples, "north-somerset-panel-pack", "papers", "social-worker-recruitment.pdf")), File.ReadAllBytes(Path.Combine(folder, "social-worker-recruitment.pdf")));
        // Every paper's page leads back to the meeting's.
        var mtfp = WebPage.Parse(File.ReadAllText(Path.Combine(folder, "mtfp.html")));
        Assert.Equal("index.html", mtfp.QuerySelector("main a")!.GetAttribute("href"));
        Assert.Contains(Path.Combine(folder, "index.html"), result.Files);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void An_exempt_items_papers_are_left_out_of_the_pages_but_its_wording_is_shown()
    {
        var pack = Path.Combine(folder, "pack");
        Directory.CreateDirectory(pack);
        Directory.CreateDirectory(Path.Combine(pack, "papers"));
        File.Copy(Repo.Example("york-ofsted-action-plan"), Path.Combine(pack, "papers", "plan.yaml"));
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), """
            pack: agenda
            style: york
            committee: Executive
            date: 2025-03-12
            time: "17:30"
            venue: West Offices
            items:
              - title: Ofsted action plan
                papers: [papers/plan.yaml]
              - title: Property disposal
                exempt: 3
                papers: [papers/plan.yaml]
            """);
        var output = Path.Combine(folder, "out");
        WebPage.BuildPack(Path.Combine(pack, "pack.yaml"), output);
        Assert.Equal(["index.html", "plan.html"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var index = WebPage.Parse(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Single(index.QuerySelectorAll("a[href='plan.html']"));
        Assert.Contains("paragraph 3 of Schedule 12A", index.GetElementById("item-2")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_example_pack_pages_are_the_ones_the_pack_builds()
    {
        // docs/examples/york-scrutiny-pack is generated: scripts/update-web-example.sh writes it again.
        WebPage.BuildPack(Path.Combine(Repo.Examples, "york-scrutiny-pack", "pack.yaml"), folder);
        var committed = Path.Combine(Repo.Root, "docs", "examples", "york-scrutiny-pack");
        var built = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(built, Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in built)
        {
            Assert.True(File.ReadAllText(Path.Combine(folder, file!)) == File.ReadAllText(Path.Combine(committed, file!)),
                $"docs/examples/york-scrutiny-pack/{file} is out of date: run scripts/update-web-example.sh");
        }
    }
}
