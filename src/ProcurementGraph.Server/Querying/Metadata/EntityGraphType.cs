using System.Globalization;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using ProcurementGraph.Server.Querying.Paging;
using ProcurementGraph.Server.Querying.Projection;
using ProcurementGraph.Server.Relay;

namespace ProcurementGraph.Server.Querying.Metadata;

/// <summary>
/// An object type over an entity. Each field is declared once as an expression over the entity; the
/// toolkit projects it into the SQL <c>Select</c>, and filters and sorts on it. Results are <see cref="Row"/>s.
/// </summary>
public abstract class EntityGraphType<TEntity> : ObjectGraphType<object>, IEntityGraphType
    where TEntity : class
{
    private readonly Dictionary<string, QueryField> _fields = [];
    private LambdaExpression? _key;

    protected EntityGraphType()
    {
        IsTypeOf = value => value is Row row && ReferenceEquals(row.Shape.Entity, this);
    }

    public Type EntityType => typeof(TEntity);

    public LambdaExpression Key => _key ?? throw new InvalidOperationException($"{Name} declares no key.");

    public IReadOnlyDictionary<string, QueryField> QueryFields => _fields;

    /// <summary>Declares the primary key (the last sort key, and the key inside global IDs).</summary>
    protected void HasKey<TKey>(Expression<Func<TEntity, TKey>> key) => _key = key;

    /// <summary><c>id: ID!</c>, the Relay global ID (<c>base64("Type:key")</c>); the type implements <c>Node</c>.</summary>
    protected FieldBuilder<object, object> Id(string description)
    {
        Interface<NodeGraphType>();
        var typeName = Name;
        return Add(new QueryField
        {
            Name = "id",
            Kind = QueryFieldKind.Value,
            Expression = Key,
            ValueType = Key.ReturnType,
            TargetTypeName = typeName,
            IsGlobalId = true,
            Filterable = true,
            Sortable = true, // HotChocolate's `id: SortEnumType`: orders by the key
            Format = (value, _) => GlobalId.Encode(typeName, Convert.ToString(value, CultureInfo.InvariantCulture)!),
        }, new NonNullGraphType(new IdGraphType()), description);
    }

    /// <summary>A scalar: a column or any translatable expression (inlined into the SQL; filterable and sortable).</summary>
    protected FieldBuilder<object, object> Value<TValue>(
        string name, Expression<Func<TEntity, TValue>> expression, string description, bool sortable = true, bool filterable = true)
    {
        var graphType = ScalarTypes.GraphTypeOf(typeof(TValue), nonNull: !ExpressionFacts.IsNullable(expression));
        return Add(new QueryField
        {
            Name = name,
            Kind = QueryFieldKind.Value,
            Expression = expression,
            ValueType = typeof(TValue),
            Filterable = filterable,
            Sortable = sortable,
            ReadsRelations = ExpressionFacts.ReadsRelations(expression),
        }, graphType, description);
    }

    /// <summary>A value computed in memory from columns the expression loads (loaded even when they are not selected).</summary>
    protected FieldBuilder<object, object> Computed<TInput, TValue>(
        string name, Expression<Func<TEntity, TInput>> input, Func<TInput, IResolveFieldContext, TValue> compute, string description)
    {
        var nonNull = typeof(TValue).IsValueType && Nullable.GetUnderlyingType(typeof(TValue)) is null;
        return Add(new QueryField
        {
            Name = name,
            Kind = QueryFieldKind.Value,
            Expression = input,
            ValueType = typeof(TValue),
            ReadsRelations = ExpressionFacts.ReadsRelations(input),
            Format = (value, context) => compute((TInput)value!, context),
        }, ScalarTypes.GraphTypeOf(typeof(TValue), nonNull), description);
    }

    /// <summary>A related object (a reference navigation or any object-valued expression), joined into the SQL.</summary>
    protected FieldBuilder<object, object> Reference<TTarget>(
        string name, Expression<Func<TEntity, TTarget>> navigation, string targetTypeName, string description, bool nullable = true)
    {
        IGraphType type = new GraphQLTypeReference(targetTypeName);
        return Add(new QueryField
        {
            Name = name,
            Kind = QueryFieldKind.Reference,
            Expression = navigation,
            ValueType = typeof(TTarget),
            TargetTypeName = targetTypeName,
            Filterable = true,
            Sortable = true,
            ReadsRelations = true,
            NullCheck = nullable,
        }, nullable ? type : new NonNullGraphType(type), description);
    }

    /// <summary>A related list <c>[Target!]!</c> with <c>where</c>, <c>order</c> and <c>first</c>, projected into the same SQL.</summary>
    protected FieldBuilder<object, object> List<TTarget>(
        string name, Expression<Func<TEntity, IEnumerable<TTarget>>> navigation, string targetTypeName, string description)
    {
        var field = Add(Relation(name, QueryFieldKind.List, navigation, typeof(TTarget), targetTypeName),
            new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(targetTypeName)))), description);
        return field
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument(new GraphQLTypeReference(TypeNames.Filter(targetTypeName)), "where")
            .Argument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(TypeNames.Sort(targetTypeName)))), "order");
    }

    /// <summary>A related list as a Relay connection (keyset cursors, <c>where</c>, <c>order</c>), paged inside the same SQL.</summary>
    protected FieldBuilder<object, object> Connection<TTarget>(
        string name, Expression<Func<TEntity, IEnumerable<TTarget>>> navigation, string targetTypeName, string description)
    {
        var field = Add(Relation(name, QueryFieldKind.Connection, navigation, typeof(TTarget), targetTypeName),
            new GraphQLTypeReference(TypeNames.Connection(name)), description);
        ConnectionArguments.AddTo(field.FieldType, targetTypeName);
        return field;
    }

    private static QueryField Relation(string name, QueryFieldKind kind, LambdaExpression navigation, Type target, string targetTypeName) => new()
    {
        Name = name,
        Kind = kind,
        Expression = navigation,
        ValueType = target,
        TargetTypeName = targetTypeName,
        Filterable = true,
        ReadsRelations = true,
    };

    private FieldBuilder<object, object> Add(QueryField queryField, IGraphType graphType, string description)
    {
        _fields.Add(queryField.Name, queryField);
        return Field(queryField.Name, graphType).Description(description).Resolve(Row.ResolveField);
    }

    private FieldBuilder<object, object> Add(QueryField queryField, Type graphType, string description)
    {
        _fields.Add(queryField.Name, queryField);
        return Field(queryField.Name, graphType).Description(description).Resolve(Row.ResolveField);
    }
}
