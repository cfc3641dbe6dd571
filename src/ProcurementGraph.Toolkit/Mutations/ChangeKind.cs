namespace ProcurementGraph.Server.Mutations;

/// <summary>What a write did to a row.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}
