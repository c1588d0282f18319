using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteePapers.Word;

/// <summary>Writes settings.xml: compatibility mode, language, and the footnote separators.</summary>
internal static class SettingsWriter
{
    public static Settings Write(bool hasFootnotes)
    {
        var settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
        if (hasFootnotes)
        {
            settings.Append(new FootnoteDocumentWideProperties(
                new FootnoteSpecialReference { Id = -1 },
                new FootnoteSpecialReference { Id = 0 }));
        }

        settings.Append(new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));
        settings.Append(new ThemeFontLanguages { Val = "en-GB" });
        return settings;
    }
}
