using static ProcurementGraph.Api.Data.Entities.ValueDriverKind;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>Twelve internal customers with deliberately different value-driver profiles.</summary>
internal static class BusinessUnitCatalog
{
    public static IReadOnlyList<BusinessUnitTemplate> Units { get; } =
    [
        new("MFG-EU", "Manufacturing Europe", "EMEA", ["RM", "MRO", "LOG", "NRG"], [(Quality, 0.30), (Delivery, 0.30), (Cost, 0.25), (Responsiveness, 0.10), (Innovation, 0.05)]),
        new("MFG-NA", "Manufacturing North America", "Americas", ["RM", "MRO", "LOG", "NRG"], [(Delivery, 0.35), (Cost, 0.30), (Quality, 0.25), (Responsiveness, 0.10)]),
        new("RND", "Research & Development", "Global", ["IT", "PS", "RM"], [(Innovation, 0.40), (Quality, 0.25), (Responsiveness, 0.20), (Delivery, 0.10), (Cost, 0.05)]),
        new("SALES-EMEA", "Sales EMEA", "EMEA", ["MKT", "IT", "FAC"], [(Responsiveness, 0.35), (Delivery, 0.25), (Quality, 0.20), (Cost, 0.20)]),
        new("SALES-APAC", "Sales Asia-Pacific", "APAC", ["MKT", "LOG", "IT"], [(Responsiveness, 0.30), (Cost, 0.30), (Delivery, 0.25), (Quality, 0.15)]),
        new("HR", "Human Resources", "Global", ["PS", "FAC", "IT"], [(Responsiveness, 0.40), (Cost, 0.35), (Quality, 0.25)]),
        new("FIN", "Finance", "Global", ["PS", "IT"], [(Cost, 0.50), (Quality, 0.30), (Responsiveness, 0.20)]),
        new("ITOPS", "IT Operations", "Global", ["IT", "PS", "NRG"], [(Quality, 0.30), (Responsiveness, 0.30), (Innovation, 0.20), (Cost, 0.20)]),
        new("SCM", "Supply Chain & Logistics", "Global", ["LOG", "RM", "MRO"], [(Delivery, 0.45), (Cost, 0.30), (Responsiveness, 0.25)]),
        new("MKTG", "Marketing & Communications", "Global", ["MKT", "PS"], [(Innovation, 0.35), (Responsiveness, 0.30), (Quality, 0.20), (Cost, 0.15)]),
        new("FACM", "Facilities & Real Estate", "EMEA", ["FAC", "NRG", "MRO"], [(Cost, 0.40), (Responsiveness, 0.35), (Quality, 0.25)]),
        new("CS", "Customer Service", "Americas", ["IT", "PS", "LOG"], [(Responsiveness, 0.50), (Quality, 0.30), (Delivery, 0.20)]),
    ];
}
