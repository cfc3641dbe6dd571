using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Filtering;
using ProcurementGraph.Toolkit.Querying.Metadata;

namespace ProcurementGraph.Toolkit.Querying.Aggregates;

/// <summary>
/// Generates the types of every aggregate root field (<see cref="AggregateFields"/>) when the schema is built: the connection
/// and edge, the group, key and value types, the <c>groupBy</c> enum and the <c>having</c> and <c>order</c> inputs.
/// Each output field carries the schema fields it reads (<see cref="SourcesKey"/>), so an application can give it the
/// field rules of its sources: no aggregate over a field the caller may not read.
/// </summary>
public static class AggregateTypes
{
    /// <summary>Field metadata key: the <see cref="FieldSource"/>s an aggregate output field reads (empty for structure).</summary>
    public const string SourcesKey = "querying:aggregateSources";

    /// <summary>The entity fields an aggregate output field reads; null when <paramref name="field"/> is not one.</summary>
    public static IReadOnlyList<FieldSource>? SourcesOf(FieldType field) => field.GetMetadata<IReadOnlyList<FieldSource>?>(SourcesKey);

    /// <summary>Adds the types of the aggregate root fields among <paramref name="roots"/>' fields to <paramref name="types"/>.</summary>
    public static void Register(Dictionary<string, IGraphType> types, IReadOnlyDictionary<string, IEntityGraphType> entities, IEnumerable<IComplexGraphType> roots)
    {
        foreach (var field in roots.SelectMany(root => root.Fields))
        {
            if (field.GetMetadata<AggregateDefinition?>(AggregateFields.DefinitionKey) is not { } definition)
            {
                continue;
            }

            var model = new AggregateModel(definition, entities);
            field.Metadata[AggregateFields.ModelKey] = model;
            var group = AggregateNames.Group(model.Name);
            TryAdd(types, TypeNames.Connection(field.Name), () => new AggregateConnectionGraphType(field.Name, group));
            TryAdd(types, group, () => new AggregateGraphType(model));
            TryAdd(types, AggregateNames.Key(model.Name), () => new AggregateKeyGraphType(model));
            TryAdd(types, AggregateNames.GroupBy(model.Name), () => new GroupByGraphType(model));
            TryAdd(types, AggregateNames.Having(model.Name), () => new AggregateHavingInputGraphType(model));
            TryAdd(types, AggregateNames.Sort(model.Name), () => new AggregateSortInputGraphType(model));
            TryAdd(types, AggregateNames.KeySort(model.Name), () => new AggregateValuesSortInputGraphType(model, function: null));
            TryAdd(types, TypeNames.SortEnum, () => new Sorting.SortEnumGraphType());
            Operation(types, typeof(int));
            foreach (var function in AggregateNames.ValueFunctions.Where(f => HasValues(model, f)))
            {
                TryAdd(types, AggregateNames.Values(model.Name, function), () => new AggregateValuesGraphType(model, function));
                TryAdd(types, AggregateNames.ValuesFilter(model.Name, function), () => new AggregateValuesFilterInputGraphType(model, function));
                TryAdd(types, AggregateNames.ValuesSort(model.Name, function), () => new AggregateValuesSortInputGraphType(model, function));
                foreach (var (_, type, _) in ValueFields(model, function))
                {
                    Operation(types, type);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="function"/> has values for <paramref name="model"/> (a measure it applies to, or a key).</summary>
    public static bool HasValues(AggregateModel model, AggregateFunction function) =>
        function == AggregateFunction.CountDistinct ? model.Keys.Count > 0 : model.MeasuresOf(function).Any();

    /// <summary>The fields of <paramref name="function"/>'s value type: name, CLR type of the value, description.</summary>
    public static IEnumerable<(string Name, Type Type, string Description)> ValueFields(AggregateModel model, AggregateFunction function) =>
        function == AggregateFunction.CountDistinct
            ? model.Keys.Select(k => (k.Name, typeof(int), $"Distinct non-null values of the key `{k.Name}` ({k.Value})."))
            : model.MeasuresOf(function).Select(m => (m.Name, m.ResultType(function), m.Description));

    /// <summary>The name of HotChocolate's operation input filtering values of <paramref name="clrType"/>.</summary>
    public static string OperationInput(Type clrType) => TypeNames.Operation(ScalarTypes.OperationPrefix(clrType, EnumNames.Of));

    /// <summary>The nullable graph type of a value of <paramref name="clrType"/>.</summary>
    internal static Type Scalar(Type clrType) => ScalarTypes.GraphTypeOf(clrType, nonNull: false);

    /// <summary>Adds an output field resolved by <paramref name="resolve"/>, reading <paramref name="sources"/>.</summary>
    /// <param name="type">The type to add the field to.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="graphType">A graph type instance or a graph type's CLR type.</param>
    /// <param name="description">The field's description.</param>
    /// <param name="resolve">The resolver.</param>
    /// <param name="sources">The schema fields the value reads.</param>
    internal static void Add(IComplexGraphType type, string name, object graphType, string description, Func<IResolveFieldContext, object?> resolve, IReadOnlyList<FieldSource> sources)
    {
        var field = new FieldType { Name = name, Description = description, Resolver = new FuncFieldResolver<object>(resolve) };
        if (graphType is Type clrType)
        {
            field.Type = clrType;
        }
        else
        {
            field.ResolvedType = (IGraphType)graphType;
        }

        field.Metadata[SourcesKey] = sources;
        type.AddField(field);
    }

    private static void Operation(Dictionary<string, IGraphType> types, Type clrType) =>
        TryAdd(types, OperationInput(clrType), () => OperationFilterInputGraphType.For(clrType));

    private static void TryAdd(Dictionary<string, IGraphType> types, string name, Func<IGraphType> create)
    {
        if (!types.ContainsKey(name))
        {
            types[name] = create();
        }
    }
}
