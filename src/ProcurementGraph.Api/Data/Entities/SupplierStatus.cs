namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The life-cycle stage of a supplier relationship.</summary>
[System.ComponentModel.Description("The life-cycle stage of a supplier relationship.")]
public enum SupplierStatus
{
    Prospect = 1,
    Onboarding = 2,
    Active = 3,
    Suspended = 4,
    Offboarded = 5,
}
