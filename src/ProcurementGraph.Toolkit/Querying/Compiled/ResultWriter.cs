using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using ProcurementGraph.Toolkit.Authorization;
using ProcurementGraph.Toolkit.Querying.Aggregates;
using ProcurementGraph.Toolkit.Querying.Metadata;
using ProcurementGraph.Toolkit.Querying.Paging;
using ProcurementGraph.Toolkit.Querying.Projection;

using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProcurementGraph.Toolkit.Querying.Compiled;

/// <summary>
/// Writes one root field's loaded rows straight into JSON, following its plan: the same values, in the same order, as the
/// general executor would resolve field by field (scalars through their graph type's <c>Serialize</c>, then the serializer's
/// options). Whatever it cannot write exactly so — a field the projection did not load, a field rule that does not allow the
/// field, a null in a non-null position, a value of an unexpected type — throws <see cref="NotCompiledException"/> and the
/// root field takes the general path over the same rows.
/// </summary>
internal sealed class ResultWriter(
    Utf8JsonWriter json, ExecutionContext context, IResolveFieldContext rootContext, IFieldAccess? access, JsonSerializerOptions options)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private readonly HashSet<FieldPlan> _allowed = [];
    private readonly Dictionary<FieldPlan, Binding> _bindings = new(ReferenceEqualityComparer.Instance);
    private readonly ClaimsPrincipal _user = context.User ?? Anonymous;
    private int _objects;

    /// <summary>Writes the root field's value (a page, a row, a list of rows, or a page of groups).</summary>
    public void WriteRoot(FieldPlan plan, object result)
    {
        switch (result)
        {
            case Page page:
                WriteObject(plan, plan.Type, ResultSource.Of(page));
                break;
            case Row row:
                WriteObject(plan, plan.Type, ResultSource.Row(row.Shape, row.Values));
                break;
            case IReadOnlyList<Row?> rows:
                WriteList(plan, plan.Type, rows.Count, rows, static (rows, i) => rows[i] is { } row ? ResultSource.Row(row.Shape, row.Values) : null);
                break;
            case AggregatePage groups:
                WriteObject(plan, plan.Type, ResultSource.Of(groups));
                break;
            default:
                throw new NotCompiledException($"The root field {plan.ResponseName} answered a {result.GetType().Name}.");
        }
    }

    private void WriteObject(FieldPlan plan, IGraphType type, ResultSource source)
    {
        if ((++_objects & 63) == 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        var binding = Bind(plan, type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type, source);
        var objectType = binding.Plan.Type;
        var fields = binding.Plan.Fields;
        json.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            Authorize(objectType, field);
            json.WritePropertyName(field.EncodedName);
            if (field.IsTypeName)
            {
                json.WriteStringValue(objectType.Name);
                continue;
            }

            switch (source.Kind)
            {
                case ResultSourceKind.Row:
                    WriteRowField(field, binding.Slots![i]!, source.Values!);
                    break;
                case ResultSourceKind.Edge:
                    WriteEdgeField(field, source.Shape!, source.Values!);
                    break;
                case ResultSourceKind.Page:
                    WritePageField(field, source.Page!);
                    break;
                case ResultSourceKind.PageInfo:
                    WritePageInfoField(field, source.Cursors!);
                    break;
                case ResultSourceKind.GroupPage:
                    WriteGroupPageField(field, (AggregatePage)source.Aggregate!);
                    break;
                case ResultSourceKind.GroupEdge:
                    WriteGroupEdgeField(field, (AggregateGroup)source.Aggregate!);
                    break;
                case ResultSourceKind.Group:
                    WriteGroupField(field, (AggregateGroup)source.Aggregate!);
                    break;
                case ResultSourceKind.GroupKey:
                    WriteGroupKeyField(field, (AggregateGroup)source.Aggregate!);
                    break;
                default:
                    var values = (AggregateValues)source.Aggregate!;
                    WriteScalar(field.Type, values.Group.Value(values.Function, field.Definition.Name));
                    break;
            }
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The object plan for <paramref name="source"/>'s type and, for rows, the slot of each planned field in its shape: worked
    /// out once per field and shape (a list's rows share one), not per row.
    /// </summary>
    private Binding Bind(FieldPlan plan, IGraphType type, ResultSource source)
    {
        if (_bindings.TryGetValue(plan, out var known) && ReferenceEquals(known.Shape, source.Shape) && ReferenceEquals(known.Declared, type)
            && (source.Kind != ResultSourceKind.Row || ReferenceEquals(known.Plan.Type, source.Shape!.Entity)))
        {
            return known;
        }

        var objectType = ObjectTypeOf(type, source);
        var child = plan.ChildFor(objectType, context, options);
        Slot?[]? slots = null;
        if (source.Kind == ResultSourceKind.Row)
        {
            var shape = source.Shape!;
            slots = new Slot?[child.Fields.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                var field = child.Fields[i];
                if (field.IsTypeName)
                {
                    continue;
                }

                slots[i] = shape.Find(field.ResponseName) is { } slot && slot.Field.Name == field.Definition.Name
                    ? slot
                    : throw new NotCompiledException($"{shape.Entity.Name}.{field.Definition.Name} is not answered by the projection.");
            }
        }

        var binding = new Binding(type, source.Shape, child, slots);
        _bindings[plan] = binding;
        return binding;
    }

    private void WriteRowField(FieldPlan field, Slot slot, object?[] values)
    {
        var value = values[slot.Index];
        switch (slot.Field.Kind)
        {
            case QueryFieldKind.Value when slot.Field.IsGlobalId && value is int key && TryWriteGlobalId(field.Type, slot.Field.TargetTypeName!, key):
                break;
            case QueryFieldKind.Value:
                WriteScalar(field.Type, slot.Field.Format is null ? value : slot.Field.Format(value, rootContext));
                break;
            case QueryFieldKind.Reference when value is object?[] row:
                WriteObject(field, field.Type, ResultSource.Row(slot.Child!, row));
                break;
            case QueryFieldKind.List:
                WriteRows(field, slot.Child!, value as List<object?[]> ?? []);
                break;
            case QueryFieldKind.Connection when value is object?[] page:
                WriteObject(field, field.Type, ResultSource.Of(Page.From((List<object?[]>)page[0]!, (int?)page[1], slot.Child!, slot.Window!)));
                break;
            default:
                WriteNull(field.Type);
                break;
        }
    }

    /// <summary>
    /// An <c>ID</c> of an entity with an <c>int</c> key: the bytes <see cref="Relay.GlobalId.Encode(string, int)"/> gives (the
    /// field's format), which <c>IdGraphType</c> serializes as they are, encoded on the stack instead of into strings per row.
    /// </summary>
    private bool TryWriteGlobalId(IGraphType type, string typeName, int key)
    {
        Span<byte> id = stackalloc byte[256];
        if ((type is NonNullGraphType nonNull ? nonNull.ResolvedType : type)?.GetType() != typeof(IdGraphType)
            || !Relay.GlobalId.TryEncode(typeName, key, id, out var written))
        {
            return false;
        }

        json.WriteStringValue(id[..written]);
        return true;
    }

    private void WritePageField(FieldPlan field, Page page)
    {
        switch (field.Definition.Name)
        {
            case "pageInfo":
                WriteObject(field, field.Type, ResultSource.Of(page.PageInfo));
                break;
            case "edges":
                WriteList(field, field.Type, page.Rows.Count, page, static (page, i) => ResultSource.Edge(page.Shape, page.Rows[i]));
                break;
            case "nodes":
                WriteRows(field, page.Shape, page.Rows);
                break;
            case "totalCount":
                WriteScalar(field.Type, page.TotalCount);
                break;
            default:
                throw new NotCompiledException($"The connection field {field.Definition.Name} has its own resolver.");
        }
    }

    private void WriteEdgeField(FieldPlan field, RowShape shape, object?[] values)
    {
        switch (field.Definition.Name)
        {
            case "cursor":
                WriteScalar(field.Type, Edge.CursorOf(shape, values));
                break;
            case "node":
                WriteObject(field, field.Type, ResultSource.Row(shape, values));
                break;
            default:
                throw new NotCompiledException($"The edge field {field.Definition.Name} has its own resolver.");
        }
    }

    /// <summary>A field of a page of groups, as <see cref="AggregateConnectionGraphType"/>'s resolvers answer it.</summary>
    private void WriteGroupPageField(FieldPlan field, AggregatePage page)
    {
        switch (field.Definition.Name)
        {
            case "pageInfo":
                WriteObject(field, field.Type, ResultSource.Of(page.PageInfo));
                break;
            case "edges":
                WriteList(field, field.Type, page.Nodes.Count, page.Nodes, static (groups, i) => ResultSource.Edge(groups[i]));
                break;
            case "nodes":
                WriteList(field, field.Type, page.Nodes.Count, page.Nodes, static (groups, i) => ResultSource.Of(groups[i]));
                break;
            case "totalCount":
                WriteScalar(field.Type, page.TotalCount);
                break;
            default:
                throw new NotCompiledException($"The group connection field {field.Definition.Name} has its own resolver.");
        }
    }

    private void WriteGroupEdgeField(FieldPlan field, AggregateGroup group)
    {
        switch (field.Definition.Name)
        {
            case "cursor":
                WriteScalar(field.Type, group.Cursor);
                break;
            case "node":
                WriteObject(field, field.Type, ResultSource.Of(group));
                break;
            default:
                throw new NotCompiledException($"The group edge field {field.Definition.Name} has its own resolver.");
        }
    }

    /// <summary>A field of a group, as <see cref="AggregateGraphType"/>'s resolvers answer it: its key, count or one function's values.</summary>
    private void WriteGroupField(FieldPlan field, AggregateGroup group)
    {
        var name = field.Definition.Name;
        if (name == "key")
        {
            WriteObject(field, field.Type, ResultSource.Key(group));
        }
        else if (name == "count")
        {
            WriteScalar(field.Type, group.Count);
        }
        else if (AggregateNames.Function(name) is { } function)
        {
            WriteObject(field, field.Type, ResultSource.Of(new AggregateValues(group, function)));
        }
        else
        {
            throw new NotCompiledException($"The group field {name} has its own resolver.");
        }
    }

    /// <summary>A field of a group's key: a scalar key's value, or an object key's related row (loaded by key after the groups).</summary>
    private void WriteGroupKeyField(FieldPlan field, AggregateGroup group)
    {
        switch (group.Key(field.Definition.Name))
        {
            case Row row:
                WriteObject(field, field.Type, ResultSource.Row(row.Shape, row.Values));
                break;
            case null:
                WriteNull(field.Type);
                break;
            case var value:
                WriteScalar(field.Type, value);
                break;
        }
    }

    private void WritePageInfoField(FieldPlan field, PageCursors cursors)
    {
        object? value = field.Definition.Name switch
        {
            "hasNextPage" => cursors.HasNextPage,
            "hasPreviousPage" => cursors.HasPreviousPage,
            "startCursor" => cursors.StartCursor,
            "endCursor" => cursors.EndCursor,
            _ => throw new NotCompiledException($"The page info field {field.Definition.Name} has its own resolver."),
        };
        WriteScalar(field.Type, value);
    }

    private void WriteRows(FieldPlan field, RowShape shape, IReadOnlyList<object?[]> rows) =>
        WriteList(field, field.Type, rows.Count, (shape, rows), static (list, i) => ResultSource.Row(list.shape, list.rows[i]));

    /// <summary>
    /// Writes a list of <paramref name="items"/> (a list of rows, a page, ...); <paramref name="item"/> is static, so writing
    /// a list per row allocates no closure.
    /// </summary>
    private void WriteList<TItems>(FieldPlan field, IGraphType type, int count, TItems items, Func<TItems, int, ResultSource?> item)
    {
        if ((type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is not ListGraphType list)
        {
            throw new NotCompiledException($"{field.ResponseName} is not a list.");
        }

        var itemType = list.ResolvedType!;
        json.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            if (item(items, i) is { } source)
            {
                WriteObject(field, itemType, source);
            }
            else
            {
                WriteNull(itemType);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>The object type a value has, as the executor validates it (the field's type, or a possible type of it).</summary>
    private static IObjectGraphType ObjectTypeOf(IGraphType type, ResultSource source)
    {
        var expected = source.Kind switch
        {
            ResultSourceKind.Row => source.Shape!.Entity as IObjectGraphType,
            ResultSourceKind.Edge => type as EdgeGraphType,
            ResultSourceKind.Page => type as ConnectionGraphType,
            ResultSourceKind.PageInfo => type as PageInfoGraphType,
            ResultSourceKind.GroupPage => type as AggregateConnectionGraphType,
            ResultSourceKind.GroupEdge => type as AggregateEdgeGraphType,
            ResultSourceKind.Group => type as AggregateGraphType,
            ResultSourceKind.GroupKey => type as AggregateKeyGraphType,
            _ => type as AggregateValuesGraphType,
        };
        return expected is not null && (ReferenceEquals(expected, type) || (type is IAbstractGraphType abstractType && abstractType.IsPossibleType(expected)))
            ? expected
            : throw new NotCompiledException($"A {source.Kind} is no {type.Name}.");
    }

    private void Authorize(IObjectGraphType type, FieldPlan field)
    {
        if (!field.Ruled || _allowed.Contains(field))
        {
            return;
        }

        // The field middleware's own question, answered from the request's cache; anything but "allowed" (or an answer
        // not known at once) leaves the root field to the general path, which writes the error with its path.
        var answer = access?.AuthorizeAsync(_user, type, field.Definition)
            ?? throw new NotCompiledException("No field access is registered.");
        if (!answer.IsCompletedSuccessfully || answer.Result != FieldAuthorizationResult.Allowed)
        {
            throw new NotCompiledException($"{type.Name}.{field.Definition.Name} is not allowed at once.");
        }

        _allowed.Add(field);
    }

    private void WriteNull(IGraphType type)
    {
        if (type is NonNullGraphType)
        {
            throw new NotCompiledException("A null in a non-null position propagates: the general path writes the error.");
        }

        json.WriteNullValue();
    }

    private void WriteScalar(IGraphType type, object? value)
    {
        if ((type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is not ScalarGraphType scalar)
        {
            throw new NotCompiledException($"{type} is not a scalar.");
        }

        if (value is DateOnly date && WritesDatesAsText(scalar))
        {
            // The scalar's own Serialize (GraphQL.NET's DateOnlyGraphType) is date.ToString("yyyy-MM-dd", invariant): the same
            // characters, formatted on the stack instead of into a string per value.
            Span<char> text = stackalloc char[16];
            if (date.TryFormat(text, out var written, "yyyy-MM-dd", DateTimeFormatInfo.InvariantInfo))
            {
                json.WriteStringValue(text[..written]);
                return;
            }
        }

        switch (scalar.Serialize(value))
        {
            case null:
                WriteNull(type);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool boolean:
                json.WriteBooleanValue(boolean);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case var other:
                JsonSerializer.Serialize(json, other, other.GetType(), options);
                break;
        }
    }

    /// <summary>The date scalars that serialize a <see cref="DateOnly"/> as GraphQL.NET's <c>DateOnlyGraphType</c> does (none overrides it).</summary>
    private static bool WritesDatesAsText(ScalarGraphType scalar) =>
        scalar.GetType() == typeof(LocalDateGraphType) || scalar.GetType() == typeof(DateOnlyGraphType) || scalar.GetType() == typeof(Metadata.DateGraphType);

    private sealed record Binding(IGraphType Declared, RowShape? Shape, ObjectPlan Plan, Slot?[]? Slots);
}
