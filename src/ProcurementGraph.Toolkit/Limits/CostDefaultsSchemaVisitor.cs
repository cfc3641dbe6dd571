using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Sorting;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Puts HotChocolate's default cost directives on the schema while it initializes (HotChocolate's <c>CostTypeInterceptor</c>
/// with <c>ApplyCostDefaults</c>), so the SDL shows the weights the analysis uses:
/// <list type="bullet">
/// <item>root fields (they start a statement, HotChocolate's resolver cost): <c>@cost(weight: "10")</c>;</item>
/// <item>connections: <c>@listSize(assumedSize: 50, slicingArguments: ["first", "last"], slicingArgumentDefaultValue: 10,
/// sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)</c>; <c>totalCount @cost(weight: "10")</c>. Nested
/// connections are projected into their root's statement and keep weight 1, as HotChocolate's projected nested paging does;</item>
/// <item>relation lists: <c>@listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)</c>: <c>first</c> when given,
/// else 1 (HotChocolate leaves plain lists at 1);</item>
/// <item>aggregate root fields (<c>GROUP BY</c>): the root weight plus <see cref="CostOptions.GroupingCost"/>
/// (<c>@cost(weight: "60")</c>), sized as connections of groups;</item>
/// <item><c>where</c>, <c>having</c> and <c>order</c> arguments, filter operations and sort fields: <c>@cost(weight: "10")</c>
/// (<c>"20"</c> for the operations of cost class <see cref="FilterOperationCost.Expensive"/>: <c>contains</c>, <c>startsWith</c>, <c>endsWith</c> and their negations).</item>
/// </list>
/// Weights declared by the schema itself are kept. Page sizes come from <see cref="PageSizeRules"/>.
/// </summary>
public sealed class CostDefaultsSchemaVisitor(GraphQLLimitsOptions options, PageSizeRules pageSizes) : BaseSchemaNodeVisitor
{

    private readonly CostOptions _cost = options.Cost;

    // Connections, root ones included, are sized by the nested rule: a root's count is capped by CountedRootPageSize, and
    // the assumed size is part of the schema contract (@listSize(assumedSize: 50, slicingArgumentDefaultValue: 10)).
    private ListSize ConnectionSize => new(pageSizes.NestedConnection.Max, ["first", "last"], pageSizes.NestedConnection.Default, ["edges", "nodes"], RequireOneSlicingArgument: false);

    private ListSize ListSize => new(null, ["first"], pageSizes.NestedList.Default, [], RequireOneSlicingArgument: false);

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (type.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return;
        }

        if (field.GetMetadata<AggregateDefinition?>(AggregateFields.DefinitionKey) is not null)
        {
            // A GROUP BY reads every row the filter keeps, however few groups it returns: a list of groups plus the grouping.
            field.ApplyCost(_cost.ResolverCost + _cost.GroupingCost);
            field.ApplyListSize(ConnectionSize);
        }
        else if (field.GetMetadata<string>(TypeNames.ConnectionNodeKey) is not null)
        {
            field.ApplyListSize(ConnectionSize);
        }
        else if (type is IEntityGraphType entity && entity.QueryFields.TryGetValue(field.Name, out var queryField) && queryField.Kind == QueryFieldKind.List)
        {
            field.ApplyListSize(ListSize);
        }
        else if (type is ConnectionGraphType or AggregateConnectionGraphType && field.Name == "totalCount")
        {
            field.ApplyCost(_cost.TotalCountCost);
        }

        if (IsRoot(type, schema))
        {
            field.ApplyCost(_cost.ResolverCost);
        }
    }

    public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema)
    {
        switch (argument.ResolvedType?.GetNamedType())
        {
            case EntityFilterInputGraphType:
                argument.ApplyCost(_cost.FilterArgumentCost);
                break;
            case EntitySortInputGraphType or AggregateSortInputGraphType:
                argument.ApplyCost(_cost.SortArgumentCost);
                break;
            case AggregateHavingInputGraphType:
                argument.ApplyCost(_cost.FilterArgumentCost);
                break;
        }
    }

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
    {
        switch (type)
        {
            case OperationFilterInputGraphType when FilterOperations.TryGet(field.Name, out var operation): // and/or are not operations
                field.ApplyCost(operation.Cost == FilterOperationCost.Expensive ? _cost.ExpensiveFilterOperationCost : _cost.FilterOperationCost);
                break;
            case ListFilterInputGraphType:
                field.ApplyCost(_cost.FilterOperationCost);
                break;
            case EntitySortInputGraphType or AggregateSortInputGraphType or AggregateValuesSortInputGraphType
                when field.ResolvedType?.GetNamedType() is SortEnumGraphType:
                field.ApplyCost(_cost.SortOperationCost);
                break;
        }
    }

    private static bool IsRoot(IObjectGraphType type, ISchema schema) =>
        ReferenceEquals(type, schema.Query) || ReferenceEquals(type, schema.Mutation) || ReferenceEquals(type, schema.Subscription);
}
