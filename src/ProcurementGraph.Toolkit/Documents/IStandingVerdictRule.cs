using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>
/// A rule for kept documents (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>) that can tell when its verdict on a
/// kept document cannot differ from the one the document passed with when it was kept: then <see cref="ValidatedDocumentCache"/>
/// leaves it out. When every rule for kept documents says so, the request runs no validation rule at all and GraphQL.NET walks
/// the document no more (it walks it once per request for any rule, even one that visits nothing).
/// </summary>
public interface IStandingVerdictRule : IValidationRule
{
    /// <summary>True when <paramref name="request"/> on <paramref name="document"/> (which passed this rule once) would pass it again, so the rule need not run.</summary>
    bool VerdictStands(GraphQLDocument document, ExecutionOptions request);
}
