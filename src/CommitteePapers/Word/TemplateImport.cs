using CommitteePapers.Definition;
using CommitteePapers.Diagnostics;
using CommitteePapers.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

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
            using var doc = WordprocessingDocument.Open(new MemoryStream(template, writable: false), false);
            var main = doc.MainDocumentPart;
            if (main is null)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template has no document in it; save it again from Word as a .dotx.");
                return style;
            }

            if (main.VbaProjectPart is not null || doc.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate)
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template contains macros; macros are never used: save it as a .dotx (Word template) without macros.");
                return style;
            }

            if (main.ExternalRelationships.Any(r => !r.RelationshipType.EndsWith("/hyperlink", StringComparison.Ordinal)) ||
                main.HeaderParts.Concat<OpenXmlPart>(main.FooterParts).Any(p => p.ExternalRelationships.Any(r => !r.RelationshipType.EndsWith("/hyperlink", StringComparison.Ordinal))))
            {
                diagnostics.Error(DiagnosticCode.BadFile, at, "The template links to files outside itself (a remote template or image); embed them in the template instead.");
                return style;
            }

            // Every part we copy must be sound: a damaged one would only fail later, inside a render.
            var copied = new List<OpenXmlPart>();
            if (main.StyleDefinitionsPart is { } stylesPart) copied.Add(stylesPart);
            if (main.ThemePart is { } themePart) copied.Add(themePart);
            if (main.FontTablePart is { } fontPart) copied.Add(fontPart);
            copied.AddRange(main.HeaderParts);
            copied.AddRange(main.FooterParts);
            _ = main.Document?.Body;
            var validator = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Microsoft365);
            foreach (var part in copied)
            {
                if (part.RootElement is null || validator.Validate(part).Any())
                {
                    diagnostics.Error(DiagnosticCode.BadFile, at, $"The template's {part.Uri} is damaged; open the template in Word and save it again as .dotx.");
                    return style;
                }
            }

            var names = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Select(s => s.StyleName?.Val?.Value).Where(n => n is not null).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var (role, name) in roles)
            {
                if (!Roles.Contains(role))
                {
                    var suggestion = Definition.Suggest.Nearest(role, Roles);
                    diagnostics.Error(DiagnosticCode.BadValue, at, $"'{role}' is not a role a template style can play; " + (suggestion is null ? $"use one of: {string.Join(", ", Roles)}." : $"did you mean '{suggestion}'?"));
                }
                else if (!names.Contains(name))
                {
                    var suggestion = Definition.Suggest.Nearest(name, names!);
                    diagnostics.Error(DiagnosticCode.BadValue, at, $"The template has no style named '{name}'" + (suggestion is null ? "." : $"; did you mean '{suggestion}'?"));
                }
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            diagnostics.Error(DiagnosticCode.BadFile, at, $"The template cannot be read as a Word document ({ex.Message}); open it in Word and save it again as .dotx.");
            return style;
        }

        return style with { Template = template, TemplateStyles = roles };
    }
}
