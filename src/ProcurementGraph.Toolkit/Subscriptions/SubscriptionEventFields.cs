using System.Security.Claims;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProcurementGraph.Toolkit.Authorization;

namespace ProcurementGraph.Toolkit.Subscriptions;

/// <summary>Event fields every subscription can use: when the change committed, and which fields it changed.</summary>
public static class SubscriptionEventFields
{
    /// <summary><c>changedAt: DateTime!</c>: when the mutation's transaction committed (UTC).</summary>
    public static FieldType ChangedAt(string description = "When the change was committed (UTC).") => new()
    {
        Name = "changedAt",
        Description = description,
        ResolvedType = new NonNullGraphType(new GraphQLTypeReference("DateTime")),
        Resolver = new FuncFieldResolver<object>(context => Event(context).Change.CommittedAt.UtcDateTime),
    };

    /// <summary>
    /// <c>changedFields: [String!]!</c>: the entity's fields the change wrote (a reference by its field, <c>supplierId</c> as
    /// <c>supplier</c>), only those the subscriber may read; every written field for a new row.
    /// </summary>
    public static FieldType ChangedFields() => new()
    {
        Name = "changedFields",
        Description = "The fields of the object the change wrote (those you may read), in the order of the object's type.",
        ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new StringGraphType()))),
        Resolver = new FuncFieldResolver<object>(async context => await ReadableChangedFieldsAsync(context).ConfigureAwait(false)),
    };

    /// <summary>A field resolved from the event's change (e.g. a value before the write).</summary>
    public static FieldType FromChange(string name, IGraphType type, string description, Func<EntityChange, object?> resolve) => new()
    {
        Name = name,
        Description = description,
        ResolvedType = type,
        Resolver = new FuncFieldResolver<object>(context => resolve(Event(context).Change)),
    };

    private static SubscriptionEvent Event(IResolveFieldContext context) =>
        context.Source as SubscriptionEvent ?? throw new InvalidOperationException("The source of an event field is not a subscription event.");

    private static async Task<List<string>> ReadableChangedFieldsAsync(IResolveFieldContext context)
    {
        var change = Event(context).Change;
        if (context.Schema.AllTypes[change.EntityType] is not IComplexGraphType type)
        {
            return [];
        }

        var access = (context.UserContext.TryGetValue(FieldAuthorizationMiddleware.AccessKey, out var cached) ? cached as IFieldAccess : null)
            ?? context.RequestServices?.GetService<IFieldAccess>();
        var user = context.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in change.Fields.Keys)
        {
            written.Add(name);
            if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal))
            {
                written.Add(name[..^2]);
            }
        }

        var readable = new List<string>();
        foreach (var field in type.Fields.Where(f => written.Contains(f.Name)))
        {
            if (access is null || await access.CanReadAsync(user, type, field).ConfigureAwait(false))
            {
                readable.Add(field.Name);
            }
        }

        return readable;
    }
}
