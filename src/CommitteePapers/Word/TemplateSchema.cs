using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CommitteePapers.Word;

/// <summary>
/// Checks a council template's copied parts against the schema with the Open XML SDK's validator: a part the writer
/// copies or merges as it is must be valid Word, or the paper built on it is not. Only where the SDK can be had
/// cheaply: <see cref="TemplateImport"/> calls it when the runtime can compile code
/// (<see cref="System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported"/>), so the NativeAOT tool
/// trims it, and with it the SDK's typed elements, which doubled the tool's size and its start-up (bench/README.md).
/// </summary>
internal static class TemplateSchema
{
    /// <summary>The first of <paramref name="parts"/> (by URI) that is not valid, or null when all are.</summary>
    public static Uri? FirstInvalid(byte[] template, IReadOnlyCollection<Uri> parts)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(template, writable: false), false);
        var validator = new OpenXmlValidator(FileFormatVersions.Microsoft365);
        var wanted = parts.Select(u => u.OriginalString).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var part in doc.GetAllParts())
        {
            if (wanted.Contains(part.Uri.OriginalString) && (part.RootElement is null || validator.Validate(part).Any())) return part.Uri;
        }

        return null;
    }

    /// <summary>What the SDK throws for a package it cannot read.</summary>
    public static bool IsDamage(Exception e) => e is OpenXmlPackageException;
}
