using System.Globalization;
using System.Text;

namespace ChainLink.Domain.Organisations;

/// <summary>
/// The form in which two organisation names are compared: names that differ only by character width (（ vs (, Ａ vs A),
/// compatibility characters (㈱ vs (株)), bracket style (【】〔〕「」 vs ()), spaces, invisible characters or letter case
/// are one name, so an impostor cannot register 包头稀土(集团) beside 包头稀土（集团）.
/// </summary>
public static class OrganisationNameKey
{
    public static string Of(string name)
    {
        var compatible = name.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(compatible.Length);
        foreach (var rune in compatible.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.OpenPunctuation:
                    key.Append('(');
                    break;
                case UnicodeCategory.ClosePunctuation:
                    key.Append(')');
                    break;
                case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.Control or UnicodeCategory.Format:
                    break;
                default:
                    key.Append(Rune.ToLowerInvariant(rune).ToString());
                    break;
            }
        }
        return key.ToString();
    }
}
