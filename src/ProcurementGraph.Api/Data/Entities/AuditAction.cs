namespace ProcurementGraph.Api.Data.Entities;

/// <summary>What a write did to a row.</summary>
[System.ComponentModel.Description("What an audited change did to an object.")]
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
