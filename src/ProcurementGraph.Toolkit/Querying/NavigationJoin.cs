using System.Reflection;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// How a navigation joins its owner to its target, on single columns: <c>target.TargetKey = owner.OwnerKey</c>
/// (for a collection, the target's foreign key and the owner's key; for a reference, the owner's foreign key and the target's key).
/// </summary>
public sealed record NavigationJoin(PropertyInfo OwnerKey, PropertyInfo TargetKey);
