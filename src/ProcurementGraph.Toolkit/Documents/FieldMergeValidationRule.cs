using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// The spec's "field selections must merge" rule (5.3.2) in time near-linear in the document, replacing GraphQL.NET's
/// <see cref="GraphQL.Validation.Rules.OverlappingFieldsCanBeMerged"/>, which compares selections pairwise and fragments
/// pairwise (quadratic in repeated selections, worse in fragments: 2,000 fragments took 53 s).
/// <para>
/// As HotChocolate's rule does (the "merge, then compare" algorithm XING published): the fields of each operation are
/// collected by response name with fragments expanded, and two passes run over each group, every field compared with the
/// group's first only: every field of a response name must have the same response shape, and
/// fields that can apply to the same object (same object parent, or an abstract one) must have the same name and
/// arguments. Each pass then merges the group's sub-selections and recurses. Errors use HotChocolate's messages and
/// GraphQL.NET's code <c>OVERLAPPING_FIELDS_CAN_BE_MERGED</c>.
/// </para>
/// </summary>
public sealed class FieldMergeValidationRule : ValidationRuleBase
{
    public static readonly FieldMergeValidationRule Instance = new();

    /// <summary>Collected fields after which the rule stops: only a document built to multiply its abstract selections gets there.</summary>
    internal const int Budget = 200_000;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        new FieldMergeChecker(context).CheckOperations();
        return default;
    }
}

/// <summary>One document's field-merging check (<see cref="FieldMergeValidationRule"/>).</summary>
internal sealed class FieldMergeChecker
{
    private const int MaxNesting = 256;

    private readonly ValidationContext _context;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<(GraphQLField, GraphQLField)> _reported = [];
    private readonly HashSet<FieldSet> _shapeChecked = [];
    private readonly HashSet<FieldSet> _parentsChecked = [];
    private int _collected;
    private bool _stopped;

    public FieldMergeChecker(ValidationContext context)
    {
        _context = context;
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public void CheckOperations()
    {
        var schema = _context.Schema;
        foreach (var operation in _context.Document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            IGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            if (root is null)
            {
                continue;
            }

            var fields = new FieldMap();
            Collect(fields, root, operation.SelectionSet, new HashSet<string>(StringComparer.Ordinal));
            SameShapeByName(fields, 0);
            SameForCommonParentsByName(fields, 0);
        }
    }

    /// <summary>Pass 1: all fields of one response name return the same shape, at every level below.</summary>
    private void SameShapeByName(FieldMap map, int nesting)
    {
        foreach (var (responseName, group) in map.Groups)
        {
            if (_stopped)
            {
                return;
            }

            // The same fields reached on another response path (a fragment spread twice) were checked already.
            if (_shapeChecked.Add(new FieldSet(group.Members)) && SameShape(responseName, group))
            {
                var merged = MergeSubSelections(group.Members, nesting);
                SameShapeByName(merged, nesting + 1);
            }
        }
    }

    /// <summary>Pass 2: fields that can apply to the same object have the same name and arguments, at every level below.</summary>
    private void SameForCommonParentsByName(FieldMap map, int nesting)
    {
        foreach (var (responseName, group) in map.Groups)
        {
            foreach (var common in GroupByCommonParents(group.Members))
            {
                if (_stopped)
                {
                    return;
                }

                if (_parentsChecked.Add(new FieldSet(common)) && SameNameAndArguments(responseName, common))
                {
                    var merged = MergeSubSelections(common, nesting);
                    SameForCommonParentsByName(merged, nesting + 1);
                }
            }
        }
    }

    private void Collect(FieldMap map, IGraphType? parent, GraphQLSelectionSet set, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (++_collected > FieldMergeValidationRule.Budget)
                    {
                        Stop();
                        return;
                    }

                    map.Add(new Member(field, parent, FieldDefinition(parent, field.Name.StringValue)));
                    break;
                case GraphQLInlineFragment inline:
                    var inlineType = inline.TypeCondition is { } condition ? NamedType(condition.Type) : parent;
                    Collect(map, inlineType, inline.SelectionSet, visitedFragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visitedFragments.Add(name) && _fragments.TryGetValue(name, out var fragment))
                    {
                        Collect(map, NamedType(fragment.TypeCondition.Type), fragment.SelectionSet, visitedFragments);
                    }

                    break;
            }

            if (_stopped)
            {
                return;
            }
        }
    }

    private FieldMap MergeSubSelections(IReadOnlyList<Member> members, int nesting)
    {
        var merged = new FieldMap();
        if (nesting >= MaxNesting)
        {
            return merged; // only a fragment cycle nests this deep; NoFragmentCycles reports it
        }

        _context.CancellationToken.ThrowIfCancellationRequested();
        foreach (var member in members)
        {
            if (member.Field.SelectionSet is { } children)
            {
                Collect(merged, member.Definition?.ResolvedType?.GetNamedType(), children, new HashSet<string>(StringComparer.Ordinal));
            }
        }

        return merged;
    }

    private bool SameShape(string responseName, FieldGroup group)
    {
        Member? first = null;
        foreach (var member in group.Members)
        {
            if (member.Definition?.ResolvedType is not { } type)
            {
                continue; // an unknown field is another rule's error
            }

            if (first is not { } baseline)
            {
                first = member;
                continue;
            }

            if (ShapeConflict(baseline.Definition!.ResolvedType!, type) is { } conflict)
            {
                Report(baseline, member,
                    $"Fields `{responseName}` conflict because they return conflicting types `{conflict.Left}` and `{conflict.Right}`. "
                    + "Use different aliases on the fields to fetch both if this was intentional.");
                return false;
            }
        }

        return true;
    }

    private bool SameNameAndArguments(string responseName, IReadOnlyList<Member> members)
    {
        if (members.Count <= 1)
        {
            return true;
        }

        var first = members[0];
        var name = first.Field.Name.StringValue;
        for (var i = 1; i < members.Count; i++)
        {
            var member = members[i];
            var otherName = member.Field.Name.StringValue;
            if (!string.Equals(otherName, name, StringComparison.Ordinal))
            {
                Report(first, member,
                    $"Fields `{name}` and `{otherName}` conflict because they have differing names. "
                    + "Use different aliases on the fields to fetch both if this was intentional.");
                return false;
            }

            if (!SameArguments(first.Field.Arguments, member.Field.Arguments))
            {
                Report(first, member,
                    $"Fields `{responseName}` conflict because they have differing arguments. "
                    + "Use different aliases on the fields to fetch both if this was intentional.");
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Fields with the same object parent, each together with the fields of abstract parents (which may be any object);
    /// fields of two different object parents never apply to the same object.
    /// </summary>
    private static List<IReadOnlyList<Member>> GroupByCommonParents(IReadOnlyList<Member> members)
    {
        var abstractMembers = new List<Member>();
        var byObject = new Dictionary<IGraphType, List<Member>>(ReferenceEqualityComparer.Instance);
        foreach (var member in members)
        {
            if (member.Parent is IObjectGraphType objectType)
            {
                if (!byObject.TryGetValue(objectType, out var list))
                {
                    byObject[objectType] = list = [];
                }

                list.Add(member);
            }
            else
            {
                abstractMembers.Add(member);
            }
        }

        if (byObject.Count == 0)
        {
            return [abstractMembers];
        }

        var groups = new List<IReadOnlyList<Member>>(byObject.Count);
        foreach (var list in byObject.Values)
        {
            list.AddRange(abstractMembers);
            groups.Add(list);
        }

        return groups;
    }

    /// <summary>Null when both types have the same response shape; otherwise the two types that differ.</summary>
    private static (IGraphType Left, IGraphType Right)? ShapeConflict(IGraphType left, IGraphType right)
    {
        while (true)
        {
            var leftNonNull = left is NonNullGraphType;
            var rightNonNull = right is NonNullGraphType;
            var leftList = left is ListGraphType;
            var rightList = right is ListGraphType;
            if (leftNonNull != rightNonNull || (!leftNonNull && leftList != rightList))
            {
                return (left, right);
            }

            if (!leftNonNull && !leftList)
            {
                break;
            }

            left = ((IProvideResolvedType)left).ResolvedType!;
            right = ((IProvideResolvedType)right).ResolvedType!;
        }

        // Composite types merge their selections; leaf types must be the same type.
        var composite = left is IComplexGraphType or IAbstractGraphType && right is IComplexGraphType or IAbstractGraphType;
        return composite || ReferenceEquals(left, right) ? null : (left, right);
    }

    private FieldType? FieldDefinition(IGraphType? parent, string name)
    {
        var schema = _context.Schema;
        if (name == schema.TypeNameMetaFieldType.Name)
        {
            return parent is null ? null : schema.TypeNameMetaFieldType;
        }

        if (ReferenceEquals(parent, schema.Query))
        {
            if (name == schema.SchemaMetaFieldType.Name)
            {
                return schema.SchemaMetaFieldType;
            }

            if (name == schema.TypeMetaFieldType.Name)
            {
                return schema.TypeMetaFieldType;
            }
        }

        return (parent as IComplexGraphType)?.GetField(name);
    }

    private IGraphType? NamedType(GraphQLNamedType type) => _context.Schema.AllTypes[type.Name.StringValue];

    /// <summary>The spec's "identical arguments": the same names with syntactically equal values, in any order.</summary>
    private static bool SameArguments(GraphQLArguments? left, GraphQLArguments? right)
    {
        var leftCount = left?.Count ?? 0;
        if (leftCount != (right?.Count ?? 0))
        {
            return false;
        }

        for (var i = 0; i < leftCount; i++)
        {
            var argument = left![i];
            var other = right!.Items.Find(a => a.Name.Value == argument.Name.Value);
            if (other is null || !SameValue(argument.Value, other.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(GraphQLValue left, GraphQLValue right) => (left, right) switch
    {
        (GraphQLVariable l, GraphQLVariable r) => l.Name.Value == r.Name.Value,
        (GraphQLIntValue l, GraphQLIntValue r) => l.Value == r.Value,
        (GraphQLFloatValue l, GraphQLFloatValue r) => l.Value == r.Value,
        (GraphQLStringValue l, GraphQLStringValue r) => l.Value == r.Value,
        (GraphQLBooleanValue l, GraphQLBooleanValue r) => l.BoolValue == r.BoolValue,
        (GraphQLEnumValue l, GraphQLEnumValue r) => l.Name.Value == r.Name.Value,
        (GraphQLNullValue, GraphQLNullValue) => true,
        (GraphQLListValue l, GraphQLListValue r) => SameList(l.Values, r.Values),
        (GraphQLObjectValue l, GraphQLObjectValue r) => SameObject(l.Fields, r.Fields),
        _ => false,
    };

    private static bool SameList(List<GraphQLValue>? left, List<GraphQLValue>? right)
    {
        if ((left?.Count ?? 0) != (right?.Count ?? 0))
        {
            return false;
        }

        for (var i = 0; i < (left?.Count ?? 0); i++)
        {
            if (!SameValue(left![i], right![i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameObject(List<GraphQLObjectField>? left, List<GraphQLObjectField>? right)
    {
        if ((left?.Count ?? 0) != (right?.Count ?? 0))
        {
            return false;
        }

        foreach (var field in left ?? [])
        {
            var other = right!.Find(f => f.Name.Value == field.Name.Value);
            if (other is null || !SameValue(field.Value, other.Value))
            {
                return false;
            }
        }

        return true;
    }

    private void Report(Member first, Member second, string message)
    {
        if (!_reported.Add((first.Field, second.Field)))
        {
            return;
        }

        var error = new ValidationError(_context.Document.Source, "5.3.2", message, first.Field, second.Field)
        {
            Code = "OVERLAPPING_FIELDS_CAN_BE_MERGED",
        };
        _context.ReportError(error);
    }

    private void Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            _context.ReportError(new ValidationError(DocumentLimitError.ExpandedFields(FieldMergeValidationRule.Budget).Message)
            {
                Code = DocumentLimitError.ExpandedFieldsCode,
            });
        }
    }

    private readonly record struct Member(GraphQLField Field, IGraphType? Parent, FieldType? Definition);

    /// <summary>A set of field nodes, equal to another with the same nodes in any order.</summary>
    private sealed class FieldSet : IEquatable<FieldSet>
    {
        private readonly HashSet<GraphQLField> _fields = new(ReferenceEqualityComparer.Instance);
        private readonly int _hash;

        public FieldSet(IReadOnlyList<Member> members)
        {
            foreach (var member in members)
            {
                if (_fields.Add(member.Field))
                {
                    _hash ^= System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(member.Field);
                }
            }
        }

        public bool Equals(FieldSet? other) => other is not null && other._hash == _hash && _fields.SetEquals(other._fields);

        public override bool Equals(object? obj) => Equals(obj as FieldSet);

        public override int GetHashCode() => _hash;
    }

    /// <summary>The fields of one response name; a field node reached twice (a fragment spread on two paths) counts once.</summary>
    private sealed class FieldGroup
    {
        private readonly HashSet<GraphQLField> _nodes = new(ReferenceEqualityComparer.Instance);

        public List<Member> Members { get; } = [];

        public void Add(Member member)
        {
            if (_nodes.Add(member.Field))
            {
                Members.Add(member);
            }
        }
    }

    /// <summary>Fields by response name, in the order the document first selects them.</summary>
    private sealed class FieldMap
    {
        private readonly Dictionary<string, FieldGroup> _groups = new(StringComparer.Ordinal);

        public IEnumerable<KeyValuePair<string, FieldGroup>> Groups => _groups;

        public void Add(Member member)
        {
            var responseName = member.Field.Alias?.Name.StringValue ?? member.Field.Name.StringValue;
            if (!_groups.TryGetValue(responseName, out var group))
            {
                _groups[responseName] = group = new FieldGroup();
            }

            group.Add(member);
        }
    }
}
