namespace ProcurementGraph.Toolkit.Documents;

/// <summary>Documents whose text has passed parsing and validation before and is kept parsed (<see cref="ValidatedDocumentCache"/>).</summary>
public interface IKnownDocuments
{
    /// <summary>Whether a request with this text would skip parsing and the document-only validation rules.</summary>
    bool IsKnown(string query);
}
