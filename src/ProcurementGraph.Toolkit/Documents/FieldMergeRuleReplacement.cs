using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// Runs <see cref="FieldMergeValidationRule"/> wherever GraphQL.NET would run its quadratic
/// <see cref="OverlappingFieldsCanBeMerged"/>: in the request's validation rules (GraphQL.NET's core rules unless a caller
/// chose others) and in the rules for cached documents.
/// </summary>
internal sealed class FieldMergeRuleReplacement : IConfigureExecution
{
    /// <summary>After the option configurations (100), which add the custom rules, and before the limits' wrapper (200).</summary>
    public float SortOrder => 150;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        options.ValidationRules = Replace(options.ValidationRules ?? DocumentValidator.CoreRules);
        if (options.CachedDocumentValidationRules is { } cached)
        {
            options.CachedDocumentValidationRules = Replace(cached);
        }

        return next(options);
    }

    private static List<IValidationRule> Replace(IEnumerable<IValidationRule> rules) =>
        rules.Select(rule => rule is OverlappingFieldsCanBeMerged ? FieldMergeValidationRule.Instance : rule).ToList();
}
