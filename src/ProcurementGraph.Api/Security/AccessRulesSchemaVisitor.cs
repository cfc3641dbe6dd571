using GraphQL.Types;
using GraphQL.Utilities;

namespace ProcurementGraph.Api.Security;

/// <summary>
/// Applies <see cref="AccessRules"/> while the schema initializes, once every type is built, and logs the fields
/// that have no rule (they fall back to <see cref="AccessRules.Default"/>).
/// </summary>
public sealed partial class AccessRulesSchemaVisitor(ILogger<AccessRulesSchemaVisitor> logger) : BaseSchemaNodeVisitor
{
    private readonly List<string> _unruled = [];

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Apply(type, field);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Apply(type, field);

    public override void PostVisitSchema(ISchema schema)
    {
        if (_unruled.Count > 0)
        {
            var fields = string.Join(", ", _unruled);
            LogUnruled(logger, _unruled.Count, fields, AccessRules.Default);
        }

        _unruled.Clear();
    }

    private void Apply(IComplexGraphType type, FieldType field)
    {
        if (!type.Name.StartsWith("__", StringComparison.Ordinal) && !AccessRules.Apply(type, field))
        {
            _unruled.Add($"{type.Name}.{field.Name}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} fields have no row in the access table and are readable as {Default}: {Fields}")]
    private static partial void LogUnruled(ILogger logger, int count, string fields, ReadAccess @default);
}
