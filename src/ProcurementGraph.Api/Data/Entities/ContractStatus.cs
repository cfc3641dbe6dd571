namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The life-cycle stage of a contract.</summary>
[System.ComponentModel.Description("The life-cycle stage of a contract.")]
public enum ContractStatus
{
    Draft = 1,
    Active = 2,
    Expired = 3,
    Terminated = 4,
}
