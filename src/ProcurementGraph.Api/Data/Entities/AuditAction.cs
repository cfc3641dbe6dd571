namespace ProcurementGraph.Api.Data.Entities;

/// <summary>What a write did to a row.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
