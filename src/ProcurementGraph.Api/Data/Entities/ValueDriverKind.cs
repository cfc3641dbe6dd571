namespace ProcurementGraph.Api.Data.Entities;

/// <summary>What a business unit values in its suppliers.</summary>
[System.ComponentModel.Description("What a business unit values in its suppliers.")]
public enum ValueDriverKind
{
    Quality = 1,
    Delivery = 2,
    Responsiveness = 3,
    Innovation = 4,
    Cost = 5,
}
