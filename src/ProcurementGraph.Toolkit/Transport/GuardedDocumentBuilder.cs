using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using ProcurementGraph.Toolkit.Documents;

namespace ProcurementGraph.Toolkit.Transport;

/// <summary>
/// GraphQL.NET's document builder, except that every document the parser cannot read is the client's error (a document
/// error: 400, never an unhandled 500). GraphQL.NET turns only syntax errors into document errors; two more failures of
/// GraphQL-Parser 9.5 became unhandled errors (found by the fuzz test):
/// <list type="bullet">
/// <item>a document nested deeper than the parser's limit (128 AST levels): <see cref="DocumentTooDeepError"/>, <c>MAX_DEPTH_EXCEEDED</c>;</item>
/// <item>a syntax error after a lone carriage return (<c>"\r]"</c>): composing the message throws
/// <see cref="IndexOutOfRangeException"/>. The document is parsed again with lone CRs as LFs (both are line terminators,
/// so the meaning is the same), which gives the usual <c>SYNTAX_ERROR</c>.</item>
/// </list>
/// When <see cref="DocumentLimitsOptions"/> are registered, the document's tokens are counted before it is parsed and its
/// size is checked right after, before any validation rule sees it (<see cref="DocumentLimitError"/>).
/// </summary>
internal sealed class GuardedDocumentBuilder(DocumentLimitsOptions? limits = null) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _inner = new();

    public GraphQLDocument Build(string body)
    {
        if (limits is not null)
        {
            DocumentLimitChecker.CheckTokens(body, limits);
        }

        var document = BuildGuarded(body);
        if (limits is not null)
        {
            DocumentLimitChecker.CheckTree(document, limits);
        }

        return document;
    }

    private GraphQLDocument BuildGuarded(string body)
    {
        try
        {
            return BuildOnce(body);
        }
        catch (IndexOutOfRangeException) when (body.Contains('\r', StringComparison.Ordinal))
        {
            return BuildOnce(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        }
        catch (Exception e) when (e is not (ExecutionError or OperationCanceledException))
        {
            throw new UnreadableDocumentError();
        }
    }

    private GraphQLDocument BuildOnce(string body)
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

/// <summary>The parser failed on the document in a way it does not describe.</summary>
internal sealed class UnreadableDocumentError : DocumentError
{
    public UnreadableDocumentError()
        : base("Error parsing query: the document is not valid GraphQL.")
    {
        Code = "SYNTAX_ERROR";
    }
}
