using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Server.Authorization;

/// <summary>
/// Enforces the authorization metadata of every resolved field (see <see cref="FieldAuthorizationRule"/>) through
/// the request's <see cref="IFieldAccess"/>. A denied field resolves to null with a <see cref="FieldAuthorizationError"/>
/// on its response path; the rest of the response is unaffected (HTTP 200). Only fields that are actually executed
/// are checked, so <c>@skip</c>/<c>@include</c>, fragments and the selected operation are honoured by construction.
/// </summary>
public sealed class FieldAuthorizationMiddleware : IFieldMiddleware
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>Where the request's <see cref="IFieldAccess"/> waits in the user context (set before execution).</summary>
    public const string AccessKey = "ProcurementGraph.FieldAccess";

    // The metadata is fixed once the schema is initialized: whether a field has a rule is worked out once.
    private readonly ConcurrentDictionary<(IObjectGraphType Type, FieldType Field), bool> _ruled = new();

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var field = context.FieldDefinition;
        if (!_ruled.GetOrAdd((context.ParentType, field), static (key, schema) =>
                !key.Field.Name.StartsWith("__", StringComparison.Ordinal) && FieldAuthorizationRule.For(schema, key.Type, key.Field) is not null,
                context.Schema))
        {
            return await next(context).ConfigureAwait(false);
        }

        var access = (context.UserContext.TryGetValue(AccessKey, out var cached) ? cached as IFieldAccess : null)
            ?? context.RequestServices?.GetService<IFieldAccess>()
            ?? throw new InvalidOperationException(
                $"{nameof(IFieldAccess)} is not registered in the request's services: call {nameof(FieldAuthorizationGraphQLBuilderExtensions.AddFieldAuthorization)}().");
        var result = await access.AuthorizeAsync(context.User ?? Anonymous, context.ParentType, field).ConfigureAwait(false);
        if (result == FieldAuthorizationResult.Allowed)
        {
            return await next(context).ConfigureAwait(false);
        }

        // Thrown, not returned: the executer puts the error on the field's response path and location and nulls the field.
        throw new FieldAuthorizationError(result);
    }
}
