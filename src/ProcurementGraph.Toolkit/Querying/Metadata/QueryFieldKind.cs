namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>How a declared field is read from the database.</summary>
public enum QueryFieldKind
{
    /// <summary>A scalar: a column or an expression over the entity, inlined into the SQL.</summary>
    Value,

    /// <summary>A single related entity (a reference navigation), projected as a join.</summary>
    Reference,

    /// <summary>A related list, projected as a correlated subquery with <c>where</c>, <c>order</c> and <c>first</c>.</summary>
    List,

    /// <summary>A related list paged as a Relay connection inside the same SQL.</summary>
    Connection,
}
