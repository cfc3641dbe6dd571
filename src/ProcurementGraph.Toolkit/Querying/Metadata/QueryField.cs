using System.Linq.Expressions;
using GraphQL;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

/// <summary>
/// One field of an entity graph type, declared once: the expression over the entity serves projection,
/// filtering and sorting alike, so a derived field is filterable and sortable with no extra code.
/// </summary>
public sealed class QueryField
{
    public required string Name { get; init; }

    public required QueryFieldKind Kind { get; init; }

    /// <summary><c>entity =&gt; value</c>; for relations <c>entity =&gt; related</c> or <c>entity =&gt; related list</c>.</summary>
    public required LambdaExpression Expression { get; init; }

    /// <summary>
    /// What a projection loads when the field is selected, where it differs from <see cref="Expression"/> (which filters, sorts
    /// and aggregates read): <see cref="Format"/> turns it into the field's value.
    /// </summary>
    public LambdaExpression? Read { get; init; }

    /// <summary>The loaded value is not the field's value until <see cref="Format"/> turns it into it, and <see cref="Expression"/> does not give it either.</summary>
    public bool FormatsInMemory => Format is not null && Read is null;

    /// <summary>The CLR type of the value; for lists, the element type.</summary>
    public required Type ValueType { get; init; }

    /// <summary>The GraphQL name of the related entity type (relations only).</summary>
    public string? TargetTypeName { get; init; }

    /// <summary>May appear in <c>where</c>.</summary>
    public bool Filterable { get; init; }

    /// <summary>May appear in <c>order</c>.</summary>
    public bool Sortable { get; init; }

    /// <summary>The value is a global ID: filters take global IDs of <see cref="TargetTypeName"/>.</summary>
    public bool IsGlobalId { get; init; }

    /// <summary>Turns the loaded value into the field's result (in memory), e.g. a computed field or an ID encoding.</summary>
    public Func<object?, IResolveFieldContext, object?>? Format { get; init; }

    /// <summary>A reference that may be null: projected as <c>x == null ? null : ...</c>.</summary>
    public bool NullCheck { get; init; }

    /// <summary>The expression reads other tables; inside a paged nested list it is batch-loaded instead of joined.</summary>
    public bool ReadsRelations { get; init; }

    /// <summary>A relation that is no navigation: how its rows join the owner's (narrows nested pages to the owners' rows).</summary>
    public KeyedJoin? Join { get; init; }

    /// <summary>A connection whose rows come by key descending when no <c>order</c> is given (newest first for increasing keys).</summary>
    public bool KeyDescending { get; init; }
}
