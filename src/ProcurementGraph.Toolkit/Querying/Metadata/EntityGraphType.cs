using System.Globalization;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Querying.Expressions;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;
using ProcurementGraph.Toolkit.Relay;

namespace ProcurementGraph.Toolkit.Querying.Metadata;

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

    /// <summary>
    /// A decimal kept as a whole number of hundredths (<paramref name="hundredths"/>, e.g. cents). Filters, sorts and aggregates
    /// read it as the decimal <c>(decimal)(h / 100) + (decimal)(h % 100) / 100</c>, translated to SQL; selected, it loads
    /// <c>h</c> once and divides in memory (the decimal form reads <c>h</c> twice, and on SQLite through text conversions).
    /// </summary>
    protected FieldBuilder<object, object> Hundredths(string name, Expression<Func<TEntity, long>> hundredths, string description)
    {
        var units = hundredths.Body;
        var exact = Expression.Add(
            Expression.Convert(Expression.Divide(units, Expression.Constant(100L)), typeof(decimal)),
            Expression.Divide(Expression.Convert(Expression.Modulo(units, Expression.Constant(100L)), typeof(decimal)), Expression.Constant(100m)));
        return Add(new QueryField
        {
            Name = name,
            Kind = QueryFieldKind.Value,
            Expression = Expression.Lambda<Func<TEntity, decimal>>(exact, hundredths.Parameters),
            Read = hundredths,
            ValueType = typeof(decimal),
            Filterable = true,
            Sortable = true,
            ReadsRelations = ExpressionFacts.ReadsRelations(hundredths),
            Format = (value, _) => FixedPoint.FromHundredths((long)value!),
        }, ScalarTypes.GraphTypeOf(typeof(decimal), nonNull: true), description);
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

    /// <summary>
    /// A connection to the <typeparamref name="TTarget"/> rows no navigation reaches: those passing <paramref name="rows"/> whose
    /// <paramref name="targetKey"/> equals this row's <paramref name="ownerKey"/>, as a correlated subquery paged inside the same
    /// SQL as <see cref="Connection{TTarget}"/> (keyset cursors, <c>where</c>, <c>order</c>). Public, so that a feature can add
    /// such a field to other features' types; the field is not offered in this type's <c>where</c>.
    /// </summary>
    /// <param name="name">The field's name (and its connection type's: <c>{Name}Connection</c>).</param>
    /// <param name="rows">Which target rows belong to the relation at all, e.g. of one kind.</param>
    /// <param name="targetKey">The target's column matching the owner.</param>
    /// <param name="ownerKey">The owner's value the target's key equals.</param>
    /// <param name="targetTypeName">The GraphQL name of the target's entity type.</param>
    /// <param name="description">The field's description.</param>
    /// <param name="keyDescending">Without an <c>order</c>, the rows come by their key descending (newest first for increasing keys).</param>
    public FieldBuilder<object, object> KeyedConnection<TTarget, TKey>(
        string name, Expression<Func<TTarget, bool>> rows, Expression<Func<TTarget, TKey>> targetKey, Expression<Func<TEntity, TKey>> ownerKey,
        string targetTypeName, string description, bool keyDescending = false)
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targetKey);
        ArgumentNullException.ThrowIfNull(ownerKey);
        var owner = Expression.Parameter(typeof(TEntity), "o");
        var target = Expression.Parameter(typeof(TTarget), "t");
        var joined = Expression.Lambda<Func<TTarget, bool>>(
            Expression.Equal(ParameterReplacer.Apply(targetKey, target), ParameterReplacer.Apply(ownerKey, owner)), target);
        Expression<Func<IQueryable<TTarget>>> all = () => EntitySet.Of<TTarget>();
        var related = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TTarget)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TTarget)], all.Body, Expression.Quote(rows)),
            Expression.Quote(joined));
        var field = Add(new QueryField
        {
            Name = name,
            Kind = QueryFieldKind.Connection,
            Expression = Expression.Lambda<Func<TEntity, IEnumerable<TTarget>>>(related, owner),
            ValueType = typeof(TTarget),
            TargetTypeName = targetTypeName,
            ReadsRelations = true,
            Join = new KeyedJoin(ownerKey, targetKey),
            KeyDescending = keyDescending,
        }, new GraphQLTypeReference(TypeNames.Connection(name)), description);
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
