namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The life-cycle stage of a supplier relationship.</summary>
public enum SupplierStatus
{
    Prospect = 1,
    Onboarding = 2,
    Active = 3,
    Suspended = 4,
    Offboarded = 5,
}
