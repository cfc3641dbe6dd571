using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Limits;

/// <summary>
/// Computes the field cost and type cost of an operation as HotChocolate's cost analyzer does (IBM GraphQL Cost Directives):
/// <list type="bullet">
/// <item>a field's type cost is the weight of its type (<c>@cost</c> on the type, else 1 for objects, interfaces and unions, 0 for leaves)
/// plus the type cost of its selection;</item>
/// <item>a field's field cost is its weight (<c>@cost</c>, else 1 for composite or list fields, 0 for leaves), plus each argument's
/// weight and the weights of the input fields it sets, plus the field cost of its selection;</item>
/// <item>a list field multiplies its type cost and its selection's field cost by its size: its <c>@listSize</c> slicing argument
/// (<c>first</c>/<c>last</c>), else <c>slicingArgumentDefaultValue</c>, else <c>assumedSize</c>, else 1; a connection's
/// <c>@listSize(sizedFields: ["edges", "nodes"])</c> sizes those children instead;</item>
/// <item>an abstract selection costs what its most expensive possible type costs; the root type adds its own weight.</item>
/// </list>
/// Unlike HotChocolate, which caches costs per document, the analysis runs per request and sees the variables: a slicing
/// argument or a filter given as a variable costs what its value costs written inline. Fields excluded by <c>@skip</c>/<c>@include</c>
/// cost nothing. Fields are collected and merged as the executor does (each fragment once per selection), and the cost of a merged
/// field is computed once, so fragment tricks cannot make the analysis itself expensive.
/// </summary>
internal sealed class CostAnalyzer
{
    private readonly ISchema _schema;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLVariableDefinition> _variableDefinitions = new(StringComparer.Ordinal);
    private readonly Inputs _variables;
    private readonly Func<ASTNode, bool> _include;
    private readonly CostOptions _options;
    private readonly Dictionary<FieldGroupKey, CostMetrics> _memo = [];
    private IObjectGraphType? _rootType;

    public CostAnalyzer(ISchema schema, GraphQLDocument document, Inputs? variables, Func<ASTNode, bool> include, CostOptions options)
    {
        _schema = schema;
        _variables = variables ?? Inputs.Empty;
        _include = include;
        _options = options;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public CostMetrics Analyze(GraphQLOperationDefinition operation)
    {
        _rootType = operation.Operation switch
        {
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => _schema.Query,
        };
        if (_rootType is null)
        {
            return default;
        }

        foreach (var variable in operation.Variables?.Items ?? [])
        {
            _variableDefinitions.TryAdd(variable.Variable.Name.StringValue, variable);
        }

        var selection = SelectionCost(_rootType, [operation.SelectionSet], sizing: null);
        return selection with { TypeCost = selection.TypeCost + TypeWeight(_rootType) };
    }

    /// <summary>The cost of the merged selection sets <paramref name="sets"/> on the object type <paramref name="type"/>.</summary>
    private CostMetrics SelectionCost(IObjectGraphType type, IReadOnlyList<GraphQLSelectionSet> sets, Sizing? sizing)
    {
        var groups = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            CollectFields(type, set, groups, visitedFragments);
        }

        var total = default(CostMetrics);
        foreach (var group in groups.Values)
        {
            total += FieldCost(type, group, sizing);
        }

        return total;
    }

    /// <summary>The spec's CollectFields: fields by response name, each fragment spread once, <c>@skip</c>/<c>@include</c> honoured.</summary>
    private void CollectFields(IObjectGraphType type, GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> groups, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            if (!_include(selection))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var responseName = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!groups.TryGetValue(responseName, out var group))
                    {
                        groups[responseName] = group = [];
                    }

                    group.Add(field);
                    break;
                case GraphQLInlineFragment inline when Applies(type, inline.TypeCondition):
                    CollectFields(type, inline.SelectionSet, groups, visitedFragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visitedFragments.Add(name) && _fragments.TryGetValue(name, out var fragment) && Applies(type, fragment.TypeCondition))
                    {
                        CollectFields(type, fragment.SelectionSet, groups, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool Applies(IObjectGraphType type, GraphQLTypeCondition? condition)
    {
        if (condition is null)
        {
            return true;
        }

        return _schema.AllTypes[condition.Type.Name.StringValue] switch
        {
            IObjectGraphType objectType => ReferenceEquals(objectType, type),
            IInterfaceGraphType interfaceType => type.ResolvedInterfaces.Contains(interfaceType),
            UnionGraphType union => union.PossibleTypes.Contains(type),
            _ => false,
        };
    }

    /// <summary>The cost of one response name: the fields of <paramref name="group"/> merged, as the executor merges them.</summary>
    private CostMetrics FieldCost(IObjectGraphType parent, List<GraphQLField> group, Sizing? sizing)
    {
        var first = group[0];
        var name = first.Name.StringValue;
        var definition = name switch
        {
            "__typename" => null,
            "__schema" => ReferenceEquals(parent, _rootType) ? _schema.SchemaMetaFieldType : null,
            "__type" => ReferenceEquals(parent, _rootType) ? _schema.TypeMetaFieldType : null,
            _ => parent.GetField(name),
        };
        if (definition?.ResolvedType is not { } fieldType)
        {
            return default; // __typename, or a field validation already reported
        }

        var sizedBy = IsList(fieldType) && definition.GetListSize() is null && sizing is { } parentSizing && parentSizing.SizedFields.Contains(name)
            ? parentSizing.Size
            : (double?)null;
        var key = new FieldGroupKey(parent, group, sizedBy ?? -1);
        if (_memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var typeCost = TypeWeight(fieldType.GetNamedType());
        var fieldCost = FieldWeight(definition, fieldType);
        foreach (var argument in first.Arguments?.Items ?? [])
        {
            if (definition.Arguments?.Find(argument.Name.StringValue) is { } argumentDefinition)
            {
                fieldCost += ArgumentWeight(argumentDefinition) + InputCost(argumentDefinition.ResolvedType, argument.Value);
            }
        }

        var listSize = definition.GetListSize();
        var isRootField = ReferenceEquals(parent, _rootType);
        var selectionFieldCost = 0.0;
        var children = group.Select(f => f.SelectionSet).OfType<GraphQLSelectionSet>().ToList();
        if (children.Count > 0 && fieldType.GetNamedType() is IComplexGraphType complex)
        {
            var childSizing = listSize is { SizedFields.Count: > 0 } ? new Sizing(listSize.SizedFields, ListSizeOf(first, listSize, isRootField)) : null;
            var selection = complex is IObjectGraphType objectType
                ? SelectionCost(objectType, children, childSizing)
                : MostExpensive(complex, children, childSizing);
            selectionFieldCost = selection.FieldCost;
            typeCost += selection.TypeCost;
        }

        if (IsList(fieldType))
        {
            var size = sizedBy ?? (listSize is null ? 1 : ListSizeOf(first, listSize, isRootField));
            typeCost *= size;
            selectionFieldCost *= size;
        }

        var cost = new CostMetrics(Math.Max(0, fieldCost + selectionFieldCost), typeCost);
        _memo[key] = cost;
        return cost;
    }

    /// <summary>An abstract selection costs what its most expensive possible type costs (each cost taken separately).</summary>
    private CostMetrics MostExpensive(IComplexGraphType type, List<GraphQLSelectionSet> children, Sizing? sizing)
    {
        var possibleTypes = type is IAbstractGraphType abstractType ? abstractType.PossibleTypes : (IEnumerable<IObjectGraphType>)[];
        var max = default(CostMetrics);
        foreach (var possibleType in possibleTypes)
        {
            var cost = SelectionCost(possibleType, children, sizing);
            max = new CostMetrics(Math.Max(max.FieldCost, cost.FieldCost), Math.Max(max.TypeCost, cost.TypeCost));
        }

        return max;
    }

    /// <summary>
    /// The size of a list by its <c>@listSize</c>: the largest slicing argument given, else <c>slicingArgumentDefaultValue</c>,
    /// else <c>assumedSize</c>, else 1. A root field counts at most <see cref="CostOptions.CountedRootPageSize"/> items.
    /// </summary>
    private double ListSizeOf(GraphQLField field, ListSize listSize, bool isRootField)
    {
        double? size = null;
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            if (listSize.SlicingArguments.Contains(argument.Name.StringValue) && IntValue(argument.Value) is { } value)
            {
                size = Math.Max(size ?? 0, Math.Max(0, value));
            }
        }

        size ??= listSize.SlicingArgumentDefaultValue ?? listSize.AssumedSize ?? 1;
        return isRootField ? Math.Min(size.Value, _options.CountedRootPageSize) : size.Value;
    }

    private double? IntValue(GraphQLValue value) => value switch
    {
        GraphQLIntValue literal => double.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        GraphQLVariable variable => _variables.TryGetValue(variable.Name.StringValue, out var raw)
            ? raw is null ? null : ToDouble(raw)
            : _variableDefinitions.TryGetValue(variable.Name.StringValue, out var definition) && definition.DefaultValue is { } defaultValue
                ? IntValue(defaultValue)
                : null,
        _ => null,
    };

    private static double? ToDouble(object raw)
    {
        try
        {
            return Convert.ToDouble(raw, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The weights of the input fields set in <paramref name="value"/> (a literal, or a variable's value), recursively.</summary>
    private double InputCost(IGraphType? type, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLObjectValue objectValue when type?.GetNamedType() is IInputObjectGraphType inputType:
                var cost = 0.0;
                foreach (var field in objectValue.Fields ?? [])
                {
                    if (inputType.GetField(field.Name.StringValue) is { } definition)
                    {
                        cost += InputFieldWeight(definition) + InputCost(definition.ResolvedType, field.Value);
                    }
                }

                return cost;
            case GraphQLListValue list:
                return (list.Values ?? []).Sum(item => InputCost(type, item));
            case GraphQLVariable variable:
                var name = variable.Name.StringValue;
                if (_variables.TryGetValue(name, out var raw))
                {
                    return RawInputCost(type, raw);
                }

                return _variableDefinitions.TryGetValue(name, out var variableDefinition) && variableDefinition.DefaultValue is { } defaultValue
                    ? InputCost(type, defaultValue)
                    : 0;
            default:
                return 0;
        }
    }

    /// <summary>Like <see cref="InputCost(IGraphType?, GraphQLValue)"/> over a variable's raw (JSON) value.</summary>
    private static double RawInputCost(IGraphType? type, object? raw)
    {
        switch (raw)
        {
            case IDictionary<string, object?> objectValue when type?.GetNamedType() is IInputObjectGraphType inputType:
                var cost = 0.0;
                foreach (var (name, fieldValue) in objectValue)
                {
                    if (inputType.GetField(name) is { } definition)
                    {
                        cost += InputFieldWeight(definition) + RawInputCost(definition.ResolvedType, fieldValue);
                    }
                }

                return cost;
            case System.Collections.IEnumerable items and not string and not IDictionary<string, object?>:
                return items.Cast<object?>().Sum(item => RawInputCost(type, item));
            default:
                return 0;
        }
    }

    private static bool IsList(IGraphType type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    /// <summary><c>@cost</c> on the type, else 1 for objects, interfaces and unions, 0 for scalars and enums.</summary>
    private static double TypeWeight(IGraphType type) =>
        type.GetCostWeight() ?? (type is IComplexGraphType or UnionGraphType ? 1 : 0);

    /// <summary><c>@cost</c> on the field, else 1 for a composite or list field, 0 for a leaf.</summary>
    private static double FieldWeight(FieldType field, IGraphType fieldType) =>
        field.GetCostWeight() ?? (IsList(fieldType) || fieldType.GetNamedType() is IComplexGraphType or UnionGraphType ? 1 : 0);

    /// <summary><c>@cost</c> on the argument, else 1 for an input object, 0 for a scalar or enum.</summary>
    private static double ArgumentWeight(QueryArgument argument) =>
        argument.GetCostWeight() ?? (argument.ResolvedType?.GetNamedType() is IInputObjectGraphType ? 1 : 0);

    /// <summary><c>@cost</c> on the input field, else 1 for an input object, 0 for a scalar or enum.</summary>
    private static double InputFieldWeight(FieldType field) =>
        field.GetCostWeight() ?? (field.ResolvedType?.GetNamedType() is IInputObjectGraphType ? 1 : 0);

    /// <summary>The list size a connection hands to its sized fields (<c>edges</c>, <c>nodes</c>).</summary>
    private sealed record Sizing(IReadOnlyList<string> SizedFields, double Size);

    /// <summary>Identifies a merged field by its parent type, its field nodes (by reference) and the size its parent gives it.</summary>
    private readonly struct FieldGroupKey(IObjectGraphType parent, List<GraphQLField> fields, double sizedBy) : IEquatable<FieldGroupKey>
    {
        private readonly IObjectGraphType _parent = parent;
        private readonly GraphQLField[] _fields = [.. fields];
        private readonly double _sizedBy = sizedBy;
        private readonly int _hash = Hash(parent, fields, sizedBy);

        public bool Equals(FieldGroupKey other) =>
            ReferenceEquals(_parent, other._parent)
            && _sizedBy.Equals(other._sizedBy)
            && _fields.Length == other._fields.Length
            && _fields.Zip(other._fields).All(pair => ReferenceEquals(pair.First, pair.Second));

        public override bool Equals(object? obj) => obj is FieldGroupKey other && Equals(other);

        public override int GetHashCode() => _hash;

        private static int Hash(IObjectGraphType parent, List<GraphQLField> fields, double sizedBy)
        {
            var hash = new HashCode();
            hash.Add(RuntimeHelpers.GetHashCode(parent));
            hash.Add(sizedBy);
            foreach (var field in fields)
            {
                hash.Add(RuntimeHelpers.GetHashCode(field));
            }

            return hash.ToHashCode();
        }
    }
}
