namespace ProcurementGraph.Api.Security;

/// <summary>The app roles of the Entra app registration (docs/SECURITY.md).</summary>
public static class ProcurementRoles
{
    /// <summary>Reads everything except the sensitive fields.</summary>
    public const string Reader = "Procurement.Reader";

    /// <summary>Reader, and creates and updates suppliers, contracts, categories and goals.</summary>
    public const string Editor = "Procurement.Editor";

    /// <summary>Editor, and the sensitive fields and destructive changes.</summary>
    public const string Admin = "Procurement.Admin";

    /// <summary>Reader, and submits ratings for their own business unit.</summary>
    public const string Rater = "Stakeholder.Rater";

    /// <summary>A supplier's portal: its own supplier's data only. Wins over any internal role on the same token.</summary>
    public const string Partner = "Partner";

    /// <summary>The roles of the organisation's own people and systems.</summary>
    public static IReadOnlyList<string> Internal { get; } = [Reader, Editor, Admin, Rater];

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin, Rater, Partner];
}
