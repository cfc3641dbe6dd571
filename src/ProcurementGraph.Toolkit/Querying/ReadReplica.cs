using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// Routing of reads to a read-only copy of the database (a read replica, SQL Server <c>ApplicationIntent=ReadOnly</c>): a
/// root query field marked with <see cref="Allow"/> reads through the <see cref="IQuerySource"/> registered under
/// <see cref="ServiceKey"/> when there is one — the whole field, its nested lists and the related rows it loads. Everything
/// else reads the primary: fields not marked (lookups by id, <c>node</c>), every mutation field and its payload (inside the
/// mutation's transaction) and subscriptions (their reads follow a commit: read-your-writes).
/// </summary>
public static class ReadReplica
{
    /// <summary>The service key of the read-only <see cref="IQuerySource"/> (a keyed scoped service).</summary>
    public const string ServiceKey = "querying:readOnly";

    /// <summary>Field metadata key: the root query field may read from the read-only source.</summary>
    public const string MetadataKey = "querying:readReplica";

    /// <summary>Marks a root query field as one that may read from the read-only source (it tolerates its lag).</summary>
    public static FieldType Allow(FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[MetadataKey] = true;
        return field;
    }

    /// <summary>Whether the field marked <see cref="Allow"/>.</summary>
    public static bool IsAllowed(FieldType? field) => field is not null && field.GetMetadata(MetadataKey, false);

    /// <summary>
    /// The source the field at <paramref name="context"/> reads: the read-only one when the operation is a query, the root
    /// field of the path is marked and a read-only source is registered; else the primary <see cref="IQuerySource"/>.
    /// </summary>
    public static IQuerySource SourceFor(IResolveFieldContext context, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        if (context.Operation.Operation == OperationType.Query && IsAllowed(Root(context).FieldDefinition)
            && services.GetKeyedService<IQuerySource>(ServiceKey) is { } replica)
        {
            return replica;
        }

        return services.GetRequiredService<IQuerySource>();
    }

    private static IResolveFieldContext Root(IResolveFieldContext context)
    {
        var root = context;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return root;
    }
}
