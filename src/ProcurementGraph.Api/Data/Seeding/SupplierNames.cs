using System.Text;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Company-name parts and the ASCII slugs used for web domains and e-mail addresses.</summary>
internal static class SupplierNames
{
    public static readonly string[] Adjectives = ["Precision", "Global", "United", "Advanced", "Premier", "Integrated", "Allied", "Continental", "Apex", "First"];

    private static readonly string[] Stems = ["Ver", "Nor", "Tri", "Ax", "Zen", "Pro", "Lum", "Cor", "Val", "Sol", "Ter", "Quan", "Bri", "Or", "Mer", "Kin", "Alt", "Nex", "Vir", "Sy"];

    private static readonly string[] Endings = ["ex", "ia", "on", "ix", "ora", "is", "um", "era", "ant", "iva", "ar", "eon", "ico", "yn"];

    private static readonly Dictionary<char, string> Folded = new()
    {
        ['ä'] = "a", ['ö'] = "o", ['ü'] = "u", ['ß'] = "ss", ['é'] = "e", ['è'] = "e", ['ê'] = "e", ['ë'] = "e", ['à'] = "a", ['â'] = "a",
        ['á'] = "a", ['ã'] = "a", ['å'] = "a", ['æ'] = "ae", ['ç'] = "c", ['č'] = "c", ['í'] = "i", ['î'] = "i", ['ï'] = "i", ['ı'] = "i",
        ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ø'] = "o", ['ú'] = "u", ['û'] = "u", ['ů'] = "u", ['ñ'] = "n", ['ń'] = "n", ['ł'] = "l",
        ['ś'] = "s", ['š'] = "s", ['ş'] = "s", ['ż'] = "z", ['ź'] = "z", ['ž'] = "z", ['ą'] = "a", ['ę'] = "e", ['ě'] = "e", ['ř'] = "r",
        ['ý'] = "y", ['ğ'] = "g", ['ő'] = "o", ['ű'] = "u",
    };

    /// <summary>An invented brand name such as "Norvia" or "Quanix".</summary>
    public static string Coined(Bogus.Randomizer random) => random.ArrayElement(Stems) + random.ArrayElement(Endings);

    /// <summary>Lower-case ASCII letters and digits of the text, accents folded ("Müller &amp; Söhne" becomes "mullersohne").</summary>
    public static string Slug(string text, string separator = "")
    {
        var slug = new StringBuilder(text.Length);
        var gap = false;
        foreach (var c in text.ToLowerInvariant())
        {
            var part = char.IsAsciiLetterOrDigit(c) ? c.ToString() : Folded.GetValueOrDefault(c);
            if (part is null)
            {
                gap = slug.Length > 0;
                continue;
            }

            slug.Append(gap ? separator : string.Empty).Append(part);
            gap = false;
        }

        return slug.ToString();
    }

    /// <summary>first.last@domain in lower-case ASCII.</summary>
    public static string Email(string first, string last, string domain) => $"{Slug(first, "-")}.{Slug(last, "-")}@{domain}";
}
