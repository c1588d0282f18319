using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using CommitteePapers.Packs;
using CommitteePapers.Styles;
using Xunit;

namespace CommitteePapers.Tests.Support;

/// <summary>Builds web pages for tests and checks every one of them: HTML5 that parses without an error, and the rules a published page keeps.</summary>
internal static class WebPage
{
    /// <summary>Reads and renders a YAML file as HTML in its own style; asserts it built and is a sound page.</summary>
    public static string Build(string yamlPath, HouseStyle? style = null)
    {
        var loaded = Papers.Load(yamlPath);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        style ??= Papers.ResolveStyle(loaded.Paper!, null, Path.GetDirectoryName(Path.GetFullPath(yamlPath)), out _)!;
        using var stream = new MemoryStream();
        var result = Papers.Render(loaded.Paper!, style, stream, new RenderOptions { Format = RenderFormat.Html });
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var html = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        AssertSound(html);
        return html;
    }

    /// <summary>Builds a pack's web pages into <paramref name="folder"/>; asserts it built and every page is sound.</summary>
    public static PackResult BuildPack(string packPath, string folder)
    {
        var result = AgendaPacks.Build(packPath, folder, new PackOptions { Format = RenderFormat.Html });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        foreach (var page in result.Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal))) AssertSound(File.ReadAllText(page));
        return result;
    }

    /// <summary>Parses HTML as a browser does, failing on any parse error.</summary>
    public static IHtmlDocument Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is HtmlErrorEvent error ? $"{error.Position.Line}:{error.Position.Column} {error.Message}" : e.ToString() ?? "error");
        var document = parser.ParseDocument(html);
        Assert.True(errors.Count == 0, "HTML parse errors:\n" + string.Join("\n", errors.Take(20)));
        return document;
    }

    /// <summary>
    /// What every published page keeps: valid HTML5, the document's language, no script, headings in order with no
    /// level skipped, ids that are unique and every link within the page reaching one, and every table a data table
    /// with header cells and a name.
    /// </summary>
    public static IHtmlDocument AssertSound(string html)
    {
        var document = Parse(html);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(document.DocumentElement.GetAttribute("lang")), "the page has no language");
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(document.Title ?? string.Empty);

        var previous = 0;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            Assert.True(level <= previous + 1, $"<{heading.LocalName}> '{heading.TextContent}' skips a level after h{previous}");
            previous = level;
        }

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            var target = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            Assert.True(ids.Contains(target), $"the link '{link.TextContent}' goes to #{target}, which is not on the page");
        }

        foreach (var table in document.QuerySelectorAll("table"))
        {
            Assert.True(table.QuerySelectorAll("th").Length > 0, "a table has no header cells: " + table.TextContent[..Math.Min(80, table.TextContent.Length)]);
            Assert.All(table.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
        }

        return document;
    }

    /// <summary>The printed numbers of the page's numbered paragraphs, headings and list items, in order (bullets and notes left out).</summary>
    public static IReadOnlyList<string> Numbers(IDocument document) =>
        document.QuerySelectorAll("main .num:not([aria-hidden])").Where(e => e.Closest(".notes") is null).Select(e => e.TextContent).ToList();
}
