using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using System.IO.Packaging;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using static CommitteePapers.Definition.WordFile;

namespace CommitteePapers.Word;

/// <summary>
/// Checks a council's Word template before anything uses it: a real .dotx/.docx, no macros, no remote parts, not a
/// zip bomb, and every style the role mapping names exists. The template's parts are copied when a paper is written.
/// </summary>
internal static class TemplateImport
{
    /// <summary>Our roles a template style can play.</summary>
    public static readonly IReadOnlyList<string> Roles =
        ["title", "subtitle", "heading-1", "heading-2", "heading-3", "heading-4", "numbered-paragraph", "body-text", "list-paragraph", "caption", "table-text", "table-heading", "normal"];

    public static HouseStyle Apply(HouseStyle style, byte[] template, IReadOnlyDictionary<string, string> roles, SourcePosition at, DiagnosticBag diagnostics)
    {
        if (template.LongLength > FileKind.Template.MaxBytes)
        {
            diagnostics.Error(FileKind.Template.TooLarge, at, InputFile.TooLarge(null, FileKind.Template));
            return style;
        }

        if (!InputFile.IsSafeZip(template, at, diagnostics)) return style;
        try
        {
            using var doc = WordFile.Open(template);
            if (doc.Main is not { } main)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template has no document in it; save it again from Word as a .dotx.");
                return style;
            }

            if (doc.IsMacroEnabled)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template contains macros; macros are never used: save it as a .dotx (Word template) without macros.");
                return style;
            }

            var headers = doc.Parts(WordFile.Header).ToList();
            var footers = doc.Parts(WordFile.Footer).ToList();
            if (new[] { main }.Concat(headers).Concat(footers).Any(LinksOutside))
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template links to files outside itself (a remote template or image); embed them in the template instead.");
                return style;
            }

            // Every part we read or copy must be sound: a damaged one would only fail later, inside a render. Each is
            // read as XML with the root element its kind has, and everything it refers to inside the package is there.
            var parts = new List<(PackagePart? Part, XName Root)>
            {
                (main, W + "document"),
                (doc.Part(WordFile.Styles), W + "styles"),
                (doc.Part(WordFile.Theme), A + "theme"),
                (doc.Part(WordFile.FontTable), W + "fonts"),
            };
            parts.AddRange(headers.Select(h => ((PackagePart?)h, W + "hdr")));
            parts.AddRange(footers.Select(f => ((PackagePart?)f, W + "ftr")));
            XElement? styles = null;
            foreach (var (part, root) in parts)
            {
                if (part is null) continue;
                var xml = Xml(part);
                if (xml?.Name != root || part != main && Missing(doc, part) is not null)
                {
                    diagnostics.Error(DiagnosticCode.BadFile, at, Damaged(part.Uri));
                    return style;
                }

                if (root == W + "styles") styles = xml;
            }

            // And valid by the schema, where the Open XML SDK's validator can be had (TemplateSchema says why not in
            // the NativeAOT tool).
            if (RuntimeFeature.IsDynamicCodeSupported &&
                TemplateSchema.FirstInvalid(template, parts.Where(p => p.Part is not null && p.Part != main).Select(p => p.Part!.Uri).ToList()) is { } invalid)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, Damaged(invalid));
                return style;
            }

            var names = styles?.Elements(W + "style").Select(s => Val(s.Element(W + "name"))).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var (role, name) in roles)
            {
                if (!Roles.Contains(role))
                {
                    var suggestion = Definition.Suggest.Nearest(role, Roles);
                    diagnostics.Error(DiagnosticCode.BadValue, at, $"'{role}' is not a role a template style can play; " + (suggestion is null ? $"use one of: {string.Join(", ", Roles)}." : $"did you mean '{suggestion}'?"));
                }
                else if (!names.Contains(name))
                {
                    var suggestion = Definition.Suggest.Nearest(name, names);
                    diagnostics.Error(DiagnosticCode.BadValue, at, $"The template has no style named '{name}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
                }
            }
        }
        catch (Exception ex) when (IsDamage(ex) || TemplateSchema.IsDamage(ex))
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, $"The template cannot be read as a Word document ({ex.Message}); open it in Word and save it again as .dotx.");
            return style;
        }

        return style with { Template = template, TemplateStyles = roles };
    }

    private static string Damaged(Uri part) => $"The template's {part} is damaged; open the template in Word and save it again as .dotx.";

    /// <summary>A relationship to something outside the package other than a hyperlink (a remote template or image).</summary>
    private static bool LinksOutside(PackagePart part) =>
        part.GetRelationships().Any(r => r.TargetMode == TargetMode.External && !r.RelationshipType.EndsWith("/hyperlink", StringComparison.Ordinal));

    /// <summary>
    /// The first relationship, of a part that is copied or of anything it refers to, whose part is not in the package;
    /// null when all are there.
    /// </summary>
    private static PackageRelationship? Missing(WordFile doc, PackagePart part)
    {
        var seen = new HashSet<Uri> { part.Uri };
        var pending = new Stack<PackagePart>([part]);
        while (pending.TryPop(out var current))
        {
            foreach (var relationship in current.GetRelationships())
            {
                if (relationship.TargetMode == TargetMode.External || relationship.RelationshipType == WordFile.Hyperlink) continue;
                if (doc.Target(current, relationship) is not { } target) return relationship;
                if (seen.Add(target.Uri)) pending.Push(target);
            }
        }

        return null;
    }
}
