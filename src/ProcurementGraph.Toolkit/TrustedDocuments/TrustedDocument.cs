namespace ProcurementGraph.Toolkit.TrustedDocuments;

/// <summary>One trusted document: its id (lower-case hex SHA-256 of <see cref="Text"/>'s bytes), its text and the file it came from.</summary>
public sealed record TrustedDocument(string Id, string Text, string Source);
