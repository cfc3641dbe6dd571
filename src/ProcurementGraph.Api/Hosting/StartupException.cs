namespace ProcurementGraph.Api.Hosting;

/// <summary>
/// A wrong configuration or an unreachable database found at start. Its message is one line
/// that names the setting; the host prints it and exits non-zero instead of serving 500s.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
