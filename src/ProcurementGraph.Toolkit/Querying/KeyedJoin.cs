using System.Linq.Expressions;

namespace ProcurementGraph.Toolkit.Querying;

/// <summary>
/// How a relation that is no navigation joins its owner to its target: <c>TargetKey(target) == OwnerKey(owner)</c>, both
/// lambdas of one key type (e.g. a key kept as text on the target, <c>owner =&gt; owner.Id.ToString()</c> on the owner).
/// </summary>
public sealed record KeyedJoin(LambdaExpression OwnerKey, LambdaExpression TargetKey);
