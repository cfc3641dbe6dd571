namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>A country suppliers come from.</summary>
/// <param name="Code">ISO 3166 alpha-2 code.</param>
/// <param name="Weight">Relative share of suppliers.</param>
/// <param name="Locale">Bogus locale for people's names, or null where names are not in Latin script.</param>
/// <param name="Currency">ISO 4217 currency contracts are often signed in.</param>
/// <param name="PerUsd">Units of <paramref name="Currency"/> per US dollar (reporting currency).</param>
/// <param name="Tld">Web domain suffix.</param>
/// <param name="LegalForms">Legal-form suffixes of company names.</param>
/// <param name="Cities">Industrial cities.</param>
/// <param name="Emerging">Whether suppliers there carry somewhat higher supply risk.</param>
internal sealed record SupplierCountry(
    string Code,
    int Weight,
    string? Locale,
    string Currency,
    decimal PerUsd,
    string Tld,
    IReadOnlyList<string> LegalForms,
    IReadOnlyList<string> Cities,
    bool Emerging = false);
