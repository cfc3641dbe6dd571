using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ProcurementGraph.Server.Transport;

/// <summary>
/// GraphQL.NET's document builder, except that a document nested deeper than the parser's limit (128 AST levels) is a
/// <see cref="DocumentTooDeepError"/> (a document error: 400, code <c>MAX_DEPTH_EXCEEDED</c>). GraphQL.NET turns only
/// syntax errors into document errors; the depth exception became an unhandled error, answered with 500.
/// </summary>
internal sealed class DepthCheckedDocumentBuilder : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _inner = new();

    public GraphQLDocument Build(string body)
    {
        try
        {
            return _inner.Build(body);
        }
        catch (GraphQLMaxDepthExceededException e)
        {
            throw new DocumentTooDeepError(e);
        }
    }
}

/// <summary>The document is nested deeper than the parser allows.</summary>
internal sealed class DocumentTooDeepError : DocumentError
{
    public DocumentTooDeepError(GraphQLMaxDepthExceededException exception)
        : base("The document is nested too deeply to be parsed; reduce the nesting of its selections, values or types.")
    {
        Code = "MAX_DEPTH_EXCEEDED";
        AddLocation(exception.Location);
    }
}
