using System.Reflection;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// How a navigation joins its owner to its target, on single columns: <c>target.TargetKey = owner.OwnerKey</c>
/// (for a collection, the target's foreign key and the owner's key; for a reference, the owner's foreign key and the target's key).
/// </summary>
/// <param name="OwnerKey">The owner's column of the join.</param>
/// <param name="TargetKey">The target's column of the join.</param>
/// <param name="TargetRequired">The owner is the dependent of a required foreign key: its target row always exists.</param>
public sealed record NavigationJoin(PropertyInfo OwnerKey, PropertyInfo TargetKey, bool TargetRequired = false);
