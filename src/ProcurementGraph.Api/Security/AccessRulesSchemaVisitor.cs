using GraphQL.Types;
using GraphQL.Utilities;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// Applies <see cref="AccessRules"/> while the schema initializes, once every type is built, and warns about fields
/// that have no rule (they fall back to <see cref="AccessRules.DefaultFor"/>) and about non-null fields whose denial
/// would null their parent (<see cref="AccessRules.DeniableNonNullFields(ISchema)"/>).
/// </summary>
public sealed partial class AccessRulesSchemaVisitor(ILogger<AccessRulesSchemaVisitor> logger, IHostApplicationLifetime lifetime) : BaseSchemaNodeVisitor
{
    private readonly List<string> _unruled = [];
    private readonly List<(IComplexGraphType Type, FieldType Field)> _fields = [];

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Apply(type, field);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Apply(type, field);

    public override void PostVisitSchema(ISchema schema)
    {
        // Only a serving host warns: the CLI (schema export to stdout) builds the schema without starting the host.
        var serving = lifetime.ApplicationStarted.IsCancellationRequested;
        if (serving && _unruled.Count > 0)
        {
            var fields = string.Join(", ", _unruled);
            LogUnruled(logger, _unruled.Count, fields);
        }

        _unruled.Clear();

        // A field some reader of its type may be denied is nullable, so a denial nulls the field, not its parent.
        // Root fields keep HotChocolate's shapes (`nodes: [Node]!`), and interface fields (`Node.id`) their type.
        var roots = new[] { schema.Query, schema.Mutation, schema.Subscription };
        var kept = new List<string>();
        foreach (var (type, field) in AccessRules.DeniableNonNull(_fields).ToList())
        {
            if (roots.Contains(type) || (type is IObjectGraphType objectType && objectType.ResolvedInterfaces.Any(i => i.HasField(field.Name))))
            {
                kept.Add($"{type.Name}.{field.Name}");
                continue;
            }

            field.ResolvedType = ((NonNullGraphType)field.ResolvedType!).ResolvedType;
        }

        if (serving && kept.Count > 0)
        {
            LogDeniableNonNull(logger, kept.Count, string.Join(", ", kept));
        }

        _fields.Clear();
    }

    private void Apply(IComplexGraphType type, FieldType field)
    {
        if (type.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return;
        }

        _fields.Add((type, field));
        if (!AccessRules.Apply(type, field))
        {
            _unruled.Add($"{type.Name}.{field.Name}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} non-null root or interface fields can be denied to callers who read their type, and a denial nulls the parent: {Fields}")]
    private static partial void LogDeniableNonNull(ILogger logger, int count, string fields);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} fields have no row in the access table (Internal; Admin on Mutation and Subscription): {Fields}")]
    private static partial void LogUnruled(ILogger logger, int count, string fields);
}
