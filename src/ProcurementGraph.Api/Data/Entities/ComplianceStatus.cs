namespace ProcurementGraph.Api.Data.Entities;

/// <summary>The outcome of a supplier's latest compliance review.</summary>
[System.ComponentModel.Description("The outcome of a supplier's latest compliance review.")]
public enum ComplianceStatus
{
    Compliant = 1,
    PendingReview = 2,
    NonCompliant = 3,
}
