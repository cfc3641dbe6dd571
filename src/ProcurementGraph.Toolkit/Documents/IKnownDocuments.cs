using System.Diagnostics.CodeAnalysis;
using GraphQLParser.AST;

namespace ProcurementGraph.Toolkit.Documents;

/// <summary>Documents whose text has passed parsing and validation before and is kept parsed (<see cref="ValidatedDocumentCache"/>).</summary>
public interface IKnownDocuments
{
    /// <summary>Whether a request with this text would skip parsing and the document-only validation rules.</summary>
    bool IsKnown(string query);

    /// <summary>The kept document of this text, if there is one (it counts as a use).</summary>
    bool TryGet(string query, [NotNullWhen(true)] out GraphQLDocument? document);
}
