namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The outcome of a supplier's latest compliance review.</summary>
public enum ComplianceStatus
{
    Compliant = 1,
    PendingReview = 2,
    NonCompliant = 3,
}
