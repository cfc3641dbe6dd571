using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// <c>{Entity}AggregateHavingInput</c>: a filter on groups by their aggregate values, in HotChocolate's filter style
/// (<c>{ count: { gt: 10 }, sum: { annualValue: { gte: 1000000 } } }</c>; <c>and</c>/<c>or</c> combine).
/// </summary>
[DoNotRegister]
public sealed class AggregateHavingInputGraphType : InputObjectGraphType
{
    public AggregateHavingInputGraphType(AggregateModel model)
    {
        Name = AggregateNames.Having(model.Name);
        Description = $"Filters groups of `{model.Name}` rows by their aggregate values: every field given must match.";
        Field(name: "and", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(Name)))).Description("Every filter of the list must match.");
        Field(name: "or", type: new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(Name)))).Description("At least one filter of the list must match.");
        Field(name: "count", type: new GraphQLTypeReference(AggregateTypes.OperationInput(typeof(int)))).Description("The number of rows in the group.");
        foreach (var function in AggregateNames.ValueFunctions.Where(f => AggregateTypes.HasValues(model, f)))
        {
            Field(name: AggregateNames.Field(function), type: new GraphQLTypeReference(AggregateNames.ValuesFilter(model.Name, function)))
                .Description($"Filters on the groups' {AggregateNames.Field(function)} values.");
        }
    }
}

/// <summary><c>{Entity}Aggregate{Function}FilterInput</c>: one operation input per measure (or key, for <c>countDistinct</c>).</summary>
[DoNotRegister]
public sealed class AggregateValuesFilterInputGraphType : InputObjectGraphType
{
    public AggregateValuesFilterInputGraphType(AggregateModel model, AggregateFunction function)
    {
        Name = AggregateNames.ValuesFilter(model.Name, function);
        Description = $"Filters groups of `{model.Name}` rows by their {AggregateNames.Field(function)} values: every field given must match.";
        foreach (var (name, type, description) in AggregateTypes.ValueFields(model, function))
        {
            Field(name: name, type: new GraphQLTypeReference(AggregateTypes.OperationInput(type))).Description(description);
        }
    }
}

/// <summary>
/// <c>{Entity}AggregateSortInput</c>: orders groups by key fields and aggregate values, in list order and field order; the
/// grouped keys are always the last sort keys, so the order is total and cursors are positions.
/// </summary>
[DoNotRegister]
public sealed class AggregateSortInputGraphType : InputObjectGraphType
{
    public AggregateSortInputGraphType(AggregateModel model)
    {
        Name = AggregateNames.Sort(model.Name);
        Description = $"Orders groups of `{model.Name}` rows by the given keys and values, in order; the grouped keys are always the last sort keys.";
        Field(name: "key", type: new GraphQLTypeReference(AggregateNames.KeySort(model.Name))).Description("By grouped keys (an object key by its ID).");
        Field(name: "count", type: new GraphQLTypeReference(TypeNames.SortEnum)).Description("By the number of rows in the group.");
        foreach (var function in AggregateNames.ValueFunctions.Where(f => AggregateTypes.HasValues(model, f)))
        {
            Field(name: AggregateNames.Field(function), type: new GraphQLTypeReference(AggregateNames.ValuesSort(model.Name, function)))
                .Description($"By the groups' {AggregateNames.Field(function)} values.");
        }
    }
}

/// <summary><c>{Entity}AggregateKeySortInput</c> and <c>{Entity}Aggregate{Function}SortInput</c>: a <c>SortEnumType</c> per key or measure.</summary>
[DoNotRegister]
public sealed class AggregateValuesSortInputGraphType : InputObjectGraphType
{
    /// <param name="model">The aggregate.</param>
    /// <param name="function">The function whose values are sorted by; null for the keys.</param>
    public AggregateValuesSortInputGraphType(AggregateModel model, AggregateFunction? function)
    {
        Name = function is { } values ? AggregateNames.ValuesSort(model.Name, values) : AggregateNames.KeySort(model.Name);
        Description = function is { } named
            ? $"Orders groups of `{model.Name}` rows by their {AggregateNames.Field(named)} values."
            : $"Orders groups of `{model.Name}` rows by grouped keys; an object key orders by its ID, a key must be grouped by to order by it.";
        var fields = function is { } of
            ? AggregateTypes.ValueFields(model, of).Select(f => (f.Name, f.Description))
            : model.Keys.Select(k => (k.Name, k.Definition.Description));
        foreach (var (name, description) in fields)
        {
            Field(name: name, type: new GraphQLTypeReference(TypeNames.SortEnum)).Description(description);
        }
    }
}
