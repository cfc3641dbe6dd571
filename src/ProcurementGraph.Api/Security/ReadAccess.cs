namespace ProcurementGraph.Api.Security;

/// <summary>Who may read a field: the column of the access table (<see cref="AccessRules"/>), from the widest to the narrowest.</summary>
public enum ReadAccess
{
    /// <summary>Any authenticated caller, with or without a role (<c>me</c>, paging structure).</summary>
    AnyCaller,

    /// <summary>The internal roles and partners: Reader, Editor, Admin, Rater, Partner.</summary>
    Shared,

    /// <summary>The internal roles: Reader, Editor, Admin, Rater. Not partners.</summary>
    Internal,

    /// <summary>Sensitive: Admin only.</summary>
    Admin,
}
