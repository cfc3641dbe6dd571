using ProcurementGraph.Api.Data.Entities;
using static ProcurementGraph.Api.Data.Entities.CategoryStrategy;

namespace ProcurementGraph.Api.Data.Seeding;

/// <summary>The reference category tree: 8 roots, 18 sub-categories and 54 leaves (80 nodes).</summary>
internal static class CategoryCatalog
{
    public static IReadOnlyList<CategoryTemplate> Roots { get; } =
    [
        Root("IT", "Information Technology", Strategic, 250_000m, "Software, hardware and IT services for the whole organisation.",
            Sub("SW", "Software", Leverage, ["Software", "Systems", "Digital", "Data"], "Licensed and subscribed software.",
                Leaf("SAAS", "SaaS Subscriptions", Leverage), Leaf("LIC", "On-Premise Licences", Routine), Leaf("DEV", "Custom Development", Strategic)),
            Sub("HW", "Hardware", Leverage, ["Computers", "Technologies", "Electronics"], "Devices and data-centre equipment.",
                Leaf("END", "End-User Devices", Leverage), Leaf("SRV", "Servers & Storage", Leverage), Leaf("NET", "Network Equipment", Bottleneck)),
            Sub("SVC", "IT Services", Strategic, ["IT Services", "Cloud", "Networks", "Solutions"], "Operated and hosted IT services.",
                Leaf("CLOUD", "Cloud Infrastructure", Strategic), Leaf("MSP", "Managed Services", Strategic), Leaf("TEL", "Telecommunications", Leverage))),
        Root("RM", "Raw Materials", Strategic, 800_000m, "Direct materials that go into the products.",
            Sub("MET", "Metals", Strategic, ["Metals", "Steel", "Alloys", "Metalworks"], "Ferrous and non-ferrous metals.",
                Leaf("STEEL", "Steel", Leverage), Leaf("ALU", "Aluminium", Strategic), Leaf("COP", "Copper", Bottleneck)),
            Sub("CHEM", "Chemicals", Bottleneck, ["Chemicals", "Polymers", "Chemie", "Materials"], "Process chemicals, resins and gases.",
                Leaf("POLY", "Polymers & Resins", Strategic), Leaf("GAS", "Industrial Gases", Bottleneck), Leaf("SOLV", "Solvents", Routine)),
            Sub("PKG", "Packaging", Leverage, ["Packaging", "Pack", "Containers"], "Primary and transport packaging.",
                Leaf("CORR", "Corrugated Boxes", Leverage), Leaf("FILM", "Plastic Film", Leverage), Leaf("PAL", "Pallets", Routine))),
        Root("MRO", "MRO & Maintenance", Leverage, 60_000m, "Maintenance, repair and operations supplies and services for the plants.",
            Sub("SPARE", "Spare Parts & Supplies", Bottleneck, ["Industrial Supply", "Components", "Parts", "Tools"], "Replacement parts, tools and safety gear.",
                Leaf("BEAR", "Bearings & Seals", Leverage), Leaf("PPE", "Personal Protective Equipment", Routine), Leaf("HYD", "Hydraulics & Pneumatics", Bottleneck)),
            Sub("SVC", "Maintenance Services", Leverage, ["Engineering", "Maintenance", "Technical Services"], "Contracted maintenance and inspection.",
                Leaf("REP", "Machine Repair", Leverage), Leaf("CAL", "Calibration", Bottleneck), Leaf("INSP", "Inspection & Testing", Routine))),
        Root("LOG", "Logistics", Leverage, 300_000m, "Moving and storing goods, inbound and outbound.",
            Sub("FRT", "Freight", Leverage, ["Logistics", "Freight", "Transport", "Cargo"], "Transport by road, sea and air.",
                Leaf("ROAD", "Road Freight", Leverage), Leaf("OCEAN", "Ocean Freight", Strategic), Leaf("AIR", "Air Freight", Bottleneck)),
            Sub("WH", "Warehousing", Leverage, ["Logistics", "Distribution", "Warehousing"], "Storage, fulfilment and handling equipment.",
                Leaf("TPL", "Third-Party Logistics", Strategic), Leaf("COLD", "Cold Storage", Bottleneck), Leaf("MHE", "Material Handling Equipment", Leverage))),
        Root("PS", "Professional Services", Leverage, 150_000m, "Advice, expertise and temporary capacity bought from outside.",
            Sub("CONS", "Consulting & Legal", Strategic, ["Consulting", "Partners", "Advisory", "Associates"], "Management, IT and legal advice.",
                Leaf("MGMT", "Management Consulting", Strategic), Leaf("IT", "IT Consulting", Leverage), Leaf("LAW", "External Counsel", Bottleneck)),
            Sub("HR", "HR Services", Leverage, ["Staffing", "People", "Talent", "Academy"], "Temporary labour, recruitment and training.",
                Leaf("TEMP", "Temporary Labour", Leverage), Leaf("RECR", "Recruitment", Leverage), Leaf("TRAIN", "Training", Routine))),
        Root("FAC", "Facilities", Routine, 120_000m, "Running and looking after offices, sites and plants.",
            Sub("SVC", "Facility Services", Leverage, ["Facility Services", "Services", "Security", "Clean"], "Soft services on site.",
                Leaf("CLEAN", "Cleaning", Leverage), Leaf("SEC", "Security Services", Leverage), Leaf("CATER", "Catering", Routine)),
            Sub("RE", "Real Estate", Strategic, ["Properties", "Real Estate", "Interiors", "Building"], "Leases, fit-out and building upkeep.",
                Leaf("LEASE", "Office Leases", Strategic), Leaf("MAINT", "Building Maintenance", Leverage), Leaf("FIT", "Fit-Out & Furniture", Routine))),
        Root("MKT", "Marketing", Leverage, 100_000m, "Bought-in media, agencies, events and promotion.",
            Sub("MEDIA", "Media & Events", Leverage, ["Media", "Digital", "Events"], "Paid media across channels, trade shows.",
                Leaf("DIG", "Digital Advertising", Leverage), Leaf("SHOW", "Trade Shows", Leverage), Leaf("PRINT", "Print Services", Routine)),
            Sub("AGY", "Agencies", Strategic, ["Creative", "Studio", "Communications", "Insights"], "Creative, PR and research agencies.",
                Leaf("CREA", "Creative Agencies", Strategic), Leaf("RES", "Market Research", Bottleneck), Leaf("PR", "Public Relations", Leverage))),
        Root("NRG", "Energy", Strategic, 500_000m, "Electricity and fuels for sites and fleet.",
            Sub("POW", "Electricity", Strategic, ["Energy", "Power", "Renewables", "Solar"], "Grid and renewable electricity.",
                Leaf("GRID", "Grid Power", Leverage), Leaf("PPA", "Renewable PPAs", Strategic), Leaf("GEN", "On-Site Generation", Bottleneck)),
            Sub("FUEL", "Fuels", Leverage, ["Energy", "Fuels", "Petroleum", "Gas"], "Natural gas and fuels.",
                Leaf("NGAS", "Natural Gas", Strategic), Leaf("DSL", "Diesel", Leverage), Leaf("CARD", "Fleet Fuel Cards", Routine))),
    ];

    private static CategoryTemplate Root(string code, string name, CategoryStrategy strategy, decimal typicalValue, string description, params CategoryTemplate[] children) =>
        new(code, name, strategy, description, typicalValue, [], children);

    private static CategoryTemplate Sub(string code, string name, CategoryStrategy strategy, string[] words, string description, params CategoryTemplate[] children) =>
        new(code, name, strategy, description, 0m, words, children);

    private static CategoryTemplate Leaf(string code, string name, CategoryStrategy strategy) =>
        new(code, name, strategy, string.Empty, 0m, [], []);
}
