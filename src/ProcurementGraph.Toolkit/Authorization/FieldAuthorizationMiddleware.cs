using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ProcurementGraph.Toolkit.Authorization;

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

    // Not async on the common path: a list of a thousand rows runs this for every field of every row, and an answer
    // the request already knows completes synchronously, so no state machine is built for it.
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var field = context.FieldDefinition;
        if (!_ruled.GetOrAdd((context.ParentType, field), static (key, schema) =>
                !key.Field.Name.StartsWith("__", StringComparison.Ordinal) && FieldAuthorizationRule.For(schema, key.Type, key.Field) is not null,
                context.Schema))
        {
            return next(context);
        }

        var access = (context.UserContext.TryGetValue(AccessKey, out var cached) ? cached as IFieldAccess : null)
            ?? context.RequestServices?.GetService<IFieldAccess>()
            ?? throw new InvalidOperationException(
                $"{nameof(IFieldAccess)} is not registered in the request's services: call {nameof(FieldAuthorizationGraphQLBuilderExtensions.AddFieldAuthorization)}().");
        var pending = access.AuthorizeAsync(context.User ?? Anonymous, context.ParentType, field);
        return pending.IsCompletedSuccessfully ? Continue(pending.Result, context, next) : AwaitAsync(pending, context, next);
    }

    private static async ValueTask<object?> AwaitAsync(ValueTask<FieldAuthorizationResult> pending, IResolveFieldContext context, FieldMiddlewareDelegate next) =>
        await Continue(await pending.ConfigureAwait(false), context, next).ConfigureAwait(false);

    // Thrown, not returned: the executer puts the error on the field's response path and location and nulls the field.
    private static ValueTask<object?> Continue(FieldAuthorizationResult result, IResolveFieldContext context, FieldMiddlewareDelegate next) =>
        result == FieldAuthorizationResult.Allowed ? next(context) : throw new FieldAuthorizationError(result);
}
