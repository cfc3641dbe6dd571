namespace ProcurementGraph.Toolkit.Mutations;

/// <summary>What a write did to a row.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}
