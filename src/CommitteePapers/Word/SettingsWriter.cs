namespace CommitteePapers.Word;

/// <summary>Writes settings.xml: compatibility mode, language, and the footnote separators.</summary>
internal static class SettingsWriter
{
    public static void Write(XmlOut xml, bool hasFootnotes)
    {
        xml.Start("w:settings"u8).Attr("xmlns:w"u8, Namespaces.W);
        xml.Value("w:defaultTabStop"u8, "w:val"u8, 720);
        xml.Value("w:characterSpacingControl"u8, "w:val"u8, "doNotCompress"u8);
        if (hasFootnotes)
        {
            xml.Start("w:footnotePr"u8);
            xml.Value("w:footnote"u8, "w:id"u8, -1);
            xml.Value("w:footnote"u8, "w:id"u8, 0);
            xml.End("w:footnotePr"u8);
        }

        xml.Start("w:compat"u8);
        xml.Start("w:compatSetting"u8).Attr("w:name"u8, "compatibilityMode"u8).Attr("w:uri"u8, "http://schemas.microsoft.com/office/word"u8).Attr("w:val"u8, "15"u8).End("w:compatSetting"u8);
        xml.End("w:compat"u8);
        xml.Value("w:themeFontLang"u8, "w:val"u8, "en-GB"u8);
        xml.End("w:settings"u8);
    }
}
