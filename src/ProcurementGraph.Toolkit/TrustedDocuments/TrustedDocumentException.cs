namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>The trusted documents cannot be loaded; the message (one line) names the folder or the file.</summary>
public sealed class TrustedDocumentException : Exception
{
    public TrustedDocumentException()
    {
    }

    public TrustedDocumentException(string message)
        : base(message)
    {
    }

    public TrustedDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
