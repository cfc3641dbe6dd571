namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>The outcome of checking whether a caller may read one field of one type.</summary>
public enum FieldAuthorizationResult
{
    /// <summary>The field has no authorization metadata, or the caller satisfies all of it.</summary>
    Allowed,

    /// <summary>The field requires authorization and the caller is not authenticated.</summary>
    NotAuthenticated,

    /// <summary>The caller is authenticated but fails a role or policy the field requires.</summary>
    NotAuthorized,

    /// <summary>The field names a policy that is not registered; treated as denied.</summary>
    PolicyNotFound,
}
