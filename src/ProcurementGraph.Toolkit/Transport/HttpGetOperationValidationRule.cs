using GraphQL.Validation;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// Rejects mutations and subscriptions in GET requests whose document the endpoint could not inspect itself
/// (persisted documents sent by <c>documentId</c>). Added to GET executions only.
/// </summary>
internal sealed class HttpGetOperationValidationRule : ValidationRuleBase
{
    public static HttpGetOperationValidationRule Instance { get; } = new();

    private HttpGetOperationValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new HttpGetOperationNotAllowedError());
        }

        return default;
    }
}
