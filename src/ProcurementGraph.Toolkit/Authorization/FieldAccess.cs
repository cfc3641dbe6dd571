using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace ProcurementGraph.Toolkit.Authorization;

/// <summary>
/// <see cref="IFieldAccess"/> on ASP.NET Core authorization: roles with <see cref="ClaimsPrincipal.IsInRole"/>, policies
/// with <see cref="IAuthorizationService"/> (no resource: a field's rule does not depend on the row, row rules do).
/// Registered scoped; a request remembers each (caller, type, field) answer, so a list of a thousand rows checks
/// each field once, and each (caller, policy) answer, so the fields that share a policy evaluate it once.
/// </summary>
public sealed partial class FieldAccess(
    ISchema schema,
    IAuthorizationService authorization,
    IAuthorizationPolicyProvider policies,
    ILogger<FieldAccess> logger) : IFieldAccess
{
    private readonly ConcurrentDictionary<(ClaimsPrincipal User, IComplexGraphType Type, FieldType Field), FieldAuthorizationResult> _answers = new();
    private readonly ConcurrentDictionary<(ClaimsPrincipal User, string Policy), FieldAuthorizationResult> _policyAnswers = new();

    public ValueTask<FieldAuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(field);
        return _answers.TryGetValue((user, type, field), out var known) ? ValueTask.FromResult(known) : FirstAnswerAsync(user, type, field);
    }

    private async ValueTask<FieldAuthorizationResult> FirstAnswerAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field)
    {
        var result = FieldAuthorizationRule.Fixed(schema, type, field) is { } rule
            ? await EvaluateAsync(user, rule, type, field).ConfigureAwait(false)
            : FieldAuthorizationResult.Allowed;
        _answers.TryAdd((user, type, field), result);
        return result;
    }

    public async ValueTask<bool> CanReadAsync(ClaimsPrincipal user, IComplexGraphType type, FieldType field) =>
        await AuthorizeAsync(user, type, field).ConfigureAwait(false) == FieldAuthorizationResult.Allowed;

    public async ValueTask<bool> CanReadAsync(ClaimsPrincipal user, string typeName, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(user);
        schema.Initialize();
        if (schema.AllTypes[typeName] is not IComplexGraphType type || type.GetField(fieldName) is not { } field)
        {
            return false;
        }

        return await CanReadAsync(user, type, field).ConfigureAwait(false);
    }

    private async ValueTask<FieldAuthorizationResult> EvaluateAsync(ClaimsPrincipal user, FieldAuthorizationRule rule, IComplexGraphType type, FieldType field)
    {
        if (rule.RequiresAuthentication && user.Identity?.IsAuthenticated != true)
        {
            return FieldAuthorizationResult.NotAuthenticated;
        }

        foreach (var roles in rule.RoleSets)
        {
            if (!roles.Any(user.IsInRole))
            {
                return FieldAuthorizationResult.NotAuthorized;
            }
        }

        foreach (var name in rule.Policies)
        {
            if (!_policyAnswers.TryGetValue((user, name), out var answer))
            {
                answer = await EvaluatePolicyAsync(user, name, type, field).ConfigureAwait(false);
                if (answer != FieldAuthorizationResult.PolicyNotFound)
                {
                    _policyAnswers.TryAdd((user, name), answer); // a missing policy is logged for each field that names it
                }
            }

            if (answer != FieldAuthorizationResult.Allowed)
            {
                return answer;
            }
        }

        return FieldAuthorizationResult.Allowed;
    }

    private async ValueTask<FieldAuthorizationResult> EvaluatePolicyAsync(ClaimsPrincipal user, string name, IComplexGraphType type, FieldType field)
    {
        if (await policies.GetPolicyAsync(name).ConfigureAwait(false) is not { } policy)
        {
            LogPolicyNotFound(logger, name, type.Name, field.Name);
            return FieldAuthorizationResult.PolicyNotFound;
        }

        return (await authorization.AuthorizeAsync(user, resource: null, policy).ConfigureAwait(false)).Succeeded
            ? FieldAuthorizationResult.Allowed
            : FieldAuthorizationResult.NotAuthorized;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The authorization policy '{Policy}' of the field {Type}.{Field} is not registered; the field is denied.")]
    private static partial void LogPolicyNotFound(ILogger logger, string policy, string type, string field);
}
