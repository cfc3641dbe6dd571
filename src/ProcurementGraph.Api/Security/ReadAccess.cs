namespace ProcurementGraph.Api.Security;

/// <summary>
/// Who may read a field (or call a mutation field): the column of the access table (<see cref="AccessRules"/>). The read
/// levels go from the widest to the narrowest; the last three are for <c>Mutation</c> fields only.
/// </summary>
public enum ReadAccess
{
    /// <summary>Any authenticated caller, with or without a role (<c>me</c>, paging structure).</summary>
    AnyCaller,

    /// <summary>The internal roles and partners: Reader, Editor, Admin, Rater, Partner.</summary>
    Shared,

    /// <summary>The internal roles: Reader, Editor, Admin, Rater. Not partners.</summary>
    Internal,

    /// <summary>Sensitive: Admin only (on <c>Mutation</c>: destructive changes, value drivers).</summary>
    Admin,

    /// <summary>Writes of the editors: Editor and Admin. Not partners.</summary>
    Editor,

    /// <summary>Rating writes: Rater and Admin (the row rules keep a rater to its business unit). Not partners.</summary>
    Rater,

    /// <summary>The partner portal's writes: the Partner role (the row rules keep it to its own supplier).</summary>
    Partner,
}
